"""
Spreadsheets in and out, once for the whole suite: every import reads through ``reading`` (bounded,
robust against broken files) and every export writes through ``writing`` (formulas never run).
"""
from cadre_common.spreadsheets.reading import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_ROWS,
    Columns,
    Sheet,
    UnreadableFile,
    aliases_matcher,
    cell_text,
    find_sheet,
    fold,
    read_sheets,
    too_big,
    upload_limits,
)
from cadre_common.spreadsheets.writing import (
    CONTENT_TYPES,
    FORMULA_STARTS,
    SheetSpec,
    csv_bytes,
    table_bytes,
    xlsx_bytes,
)

__all__ = [
    "CONTENT_TYPES",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_ROWS",
    "Columns",
    "FORMULA_STARTS",
    "Sheet",
    "SheetSpec",
    "UnreadableFile",
    "aliases_matcher",
    "cell_text",
    "csv_bytes",
    "find_sheet",
    "fold",
    "read_sheets",
    "table_bytes",
    "too_big",
    "upload_limits",
    "xlsx_bytes",
]
