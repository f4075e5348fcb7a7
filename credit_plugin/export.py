"""A learner's year of entries as an XLSX workbook (Chinese headers first, as training offices file them)."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from credit_plugin import config
from credit_plugin.data import SourceKind, YearSummary


def entries_workbook(*, summary: YearSummary, entries, learner_name: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(summary.year)
    sheet.append([_("Training record of %(name)s, %(year)s") % {"name": learner_name, "year": summary.year}])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([_("Credits"), float(summary.credits), _("Target"), float(summary.credit_target)])
    sheet.append([_("Class hours"), float(summary.hours), _("Target"), float(summary.hour_target)])
    sheet.append([])
    sheet.append([_("Date"), _("Item"), _("Source"), _("Credits"), _("Class hours"), _("Reason"), _("Entry")])
    for cell in sheet[5]:
        cell.font = Font(bold=True)
    zone = config.credit_time_zone()
    labels = dict(SourceKind.choices)
    for entry in entries:
        sheet.append(
            [
                entry.earned_at.astimezone(zone).date(),
                entry.title or entry.reference,
                str(labels[entry.source_kind]),
                float(entry.credits),
                float(entry.hours),
                entry.reason,
                entry.id,
            ]
        )
    for column, width in zip("ABCDEFG", (12, 40, 14, 10, 10, 30, 8), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
