"""
What an author edits in Studio: the editor's content, and what they send, checked as a whole before
anything is saved (the questions against the topic catalogue, the zoned dates, the settings).
No runtime: the block passes the catalogue in and applies a checked ``SurveyEdit``.
"""
import json
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_noop as _  # marked here, translated by the block's i18n service

from cadre_common import json_input
from xblocks.demand_survey.answers import AnswerError
from xblocks.demand_survey.questions import SurveyQuestion, survey_problems
from xblocks.fields import moment_from_form, zoned_text

STUDIO_TEXT = {
    "checked": _("Checked: {count} questions. Nothing is saved yet."),
    "saved": _("Saved: {count} questions."),
    "refused": _("Not saved:"),
}
DATE_FIELDS = ("opens_at", "closes_at")
FLAGS = ("anonymous", "editable", "show_results")


@dataclass(frozen=True)
class SurveyEdit:
    """What an author sent, checked. ``intro`` and each of ``flags`` are None where the form left them out."""

    display_name: str
    intro: str | None
    questions: list[SurveyQuestion]
    opens_at: datetime | None
    closes_at: datetime | None
    flags: dict
    dry_run: bool


def studio_context(*, questions: list[SurveyQuestion], opens_at, closes_at, topics) -> dict:
    """The editor's content beside the block itself: the questions as JSON, the dates as written, problems."""
    return {
        "opens_at": zoned_text(opens_at),
        "closes_at": zoned_text(closes_at),
        "questions_text": json.dumps([question.to_dict() for question in questions], ensure_ascii=False, indent=2),
        "problems": survey_problems(questions),
        "topics": topics,
    }


def read_questions(text, *, translate) -> list[SurveyQuestion]:
    try:
        items = json_input.loads(text or "[]")
        if not isinstance(items, list):
            raise ValueError(translate(_("the questions must be a JSON list")))
        return [SurveyQuestion.from_dict(item) for item in items]
    except (ValueError, TypeError) as error:
        raise AnswerError("bad_questions", translate(_("The questions are not valid: {error}")).format(
            error=error)) from error


def read_survey_edit(data: dict, *, translate, topic_codes: set[str], date_labels: dict[str, str]) -> SurveyEdit:
    """The author's edit, checked; AnswerError ``bad_questions`` lists every problem, one a line."""
    questions = read_questions(data.get("questions"), translate=translate)
    problems = survey_problems(questions)
    for question in questions:
        unknown = sorted(set(question.topics) - topic_codes)
        if unknown:
            problems.append(translate(_("question {id}: not topics of the catalogue: {codes}")).format(
                id=question.id, codes=", ".join(unknown)))
    moments = {}
    for name in DATE_FIELDS:
        try:
            moments[name] = moment_from_form(data.get(name), label=date_labels[name])
        except ValueError as error:
            problems.append(str(error))
    if problems:
        raise AnswerError("bad_questions", "\n".join(problems))
    return SurveyEdit(
        display_name=str(data.get("display_name") or ""),
        intro=str(data["intro"]) if "intro" in data else None,
        questions=questions,
        flags={name: bool(data[name]) for name in FLAGS if name in data},
        dry_run=bool(data.get("dry_run")),
        **moments,
    )
