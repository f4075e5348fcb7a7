"""
Reading the spreadsheets Chinese training offices keep: XLSX, or CSV in UTF-8 (with or without
BOM) or GB18030/GBK as Chinese Excel writes it; the header row may sit below title rows.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

HEADER_SEARCH_ROWS = 10


class UnreadableFile(Exception):
    """The file is not a spreadsheet we can read; the message says why."""


@dataclass(frozen=True)
class Sheet:
    columns: dict[str, tuple[int, str]]  # field -> (column index, the header as written)
    rows: list[tuple[int, list[str]]]  # (1-based row number in the file, cells as text)

    def value(self, cells: list[str], field: str) -> str:
        index = self.columns[field][0] if field in self.columns else None
        return cells[index] if index is not None and index < len(cells) else ""

    def label(self, field: str) -> str:
        return self.columns[field][1] if field in self.columns else field


def read_rows(data: bytes, filename: str) -> list[list]:
    """All rows of the file's first sheet, cells as str/date/number; raises UnreadableFile."""
    return read_sheets(data, filename, first_only=True)[0]


def read_sheets(data: bytes, filename: str, *, first_only: bool = False) -> list[list[list]]:
    """The rows of every sheet of an XLSX workbook (a CSV file is one sheet); raises UnreadableFile."""
    if filename.lower().endswith((".xlsx", ".xlsm")):
        return _xlsx_sheets(data, first_only)
    if filename.lower().endswith((".csv", ".txt")):
        return [list(csv.reader(io.StringIO(_decode(data))))]
    raise UnreadableFile(_("%(name)s is neither an .xlsx nor a .csv file.") % {"name": filename})


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(_("The file is neither UTF-8 nor GB18030/GBK text; save it as CSV UTF-8 or as .xlsx."))


def _xlsx_sheets(data: bytes, first_only: bool) -> list[list[list]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise UnreadableFile(_("The file is not a readable .xlsx workbook (%(error)s).") % {"error": error}) from error
    try:
        sheets = workbook.worksheets[:1] if first_only else workbook.worksheets
        return [[list(row) for row in sheet.iter_rows(values_only=True)] for sheet in sheets]
    finally:
        workbook.close()


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_day(text: str) -> date | None:
    """A date written as 2026-05-01, 2026/5/1, 2026.5.1 or 2026年5月1日; None when it is none of them."""
    text = text.strip().replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-").replace(".", "-")
    text = text.split("T")[0].split(" ")[0]
    try:
        parts = [int(part) for part in text.split("-")]
        return date(*parts) if len(parts) == 3 else parse_date(text)
    except (ValueError, TypeError):
        return None


def normalise_header(text: str) -> str:
    return "".join(text.split()).lower().replace("（", "(").replace("）", ")")


def find_sheet(rows: list[list], aliases: dict[str, set[str]], required_any: set[str]) -> Sheet | None:
    """
    The header row (the first of the top rows naming enough known columns) and the rows below it.

    ``aliases`` maps a field to the header spellings that mean it.
    """
    lookup = {normalise_header(alias): field for field, spellings in aliases.items() for alias in spellings}
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = {}
        for column, cell in enumerate(row):
            field = lookup.get(normalise_header(cell_text(cell)))
            if field and field not in columns:
                columns[field] = (column, cell_text(cell))
        if len(columns) >= 3 and required_any & set(columns):
            body = [
                (number, [cell_text(cell) for cell in cells])
                for number, cells in enumerate(rows[index + 1 :], start=index + 2)
            ]
            return Sheet(columns=columns, rows=[(number, cells) for number, cells in body if any(cells)])
    return None
