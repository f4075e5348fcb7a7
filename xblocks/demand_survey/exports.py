"""A survey's responses as an XLSX or CSV file (CSV with a BOM, so Excel opens the Chinese right)."""
import csv
import io

from openpyxl import Workbook

from xblocks.demand_survey.i18n import _

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def header(questions, *, anonymous: bool, translate) -> list[str]:
    who = [] if anonymous else [translate(_("Username")), translate(_("Name"))]
    return [*who, translate(_("Date")), *(question.prompt for question in questions)]


def _safe(cell):
    """A learner's text that a spreadsheet would run as a formula (=, +, -, @) is kept as text."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@"):
        return "'" + cell
    return cell


def write(file_format: str, header_row: list[str], rows, *, title: str) -> tuple[bytes, str]:
    rows = ([_safe(cell) for cell in row] for row in rows)
    if file_format == "csv":
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(header_row)
        writer.writerows(rows)
        return ("\ufeff" + text.getvalue()).encode("utf-8"), FORMATS["csv"]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(title))
    sheet.append(header_row)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue(), FORMATS["xlsx"]


def _sheet_title(title: str) -> str:
    cleaned = "".join(ch for ch in title if ch not in "[]:*?/\\")[:31]
    return cleaned or "responses"
