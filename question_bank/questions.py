"""
The question model of a bank: single choice, multiple choice and true/false, with the checks an
author's question must pass. Pure data; every format reads into it and writes out of it.
"""
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from cadre_common.problems import RowProblem
from cadre_common.safe_ids import id_problem
from cadre_common.spreadsheets import fold
from question_bank.i18n import _

OPTION_IDS = tuple("ABCDEFGH")  # at most 8 options, lettered as in Chinese exam templates
TRUE_ID, FALSE_ID = "T", "F"  # the two options of a true/false question


class QuestionKind(StrEnum):
    SINGLE = "single"  # 单选
    MULTIPLE = "multiple"  # 多选
    TRUE_FALSE = "true_false"  # 判断


class Difficulty(StrEnum):
    EASY = "easy"  # 易
    MEDIUM = "medium"  # 中
    HARD = "hard"  # 难


@dataclass(frozen=True)
class Option:
    id: str
    text: str  # sanitised HTML


# How every format writes the two options of a true/false question.
TRUE_FALSE_OPTIONS = (Option(TRUE_ID, "正确"), Option(FALSE_ID, "错误"))


@dataclass(frozen=True)
class Question:
    """
    One bank question. ``id`` stays the same across edits; ``answer`` holds option ids.

    Stems, option texts and explanations are HTML that has already been sanitised.
    """

    id: str
    kind: QuestionKind
    stem: str
    options: tuple[Option, ...]
    answer: tuple[str, ...]
    explanation: str = ""
    difficulty: Difficulty = Difficulty.MEDIUM
    tags: tuple[str, ...] = field(default_factory=tuple)

    def problems(self) -> list[tuple[str, str]]:
        """
        What is wrong with this question (empty when valid): each problem as the part an author
        fixes ("id", "stem", "options" or "answer") and what is wrong, in words they can act on.
        """
        option_ids = [option.id for option in self.options]
        found = []
        if not self.id.strip():
            found.append(("id", _("the question has no id")))
        elif id_problem(self.id):
            found.append(("id", id_problem(self.id)))
        found.extend(("options", problem) for problem in dict.fromkeys(filter(None, map(id_problem, option_ids))))
        if not self.stem.strip():
            found.append(("stem", _("the stem is empty")))
        if len(set(option_ids)) != len(option_ids):
            found.append(("options", _("two options have the same id")))
        if any(not option.text.strip() for option in self.options):
            found.append(("options", _("an option is empty")))
        if self.kind == QuestionKind.TRUE_FALSE:
            if option_ids != [TRUE_ID, FALSE_ID]:
                found.append(("options", _("a true/false question has exactly the options T and F")))
        elif not 2 <= len(self.options) <= len(OPTION_IDS):
            found.append(("options", _("a choice question has 2 to {most} options, not {count}").format(
                most=len(OPTION_IDS), count=len(self.options))))
        return found + self._answer_problems(option_ids)

    def _answer_problems(self, option_ids: list[str]) -> list[tuple[str, str]]:
        found = []
        unknown = [answer for answer in self.answer if answer not in option_ids]
        if unknown:
            found.append(_("the answer names options that do not exist: {options}").format(options=", ".join(unknown)))
        if self.kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE) and len(self.answer) != 1:
            found.append(_("a {kind} question has exactly one answer, not {count}").format(
                kind=self.kind.value, count=len(self.answer)))
        if self.kind == QuestionKind.MULTIPLE and len(self.answer) < 1:
            found.append(_("a multiple-choice question has at least one answer"))
        if len(set(self.answer)) != len(self.answer):
            found.append(_("the answer names an option twice"))
        return [("answer", message) for message in found]

    def to_dict(self) -> dict:
        """JSON-safe form, with keys in a fixed order (the block stores this)."""
        return {
            "id": self.id,
            "kind": self.kind.value,
            "stem": self.stem,
            "options": [{"id": option.id, "text": option.text} for option in self.options],
            "answer": list(self.answer),
            "explanation": self.explanation,
            "difficulty": self.difficulty.value,
            "tags": list(self.tags),
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Question":
        return cls(
            id=str(data["id"]),
            kind=QuestionKind(data["kind"]),
            stem=data["stem"],
            options=tuple(Option(id=str(option["id"]), text=option["text"]) for option in data["options"]),
            answer=tuple(str(answer) for answer in data["answer"]),
            explanation=data.get("explanation", ""),
            difficulty=Difficulty(data.get("difficulty", Difficulty.MEDIUM.value)),
            tags=tuple(data.get("tags", ())),
        )


def stable_question_id(kind: str, stem: str, option_texts: Iterable[str]) -> str:
    """An id derived from the content, so re-importing the same file keeps every question's id."""
    digest = hashlib.sha1("\x1f".join([kind, stem, *option_texts]).encode("utf-8")).hexdigest()
    return f"q-{digest[:12]}"


def question_problems(
    numbered: list[tuple[int | None, Question]], *, columns: Mapping[str, str] | None = None
) -> list[RowProblem]:
    """
    Every question's own problems plus duplicates (same stem and options) within the file, each at
    its row or line; ``columns`` names the column of a part ("stem", "answer") where the file has one.
    """
    columns = columns or {}
    problems, seen = [], {}
    for row, question in numbered:
        problems.extend(RowProblem(row, columns.get(part, ""), message) for part, message in question.problems())
        fingerprint = (fold(question.stem), tuple(fold(option.text) for option in question.options))
        if fingerprint in seen:
            problems.append(RowProblem(row, columns.get("stem", ""), _("duplicate of the question in row {row}").format(
                row=seen[fingerprint])))
        else:
            seen[fingerprint] = row
    return problems
