"""The training archives of a whole organisation as one ZIP (a Celery task with progress, as the exports)."""
import tempfile
import zipfile

from django.core.files import File

from credit_plugin.cadres import records
from credit_plugin.cadres.archive import training_archive
from credit_plugin.cadres.archive_files import archive_workbook
from credit_plugin.cadres.archive_pdf import archive_pdf
from credit_plugin.models import CadreProfile, CadreStatus, ReportExport


def run_archive_export(*, job: ReportExport, viewer) -> None:
    """One folder per organisation code, an XLSX and a PDF per cadre; written to a temporary file, not memory."""
    try:
        organisation = records.visible_organisation(viewer=viewer, code=job.organisation_code)
        cadres = list(
            CadreProfile.objects.filter(organisation__path__startswith=organisation.path, status=CadreStatus.SERVING)
            .order_by("organisation__path", "user_id").values_list("user_id", "organisation__code", "user__username")
        )
        ReportExport.objects.filter(pk=job.pk).update(status=ReportExport.Status.RUNNING, rows_total=len(cadres))
        with tempfile.TemporaryFile() as spool:
            with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive_zip:
                for done, (user_id, code, username) in enumerate(cadres, start=1):
                    archive = training_archive(user_id=user_id)
                    stem = f"{code}/{username}-{archive.full_name}"
                    archive_zip.writestr(f"{stem}.xlsx", archive_workbook(archive))
                    archive_zip.writestr(f"{stem}.pdf", archive_pdf(archive))
                    if done % 50 == 0:
                        ReportExport.objects.filter(pk=job.pk).update(rows_done=done)
            spool.seek(0)
            job.file.save(f"training-archives-{job.organisation_code}.zip", File(spool), save=False)
        ReportExport.objects.filter(pk=job.pk).update(status=ReportExport.Status.DONE, rows_done=len(cadres),
                                                      file=job.file.name)
    except Exception as error:
        ReportExport.objects.filter(pk=job.pk).update(status=ReportExport.Status.FAILED, error=repr(error))
        raise
