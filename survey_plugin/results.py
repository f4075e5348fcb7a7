"""A survey's results for its staff: counts per option from the tallies, free-text answers, exports."""
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from survey_plugin import config
from survey_plugin.data import OptionTally, SurveyResults
from survey_plugin.models import Answer, Survey, SurveyResponse, Tally
from survey_plugin.tallies import RESPONSES, TEXT_ANSWERED

MAX_TEXTS_SHOWN = 100
EXPORT_CHUNK = 1000


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


def response_rows(*, survey_key: str, question_ids: list[str]):
    """
    One row per response for an export: who answered (named surveys only), the day, then each
    question's answer. An anonymous survey's rows carry no user and come in hash order, not in
    the order they were given. Answers are read a chunk of responses at a time, so memory stays
    flat however many answered.
    """
    survey = Survey.objects.filter(survey_key=survey_key).first()
    if survey is None:
        return
    responses = SurveyResponse.objects.filter(survey=survey)
    responses = responses.order_by("respondent_key") if survey.anonymous else responses.order_by("submitted_on", "id")
    fields = ["id", "submitted_on"]
    if not survey.anonymous:
        fields += ["user__username", "user__first_name", "user__last_name"]
    rows = list(responses.values_list(*fields))
    for start in range(0, len(rows), EXPORT_CHUNK):
        chunk = rows[start:start + EXPORT_CHUNK]
        answers: dict[int, dict[str, tuple]] = {}
        for response_id, question_id, *answer in Answer.objects.filter(
            response_id__in=[row[0] for row in chunk]
        ).values_list("response_id", "question_id", "choices", "rating", "text"):
            answers.setdefault(response_id, {})[question_id] = answer
        for response_id, submitted_on, *who in chunk:
            own = answers.get(response_id, {})
            named = [who[0], f"{who[1]}{who[2]}"] if who else []
            yield [*named, submitted_on.isoformat(), *(_cell(own.get(qid)) for qid in question_ids)]


def _cell(answer: tuple | None) -> str:
    if answer is None:
        return ""
    choices, rating, text = answer
    if rating is not None:
        return str(rating)
    if choices:
        return ", ".join(choices)
    return text


def survey_is_anonymous(*, survey_key: str) -> bool | None:
    return Survey.objects.filter(survey_key=survey_key).values_list("anonymous", flat=True).first()
