"""A survey's results: counts per option from the tallies, how many responded, free-text answers for staff."""
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from survey_plugin import config
from survey_plugin.data import OptionTally, SurveyResults
from survey_plugin.models import Answer, Survey, Tally
from survey_plugin.tallies import RESPONSES, TEXT_ANSWERED

MAX_TEXTS_SHOWN = 100


def survey_results(*, survey_key: str, text_questions: Iterable[str] = ()) -> SurveyResults:
    """
    Counts per question and option, most chosen first, how many answered each free-text
    question, and the words of the ``text_questions`` asked for (course staff's view). An
    anonymous survey with fewer responses than ``CADRE_SURVEY_MIN_GROUP_SIZE`` shows nothing, so
    that nobody's answer can be read off it.
    """
    found = Survey.objects.filter(survey_key=survey_key).values_list("id", "anonymous").first()
    if found is None:
        return SurveyResults(responses=0, hidden=False, tallies={}, texts={}, text_answers={})
    survey_id, anonymous = found
    rows = list(
        Tally.objects.filter(survey_id=survey_id, count__gt=0).order_by("question_id", "-count", "option")
        .values_list("question_id", "option", "count", "rank_total")
    )
    responses = next((count for question_id, option, count, _rank in rows if (question_id, option) == RESPONSES), 0)
    if anonymous and responses < config.min_group_size():
        return SurveyResults(responses=responses, hidden=True, tallies={}, texts={}, text_answers={})
    counted: dict[str, list[OptionTally]] = {}
    text_answers: dict[str, int] = {}
    for question_id, option, count, rank_total in rows:
        if (question_id, option) == RESPONSES:
            continue
        if option == TEXT_ANSWERED:
            text_answers[question_id] = count
            continue
        average = (Decimal(rank_total) / count).quantize(Decimal("0.01"), ROUND_HALF_UP) if rank_total else None
        counted.setdefault(question_id, []).append(OptionTally(option=option, count=count, average_rank=average))
    return SurveyResults(
        responses=responses, hidden=False,
        tallies={key: tuple(value) for key, value in counted.items()},
        texts={question_id: _texts(survey_id, question_id) for question_id in text_questions
               if text_answers.get(question_id)},
        text_answers=text_answers,
    )


def _texts(survey_id: int, question_id: str) -> tuple[str, ...]:
    # In the order of the text itself, not of when it came, so the order tells nothing about who
    # wrote it; the indexed first characters give that order without sorting every answer.
    return tuple(
        Answer.objects.filter(survey_id=survey_id, question_id=question_id, text_start__gt="")
        .order_by("text_start", "id").values_list("text", flat=True)[:MAX_TEXTS_SHOWN]
    )


def response_count(*, survey_key: str) -> int:
    return Tally.objects.filter(
        survey__survey_key=survey_key, question_id=RESPONSES[0], option=RESPONSES[1]
    ).values_list("count", flat=True).first() or 0
