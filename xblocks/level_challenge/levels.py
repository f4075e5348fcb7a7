"""Levels of a challenge: what each draws from the bank, how it is passed, and author validation."""

import re
from dataclasses import dataclass, field

from question_bank.api import Difficulty
from xblocks.i18n import _


@dataclass(frozen=True)
class Level:
    """
    One level. ``quotas`` ({difficulty: count}) fixes how many of the ``count`` questions come
    from each difficulty; ``tags`` limits the draw to questions carrying any of them.
    """

    title: str
    count: int = 10
    tags: tuple[str, ...] = ()
    quotas: dict = field(default_factory=dict)
    pass_percent: int = 60
    points_per_correct: int = 10
    time_limit_seconds: int = 0  # 0: no time limit
    attempts_allowed: int = 0  # 0: unlimited
    requires_previous: bool = True
    prerequisite_block: str = ""  # a sibling block (e.g. the unit's video) to complete first

    def eligible(self, question) -> bool:
        return not self.tags or bool(set(self.tags) & set(question.tags))

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "count": self.count,
            "tags": list(self.tags),
            "quotas": {str(key): value for key, value in self.quotas.items()},
            "pass_percent": self.pass_percent,
            "points_per_correct": self.points_per_correct,
            "time_limit_seconds": self.time_limit_seconds,
            "attempts_allowed": self.attempts_allowed,
            "requires_previous": self.requires_previous,
            "prerequisite_block": self.prerequisite_block,
        }

    @classmethod
    def from_dict(cls, data: dict, *, number: int = 1) -> "Level":
        """
        The level from its stored, OLX or Studio form; LevelError (a ValueError naming the level
        ``number`` and the field) for a number that is not a whole number in its range, like 1e999.
        """
        def whole(name, default):
            return whole_number(data.get(name, default), number=number, field=name, most=FIELD_LIMITS[name])

        return cls(
            title=str(data.get("title", "")),
            count=whole("count", 10),
            tags=tuple(str(tag) for tag in data.get("tags", ())),
            quotas=_quotas(data.get("quotas") or {}, number),
            pass_percent=whole("pass_percent", 60),
            points_per_correct=whole("points_per_correct", 10),
            time_limit_seconds=whole("time_limit_seconds", 0),
            attempts_allowed=whole("attempts_allowed", 0),
            requires_previous=bool(data.get("requires_previous", True)),
            prerequisite_block=str(data.get("prerequisite_block", "")),
        )


# The largest value each field may hold: far above any real level, low enough that no sum overflows.
FIELD_LIMITS = {"count": 1000, "pass_percent": 100, "points_per_correct": 1000, "time_limit_seconds": 86400,
                "attempts_allowed": 1000, "quotas": 1000}


class LevelError(ValueError):
    """A level that cannot be read: the message names the level and the field."""


def whole_number(value, *, number: int, field: str, most: int) -> int:
    """``value`` as a whole number from 0 to ``most`` (an int, a float like 10.0, or digits in text)."""
    if isinstance(value, int) and not isinstance(value, bool):
        found = value
    elif (isinstance(value, float) and value.is_integer()) or (
            isinstance(value, str) and re.fullmatch(r"[0-9]{1,9}", value.strip())):
        found = int(value)
    else:
        found = None
    if found is None or not 0 <= found <= most:
        raise LevelError(_("Level {number}, {field}: {value} is not a whole number from 0 to {most}.").format(
            number=number, field=field, value=str(value)[:40], most=most))
    return found


def _quotas(quotas, number: int) -> dict:
    if not isinstance(quotas, dict):
        raise LevelError(_("Level {number}, quotas: give a count for each difficulty.").format(number=number))
    found = {}
    for key, value in quotas.items():
        if key not in {difficulty.value for difficulty in Difficulty}:
            raise LevelError(_("Level {number}, quotas: {difficulty} is not a difficulty (easy, medium, hard).").format(
                number=number, difficulty=str(key)[:40]))
        found[key] = whole_number(value, number=number, field="quotas", most=FIELD_LIMITS["quotas"])
    return found


def level_problems(levels: list[Level], index) -> list[str]:
    """What an author must fix: a level asking for more questions than its part of the bank holds."""
    problems = []
    for number, level in enumerate(levels, start=1):
        name = f"{number} ({level.title})"
        if level.count < 1:
            problems.append(_("level {name} draws no questions").format(name=name))
        pool = [question for question in index.questions if level.eligible(question)]
        if len(pool) < level.count:
            problems.append(
                _("level {name} asks for {count} questions; its part of the bank holds {have}").format(
                    name=name, count=level.count, have=len(pool)
                )
            )
        if level.quotas:
            if sum(level.quotas.values()) != level.count:
                problems.append(
                    _("level {name}: the difficulty quotas add up to {total}, not {count}").format(
                        name=name, total=sum(level.quotas.values()), count=level.count
                    )
                )
            for difficulty, wanted in level.quotas.items():
                have = sum(1 for question in pool if question.difficulty.value == difficulty)
                if have < wanted:
                    problems.append(
                        _("level {name} asks for {wanted} {difficulty} questions; the bank holds {have}").format(
                            name=name, wanted=wanted, difficulty=difficulty, have=have
                        )
                    )
    return problems
