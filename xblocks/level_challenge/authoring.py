"""
What an author edits in Studio: the editor's content, and what they send, checked as a whole
before anything is saved (levels, an imported bank file, the competition window, the leaderboard).
No runtime: the block passes its content in and applies a checked ``StudioEdit``.
"""
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_noop as _  # marked here, translated by the block's i18n service

from cadre_common import json_input
from cadre_common.problems import listed
from question_bank import api as bank_api
from xblocks import block_credits
from xblocks.fields import moment_from_form, zoned_text
from xblocks.handlers import Upload
from xblocks.level_challenge import level_form
from xblocks.level_challenge.bank import BankIndex
from xblocks.level_challenge.bank_import import IMPORT_TEXT
from xblocks.level_challenge.levels import Level, level_problems
from xblocks.level_challenge.progress import ChallengeError

STUDIO_TEXT = {
    "checked": _("Checked: {count} questions. Nothing is saved yet."),
    "saved": _("Saved: {count} questions."),
    "refused": _("Not saved:"),
    "uploading": _("Uploading the bank file: {percent}%"),
    "checking": _("Reading and checking the bank's questions…"),
    "failed": _("The request failed ({status}). Nothing was saved; try again."),
}
LEADERBOARD_NAMES = ("full", "masked", "hidden")
DATE_FIELDS = ("competition_start", "competition_end")


@dataclass(frozen=True)
class StudioEdit:
    """What an author sent, checked. ``questions`` is None when no bank file came with it."""

    display_name: str
    levels: list[Level]
    questions: list[bank_api.Question] | None
    competition_start: datetime | None
    competition_end: datetime | None
    show_leaderboard: bool
    leaderboard_names: str | None
    dry_run: bool
    index: BankIndex  # the bank the levels will draw from: the uploaded one, or the block's
    field_problems: tuple = ()  # level_form.FieldProblem: the levels cannot be saved while any is left


class LevelsRefused(ChallengeError):
    """Levels that cannot be saved: ``fields`` lists each problem by level and field, for the editor."""

    def __init__(self, message: str, problems):
        super().__init__("bad_levels", message)
        self.details = {"fields": [problem.to_dict() for problem in problems]}


def studio_context(*, levels: list[Level], index, competition_start, competition_end) -> dict:
    """The editor's content beside the block itself: the dates as written, the bank's size, what the levels lack."""
    return {
        "competition_start": zoned_text(competition_start),
        "competition_end": zoned_text(competition_end),
        "question_count": len(index.questions),
        "problems": level_problems(levels, index),
        "formats": ", ".join(bank_api.readable_extensions()),
    }


def level_items(value, *, translate) -> list:
    """The levels as the form sends them (a list of level dicts), or as JSON text of that list."""
    try:
        items = value if isinstance(value, list) else json_input.loads(value or "[]")
    except (ValueError, TypeError) as error:
        raise ChallengeError("bad_levels", translate(_("The levels are not valid: {error}")).format(
            error=error)) from error
    if not isinstance(items, list):
        raise ChallengeError("bad_levels", translate(_("The levels are not valid: {error}")).format(
            error=translate(_("send a list of levels"))))
    return items


def refuse_levels(problems, *, translate):
    """
    LevelsRefused for ``problems`` (level_form.FieldProblem, or any with ``to_dict()`` naming a level,
    None for the block's own fields like credits): a line per problem ("第 2 关，题数：…"), each by its field.
    """
    lines = []
    for problem in problems:
        item = problem.to_dict()
        field = translate(FIELD_NAMES.get(item["field"].split(".")[0], item["field"]))
        if item["level"] is None:
            lines.append(translate(_("{field}: {message}")).format(field=field, message=item["message"]))
        else:
            lines.append(translate(_("Level {number}, {field}: {message}")).format(
                number=item["level"] + 1, field=field, message=item["message"]))
    raise LevelsRefused("\n".join([translate(level_form.FORM_TEXT["form_refused"]), *lines]), problems)


FIELD_NAMES = {
    "title": _("title"), "count": _("Number of questions"), "quotas": _("difficulty quotas"), "tags": _("tags"),
    "pass_percent": _("pass mark"), "points_per_correct": _("points per correct answer"),
    "time_limit_seconds": _("time limit"), "attempts_allowed": _("attempts"),
    "credits": _("Credits"), "hours": _("class hours"),
}


def read_levels(text, *, translate) -> list[Level]:
    """The levels from the editor's form (a list of level dicts) or, as before the form, their JSON text."""
    try:
        items = text if isinstance(text, list) else json_input.loads(text or "[]")
        return [Level.from_dict(item, number=number) for number, item in enumerate(items, start=1)]
    except (ValueError, TypeError, AttributeError) as error:
        raise ChallengeError("bad_levels", translate(_("The levels are not valid: {error}")).format(
            error=error)) from error


def read_bank_upload(upload: Upload | None, *, translate) -> list[bank_api.Question] | None:
    """The questions of an uploaded bank file, all or nothing; None when none came with the form."""
    if upload is None:
        return None
    if not isinstance(upload, Upload):
        raise ChallengeError("bad_file", translate(_("Send the bank as a file of the form.")))
    questions, problems = bank_api.read_bank(upload.content, filename=upload.filename)
    errors = [problem for problem in problems if not problem.skipped]
    if errors or not questions:
        lines = listed(errors) or [translate(_("The file holds no questions."))]
        raise ChallengeError("bad_bank", "\n".join(lines))
    return questions


def read_studio_edit(data: dict, *, translate, date_labels: dict[str, str], index: BankIndex) -> StudioEdit:
    """
    The author's edit, checked; ChallengeError (bad_levels, bad_file, bad_bank, bad_date) for the
    first problem, LevelsRefused for levels with a field that is not a number in its range. Levels
    that cannot draw from the bank (the uploaded one, else ``index``) are listed in ``field_problems``.
    """
    items = level_items(data.get("levels"), translate=translate)
    questions = read_bank_upload(data.get("bank_file"), translate=translate)
    index = BankIndex.of(questions) if questions else index
    problems = level_form.form_problems(items, index, translate=translate)
    try:
        levels = read_levels(items, translate=translate)
    except ChallengeError:
        if problems:  # each by its field, rather than the first one in a sentence
            refuse_levels(problems, translate=translate)
        raise
    moments = {}
    for name in DATE_FIELDS:
        try:
            moments[name] = moment_from_form(data.get(name), label=date_labels[name])
        except ValueError as error:
            raise ChallengeError("bad_date", str(error)) from error
    names = data.get("leaderboard_names")
    return StudioEdit(
        display_name=str(data.get("display_name") or ""), levels=levels, questions=questions,
        show_leaderboard=bool(data.get("show_leaderboard")),
        leaderboard_names=names if names in LEADERBOARD_NAMES else None, dry_run=bool(data.get("dry_run")),
        index=index, field_problems=tuple(problems), **moments,
    )


def edit_report(edit: StudioEdit) -> dict:
    """What the editor shows after checking: the bank's size and what the levels lack, not saved yet."""
    return {"questions": len(edit.index.questions), "problems": level_problems(edit.levels, edit.index),
            "fields": [problem.to_dict() for problem in edit.field_problems], "saved": False}


EDITOR_TEXT = {
    "level": _("Level {number}"),
    "title": _("Title"),
    "count": _("Number of questions"),
    "quotas": _("Questions of each difficulty (all empty: any difficulty)"),
    "easy": _("Easy"),
    "medium": _("Medium"),
    "hard": _("Hard"),
    "tags": _("Tags (separated by commas; empty: the whole bank)"),
    "pass_percent": _("Pass mark (%)"),
    "points_per_correct": _("Points per correct answer"),
    "time_limit": _("Time limit (minutes, 0: none)"),
    "attempts_allowed": _("Attempts (0: unlimited)"),
    "requires_previous": _("Opens only after the previous level is passed"),
    "up": _("Move up"),
    "down": _("Move down"),
    "remove": _("Remove"),
    "new_level": _("New level"),
    "no_levels": _("No levels yet: add the first one."),
    "has_problems": _("Fix the marked fields before saving."),
    "moved": _("“{title}” is now level {place}."),
    "removed": _("Level {number} removed."),
    "added": _("Level {number} added."),
}


# Every word of the editor's script (studio.js's table, which its JavaScript catalog translates the same).
SCRIPT_TEXT = {**STUDIO_TEXT, **level_form.FORM_TEXT, **EDITOR_TEXT, **block_credits.CREDIT_TEXT,
               "no_file": IMPORT_TEXT["no_file"], "import_refused": _("Not imported:")}


def studio_init(*, levels: list[Level], index, translate) -> dict:
    """What the editor's script starts from: the levels as stored, the bank's kinds to check pools, its words."""
    return {"text": {key: translate(text) for key, text in SCRIPT_TEXT.items()},
            "levels": [level.to_dict() for level in levels], "bank": level_form.bank_summary(index),
            "ranges": level_form.RANGES, "title_max": level_form.TITLE_MAX,
            "ceilings": {name: float(block_credits.ceiling(name)) for name in ("credits", "hours")}}
