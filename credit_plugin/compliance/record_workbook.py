"""A learner's year of entries as an XLSX workbook (Chinese headers first, as training offices file them)."""
from django.utils.translation import gettext as _

from cadre_common.spreadsheets import SheetSpec, xlsx_bytes
from credit_plugin import config
from credit_plugin.ledger.data import SourceKind, YearSummary


def entries_workbook(*, summary: YearSummary, entries, learner_name: str) -> bytes:
    zone, labels = config.credit_time_zone(), dict(SourceKind.choices)
    rows = [
        [_("Training record of %(name)s, %(year)s") % {"name": learner_name, "year": summary.year}],
        [_("Credits"), float(summary.credits), _("Target"), float(summary.credit_target)],
        [_("Class hours"), float(summary.hours), _("Target"), float(summary.hour_target)],
        [],
        [_("Date"), _("Item"), _("Source"), _("Credits"), _("Class hours"), _("Reason"), _("Entry")],
        *([entry.earned_at.astimezone(zone).date(), entry.title or entry.reference, str(labels[entry.source_kind]),
           float(entry.credits), float(entry.hours), entry.reason, entry.id] for entry in entries),
    ]
    return xlsx_bytes([SheetSpec(title=str(summary.year), rows=rows, heading_rows=frozenset({1}),
                                 bold_rows=frozenset({5}), widths=(12, 40, 14, 10, 10, 30, 8))])
