"""
Exports of a survey's responses for its course staff, as XLSX or CSV written by the suite's one
table writer (formulas never run). A small survey's file answers the request; a large one is a
django-user-tasks job that only the member of staff who started it can follow and download, at
this plugin's pages, until the daily purge deletes it ``CADRE_SURVEY_EXPORT_RETENTION_DAYS`` later.
"""
from collections.abc import Callable, Iterator
from itertools import chain

from django.urls import reverse

from cadre_common.spreadsheets import table_bytes
from survey_plugin import config
from survey_plugin.models import Answer, Survey, SurveyResponse

EXPORT_CHUNK = 1000


def response_rows(*, survey_key: str, question_ids: list[str]) -> Iterator[list]:
    """
    One row per response: who answered (named surveys only), the day, then each question's
    answer. An anonymous survey's rows carry no user and come in hash order, not in the order
    they were given. Answers are read a chunk of responses at a time, so memory stays flat
    however many answered.
    """
    survey = Survey.objects.filter(survey_key=survey_key).first()
    if survey is None:
        return
    responses = SurveyResponse.objects.filter(survey=survey)
    responses = responses.order_by("respondent_key") if survey.anonymous else responses.order_by("submitted_on", "id")
    fields = ["id", "submitted_on"]
    if not survey.anonymous:
        fields += ["user__username", "user__profile__name"]  # the LMS keeps the full name in UserProfile.name
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
            named = [who[0], who[1] or ""] if who else []
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


def response_file(
    *, survey_key: str, file_format: str, header: list[str], question_ids: list[str], title: str,
    progress: Callable[[int], None] | None = None,
) -> bytes:
    """Every response of the survey under ``header`` (the block's, translated), as ``xlsx`` or ``csv``."""
    rows = response_rows(survey_key=survey_key, question_ids=question_ids)
    return table_bytes(file_format, chain([header], rows), title=title, progress=progress)


def start_response_export(
    *, survey_key: str, requested_by: int, file_format: str, header: list[str], question_ids: list[str], title: str
) -> str:
    """Queue a file of every response for the member of staff ``requested_by``; the id of its task."""
    # Imported here, like the purge's: the block imports this module wherever it is loaded, and only
    # starting or purging an export needs django-user-tasks' models.
    from cadre_common.file_tasks import start_file_task
    from survey_plugin.tasks import export_survey_responses

    return start_file_task(
        export_survey_responses, user_id=requested_by, survey_key=survey_key, file_format=file_format,
        header=header, question_ids=question_ids, title=title,
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
