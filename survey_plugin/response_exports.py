"""
Exports of a survey's responses for its course staff, as XLSX or CSV written by the suite's one
table writer (formulas never run). A small survey's file answers the request; a large one is a
django-user-tasks job that only the member of staff who started it can follow and download, at
this plugin's pages, until the daily purge deletes it ``CADRE_SURVEY_EXPORT_RETENTION_DAYS`` later.

A named survey's file has a row per response, who and when. An anonymous survey's has none
(decision 0016): it is the published results, counts per question and option, under the same
threshold as the page, and the free text counted in them, alphabetically. Both show option texts.
"""
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from itertools import chain

from django.urls import reverse
from django.utils.translation import gettext as _

from cadre_common.spreadsheets import table_bytes
from survey_plugin import config
from survey_plugin.data import ExportQuestion
from survey_plugin.models import Answer, Survey, SurveyResponse
from survey_plugin.results import published_texts, survey_results

EXPORT_CHUNK = 1000


def response_rows(*, survey_key: str, questions: Iterable[ExportQuestion]) -> Iterator[list]:
    """
    A named survey's rows: one per response, who answered, the day, then each question's answer
    (option texts, not ids), by day and username. An anonymous survey's: ``counted_rows``.
    Answers are read a chunk of responses at a time, so memory stays flat however many answered.
    """
    questions = list(questions)
    survey = Survey.objects.filter(survey_key=survey_key).first()
    if survey is None:
        return
    if survey.anonymous:
        yield from counted_rows(survey_key=survey_key, questions=questions)
        return
    question_ids = [question.question_id for question in questions]
    texts = {question.question_id: question.options for question in questions}
    # By day, then by username: ids are random (decision 0016), and a named survey keeps no finer time.
    responses = SurveyResponse.objects.filter(survey=survey).order_by("submitted_on", "user__username", "id")
    fields = ["id", "submitted_on", "user__username", "user__profile__name"]  # the LMS's full name: UserProfile.name
    rows = list(responses.values_list(*fields))
    for start in range(0, len(rows), EXPORT_CHUNK):
        chunk = rows[start:start + EXPORT_CHUNK]
        answers: dict[int, dict[str, tuple]] = {}
        for response_id, question_id, *answer in Answer.objects.filter(
            response_id__in=[row[0] for row in chunk]
        ).values_list("response_id", "question_id", "choices", "rating", "text"):
            answers.setdefault(response_id, {})[question_id] = answer
        for response_id, submitted_on, username, name in chunk:
            own = answers.get(response_id, {})
            yield [username or "", name or "", submitted_on.isoformat(),
                   *(_cell(own.get(qid), texts[qid]) for qid in question_ids)]


def _cell(answer: tuple | None, options: dict[str, str]) -> str:
    if answer is None:
        return ""
    choices, rating, text = answer
    if rating is not None:
        return str(rating)
    if choices:
        return ", ".join(options.get(choice, choice) for choice in choices)
    return text


def counted_header() -> list[str]:
    return [_("Question"), _("Answer"), _("Respondents"), _("Average rank")]


def counted_rows(*, survey_key: str, questions: list[ExportQuestion]) -> Iterator[list]:
    """
    An anonymous survey's export: the results as published (what its page shows, a batch of
    responses at a time): how many responded, then per question each option's text, count and
    average rank, most chosen first, and the published free text alphabetically. Nothing before
    ``CADRE_SURVEY_MIN_GROUP_SIZE`` responses are published, and no row is one response.
    """
    results = survey_results(survey_key=survey_key)
    if results.hidden:
        yield [_("Fewer than %(n)s responses so far: nothing is exported, so that no answer can be told apart.")
               % {"n": config.min_group_size()}]
        return
    yield [_("Responses"), "", results.responses, ""]
    for question in questions:
        for tally in results.tallies.get(question.question_id, ()):
            rank = str(tally.average_rank) if tally.average_rank is not None else ""
            yield [question.prompt, question.options.get(tally.option, tally.option), tally.count, rank]
        if question.question_id in results.text_answers:
            yield [question.prompt, _("Written answers"), results.text_answers[question.question_id], ""]
            for text in published_texts(survey_key=survey_key, question_id=question.question_id):
                yield [question.prompt, text, "", ""]


def response_file(
    *, survey_key: str, file_format: str, header: list[str], questions: Iterable[ExportQuestion], title: str,
    progress: Callable[[int], None] | None = None,
) -> bytes:
    """
    Every response of a named survey under ``header`` (the block's, translated), as ``xlsx`` or
    ``csv``; an anonymous survey's counts under their own header.
    """
    anonymous = Survey.objects.filter(survey_key=survey_key, anonymous=True).exists()
    rows = response_rows(survey_key=survey_key, questions=questions)
    return table_bytes(file_format, chain([counted_header() if anonymous else header], rows), title=title,
                       progress=progress)


def start_response_export(
    *, survey_key: str, requested_by: int, file_format: str, header: list[str], questions: Iterable[ExportQuestion],
    title: str,
) -> str:
    """Queue a file of every response for the member of staff ``requested_by``; the id of its task."""
    # Imported here, like the purge's: the block imports this module wherever it is loaded, and only
    # starting or purging an export needs django-user-tasks' models.
    from cadre_common.file_tasks import start_file_task
    from survey_plugin.tasks import export_survey_responses

    return start_file_task(
        export_survey_responses, user_id=requested_by, survey_key=survey_key, file_format=file_format,
        header=header, questions=[asdict(question) for question in questions], title=title,
    )


def response_export_url(*, task_id: str) -> str:
    """The page that follows the export's task and offers its file when it is written."""
    return reverse("survey_plugin:response_export", kwargs={"task_id": task_id})


def purge_expired_response_exports() -> int:
    """Delete the exports (each file first) asked for more than the retention period ago; how many went."""
    from cadre_common.file_tasks import purge_file_tasks, task_class_name
    from survey_plugin.tasks import export_survey_responses

    return purge_file_tasks(task_classes=(task_class_name(export_survey_responses),),
                            days=config.export_retention_days())
