"""Frozen data that crosses the competitions applet's API."""
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class AttemptGrade:
    """
    What grading one attempt gave: the level, the score, the time taken and ``details``, the
    block's own JSON-safe account of each question (stored as given, returned on every replay).
    """

    level: int
    percent: int
    points: int
    passed: bool
    seconds: int
    details: dict = field(default_factory=dict)


@dataclass(frozen=True)
class GradedAttemptData:
    """A stored grade; ``newly_graded`` is true only for the one request that graded the attempt."""

    user_id: int
    block_key: str
    attempt_id: str
    grade: AttemptGrade
    graded_at: datetime
    newly_graded: bool = False


@dataclass(frozen=True)
class Standing:
    """One learner's place on a leaderboard: their name as the LMS keeps it (unmasked) and organisation."""

    rank: int
    user_id: int
    full_name: str
    points: int
    seconds: int
    organisation_code: str


@dataclass(frozen=True)
class Leaderboard:
    """The top of a competition's leaderboard, the asking learner's own standing (if any) and how many rows."""

    rows: tuple[Standing, ...]
    me: Standing | None
    total: int
