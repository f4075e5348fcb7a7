"""
Published results: what learners (and the staff of an anonymous survey) are shown of a survey's
tallies. They are recounted only when at least ``CADRE_SURVEY_MIN_GROUP_SIZE`` new responses have
come since the last time, so that two looks at the results, however close, differ by a batch of
answers and never by one person's (decision 0016). A survey's submits already queue on its row,
so publishing is part of the submit that completes a batch. Demand across surveys counts the
topic picks published so, for the same reason.
"""
from survey_plugin import config
from survey_plugin.models import Answer, Survey, Tally, TopicPick
from survey_plugin.tallies import RESPONSES


def publish_if_due(*, survey_id: int) -> bool:
    """Publish the survey's tallies when a batch of new responses is complete; whether it did. Call under the lock."""
    rows = list(Tally.objects.filter(survey_id=survey_id, count__gt=0)
                .values_list("question_id", "option", "count", "rank_total"))
    responses = next((count for question_id, option, count, _rank in rows if (question_id, option) == RESPONSES), 0)
    published = Survey.objects.filter(pk=survey_id).values_list("published", flat=True).first() or {}
    if responses - published.get("responses", 0) < config.min_group_size():
        return False
    Survey.objects.filter(pk=survey_id).update(published={
        "responses": responses,
        "rows": sorted([question_id, option, count, rank] for question_id, option, count, rank in rows
                       if (question_id, option) != RESPONSES),
    })
    # Only free text is shown by answer, so only it is marked: the other answers carry no sign of being recent.
    Answer.objects.filter(survey_id=survey_id, published=False, text_start__gt="").update(published=True)
    TopicPick.objects.filter(response__survey_id=survey_id, published=False).update(published=True)
    return True


def published_rows(published: dict) -> tuple[int, list[tuple[str, str, int, int]]]:
    """The response count and the (question id, option, count, rank total) rows of a published snapshot."""
    return published.get("responses", 0), [tuple(row) for row in published.get("rows", ())]
