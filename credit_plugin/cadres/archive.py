"""
A cadre's training archive (培训档案): who they are, their onboarding milestones, every ledger
entry over the years with each year's totals, and the certificates they hold.
"""
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from credit_plugin import config
from credit_plugin.cadres.records import cadre_profile, compliance_status
from credit_plugin.data import CadreProfileData, Deadline, LedgerEntryData, YearSummary
from credit_plugin.ledger.totals import entries, year_summary, years_with_entries
from credit_plugin.models import Certificate


@dataclass(frozen=True)
class ArchiveYear:
    summary: YearSummary
    entries: tuple[LedgerEntryData, ...]


@dataclass(frozen=True)
class ArchiveCertificate:
    code: str
    title: str
    year: int
    serial_number: str
    issued_on: str
    status: str
    reference: str


@dataclass(frozen=True)
class TrainingArchive:
    user_id: int
    username: str
    full_name: str
    profile: CadreProfileData | None
    milestones: tuple[Deadline, ...]
    years: tuple[ArchiveYear, ...]
    certificates: tuple[ArchiveCertificate, ...]


def training_archive(*, user_id: int) -> TrainingArchive:
    user = get_user_model().objects.get(pk=user_id)
    zone = config.credit_time_zone()
    this_year = timezone.now().astimezone(zone).year
    profile = cadre_profile(user_id=user_id)
    status = compliance_status(user_id=user_id, year=this_year) if profile else None
    by_year: dict[int, list[LedgerEntryData]] = {}
    for entry in entries(user_id=user_id):
        by_year.setdefault(entry.year, []).append(entry)
    years = tuple(
        ArchiveYear(summary=year_summary(user_id=user_id, year=year), entries=tuple(by_year.get(year, ())))
        for year in years_with_entries(user_id=user_id)
    )
    certificates = tuple(
        ArchiveCertificate(
            code=row.verification_code, title=row.title, year=row.year, serial_number=row.serial_number,
            issued_on=timezone.localtime(row.issued_at, zone).date().isoformat(), status=row.status,
            reference=row.reference,
        )
        for row in Certificate.objects.filter(user_id=user_id).order_by("-year", "-issued_at")
    )
    return TrainingArchive(
        user_id=user_id, username=user.get_username(),
        full_name=f"{user.first_name}{user.last_name}".strip() or user.get_username(),
        profile=profile, milestones=status.deadlines if status else (), years=years, certificates=certificates,
    )
