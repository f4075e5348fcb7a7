"""
The questions of a demand survey: pure data and the author's checks, no runtime.

Prompts and options are plain text (shown escaped), so there is no author HTML to sanitise.
A topic menu lists topic codes of the institution's catalogue (none: every active topic).
"""
from dataclasses import dataclass
from enum import StrEnum

from cadre_common.safe_ids import id_problem
from xblocks.i18n import _

RATING_SCALE = (1, 2, 3, 4, 5)
MAX_OPTIONS = 30


class QuestionKind(StrEnum):
    SINGLE = "single"  # 单选
    MULTIPLE = "multiple"  # 多选
    RATING = "rating"  # 评分 1–5
    RANKING = "ranking"  # 排序
    TEXT = "text"  # 填空
    TOPICS = "topics"  # 学习主题点单

    @property
    def has_options(self) -> bool:
        return self in (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.RANKING)


@dataclass(frozen=True)
class Option:
    id: str
    text: str


@dataclass(frozen=True)
class SurveyQuestion:
    """
    One question. ``max_picks`` limits multiple choice and topic menus (0: no limit);
    ``ranked`` asks for the picked topics in order; ``max_length`` caps free text (0: the
    plugin's limit); ``low_label``/``high_label`` name the ends of a rating scale.
    """

    id: str
    kind: QuestionKind
    prompt: str
    options: tuple[Option, ...] = ()
    required: bool = True
    max_picks: int = 0
    ranked: bool = False
    topics: tuple[str, ...] = ()
    max_length: int = 0
    low_label: str = ""
    high_label: str = ""

    def problems(self) -> list[str]:
        """What an author must fix, in words they can act on (empty when valid)."""
        found = []
        ids = [option.id for option in self.options]
        if not self.id.strip():
            found.append(_("the question has no id"))
        elif id_problem(self.id):  # it is stored with every answer: an id the column cannot hold breaks every submit
            found.append(id_problem(self.id))
        if len(set(ids)) == len(ids) and all(option_id.strip() for option_id in ids):
            found.extend(dict.fromkeys(filter(None, map(id_problem, ids))))
        if not self.prompt.strip():
            found.append(_("the question has no text"))
        if self.kind.has_options and len(self.options) < 2:
            found.append(_("give at least two options"))
        if len(self.options) > MAX_OPTIONS:
            found.append(_("at most 30 options"))
        if len(set(ids)) != len(ids) or any(not option_id.strip() for option_id in ids):
            found.append(_("every option needs its own id"))
        if not self.kind.has_options and self.options:
            found.append(_("this kind of question has no options"))
        if self.max_picks < 0 or self.max_length < 0:
            found.append(_("limits cannot be negative"))
        if self.kind is QuestionKind.MULTIPLE and self.max_picks > len(self.options):
            found.append(_("the maximum number of picks is larger than the number of options"))
        return found

    def to_dict(self) -> dict:
        return {
            "id": self.id, "kind": self.kind.value, "prompt": self.prompt,
            "options": [{"id": option.id, "text": option.text} for option in self.options],
            "required": self.required, "max_picks": self.max_picks, "ranked": self.ranked,
            "topics": list(self.topics), "max_length": self.max_length,
            "low_label": self.low_label, "high_label": self.high_label,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "SurveyQuestion":
        """Build from authored JSON; raises ValueError naming what is wrong."""
        if not isinstance(data, dict):
            raise ValueError(_("a question must be an object"))
        try:
            kind = QuestionKind(str(data.get("kind", "")))
        except ValueError as error:
            raise ValueError(
                _("unknown kind {kind!r}; use single, multiple, rating, ranking, text or topics").format(
                    kind=data.get("kind")
                )
            ) from error
        options = data.get("options") or []
        if not isinstance(options, list) or not all(isinstance(option, dict) for option in options):
            raise ValueError(_("options must be a list of objects with id and text"))
        try:
            return cls(
                id=str(data.get("id", "")).strip(),
                kind=kind,
                prompt=str(data.get("prompt", "")).strip(),
                options=tuple(
                    Option(str(option.get("id", "")).strip(), str(option.get("text", "")).strip())
                    for option in options
                ),
                required=bool(data.get("required", True)),
                max_picks=int(data.get("max_picks") or 0),
                ranked=bool(data.get("ranked", False)),
                topics=tuple(str(code).strip() for code in data.get("topics") or [] if str(code).strip()),
                max_length=int(data.get("max_length") or 0),
                low_label=str(data.get("low_label", "")).strip(),
                high_label=str(data.get("high_label", "")).strip(),
            )
        except (TypeError, ValueError) as error:
            raise ValueError(_("a limit is not a whole number: {error}").format(error=error)) from error


def survey_problems(questions: list[SurveyQuestion]) -> list[str]:
    """Every problem of the survey's questions, each naming its question."""
    found = []
    ids = [question.id for question in questions]
    for number, question in enumerate(questions, start=1):
        for problem in question.problems():
            found.append(_("question {number} ({id}): {problem}").format(number=number, id=question.id,
                                                                          problem=problem))
    duplicates = sorted({question_id for question_id in ids if ids.count(question_id) > 1})
    if duplicates:
        found.append(_("question ids used twice: {ids}").format(ids=", ".join(duplicates)))
    return found
