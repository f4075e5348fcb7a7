"""How a bank breaks down by type, difficulty and tag: what an author checks before using it."""
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from question_bank.i18n import _
from question_bank.questions import Question

KIND_NAMES = {"single": "单选 single", "multiple": "多选 multiple", "true_false": "判断 true/false"}
DIFFICULTY_NAMES = {"easy": "易 easy", "medium": "中 medium", "hard": "难 hard"}


@dataclass(frozen=True)
class BankSummary:
    """Counts of a bank: in all, by type and difficulty (by value), by tag (most used first)."""

    questions: int
    by_kind: tuple[tuple[str, int], ...]
    by_difficulty: tuple[tuple[str, int], ...]
    by_tag: tuple[tuple[str, int], ...]

    def lines(self) -> list[str]:
        """The summary as lines of text, in the active language."""
        lines = [_("{count} questions").format(count=self.questions), _("By type:")]
        lines.extend(f"  {KIND_NAMES[kind]}: {count}" for kind, count in self.by_kind)
        lines.append(_("By difficulty:"))
        lines.extend(f"  {DIFFICULTY_NAMES[level]}: {count}" for level, count in self.by_difficulty)
        lines.append(_("By tag:"))
        lines.extend(f"  {tag}: {count}" for tag, count in self.by_tag)
        return lines


def bank_summary(questions: Iterable[Question]) -> BankSummary:
    questions = list(questions)
    tags = Counter(tag for question in questions for tag in question.tags)
    return BankSummary(
        questions=len(questions),
        by_kind=tuple(sorted(Counter(question.kind.value for question in questions).items())),
        by_difficulty=tuple(sorted(Counter(question.difficulty.value for question in questions).items())),
        by_tag=tuple(sorted(tags.items(), key=lambda item: (-item[1], item[0]))),
    )
