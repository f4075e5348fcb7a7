"""Frozen data that crosses the ledger applet's API."""
from dataclasses import asdict, dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple
from uuid import UUID

from django.db import models
from django.utils.translation import gettext_lazy as _

from cadre_common.problems import RowProblem


@dataclass(frozen=True)
class CreditPolicy:
    """The yearly targets a cadre must reach and the time zone their year is counted in."""

    yearly_credits: Decimal
    yearly_hours: Decimal
    time_zone: str


class SourceKind(models.TextChoices):
    """Where a ledger entry's credits came from."""

    ONLINE_COURSE = "online_course", _("Online course")
    COURSE_BLOCK = "course_block", _("Course activity")
    OFFLINE_TRAINING = "offline_training", _("Offline training")
    OFFLINE_EXAM = "offline_exam", _("Offline exam")
    MANUAL_ADJUSTMENT = "manual_adjustment", _("Manual adjustment")
    REVERSAL = "reversal", _("Reversal")


class Trigger(models.TextChoices):
    """What grants the credits of a credit rule."""

    COURSE_PASSED = "course_passed", _("Passing the course")
    CERTIFICATE_CREATED = "certificate_created", _("A course certificate is created")
    BLOCK_COMPLETED = "block_completed", _("Completing the block")


@dataclass(frozen=True)
class LedgerEntryData:
    """One ledger entry as the API returns it; ``newly_recorded`` when this call wrote it."""

    id: int
    user_id: int
    credits: Decimal
    hours: Decimal
    year: int
    earned_at: datetime
    source_kind: str
    reference: str
    title: str
    recorded_by: str
    reason: str
    idempotency_key: str
    reverses_id: int | None
    reversed_by_id: int | None
    newly_recorded: bool = False


@dataclass(frozen=True)
class NewLedgerEntry:
    """An entry to record in bulk (imports)."""

    user_id: int
    credits: Decimal
    hours: Decimal
    earned_at: datetime
    source_kind: str
    reference: str
    recorded_by: str
    idempotency_key: str
    title: str = ""
    reason: str = ""


@dataclass(frozen=True)
class BulkRecordResult:
    recorded: int
    already_recorded: int


class YearTotals(NamedTuple):
    """A learner's sums for a year (a tuple: a province's 35,000 of them are read at once)."""

    credits: Decimal
    hours: Decimal
    entry_count: int


@dataclass(frozen=True)
class YearSummary:
    """A learner's year against its targets."""

    user_id: int
    year: int
    credits: Decimal
    hours: Decimal
    credit_target: Decimal
    hour_target: Decimal
    entry_count: int

    @property
    def target_met(self) -> bool:
        return self.credits >= self.credit_target and self.hours >= self.hour_target

    @property
    def credit_progress(self) -> float:
        return float(min(self.credits / self.credit_target, 1)) if self.credit_target else 1.0

    @property
    def hour_progress(self) -> float:
        return float(min(self.hours / self.hour_target, 1)) if self.hour_target else 1.0


@dataclass(frozen=True)
class LedgerDrift:
    """A year total that does not equal the sum of its entries."""

    user_id: int
    year: int
    stored: YearTotals
    computed: YearTotals


@dataclass(frozen=True)
class CreditRuleData:
    id: int
    title: str
    trigger: str
    credits: Decimal
    hours: Decimal
    course_key: str
    course_prefix: str
    block_key: str


@dataclass(frozen=True)
class LmsEventReceiptData:
    """What the plugin recorded about one LMS event it received."""

    event_id: UUID
    event_type: str
    occurred_at: datetime
    user_id: int | None
    course_key: str
    status: str
    detail: str
    newly_received: bool


@dataclass(frozen=True)
class ReconcileResult:
    examined: int = 0
    granted: int = 0
    since: datetime | None = None  # the records read were those changed since then (None: all of them)

    def as_dict(self) -> dict:
        return {**asdict(self), "since": self.since.isoformat() if self.since else None}


@dataclass(frozen=True)
class PlannedEntry:
    """A row of an offline roster as it will be recorded, or was already."""

    row: int
    username: str
    full_name: str
    training: str
    day: date
    credits: Decimal
    hours: Decimal
    source_kind: str
    score: str
    entry: NewLedgerEntry
    already_recorded: bool = False


@dataclass(frozen=True)
class OfflineImportResult:
    """What an offline roster holds: entries to record, rows skipped (not passed) and problems."""

    planned: tuple[PlannedEntry, ...] = ()
    skipped: tuple[RowProblem, ...] = ()
    errors: tuple[RowProblem, ...] = ()
    recorded: int = 0
    dry_run: bool = True

    @property
    def already_recorded(self) -> int:
        return sum(planned.already_recorded for planned in self.planned)
