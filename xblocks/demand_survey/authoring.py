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
    """The questions from the editor's form (a list of question dicts) or, as before the form, their JSON text."""
    try:
        items = text if isinstance(text, list) else json_input.loads(text or "[]")
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


EDITOR_TEXT = {
    "question": _("Question {number}"),
    "kind": _("Kind of question"),
    "single": _("Single choice"),
    "multiple": _("Multiple choice"),
    "rating": _("Rating from 1 to 5"),
    "ranking": _("Ranking"),
    "text": _("Free text"),
    "topics": _("Menu of learning topics"),
    "prompt": _("Question text"),
    "id": _("Question id (kept with every answer)"),
    "required": _("An answer is required"),
    "options": _("Options"),
    "option": _("Option {number}"),
    "add_option": _("Add an option"),
    "remove_option": _("Remove option {number}"),
    "max_picks": _("Most picks (0: no limit)"),
    "ranked": _("Ask for the picked topics in order"),
    "topic_source": _("Topics offered (none ticked: every active topic)"),
    "max_length": _("Most characters (0: the plugin's limit)"),
    "low_label": _("Label of 1"),
    "high_label": _("Label of 5"),
    "up": _("Move up"),
    "down": _("Move down"),
    "remove": _("Remove"),
    "new_question": _("New question"),
    "no_questions": _("No questions yet: add the first one."),
    "has_problems": _("Fix the marked fields before saving."),
    "prompt_missing": _("Write the question."),
    "id_missing": _("Give the question an id."),
    "id_twice": _("Another question has this id."),
    "too_few_options": _("Give at least two options."),
    "option_missing": _("Write the option or remove it."),
    "too_many_picks": _("At most as many picks as there are options ({count})."),
    "whole": _("Enter a whole number from {least} to {most}."),
}
# Every word of the editor's script (studio.js's table, which its JavaScript catalog translates the same).
SCRIPT_TEXT = {**STUDIO_TEXT, **EDITOR_TEXT}


def studio_init(*, questions: list[SurveyQuestion], topics, translate) -> dict:
    """What the editor's script starts from: the questions as stored, the catalogue's topics, its words."""
    return {"text": {key: translate(text) for key, text in SCRIPT_TEXT.items()},
            "questions": [question.to_dict() for question in questions],
            "topics": [{"code": topic.code, "name": topic.name} for topic in topics]}
