"""The one way into course_exports: read, write and check question banks; build and extract courses."""

from .course_build import BuildError, build_course
from .course_extract import Extracted, ExtractError, extract_course
from .course_units import CourseUnit, course_units
from .formats import FORMATS, UnknownFormat, format_of, read_bank
from .outline import Outline, OutlineError, read_outline
from .summary import bank_summary

__all__ = [
    "FORMATS",
    "BuildError",
    "CourseUnit",
    "course_units",
    "ExtractError",
    "Extracted",
    "Outline",
    "OutlineError",
    "UnknownFormat",
    "bank_summary",
    "build_course",
    "extract_course",
    "format_of",
    "read_bank",
    "read_outline",
    "write_bank",
]


def write_bank(questions, *, filename: str, format_name: str = ""):
    """``(bytes, skipped problems)`` for ``questions`` in the format ``filename`` (or ``format_name``) names."""
    return format_of(filename, name=format_name).write(questions, filename)
