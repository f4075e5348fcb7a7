"""Frozen data that crosses the organisations applet's API."""
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.db import models
from django.utils.translation import gettext_lazy as _

from cadre_common.problems import RowProblem


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


@dataclass(frozen=True)
class OrganisationData:
    """An organisation; ``path`` is its place in the tree (its ancestors' ids and its own)."""

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
    """A cadre as administrators and other apps see them; the phone only masked."""

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


class CadreRow(NamedTuple):
    """
    One serving cadre as reports read a whole subtree of them at once (a tuple: 35,000 of them must
    cost little): who, where (the organisation's code, name and path) and the two onboarding dates.
    """

    user_id: int
    username: str
    full_name: str
    organisation_code: str
    organisation_name: str
    organisation_path: str
    category: str
    took_office_on: date
    registered_on: date


class CadreDates(NamedTuple):
    """A serving cadre's organisation and onboarding dates: what counting statuses needs, without names."""

    user_id: int
    organisation_code: str
    organisation_path: str
    took_office_on: date
    registered_on: date


@dataclass(frozen=True)
class PlannedOrganisation:
    row: int
    code: str
    name: str
    level: str
    parent_code: str | None
    exists: bool


@dataclass(frozen=True)
class PlannedCadre:
    row: int
    username: str
    full_name: str
    email: str
    organisation_code: str
    position: str
    category: str
    took_office_on: date
    registered_on: date | None
    employee_number: str | None
    phone: str
    status: str
    user_exists: bool
    pending: bool = False  # no username: a cadre without an account yet, to be invited


@dataclass(frozen=True)
class CadreImportResult:
    """What an import of organisations and cadres found, and whether it wrote it."""

    organisations: tuple[PlannedOrganisation, ...] = ()
    cadres: tuple[PlannedCadre, ...] = ()
    errors: tuple[RowProblem, ...] = ()
    dry_run: bool = True
    written: bool = False
    invitations: tuple[tuple[str, str], ...] = ()  # (name, "sent", "unreachable" or "failed") once written

    @property
    def users_to_create(self) -> int:
        return sum(not cadre.user_exists and not cadre.pending for cadre in self.cadres)

    @property
    def pending(self) -> int:
        """How many rows are cadres without an account, to be invited."""
        return sum(cadre.pending for cadre in self.cadres)

    @property
    def invitations_sent(self) -> int:
        return sum(outcome == "sent" for _, outcome in self.invitations)


class PendingRow(NamedTuple):
    """An appointed cadre who has not registered (accepted an invitation) yet."""

    pending_id: int
    full_name: str
    organisation_code: str
    organisation_name: str
    organisation_path: str
    category: str
    took_office_on: date
    masked_contact: str
    invited_on: date | None


@dataclass(frozen=True)
class PlannedAssignment:
    row: int
    username: str
    organisation_code: str
    exists: bool


@dataclass(frozen=True)
class AdministratorImportResult:
    """What an import of training administrators found, and whether it wrote it."""

    assignments: tuple[PlannedAssignment, ...] = ()
    errors: tuple[RowProblem, ...] = ()
    dry_run: bool = True
    written: bool = False
