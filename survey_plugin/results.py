"""A survey's results for its staff: counts per option from the tallies, free-text answers, exports."""
from decimal import ROUND_HALF_UP, Decimal

from survey_plugin import config
from survey_plugin.data import OptionTally, SurveyResults
from survey_plugin.models import Answer, Survey, SurveyResponse, Tally

MAX_TEXTS_SHOWN = 200


def survey_results(*, survey_key: str) -> SurveyResults:
    """
    Counts per question and option, most chosen first. An anonymous survey with fewer responses
    than ``CADRE_SURVEY_MIN_GROUP_SIZE`` shows nothing, so that nobody's answer can be read off it.
    """
    survey = Survey.objects.filter(survey_key=survey_key).first()
    if survey is None:
        return SurveyResults(responses=0, hidden=False, tallies={}, texts={})
    responses = survey.responses.count()
    if survey.anonymous and responses < config.min_group_size():
        return SurveyResults(responses=responses, hidden=True, tallies={}, texts={})
    tallies: dict[str, list[OptionTally]] = {}
    for question_id, option, count, rank_total in (
        Tally.objects.filter(survey=survey, count__gt=0).order_by("question_id", "-count", "option")
        .values_list("question_id", "option", "count", "rank_total")
    ):
        average = (Decimal(rank_total) / count).quantize(Decimal("0.01"), ROUND_HALF_UP) if rank_total else None
        tallies.setdefault(question_id, []).append(OptionTally(option=option, count=count, average_rank=average))
    texts: dict[str, list[str]] = {}
    # Sorted by the text itself, not by when it came, so the order tells nothing about who wrote it.
    for question_id, text in (
        Answer.objects.filter(response__survey=survey).exclude(text="").order_by("question_id", "text")
        .values_list("question_id", "text")
    ):
        shown = texts.setdefault(question_id, [])
        if len(shown) < MAX_TEXTS_SHOWN:
            shown.append(text)
    return SurveyResults(
        responses=responses, hidden=False,
        tallies={key: tuple(value) for key, value in tallies.items()},
        texts={key: tuple(value) for key, value in texts.items()},
    )


def response_rows(*, survey_key: str, question_ids: list[str]):
    """
    One row per response for an export: who answered (named surveys only), the day, then each
    question's answer. An anonymous survey's rows carry no user and come in hash order, not in
    the order they were given.
    """
    survey = Survey.objects.filter(survey_key=survey_key).first()
    if survey is None:
        return
    responses = SurveyResponse.objects.filter(survey=survey)
    responses = responses.order_by("respondent_key") if survey.anonymous else responses.order_by("submitted_on", "id")
    answers: dict[int, dict[str, Answer]] = {}
    for answer in Answer.objects.filter(response__survey=survey).only(
        "response_id", "question_id", "choices", "rating", "text"
    ).iterator(chunk_size=2000):
        answers.setdefault(answer.response_id, {})[answer.question_id] = answer
    fields = ["id", "submitted_on", "cadre_category", "tenure"]
    if not survey.anonymous:
        fields += ["user__username", "user__first_name", "user__last_name"]
    for row in responses.values(*fields).iterator(chunk_size=2000):
        own = answers.get(row["id"], {})
        who = [] if survey.anonymous else [row["user__username"], f"{row['user__first_name']}{row['user__last_name']}"]
        yield [*who, row["submitted_on"].isoformat(), *(_cell(own.get(qid)) for qid in question_ids)]


def _cell(answer: Answer | None) -> str:
    if answer is None:
        return ""
    if answer.rating is not None:
        return str(answer.rating)
    if answer.choices:
        return ", ".join(answer.choices)
    return answer.text


def survey_is_anonymous(*, survey_key: str) -> bool | None:
    return Survey.objects.filter(survey_key=survey_key).values_list("anonymous", flat=True).first()
