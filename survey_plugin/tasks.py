"""Celery tasks of the survey plugin; they run on the LMS's workers (eagerly in the devhost and tests)."""
from celery import shared_task

from cadre_common.file_tasks import FileTask
from survey_plugin.data import ExportQuestion
from survey_plugin.response_exports import purge_expired_response_exports, response_file
from survey_plugin.results import response_count


@shared_task(base=FileTask, bind=True, name="survey_plugin.tasks.export_survey_responses")
def export_survey_responses(
    self, user_id: int, survey_key: str, file_format: str, header: list[str], title: str,
    questions: list[dict] | None = None, question_ids: list[str] | None = None,
) -> None:
    """
    Write a survey's responses for ``user_id`` (a django-user-tasks job), reporting progress as it
    goes. ``question_ids`` is what tasks queued before option texts were exported carry.
    """
    total = response_count(survey_key=survey_key)
    asked = [ExportQuestion(**question) for question in questions or ()]
    asked += [ExportQuestion(question_id=question_id) for question_id in question_ids or ()]
    content = response_file(
        survey_key=survey_key, file_format=file_format, header=header, questions=asked, title=title,
        progress=lambda rows_written: self.report_progress(rows_written, total + 1),  # the header is a row too
    )
    self.save_file(content, f"survey-responses.{file_format}")


@shared_task(name="survey_plugin.tasks.purge_expired_exports")
def purge_expired_exports() -> int:
    """Periodic: delete response exports, their files first, older than CADRE_SURVEY_EXPORT_RETENTION_DAYS."""
    return purge_expired_response_exports()
