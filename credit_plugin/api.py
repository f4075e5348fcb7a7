"""
The public Python API of the credit plugin.

XBlocks, views, management commands, signal receivers and other apps use only this module;
nothing outside ``credit_plugin`` imports its models.
"""
from datetime import datetime

from credit_plugin import config
from credit_plugin.cadres.importing import CadreImportResult, import_cadres
from credit_plugin.cadres.records import (
    UnknownOrganisation,
    assign_training_administrator,
    cadre_profile,
    can_see_organisation,
    compliance_list,
    compliance_overview,
    compliance_page,
    compliance_report,
    compliance_status,
    mask_phone,
    organisation_lineage,
    organisation_name,
    report_organisations,
    top_organisations,
    visible_organisations,
)
from credit_plugin.cadres.reminders import Reminder, ReminderRun, send_training_reminders
from credit_plugin.cadres.tree import TreeError
from credit_plugin.certificates.bulk import candidates as annual_certificate_candidates
from credit_plugin.certificates.bulk import start_batch as issue_annual_certificates
from credit_plugin.certificates.issuing import (
    CertificateError,
    issue_annual_if_met,
    issue_certificate,
    mask_name,
    reissue_certificate,
    revoke_certificate,
)
from credit_plugin.certificates.signing import canonical as certificate_canonical_json
from credit_plugin.certificates.signing import jwks as certificate_public_keys
from credit_plugin.data import (
    BulkRecordResult,
    CadreCompliance,
    CadreProfileData,
    ComplianceStatus,
    CreditPolicy,
    CreditRuleData,
    LedgerDrift,
    LedgerEntryData,
    LmsEventReceiptData,
    NewLedgerEntry,
    OrganisationData,
    SourceKind,
    StatusCounts,
    Trigger,
    YearSummary,
    YearTotals,
)

# --- the ledger (issue 4) ---------------------------------------------------------------------
from credit_plugin.ledger.errors import AlreadyReversed, EntryNotFound, InvalidEntry, LedgerError
from credit_plugin.ledger.lms_events import (
    handle_block_completion,
    handle_lms_event,
    receive_lms_event,
    replay_failed_events,
)
from credit_plugin.ledger.offline_import import ImportProblem, OfflineImportResult, import_offline_credits
from credit_plugin.ledger.reconcile import reconcile as reconcile_credits
from credit_plugin.ledger.recording import bulk_record_entries, record_entry, reverse_entry
from credit_plugin.ledger.recording import credit_year as _credit_year
from credit_plugin.ledger.rule_admin import save_credit_rule
from credit_plugin.ledger.totals import entries, ledger_drift, year_summary, year_totals, years_with_entries

__all__ = [
    "AlreadyReversed",
    "BulkRecordResult",
    "CadreCompliance",
    "CadreImportResult",
    "CadreProfileData",
    "ComplianceStatus",
    "OrganisationData",
    "Reminder",
    "ReminderRun",
    "StatusCounts",
    "CertificateError",
    "TreeError",
    "annual_certificate_candidates",
    "certificate_canonical_json",
    "certificate_public_keys",
    "issue_annual_certificates",
    "issue_annual_if_met",
    "issue_certificate",
    "mask_name",
    "reissue_certificate",
    "revoke_certificate",
    "UnknownOrganisation",
    "assign_training_administrator",
    "cadre_profile",
    "can_see_organisation",
    "compliance_list",
    "compliance_overview",
    "compliance_page",
    "compliance_report",
    "compliance_status",
    "import_cadres",
    "mask_phone",
    "organisation_lineage",
    "organisation_name",
    "report_organisations",
    "send_training_reminders",
    "top_organisations",
    "visible_organisations",
    "CreditPolicy",
    "CreditRuleData",
    "EntryNotFound",
    "ImportProblem",
    "InvalidEntry",
    "LedgerDrift",
    "LedgerEntryData",
    "LedgerError",
    "LmsEventReceiptData",
    "NewLedgerEntry",
    "OfflineImportResult",
    "SourceKind",
    "Trigger",
    "YearSummary",
    "YearTotals",
    "bulk_record_entries",
    "credit_policy",
    "credit_year",
    "entries",
    "handle_block_completion",
    "handle_lms_event",
    "import_offline_credits",
    "ledger_drift",
    "receive_lms_event",
    "reconcile_credits",
    "record_entry",
    "replay_failed_events",
    "reverse_entry",
    "save_credit_rule",
    "year_summary",
    "year_totals",
    "years_with_entries",
]


def credit_policy() -> CreditPolicy:
    """Return the configured yearly targets and credit time zone."""
    return CreditPolicy(
        yearly_credits=config.yearly_credit_target(),
        yearly_hours=config.yearly_hour_target(),
        time_zone=str(config.credit_time_zone()),
    )


def credit_year(moment: datetime) -> int:
    """Return the calendar year ``moment`` (timezone-aware) falls in, in the credit time zone."""
    return _credit_year(moment)
