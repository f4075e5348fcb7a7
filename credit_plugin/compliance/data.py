"""Frozen data that crosses the compliance applet's API."""
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from credit_plugin.certificates.data import CertificateData
from credit_plugin.ledger.data import LedgerEntryData, YearSummary
from credit_plugin.organisations.data import CadreProfileData, OrganisationData


class ComplianceStatus(models.TextChoices):
    """Where a cadre stands for a year, worst first."""

    OVERDUE = "overdue", _("Overdue")
    AT_RISK = "at_risk", _("At risk")
    ON_TRACK = "on_track", _("On track")
    MET = "met", _("Met")


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
class PendingRegistration:
    """An appointed cadre who has no account yet: their registration deadline and where they stand."""

    pending_id: int
    full_name: str
    organisation_code: str
    organisation_name: str
    category: str
    took_office_on: date
    due_on: date
    days_left: int  # negative: days past the deadline
    status: str  # at_risk, or overdue past the deadline
    masked_contact: str
    invited_on: date | None

    @property
    def days_overdue(self) -> int:
        return max(0, -self.days_left)


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


@dataclass(frozen=True)
class CadreRoster(Sequence):
    """
    The cadres a report lists, in order, each assessed in full only when it is read: a page of 100
    of a province's 35,000 costs 100 assessments. Pages slice it (Django's and DRF's paginators).
    """

    user_ids: tuple[int, ...]
    assess: Callable[[Sequence[int]], list[CadreCompliance]] = field(repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.user_ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.assess(self.user_ids[index])
        return self.assess([self.user_ids[index]])[0]

    def __iter__(self):
        """Every cadre, assessed a chunk at a time (one at a time would be a query each)."""
        for start in range(0, len(self.user_ids), 500):
            yield from self[start:start + 500]


@dataclass(frozen=True)
class ComplianceReport:
    """An organisation's counts by status, each child's, and its cadres (of the status asked for)."""

    overall: StatusCounts
    children: tuple[StatusCounts, ...]
    cadres: CadreRoster
    pending: tuple[PendingRegistration, ...] = ()  # appointed, not registered (of the status asked for)


@dataclass(frozen=True)
class Reminder:
    """One e-mail to write: to a cadre about themself, or a digest to an administrator."""

    kind: str  # a ReminderSent.Kind
    recipient_id: int
    recipient_username: str
    recipient_name: str
    email: str
    cadres: tuple[CadreCompliance, ...]
    organisations: tuple[str, ...] = ()  # a digest: names of the organisations administered
    pending: tuple[PendingRegistration, ...] = ()  # a digest: appointed cadres who have not registered


@dataclass(frozen=True)
class ReminderRun:
    """What a run did (or, dry, would do)."""

    period: str
    year: int
    dry_run: bool
    sent: tuple[Reminder, ...] = ()
    already_sent: tuple[Reminder, ...] = ()
    without_email: tuple[Reminder, ...] = ()
    failed: tuple[tuple[Reminder, str], ...] = ()
    # Appointed cadres without an account, and what their reminder (a new invitation) came to:
    # "sent", "already_sent" (this period), "unreachable", "failed"; "planned" on a dry run.
    invitations: tuple[tuple[PendingRegistration, str], ...] = ()

    def as_dict(self) -> dict:
        return {
            "period": self.period, "year": self.year, "dry_run": self.dry_run, "sent": len(self.sent),
            "already_sent": len(self.already_sent), "without_email": len(self.without_email),
            "failed": len(self.failed),
            "invitations": sum(outcome in {"sent", "planned"} for _, outcome in self.invitations),
        }


@dataclass(frozen=True)
class ArchiveYear:
    summary: YearSummary
    entries: tuple[LedgerEntryData, ...]


@dataclass(frozen=True)
class TrainingArchive:
    """A cadre's training archive (培训档案): who they are, milestones, every year's entries, certificates."""

    user_id: int
    username: str
    full_name: str
    profile: CadreProfileData | None
    milestones: tuple[Deadline, ...]
    years: tuple[ArchiveYear, ...]
    certificates: tuple[CertificateData, ...]
