"""Plain, frozen data objects that cross the credit plugin's public API."""
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from django.db import models
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class CreditPolicy:
    """The yearly targets a cadre must reach and the time zone their year is counted in."""

    yearly_credits: Decimal
    yearly_hours: Decimal
    time_zone: str


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
    """One ledger entry as the API returns it."""

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


@dataclass(frozen=True)
class YearTotals:
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


# --- cadre records and compliance (issue 5) -------------------------------------------------


class OrganisationLevel(models.TextChoices):
    PROVINCE = "province", _("Province federation")
    CITY = "city", _("City federation")
    DISTRICT = "district", _("District or county federation")
    GRASSROOTS = "grassroots", _("Grassroots union")


class CadreCategory(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    FULL_TIME = "full_time", _("Full-time staff")
    PART_TIME = "part_time", _("Part-time cadre")


class CadreStatus(models.TextChoices):
    SERVING = "serving", _("Serving")
    LEFT = "left", _("Left office")


class ComplianceStatus(models.TextChoices):
    """Where a cadre stands for a year, worst first."""

    OVERDUE = "overdue", _("Overdue")
    AT_RISK = "at_risk", _("At risk")
    ON_TRACK = "on_track", _("On track")
    MET = "met", _("Met")


@dataclass(frozen=True)
class OrganisationData:
    id: int
    code: str
    name: str
    level: str
    parent_code: str | None
    path: str

    @property
    def depth(self) -> int:
        return self.path.count("/") - 1


@dataclass(frozen=True)
class CadreProfileData:
    user_id: int
    username: str
    full_name: str
    organisation_code: str
    organisation_name: str
    position: str
    category: str
    took_office_on: date
    registered_on: date
    employee_number: str | None
    masked_phone: str
    status: str
    organisation_lineage: tuple[str, ...] = ()  # codes from the root down to the cadre's organisation


@dataclass(frozen=True)
class Deadline:
    """An onboarding rule's deadline and whether (and when) it was met."""

    rule: str  # "registration" or "required_courses"
    due_on: date
    met_on: date | None

    @property
    def met(self) -> bool:
        return self.met_on is not None and self.met_on <= self.due_on


@dataclass(frozen=True)
class CadreCompliance:
    """One cadre's year: credits and hours against the targets and the pace, and onboarding deadlines."""

    user_id: int
    username: str
    full_name: str
    organisation_code: str
    organisation_name: str
    category: str
    year: int
    credits: Decimal
    hours: Decimal
    credit_target: Decimal
    hour_target: Decimal
    expected_credits: Decimal
    expected_hours: Decimal
    deadlines: tuple[Deadline, ...]
    status: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class StatusCounts:
    """How many serving cadres of an organisation's subtree are in each status."""

    organisation: OrganisationData
    met: int = 0
    on_track: int = 0
    at_risk: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        return self.met + self.on_track + self.at_risk + self.overdue
