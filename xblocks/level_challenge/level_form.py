"""
The level editor's form, checked field by field, as the editor's script checks it before sending
(studio.js mirrors these rules and words): each problem names its level (counted from 0), its field
and says in words what is wrong, so that the editor shows it next to that field. A level that asks
its part of the bank for more questions than it holds is a problem of its count, tags or quota.
"""
from collections import Counter
from dataclasses import asdict, dataclass

from django.utils.translation import gettext_noop as _  # marked here, translated by the block's i18n service

from question_bank.api import Difficulty
from xblocks.level_challenge.levels import FIELD_LIMITS

TITLE_MAX = 100
# Whole-number fields of the form and their ranges (time limit: seconds, edited as minutes).
RANGES = {
    "count": (1, FIELD_LIMITS["count"]),
    "pass_percent": (0, FIELD_LIMITS["pass_percent"]),
    "points_per_correct": (0, FIELD_LIMITS["points_per_correct"]),
    "time_limit_seconds": (0, FIELD_LIMITS["time_limit_seconds"]),
    "attempts_allowed": (0, FIELD_LIMITS["attempts_allowed"]),
}
DIFFICULTIES = tuple(difficulty.value for difficulty in Difficulty)
FORM_TEXT = {
    "not_a_level": _("This level is not a set of fields."),
    "title_missing": _("Give the level a title."),
    "title_long": _("Keep the title to {most} characters."),
    "whole": _("Enter a whole number from {least} to {most}."),
    "minutes": _("Enter a whole number of minutes from 0 to 1440."),
    "quota_sum": _("The difficulty quotas add up to {total}, not the level's {count} questions."),
    "pool": _("The bank holds only {have} questions for this level's tags."),
    "quota_pool": _("The bank holds only {have} questions of this difficulty for this level's tags."),
    "no_tag": _("No question of the bank carries any of these tags."),
    "form_refused": _("Not saved: fix the problems marked next to their fields."),
}


@dataclass(frozen=True)
class FieldProblem:
    level: int  # counted from 0, as the form's rows
    field: str  # a level's key, or quotas.<difficulty>
    message: str

    def to_dict(self) -> dict:
        return asdict(self)


def bank_summary(index) -> list[list]:
    """The bank as the editor's script needs it to check pools: [difficulty, tags, how many] per kind."""
    counts = Counter((question.difficulty.value, tuple(sorted(question.tags))) for question in index.questions)
    return [[difficulty, list(tags), count] for (difficulty, tags), count in sorted(counts.items())]


def _whole(value, least: int, most: int) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit() and value.strip().isascii():
        value = int(value.strip())
    return value if isinstance(value, int) and least <= value <= most else None


def _number_problems(number: int, item: dict, translate) -> list[FieldProblem]:
    found = []
    for name, (least, most) in RANGES.items():
        if name not in item:
            continue
        value = _whole(item[name], least, most)
        if value is None or (name == "time_limit_seconds" and value % 60):
            words = (translate(FORM_TEXT["minutes"]) if name == "time_limit_seconds"
                     else translate(FORM_TEXT["whole"]).format(least=least, most=most))
            found.append(FieldProblem(number, name, words))
    quotas = item.get("quotas") or {}
    if not isinstance(quotas, dict):
        quotas = {}
    for difficulty, value in quotas.items():
        if difficulty in DIFFICULTIES and _whole(value, 0, FIELD_LIMITS["quotas"]) is None:
            found.append(FieldProblem(number, f"quotas.{difficulty}",
                                      translate(FORM_TEXT["whole"]).format(least=0, most=FIELD_LIMITS["quotas"])))
    return found


def _pool_problems(number: int, item: dict, index, translate) -> list[FieldProblem]:
    """What the level cannot draw from the bank: too few questions for its tags, a quota, or a sum that differs."""
    tags = set(item.get("tags") or ())
    pool = [question for question in index.questions if not tags or tags & set(question.tags)]
    count = int(item.get("count", 10))
    found = []
    if tags and not pool:
        found.append(FieldProblem(number, "tags", translate(FORM_TEXT["no_tag"])))
    if len(pool) < count:
        found.append(FieldProblem(number, "count", translate(FORM_TEXT["pool"]).format(have=len(pool))))
    quotas = {key: int(value) for key, value in (item.get("quotas") or {}).items() if int(value)}
    if quotas:
        total = sum(quotas.values())
        if total != count:
            found.append(FieldProblem(number, "quotas", translate(FORM_TEXT["quota_sum"]).format(total=total,
                                                                                                 count=count)))
        for difficulty, wanted in quotas.items():
            have = sum(1 for question in pool if question.difficulty.value == difficulty)
            if have < wanted:
                found.append(FieldProblem(number, f"quotas.{difficulty}",
                                          translate(FORM_TEXT["quota_pool"]).format(have=have)))
    return found


def form_problems(items, index, *, translate) -> list[FieldProblem]:
    """
    Every problem of the editor's levels (a list of level dicts, the stored form) against the bank
    ``index`` they will draw from; none when every level can be saved and drawn.
    """
    found = []
    for number, item in enumerate(items):
        if not isinstance(item, dict):
            found.append(FieldProblem(number, "title", translate(FORM_TEXT["not_a_level"])))
            continue
        title = str(item.get("title", "")).strip()
        if not title:
            found.append(FieldProblem(number, "title", translate(FORM_TEXT["title_missing"])))
        elif len(title) > TITLE_MAX:
            found.append(FieldProblem(number, "title", translate(FORM_TEXT["title_long"]).format(most=TITLE_MAX)))
        numbers = _number_problems(number, item, translate)
        found += numbers
        if not numbers and isinstance(item.get("quotas") or {}, dict):
            found += _pool_problems(number, item, index, translate)
    return found
