"""A training archive as an XLSX workbook: the record on the first sheet, every entry on the second."""
import io

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from credit_plugin import config
from credit_plugin.cadres.archive import TrainingArchive
from credit_plugin.data import CadreCategory, SourceKind
from credit_plugin.models import CertificateStatus

MILESTONES = {"registration": gettext_lazy("Registered after taking office"),
              "required_courses": gettext_lazy("Required courses finished")}


def milestone_label(rule: str) -> str:
    return str(MILESTONES.get(rule, rule))


def archive_workbook(archive: TrainingArchive) -> bytes:
    workbook = Workbook()
    record = workbook.active
    record.title = _("Training archive")[:31]
    record.append([_("Training archive of %(name)s") % {"name": archive.full_name}])
    record["A1"].font = Font(bold=True, size=14)
    profile = archive.profile
    if profile:
        categories = dict(CadreCategory.choices)
        for label, value in ((_("Organisation"), profile.organisation_name), (_("Position"), profile.position),
                             (_("Category"), str(categories.get(profile.category, profile.category))),
                             (_("Took office"), profile.took_office_on), (_("Registered"), profile.registered_on)):
            record.append([label, value])
    record.append([])
    record.append([_("Milestone"), _("Due"), _("Met on")])
    for deadline in archive.milestones:
        record.append([milestone_label(deadline.rule), deadline.due_on, deadline.met_on])
    record.append([])
    record.append([_("Year"), _("Credits"), _("Class hours"), _("Credit target"), _("Hour target")])
    for year in archive.years:
        summary = year.summary
        record.append([summary.year, float(summary.credits), float(summary.hours), float(summary.credit_target),
                       float(summary.hour_target)])
    record.append([])
    record.append([_("Certificate"), _("Year"), _("Serial number"), _("Issued on"), _("Status")])
    statuses = dict(CertificateStatus.choices)
    for certificate in archive.certificates:
        record.append([certificate.title, certificate.year, certificate.serial_number, certificate.issued_on,
                       str(statuses[certificate.status])])
    record.column_dimensions["A"].width = 28
    entries_sheet = workbook.create_sheet(_("Entries")[:31])
    entries_sheet.append([_("Date"), _("Year"), _("Item"), _("Source"), _("Credits"), _("Class hours"), _("Reason")])
    zone, labels = config.credit_time_zone(), dict(SourceKind.choices)
    for year in archive.years:
        for entry in year.entries:
            entries_sheet.append([entry.earned_at.astimezone(zone).date(), entry.year, entry.title or entry.reference,
                                  str(labels[entry.source_kind]), float(entry.credits), float(entry.hours),
                                  entry.reason])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
