"""The one shape of "what is wrong, and where" that every import and reader reports."""
from dataclasses import dataclass

from cadre_common.i18n import _

# An error report lists this many problems at the most, with how many there are in all.
MAX_PROBLEMS_LISTED = 100


@dataclass(frozen=True)
class RowProblem:
    """
    One thing wrong with an input: its row (or line; None for the whole file), the column as the
    file names it, and what is wrong, in words the person who wrote the file can act on.
    ``skipped`` marks a row left out on purpose (an unsupported question type), not an error.
    """

    row: int | None
    column: str
    message: str
    skipped: bool = False

    def __str__(self) -> str:
        if self.row is not None and self.column:
            where = _("row %(row)s, column %(column)s") % {"row": self.row, "column": self.column}
        elif self.row is not None:
            where = _("row %(row)s") % {"row": self.row}
        elif self.column:
            where = _("column %(column)s") % {"column": self.column}
        else:
            return self.message
        return _("%(where)s: %(message)s") % {"where": where, "message": self.message}


def listed(problems: list[RowProblem]) -> list[str]:
    """The problems as lines, the first ``MAX_PROBLEMS_LISTED`` of them and then how many more there are."""
    lines = [str(problem) for problem in problems[:MAX_PROBLEMS_LISTED]]
    if len(problems) > MAX_PROBLEMS_LISTED:
        lines.append(_("… and %(count)s more problems.") % {"count": len(problems) - MAX_PROBLEMS_LISTED})
    return lines
