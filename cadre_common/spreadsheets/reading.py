"""
Reading the spreadsheets people send: XLSX, or CSV in UTF-8 (with or without BOM) or GB18030/GBK
as Chinese Excel writes it, comma-, tab- or semicolon-separated; the header row may sit below
title rows. A broken, oversized or hostile file is refused with a reason, in bounded time and
memory: the bytes, the uncompressed size of a workbook, the rows and the columns are all capped.
"""
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from cadre_common.i18n import _
from cadre_common.spreadsheets.writing import FORMULA_STARTS

# The defaults of the settings that bound every file the suite reads (CADRE_TRAINING_UPLOAD_MAX_…).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_ROWS = 50_000
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COLUMNS = 100
# A workbook's cells beyond these are refused before the parse: openpyxl builds each row in memory
# (a row of 500,000 cells took 446 MB) and takes ~25 µs a cell.
MAX_CELLS_PER_ROW = 1000
CELLS_PER_ROW = 20  # on average over the whole workbook
HEADER_SEARCH_ROWS = 10
CSV_ENCODINGS = ("utf-8-sig", "gb18030")  # GB18030 is a superset of GBK and GB2312


class UnreadableFile(ValueError):
    """The file cannot be read as a spreadsheet; the message says why, in the reader's language."""


def cell_text(value) -> str:
    """A cell as the text a person sees: dates as 2026-05-01, whole numbers without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    # What our exports guarded against running as a formula reads back as it was written.
    if text[:1] == "'" and text[1:2] in FORMULA_STARTS:
        return text[1:]
    return text


def upload_limits() -> tuple[int, int]:
    """
    (bytes, rows) a file may have: the LMS's CADRE_TRAINING_UPLOAD_MAX_BYTES and …_MAX_ROWS, or
    their defaults where Django is not configured (the cadre-course console tool).
    """
    from django.conf import settings

    if not settings.configured:
        return DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS
    return (int(getattr(settings, "CADRE_TRAINING_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)),
            int(getattr(settings, "CADRE_TRAINING_UPLOAD_MAX_ROWS", DEFAULT_MAX_ROWS)))


def too_big(size: int, max_bytes: int | None = None) -> str | None:
    """The message refusing a file of ``size`` bytes (None when it is within the limit)."""
    most = upload_limits()[0] if max_bytes is None else max_bytes
    if size <= most:
        return None
    return _("The file is %(size)s MB; files of up to %(most)s MB can be read.") % {
        "size": f"{round(size / 2**20, 1):g}", "most": f"{round(most / 2**20, 1):g}"}


def read_sheets(
    data: bytes, filename: str, *, first_only: bool = False, max_rows: int | None = None, max_bytes: int | None = None
) -> list[list[list[str]]]:
    """
    The rows of every sheet (a CSV file is one sheet), each row its cells as text with trailing
    empty cells dropped. Raises UnreadableFile for anything that is not a readable spreadsheet
    within the limits (``max_bytes`` and ``max_rows``: the settings' unless given).
    """
    limit_bytes, limit_rows = upload_limits()
    max_rows = limit_rows if max_rows is None else max_rows
    refusal = too_big(len(data), limit_bytes if max_bytes is None else max_bytes)
    if refusal:
        raise UnreadableFile(refusal)
    name = filename.lower()
    if name.endswith((".xlsx", ".xlsm")):
        return _xlsx_sheets(data, first_only=first_only, max_rows=max_rows)
    if name.endswith((".csv", ".txt")):
        return [_csv_rows(data, max_rows=max_rows)]
    raise UnreadableFile(_("%(name)s is neither an .xlsx nor a .csv file.") % {"name": filename})


def _too_many_rows(max_rows: int) -> UnreadableFile:
    return UnreadableFile(_("The file has more than %(most)s rows; split it into smaller files.") % {"most": max_rows})


def _trimmed(cells: Iterable) -> list[str]:
    row = [cell_text(cell) for cell in list(cells)[:MAX_COLUMNS]]
    while row and not row[-1]:
        row.pop()
    return row


_CELL_TAGS = (b"<c ", b"<c>", b"<c/")  # not <col>, <cols>, <conditionalFormatting>


def _cells(xml: bytes) -> int:
    return sum(xml.count(tag) for tag in _CELL_TAGS)


def _shared_strings(archive: zipfile.ZipFile) -> int:
    """How many shared strings the workbook holds (``<si>`` elements), counted as it unpacks."""
    count, tail = 0, b""
    for info in archive.infolist():
        if info.filename.lower().endswith("sharedstrings.xml"):
            with archive.open(info) as stream:
                while chunk := stream.read(1 << 20):
                    joined = tail + chunk
                    count += sum(joined.count(tag) - tail.count(tag) for tag in (b"<si>", b"<si "))
                    tail = joined[-4:]
    return count


def _shape_refusal(archive: zipfile.ZipFile, *, first_only: bool, max_rows: int) -> UnreadableFile | None:
    """
    Why the workbook's sheets are refused before the slow parse (None when they are not): more rows
    than ``max_rows``, a row of more than ``MAX_CELLS_PER_ROW`` cells, or more cells than
    ``CELLS_PER_ROW`` a row on average. Rows and cells are counted in the raw XML as it is unpacked,
    a megabyte at a time, at C speed (the first sheet only, when ``first_only`` and it is the usual
    sheet1.xml; a sheet written otherwise is still stopped by the parse at ``max_rows``).
    """
    names = [info.filename for info in archive.infolist()
             if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")]
    if first_only:
        names = [name for name in names if name == "xl/worksheets/sheet1.xml"]
    most_cells = max(max_rows, 1) * CELLS_PER_ROW
    if _shared_strings(archive) > most_cells:  # openpyxl reads them all into memory first
        return UnreadableFile(_("The workbook has more than %(most)s cells; it cannot be read.") % {"most": most_cells})
    rows = cells = 0
    for name in names:
        pending, in_row = b"", 0
        with archive.open(name) as stream:
            while True:
                chunk = stream.read(1 << 20)
                data = pending + chunk
                cut = data.rfind(b"<") if chunk else len(data)  # no tag is cut in two
                cut = cut if cut > 0 else len(data)
                body, pending = data[:cut], data[cut:]
                pieces = body.split(b"<row")
                in_row += _cells(pieces[0])
                widest = in_row
                for piece in pieces[1:]:
                    rows += piece[:1] in (b" ", b">")  # <row …>, not <rowBreaks>
                    in_row = _cells(piece)
                    widest = max(widest, in_row)
                cells += _cells(body)
                if rows > max_rows:
                    return _too_many_rows(max_rows)
                if widest > MAX_CELLS_PER_ROW:
                    return UnreadableFile(_("A row of the workbook has more than %(most)s cells; it cannot be read.")
                                          % {"most": MAX_CELLS_PER_ROW})
                if cells > most_cells:
                    return UnreadableFile(_("The workbook has more than %(most)s cells; it cannot be read.")
                                          % {"most": most_cells})
                if not chunk:
                    break
    return None


def _xlsx_sheets(data: bytes, *, first_only: bool, max_rows: int) -> list[list[list[str]]]:
    from openpyxl import load_workbook

    unreadable = _("The file is not a readable .xlsx workbook (%(error)s).")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(member.file_size for member in archive.infolist()) > MAX_UNCOMPRESSED_BYTES:
                raise UnreadableFile(_("The workbook unpacks to more than %(most)s MB; it cannot be read.") % {
                    "most": MAX_UNCOMPRESSED_BYTES // 1024 // 1024})
            refusal = _shape_refusal(archive, first_only=first_only, max_rows=max_rows)
            if refusal:
                raise refusal
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except UnreadableFile:
        raise
    except Exception as error:  # noqa: BLE001 - zipfile and openpyxl raise many kinds for a broken file
        raise UnreadableFile(unreadable % {"error": type(error).__name__}) from error
    try:
        sheets = []
        for sheet in workbook.worksheets[:1] if first_only else workbook.worksheets:
            rows = []
            for cells in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):  # a far cell pads no row
                if len(rows) >= max_rows:
                    raise _too_many_rows(max_rows)
                rows.append(_trimmed(cells))
            sheets.append(rows)
        return sheets
    except UnreadableFile:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged sheet fails while it is read
        raise UnreadableFile(unreadable % {"error": type(error).__name__}) from error
    finally:
        workbook.close()


def _decode(data: bytes) -> str:
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(_("The file is neither UTF-8 nor GB18030/GBK text; save it as CSV UTF-8 or as .xlsx."))


def _csv_rows(data: bytes, *, max_rows: int) -> list[list[str]]:
    text = _decode(data)
    if "\x00" in text:
        raise UnreadableFile(_("The file is binary, not CSV text."))
    try:  # only the separator is guessed: the quoting is always Excel's
        delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",\t;").delimiter
    except csv.Error:
        delimiter = ","
    rows = []
    try:
        for cells in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(rows) >= max_rows:
                raise _too_many_rows(max_rows)
            rows.append(_trimmed(cells))
    except csv.Error as error:
        raise UnreadableFile(_("The CSV file cannot be read: %(reason)s.") % {"reason": error}) from error
    return rows


_FOLDED_AWAY = re.compile(r"[\s_\-:：()（）]+")


def fold(text) -> str:
    """A header or keyword folded for comparison: full width to half width, no spaces or brackets, lower case."""
    return _FOLDED_AWAY.sub("", unicodedata.normalize("NFKC", str(text))).lower()


def aliases_matcher(aliases: dict[str, Iterable[str]]) -> Callable[[str], str | None]:
    """A function naming the field a header means, from each field's spellings (folded)."""
    lookup = {fold(alias): field for field, spellings in aliases.items() for alias in spellings}
    return lambda header: lookup.get(fold(header))


@dataclass(frozen=True)
class Columns:
    """Where each field is: field -> (column index, the header as the file writes it)."""

    found: dict[str, tuple[int, str]]

    def __contains__(self, field: str) -> bool:
        return field in self.found

    def value(self, cells: list[str], field: str) -> str:
        index = self.found[field][0] if field in self.found else None
        return cells[index] if index is not None and index < len(cells) else ""

    def label(self, field: str) -> str:
        """The header an author would look for: as written in the file, else the field's name."""
        return self.found[field][1] if field in self.found else field


@dataclass(frozen=True)
class Sheet:
    """A sheet's header (at ``header_row``, 1-based) and the non-empty rows below it with their numbers."""

    header_row: int
    columns: Columns
    rows: list[tuple[int, list[str]]]


def find_sheet(
    rows: list[list[str]], column_for: Callable[[str], str | None], is_header: Callable[[set[str]], bool],
) -> Sheet | None:
    """The first of the top rows whose headers ``is_header`` accepts, and the rows below it; None if none."""
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found: dict[str, tuple[int, str]] = {}
        for column, header in enumerate(cells):
            field = column_for(header) if header else None
            if field and field not in found:
                found[field] = (column, header)
        if found and is_header(set(found)):
            body = [(number, cells) for number, cells in enumerate(rows[index + 1:], start=index + 2) if any(cells)]
            return Sheet(header_row=index + 1, columns=Columns(found), rows=body)
    return None
