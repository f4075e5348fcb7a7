"""A training archive as an XLSX workbook: the record on the first sheet, every entry on the second."""
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cadre_common.spreadsheets import SheetSpec, xlsx_bytes
from credit_plugin import config
from credit_plugin.compliance.data import TrainingArchive
from credit_plugin.ledger.data import SourceKind
from credit_plugin.organisations.data import CadreCategory

MILESTONES = {"registration": gettext_lazy("Registered after taking office"),
              "required_courses": gettext_lazy("Required courses finished")}


def milestone_label(rule: str) -> str:
    return str(MILESTONES.get(rule, rule))


def _record_rows(archive: TrainingArchive) -> tuple[list[list], set[int]]:
    """The first sheet's rows, and which of them are headers."""
    rows, headers = [[_("Training archive of %(name)s") % {"name": archive.full_name}]], set()
    profile = archive.profile
    if profile:
        category = str(dict(CadreCategory.choices).get(profile.category, profile.category))
        rows += [[_("Organisation"), profile.organisation_name], [_("Position"), profile.position],
                 [_("Category"), category], [_("Took office"), profile.took_office_on],
                 [_("Registered"), profile.registered_on]]

    def section(header, body):
        rows.append([])
        headers.add(len(rows) + 1)
        rows.append(header)
        rows.extend(body)

    section([_("Milestone"), _("Due"), _("Met on")],
            [[milestone_label(d.rule), d.due_on, d.met_on] for d in archive.milestones])
    section([_("Year"), _("Credits"), _("Class hours"), _("Credit target"), _("Hour target")],
            [[y.summary.year, float(y.summary.credits), float(y.summary.hours), float(y.summary.credit_target),
              float(y.summary.hour_target)] for y in archive.years])
    section([_("Certificate"), _("Year"), _("Serial number"), _("Issued on"), _("Status")],
            [[c.title, c.year, c.serial_number, c.issued_on,
              c.status_label] for c in archive.certificates])
    return rows, headers


def archive_workbook(archive: TrainingArchive) -> bytes:
    record_rows, headers = _record_rows(archive)
    zone, labels = config.credit_time_zone(), dict(SourceKind.choices)
    entry_rows = [[_("Date"), _("Year"), _("Item"), _("Source"), _("Credits"), _("Class hours"), _("Reason")]] + [
        [entry.earned_at.astimezone(zone).date(), entry.year, entry.title or entry.reference,
         str(labels[entry.source_kind]), float(entry.credits), float(entry.hours), entry.reason]
        for year in archive.years for entry in year.entries
    ]
    return xlsx_bytes([
        SheetSpec(title=_("Training archive"), rows=record_rows, heading_rows=frozenset({1}),
                  bold_rows=frozenset(headers), widths=(28,)),
        SheetSpec(title=_("Entries"), rows=entry_rows, bold_rows=frozenset({1})),
    ])
