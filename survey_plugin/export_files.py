"""Responses and demand as XLSX or CSV (CSV with a BOM, so Excel opens the Chinese right)."""
import csv
import io

from openpyxl import Workbook

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def _safe(cell):
    """A learner's text that a spreadsheet would run as a formula (=, +, -, @) is kept as text."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@"):
        return "'" + cell
    return cell


def _sheet_title(title: str) -> str:
    return "".join(ch for ch in title if ch not in "[]:*?/\\")[:31] or "responses"


def write_table(file_format: str, header: list[str], rows, *, title: str, progress=None) -> bytes:
    """The rows under the header, learner text neutralised; ``progress(rows written)`` every 1,000 rows."""
    def counted():
        for number, row in enumerate(rows, start=1):
            if progress and number % 1000 == 0:
                progress(number)
            yield [_safe(cell) for cell in row]

    if file_format == "csv":
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(header)
        writer.writerows(counted())
        return ("\ufeff" + text.getvalue()).encode("utf-8")
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(title))
    sheet.append(header)
    for row in counted():
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
