"""
What an author edits in Studio: the editor's content, and what they send, checked as a whole
before anything is saved (levels, an imported bank file, the competition window, the leaderboard).
No runtime: the block passes its content in and applies a checked ``StudioEdit``.
"""
import json
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_noop as _  # marked here, translated by the block's i18n service

from cadre_common import json_input
from cadre_common.problems import listed
from question_bank import api as bank_api
from xblocks.fields import moment_from_form, zoned_text
from xblocks.handlers import Upload
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


def studio_context(*, levels: list[Level], index, competition_start, competition_end) -> dict:
    """The editor's content beside the block itself: texts of the levels and dates, the bank's size, problems."""
    return {
        "competition_start": zoned_text(competition_start),
        "competition_end": zoned_text(competition_end),
        "levels_text": json.dumps([level.to_dict() for level in levels], ensure_ascii=False, indent=2),
        "question_count": len(index.questions),
        "problems": level_problems(levels, index),
        "formats": ", ".join(bank_api.readable_extensions()),
    }


def read_levels(text, *, translate) -> list[Level]:
    try:
        items = json_input.loads(text or "[]")
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


def read_studio_edit(data: dict, *, translate, date_labels: dict[str, str]) -> StudioEdit:
    """The author's edit, checked; ChallengeError (bad_levels, bad_file, bad_bank, bad_date) for the first problem."""
    levels = read_levels(data.get("levels"), translate=translate)
    questions = read_bank_upload(data.get("bank_file"), translate=translate)
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
        **moments,
    )


def edit_report(edit: StudioEdit, index) -> dict:
    """What the editor shows after checking: the bank's size and what the levels lack, not saved yet."""
    return {"questions": len(index.questions), "problems": level_problems(edit.levels, index), "saved": False}
