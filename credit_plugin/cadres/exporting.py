"""
Compliance exports: small ones answer the request at once, large ones run as a Celery task that
writes the file to Django's default storage and reports progress on a ``ReportExport`` row.
"""
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _

from credit_plugin import config
from credit_plugin.cadres import export, records
from credit_plugin.models import ReportExport

FORMATS = ("xlsx", "csv")


def export_file(*, cadres, file_format: str, title: str, progress=None) -> bytes:
    if file_format == "csv":
        return export.compliance_csv(cadres, progress)
    return export.compliance_xlsx(cadres, title=title, progress=progress)


def export_title(*, organisation_name: str, year: int) -> str:
    return _("Training compliance of %(organisation)s, %(year)s") % {"organisation": organisation_name, "year": year}


def start_export(*, viewer, organisation_code: str, year: int, status: str, category: str, file_format: str):
    """Queue an export of what ``viewer`` may see (checked now, and again when the task runs)."""
    from credit_plugin.tasks import export_compliance

    records.visible_organisation(viewer=viewer, code=organisation_code)
    job = ReportExport.objects.create(
        requested_by=viewer, organisation_code=organisation_code,
        parameters={"year": year, "status": status, "category": category, "format": file_format},
    )
    export_compliance.delay(str(job.id))
    return job


def start_archive_export(*, viewer, organisation_code: str):
    """Queue a ZIP of the training archives (XLSX and PDF) of every serving cadre of the subtree."""
    from credit_plugin.tasks import export_compliance

    records.visible_organisation(viewer=viewer, code=organisation_code)
    job = ReportExport.objects.create(requested_by=viewer, organisation_code=organisation_code,
                                      parameters={"kind": "archives", "format": "zip"})
    export_compliance.delay(str(job.id))
    return job


def run_export(*, export_id: str) -> None:
    job = ReportExport.objects.get(pk=export_id)
    viewer = get_user_model().objects.get(pk=job.requested_by_id)
    parameters = job.parameters
    if parameters.get("kind") == "archives":
        from credit_plugin.cadres.archive_zip import run_archive_export

        run_archive_export(job=job, viewer=viewer)
        return
    try:
        organisation = records.visible_organisation(viewer=viewer, code=job.organisation_code)
        cadres = records.compliance_list(
            viewer=viewer, organisation_code=job.organisation_code, year=parameters["year"],
            status=parameters["status"], category=parameters["category"],
        )
        ReportExport.objects.filter(pk=job.pk).update(status=ReportExport.Status.RUNNING, rows_total=len(cadres))

        def progress(done):
            ReportExport.objects.filter(pk=job.pk).update(rows_done=done)

        content = export_file(
            cadres=cadres, file_format=parameters["format"], progress=progress,
            title=export_title(organisation_name=organisation.name, year=parameters["year"]),
        )
        name = f"compliance-{job.organisation_code}-{parameters['year']}.{parameters['format']}"
        job.file.save(name, ContentFile(content), save=False)
        ReportExport.objects.filter(pk=job.pk).update(
            status=ReportExport.Status.DONE, rows_done=len(cadres), file=job.file.name
        )
    except Exception as error:
        ReportExport.objects.filter(pk=job.pk).update(status=ReportExport.Status.FAILED, error=repr(error))
        raise


def async_threshold() -> int:
    return int(config.get("CADRE_TRAINING_EXPORT_ROWS_IN_REQUEST"))


def purge_expired_exports() -> int:
    """
    Delete the exports asked for more than CADRE_TRAINING_EXPORT_RETENTION_DAYS ago, their files first
    (a file names cadres; a row without its file is harmless, the reverse is not). Returns how many went.
    """
    days = int(config.get("CADRE_TRAINING_EXPORT_RETENTION_DAYS"))
    if days <= 0:
        return 0
    expired = list(ReportExport.objects.filter(created__lt=timezone.now() - timedelta(days=days)))
    for job in expired:
        if job.file:
            job.file.delete(save=False)
    ReportExport.objects.filter(pk__in=[job.pk for job in expired]).delete()
    return len(expired)
