"""
The question model of a level-challenge bank, shared by the block and by course_exports.

Pure data and validation, no runtime: the block stores and draws these, course_exports reads
and writes them in XLSX/CSV, GIFT, Aiken, Moodle XML and OLX.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from xblocks.level_challenge.i18n import _

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

    def problems(self) -> list[str]:
        """What is wrong with this question, in words an author can act on (empty when valid)."""
        found = []
        option_ids = [option.id for option in self.options]
        if not self.id.strip():
            found.append(_("the question has no id"))
        if not self.stem.strip():
            found.append(_("the stem is empty"))
        if len(set(option_ids)) != len(option_ids):
            found.append(_("two options have the same id"))
        if any(not option.text.strip() for option in self.options):
            found.append(_("an option is empty"))
        unknown = [answer for answer in self.answer if answer not in option_ids]
        if unknown:
            found.append(_("the answer names options that do not exist: {options}").format(options=", ".join(unknown)))
        if self.kind == QuestionKind.TRUE_FALSE:
            if option_ids != [TRUE_ID, FALSE_ID]:
                found.append(_("a true/false question has exactly the options T and F"))
        elif not 2 <= len(self.options) <= len(OPTION_IDS):
            found.append(
                _("a choice question has 2 to {most} options, not {count}").format(
                    most=len(OPTION_IDS), count=len(self.options)
                )
            )
        if self.kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE) and len(self.answer) != 1:
            found.append(
                _("a {kind} question has exactly one answer, not {count}").format(
                    kind=self.kind.value, count=len(self.answer)
                )
            )
        if self.kind == QuestionKind.MULTIPLE and len(self.answer) < 1:
            found.append(_("a multiple-choice question has at least one answer"))
        if len(set(self.answer)) != len(self.answer):
            found.append(_("the answer names an option twice"))
        return found

    def to_dict(self) -> dict:
        """JSON-safe form, with keys in a fixed order (used for storage and OLX)."""
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
