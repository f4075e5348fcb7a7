"""
A survey's results: counts per option, how many responded, free-text answers for staff. The
staff of a named survey may read the running tallies; everyone else reads the results as last
published, a batch of responses at a time (``publishing``).
"""
from collections.abc import Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal

from survey_plugin import config
from survey_plugin.data import OptionTally, SurveyResults
from survey_plugin.models import Answer, Survey, Tally
from survey_plugin.publishing import published_rows
from survey_plugin.tallies import RESPONSES, TEXT_ANSWERED

MAX_TEXTS_SHOWN = 100


def survey_results(*, survey_key: str, text_questions: Iterable[str] = (), live: bool = False) -> SurveyResults:
    """
    Counts per question and option, most chosen first, how many answered each free-text
    question, and the words of the ``text_questions`` asked for (course staff's view).

    ``live`` (for the staff of a named survey, who may export who answered what) reads the running
    tallies. Otherwise, and always for an anonymous survey, the results are those last published:
    they change only when ``CADRE_SURVEY_MIN_GROUP_SIZE`` new responses have come, so nobody's
    answer can be read off the difference between two looks; before the first batch they are
    hidden (``responses`` is then 0, not the count). Free text of an anonymous survey is shown only
    once published.
    """
    found = Survey.objects.filter(survey_key=survey_key).values_list("id", "anonymous", "published").first()
    if found is None:
        return SurveyResults(responses=0, hidden=False, tallies={}, texts={}, text_answers={})
    survey_id, anonymous, published = found
    live = live and not anonymous
    if live:
        rows = list(Tally.objects.filter(survey_id=survey_id, count__gt=0)
                    .values_list("question_id", "option", "count", "rank_total"))
        responses = next((count for question_id, option, count, _rank in rows
                          if (question_id, option) == RESPONSES), 0)
    else:
        responses, rows = published_rows(published)
        if responses < config.min_group_size():
            return SurveyResults(responses=0, hidden=True, tallies={}, texts={}, text_answers={})
    rows.sort(key=lambda row: (row[0], -row[2], row[1]))
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
        texts={question_id: _texts(survey_id, question_id, published_only=anonymous) for question_id in text_questions
               if text_answers.get(question_id)},
        text_answers=text_answers,
    )


def _texts(survey_id: int, question_id: str, *, published_only: bool) -> tuple[str, ...]:
    # In the order of the text itself, not of when it came, so the order tells nothing about who
    # wrote it; the indexed first characters give that order without sorting every answer.
    answers = Answer.objects.filter(survey_id=survey_id, question_id=question_id, text_start__gt="")
    if published_only:
        answers = answers.filter(published=True)
    return tuple(answers.order_by("text_start", "id").values_list("text", flat=True)[:MAX_TEXTS_SHOWN])


def published_texts(*, survey_key: str, question_id: str) -> Iterator[str]:
    """Every free-text answer to the question counted in the published results, alphabetically (for the export)."""
    answers = Answer.objects.filter(survey__survey_key=survey_key, question_id=question_id, text_start__gt="",
                                    published=True)
    return answers.order_by("text_start", "id").values_list("text", flat=True).iterator(chunk_size=2000)


def response_count(*, survey_key: str) -> int:
    return Tally.objects.filter(
        survey__survey_key=survey_key, question_id=RESPONSES[0], option=RESPONSES[1]
    ).values_list("count", flat=True).first() or 0
