"""
A cadre's training archive (培训档案): who they are, their onboarding milestones, every ledger
entry over the years with each year's totals, and the certificates they hold.
"""
from credit_plugin import config
from credit_plugin.certificates import api as certificates_api
from credit_plugin.compliance.data import ArchiveYear, TrainingArchive
from credit_plugin.compliance.reports import compliance_status
from credit_plugin.ledger import api as ledger_api
from credit_plugin.organisations import api as organisations_api

MILESTONE_RULES = ("registration", "required_courses")


def training_archive(*, user_id: int, username: str) -> TrainingArchive:
    profile = organisations_api.cadre_profile(user_id=user_id)
    status = compliance_status(user_id=user_id, year=config.current_year()) if profile else None
    by_year: dict[int, list[ledger_api.LedgerEntryData]] = {}
    for entry in ledger_api.entries(user_id=user_id):
        by_year.setdefault(entry.year, []).append(entry)
    years = tuple(
        ArchiveYear(summary=ledger_api.year_summary(user_id=user_id, year=year), entries=tuple(by_year.get(year, ())))
        for year in ledger_api.years_with_entries(user_id=user_id)
    )
    return TrainingArchive(
        user_id=user_id, username=username, full_name=organisations_api.name_of(user_id) or username,
        profile=profile, milestones=status.deadlines if status else (), years=years,
        certificates=tuple(certificates_api.certificates_of(user_id=user_id)),
    )
