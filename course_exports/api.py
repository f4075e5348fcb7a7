"""The one way into course_exports: build a course from an outline, extract one, list its units."""

from .course_build import BuildError, build_course
from .course_extract import Extracted, ExtractError, extract_course
from .course_units import CourseUnit, course_units
from .outline import Outline, OutlineError, read_outline

__all__ = [
    "BuildError",
    "CourseUnit",
    "ExtractError",
    "Extracted",
    "Outline",
    "OutlineError",
    "build_course",
    "course_units",
    "extract_course",
    "read_outline",
]
