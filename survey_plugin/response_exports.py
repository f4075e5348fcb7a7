"""
Exports of a survey's responses. A small survey's file answers the request at once; a large one is
written by a Celery task, as the LMS writes its reports, counting rows as it goes so that the
block's status page can show progress. Finished files go to Django's default storage and are
served only to the member of staff who asked, through the block, and deleted after
``CADRE_SURVEY_EXPORT_RETENTION_DAYS``.
"""
import logging
import uuid
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db.models import F
from django.utils import timezone

from survey_plugin import config
from survey_plugin.data import ResponseExportData
from survey_plugin.export_files import write_table
from survey_plugin.models import ResponseExport, Survey
from survey_plugin.results import response_count, response_rows

log = logging.getLogger(__name__)


def export_rows_in_request() -> int:
    """Exports of up to this many responses answer the request; larger ones run as a task."""
    return config.export_rows_in_request()


def start_response_export(
    *, survey_key: str, requested_by: int, file_format: str, header: list[str], question_ids: list[str], title: str
) -> ResponseExportData:
    """Queue an export of every response (of a survey that has some); the header is the block's, translated."""
    from survey_plugin.tasks import export_survey_responses

    job = ResponseExport.objects.create(
        survey=Survey.objects.get(survey_key=survey_key), requested_by_id=requested_by, file_format=file_format,
        columns={"header": header, "question_ids": question_ids, "title": title},
    )
    export_survey_responses.delay(str(job.id))
    return _data(ResponseExport.objects.get(pk=job.pk))


def run_response_export(*, export_id: str) -> None:
    job = ResponseExport.objects.select_related("survey").get(pk=export_id)
    survey_key = job.survey.survey_key
    try:
        total = response_count(survey_key=survey_key)
        ResponseExport.objects.filter(pk=job.pk).update(status=ResponseExport.Status.RUNNING, rows_total=total)

        def progress(done):
            ResponseExport.objects.filter(pk=job.pk).update(rows_done=done)

        rows = response_rows(survey_key=survey_key, question_ids=job.columns["question_ids"])
        content = write_table(job.file_format, job.columns["header"], rows, title=job.columns["title"],
                              progress=progress)
        job.file.save(f"survey-responses-{job.pk}.{job.file_format}", ContentFile(content), save=False)
        ResponseExport.objects.filter(pk=job.pk).update(
            status=ResponseExport.Status.DONE, rows_done=F("rows_total"), file=job.file.name
        )
    except Exception as error:
        log.exception("survey response export %s failed", export_id)
        ResponseExport.objects.filter(pk=job.pk).update(status=ResponseExport.Status.FAILED, error=repr(error))
        raise


def response_export(*, export_id: str, survey_key: str, requested_by: int) -> ResponseExportData | None:
    """The export, if it is of this survey and ``requested_by`` asked for it (anyone else: None)."""
    job = _own(export_id, survey_key, requested_by)
    return _data(job) if job else None


def open_export_file(*, export_id: str, survey_key: str, requested_by: int):
    """The finished file of the export, opened for reading, or None (not finished, or its file already purged)."""
    job = _own(export_id, survey_key, requested_by)
    if job is None or job.status != ResponseExport.Status.DONE:
        return None
    try:
        return job.file.open("rb")
    except FileNotFoundError:
        return None


def purge_expired_exports() -> int:
    """
    Delete the exports asked for more than the retention period ago, each file before its row (the
    file says who answered what; a row left without it is harmless). Returns how many went.
    """
    days = config.export_retention_days()
    if days <= 0:
        return 0
    expired = list(ResponseExport.objects.filter(created__lt=timezone.now() - timedelta(days=days)))
    for job in expired:
        if job.file:
            job.file.delete(save=False)
    ResponseExport.objects.filter(pk__in=[job.pk for job in expired]).delete()
    return len(expired)


def _own(export_id, survey_key, requested_by) -> ResponseExport | None:
    try:
        export_id = uuid.UUID(str(export_id))
    except ValueError:
        return None
    return ResponseExport.objects.filter(
        pk=export_id, survey__survey_key=survey_key, requested_by_id=requested_by
    ).first()


def _data(job: ResponseExport) -> ResponseExportData:
    return ResponseExportData(
        id=str(job.pk), status=job.status, rows_done=job.rows_done, rows_total=job.rows_total,
        file_format=job.file_format, filename=f"survey-responses.{job.file_format}",
    )
