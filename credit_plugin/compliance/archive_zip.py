"""
The training archives of a whole organisation as one ZIP (a user task with progress): one folder per
organisation code, an XLSX and a PDF per serving cadre, spooled to a temporary file, not memory.
"""
import re
import tempfile
import zipfile

from django.contrib.auth import get_user_model
from django.core.files import File

from credit_plugin.compliance.archive_pdf import archive_pdf
from credit_plugin.compliance.archive_workbook import archive_workbook
from credit_plugin.compliance.archives import training_archive
from credit_plugin.compliance.list_export import SCOPE_NOTE
from credit_plugin.organisations import api as organisations_api

PROGRESS_EVERY = 50
# Anything but letters (any script), digits, "." "_" and "-" in a ZIP entry name becomes "_": no
# "../", no "\", no separator a name could smuggle in.
_UNSAFE = re.compile(r"[^\w.-]+")


def safe_part(text: str) -> str:
    """``text`` as one safe path component of a ZIP entry (never empty, never "." or "..")."""
    part = _UNSAFE.sub("_", text).strip("._") or "_"
    return part[:80]


def write_archives(task, *, user_id: int, organisation_code: str) -> None:
    """The task's work: every serving cadre of the organisation ``user_id`` may still see."""
    viewer = get_user_model().objects.get(pk=user_id)
    organisation = organisations_api.visible_organisation(viewer=viewer, code=organisation_code)
    task.note(SCOPE_NOTE, organisation_code)
    cadres = organisations_api.serving_cadres(organisation_path=organisation.path)
    with tempfile.TemporaryFile() as spool:
        with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive_zip:
            for done, cadre in enumerate(cadres, start=1):
                archive = training_archive(user_id=cadre.user_id, username=cadre.username)
                stem = f"{safe_part(cadre.organisation_code)}/{safe_part(cadre.username)}-{safe_part(cadre.full_name)}"
                archive_zip.writestr(f"{stem}.xlsx", archive_workbook(archive))
                archive_zip.writestr(f"{stem}.pdf", archive_pdf(archive))
                if done % PROGRESS_EVERY == 0:
                    task.report_progress(done, len(cadres))
        spool.seek(0)
        task.save_file(File(spool), f"training-archives-{safe_part(organisation_code)}.zip")
