"""A training archive as a PDF (A4, Chinese first), in the certificates' embedded CJK font."""
import io
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from credit_plugin import config
from credit_plugin.certificates import api as certificates_api
from credit_plugin.compliance.archive_workbook import milestone_label
from credit_plugin.compliance.data import TrainingArchive


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=14, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=17, leading=24, spaceAfter=4),
        "heading": ParagraphStyle("heading", parent=base, fontSize=12, leading=18, spaceBefore=10, spaceAfter=4),
        "body": base,
    }


def _table(rows, widths, font, header=True):
    cells = [[Paragraph(escape(str(cell)), ParagraphStyle("cell", fontName=font, fontSize=9, leading=12,
                                                          wordWrap="CJK")) for cell in row] for row in rows]
    table = Table(cells, colWidths=widths, repeatRows=1 if header else 0)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#bbbbbb")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f2f2f2") if header else colors.white),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def archive_pdf(archive: TrainingArchive) -> bytes:
    font = certificates_api.certificate_font("sans")
    styles = _styles(font)
    out = io.BytesIO()
    document = SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                                 bottomMargin=16 * mm, title=_("Training archive of %(name)s") % {
                                     "name": archive.full_name})
    story = [Paragraph(escape(_("Training archive of %(name)s") % {"name": archive.full_name}), styles["title"])]
    profile = archive.profile
    if profile:
        story.append(_table([
            [_("Organisation"), profile.organisation_name, _("Position"), profile.position or "—"],
            [_("Took office"), profile.took_office_on.isoformat(), _("Registered"), profile.registered_on.isoformat()],
        ], [28 * mm, 57 * mm, 28 * mm, 61 * mm], font, header=False))
        story.append(Paragraph(escape(_("Onboarding milestones")), styles["heading"]))
        story.append(_table([[_("Milestone"), _("Due"), _("Met on")]] + [
            [milestone_label(d.rule), d.due_on.isoformat(), d.met_on.isoformat() if d.met_on else "—"]
            for d in archive.milestones], [84 * mm, 45 * mm, 45 * mm], font))
    story.append(Paragraph(escape(_("Certificates")), styles["heading"]))
    if archive.certificates:
        story.append(_table([[_("Certificate"), _("Year"), _("Serial number"), _("Issued on"), _("Status")]] + [
            [c.title, c.year, c.serial_number, c.issued_on.isoformat(), c.status_label]
            for c in archive.certificates
        ], [52 * mm, 16 * mm, 46 * mm, 30 * mm, 30 * mm], font))
    else:
        story.append(Paragraph(escape(_("No certificates yet.")), styles["body"]))
    zone = config.credit_time_zone()
    for year in archive.years:
        summary = year.summary
        story.append(Paragraph(escape(f"{summary.year}：" + _("%(credits)s credits, %(hours)s class hours") % {
            "credits": summary.credits, "hours": summary.hours}), styles["heading"]))
        story.append(_table([[_("Date"), _("Item"), _("Credits"), _("Class hours")]] + [
            [e.earned_at.astimezone(zone).date().isoformat(), e.title or e.reference, e.credits, e.hours]
            for e in year.entries], [26 * mm, 104 * mm, 22 * mm, 22 * mm], font))
    story.append(Spacer(1, 6 * mm))
    document.build(story)
    return out.getvalue()
