"""
Writing spreadsheets: XLSX (write-only, so a province's rows stay small in memory) or CSV with a BOM
(so Chinese Excel opens it right). Text that a spreadsheet would run as a formula never runs: in
XLSX it is written as a text cell, in CSV behind an apostrophe (the reader takes it off again).
"""
import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

# A cell starting with one of these is a formula (or the start of one) to Excel and LibreOffice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
PROGRESS_EVERY = 1000


def _counted(rows: Iterable[Sequence], progress: Callable[[int], None] | None):
    for number, row in enumerate(rows, start=1):
        if progress and number % PROGRESS_EVERY == 0:
            progress(number)
        yield row


def csv_bytes(rows: Iterable[Sequence], *, progress: Callable[[int], None] | None = None) -> bytes:
    """The rows as UTF-8 CSV with a BOM; text that would run as a formula gets an apostrophe in front."""
    text = io.StringIO()
    writer = csv.writer(text)
    for row in _counted(rows, progress):
        writer.writerow(["'" + cell if isinstance(cell, str) and cell[:1] in FORMULA_STARTS else cell
                         for cell in row])
    return ("\ufeff" + text.getvalue()).encode("utf-8")


@dataclass(frozen=True)
class SheetSpec:
    """
    One sheet of a workbook: its rows, which of them (1-based) are a big bold heading or a bold
    header, and the widths of its first columns.
    """

    title: str
    rows: Iterable[Sequence]
    heading_rows: frozenset[int] = frozenset()
    bold_rows: frozenset[int] = frozenset()
    widths: tuple[float, ...] = field(default=())


def sheet_title(title: str) -> str:
    """A title Excel accepts: no []:*?/\\, at most 31 characters."""
    return "".join(ch for ch in str(title) if ch not in "[]:*?/\\")[:31] or "Sheet"


def xlsx_bytes(sheets: Sequence[SheetSpec], *, progress: Callable[[int], None] | None = None) -> bytes:
    """An XLSX workbook of ``sheets``; every text cell is text, whatever it starts with."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    heading, bold = Font(bold=True, size=14), Font(bold=True)
    for spec in sheets:
        sheet = workbook.create_sheet(title=sheet_title(spec.title))
        for column, width in enumerate(spec.widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        for number, row in enumerate(_counted(spec.rows, progress), start=1):
            font = heading if number in spec.heading_rows else bold if number in spec.bold_rows else None
            cells = []
            for value in row:
                # Plain values are written as they are (cheap); a cell object only where it is needed: a
                # bold row, or text a spreadsheet would take for a formula, which is forced to be text.
                looks_like_formula = isinstance(value, str) and value[:1] in FORMULA_STARTS
                if looks_like_formula or font:
                    cell = WriteOnlyCell(sheet, value=value)
                    if isinstance(value, str):
                        cell.data_type = "s"  # never a formula, whatever the text starts with
                    if font:
                        cell.font = font
                    cells.append(cell)
                else:
                    cells.append(value)
            sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def table_bytes(
    file_format: str, rows: Iterable[Sequence], *, title: str, progress: Callable[[int], None] | None = None
) -> bytes:
    """One table (its header is its first row) as ``xlsx`` or ``csv``."""
    if file_format == "csv":
        return csv_bytes(rows, progress=progress)
    return xlsx_bytes([SheetSpec(title=title, rows=rows, bold_rows=frozenset({1}))], progress=progress)
