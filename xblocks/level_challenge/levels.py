"""Levels of a challenge: what each draws from the bank, how it is passed, and author validation."""

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
    def from_dict(cls, data: dict) -> "Level":
        return cls(
            title=str(data.get("title", "")),
            count=int(data.get("count", 10)),
            tags=tuple(str(tag) for tag in data.get("tags", ())),
            quotas={Difficulty(key).value: int(value) for key, value in (data.get("quotas") or {}).items()},
            pass_percent=int(data.get("pass_percent", 60)),
            points_per_correct=int(data.get("points_per_correct", 10)),
            time_limit_seconds=int(data.get("time_limit_seconds", 0)),
            attempts_allowed=int(data.get("attempts_allowed", 0)),
            requires_previous=bool(data.get("requires_previous", True)),
            prerequisite_block=str(data.get("prerequisite_block", "")),
        )


def level_problems(levels: list[Level], index) -> list[str]:
    """What an author must fix: a level asking for more questions than its part of the bank holds."""
    problems = []
    for number, level in enumerate(levels, start=1):
        name = f"{number} ({level.title})"
        if level.count < 1:
            problems.append(_("level {name} draws no questions").format(name=name))
        if not 0 <= level.pass_percent <= 100:
            problems.append(
                _("level {name}: the pass mark {mark}% is not between 0 and 100").format(
                    name=name, mark=level.pass_percent
                )
            )
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
