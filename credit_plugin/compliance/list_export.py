"""
Compliance lists as XLSX or CSV: a small one answers the request at once, a large one is written by
a user task (``tasks.export_compliance``) whose page shows its progress. Either way it holds only
what the administrator who asked may see, checked when asked and again when written.
"""
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from cadre_common.spreadsheets import SheetSpec, csv_bytes, xlsx_bytes
from credit_plugin import config
from credit_plugin.compliance import reports
from credit_plugin.compliance.data import CadreCompliance, ComplianceStatus, PendingRegistration
from credit_plugin.organisations import api as organisations_api

FORMATS = ("xlsx", "csv")
SCOPE_NOTE = "Organisation"  # the organisation a task's file covers, checked again at download


def headers() -> list[str]:
    return [
        _("Name"), _("Username"), _("Organisation code"), _("Organisation"), _("Category"), _("Year"),
        _("Credits"), _("Credit target"), _("Class hours"), _("Hour target"), _("Credits expected by now"),
        _("Status"), _("Reasons"),
    ]


def _rows(cadres: list[CadreCompliance]):
    statuses, categories = dict(ComplianceStatus.choices), dict(organisations_api.CadreCategory.choices)
    for cadre in cadres:
        yield [
            cadre.full_name, cadre.username, cadre.organisation_code, cadre.organisation_name,
            str(categories.get(cadre.category, cadre.category)), cadre.year, float(cadre.credits),
            float(cadre.credit_target), float(cadre.hours), float(cadre.hour_target), float(cadre.expected_credits),
            str(statuses[cadre.status]), " ".join(cadre.reasons),
        ]


def _pending_rows(pending: list[PendingRegistration], year: int):
    """Appointed cadres without an account: counted on the dashboard, so listed in its file too."""
    statuses, categories = dict(ComplianceStatus.choices), dict(organisations_api.CadreCategory.choices)
    for cadre in pending:
        if cadre.days_left >= 0:
            reason = _("Not registered yet: register by %(day)s (%(count)s days left).") % {
                "day": cadre.due_on.isoformat(), "count": cadre.days_left}
        else:
            reason = _("Not registered: the deadline %(day)s passed %(count)s days ago.") % {
                "day": cadre.due_on.isoformat(), "count": cadre.days_overdue}
        yield [cadre.full_name, "", cadre.organisation_code, cadre.organisation_name,
               str(categories.get(cadre.category, cadre.category)), year, "", "", "", "", "",
               str(statuses[cadre.status]), reason]


def list_file(*, cadres: list[CadreCompliance], file_format: str, title: str, progress=None,
              pending: list[PendingRegistration] = (), year: int | None = None) -> bytes:
    """The cadres, then the appointed ones not yet registered, as ``xlsx`` (a title row above the header) or ``csv``."""
    rows = [*_rows(cadres), *_pending_rows(pending, year)]
    if file_format == "csv":
        return csv_bytes([headers(), *rows], progress=progress)
    return xlsx_bytes([SheetSpec(title=_("Compliance"), rows=[[title], headers(), *rows],
                                 heading_rows=frozenset({1}), bold_rows=frozenset({2}))], progress=progress)


def list_title(*, organisation_name: str, year: int) -> str:
    return _("Training compliance of %(organisation)s, %(year)s") % {"organisation": organisation_name, "year": year}


def filename(*, organisation_code: str, year: int, file_format: str) -> str:
    return f"compliance-{organisation_code}-{year}.{file_format}"


def rows_in_request() -> int:
    """Lists of up to this many cadres answer the request; longer ones are written by a task."""
    return int(config.get("CADRE_TRAINING_EXPORT_ROWS_IN_REQUEST"))


def write_list(task, *, user_id: int, organisation_code: str, year: int, status: str, category: str,
               file_format: str) -> None:
    """The task's work: the list of what ``user_id`` may still see, written with progress."""
    viewer = get_user_model().objects.get(pk=user_id)
    organisation = organisations_api.visible_organisation(viewer=viewer, code=organisation_code)
    task.note(SCOPE_NOTE, organisation_code)
    cadres = reports.compliance_list(viewer=viewer, organisation_code=organisation_code, year=year, status=status,
                                     category=category)
    pending = reports.compliance_report(viewer=viewer, organisation_code=organisation_code, year=year,
                                        status=status, category=category).pending
    content = list_file(cadres=cadres, file_format=file_format, pending=list(pending), year=year,
                        title=list_title(organisation_name=organisation.name, year=year),
                        progress=lambda done: task.report_progress(done, len(cadres) + len(pending) + 1))
    task.save_file(content, filename(organisation_code=organisation_code, year=year, file_format=file_format))
