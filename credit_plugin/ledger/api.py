"""
The ledger applet's public API: recording and reversing credits, reading a learner's year, the
LMS's events and completions, offline rosters, credit rules and targets. Returns frozen data.
"""
from credit_plugin.ledger.data import (
    BulkRecordResult,
    CreditPolicy,
    CreditRuleData,
    LedgerDrift,
    LedgerEntryData,
    LmsEventReceiptData,
    NewLedgerEntry,
    OfflineImportResult,
    PlannedEntry,
    ReconcileResult,
    SourceKind,
    Trigger,
    YearSummary,
    YearTotals,
)
from credit_plugin.ledger.errors import AlreadyReversed, EntryNotFound, InvalidEntry, LedgerError
from credit_plugin.ledger.lms_events import (
    failed_event_count,
    handle_block_completion,
    handle_lms_event,
    receive_lms_event,
    replay_failed_events,
)
from credit_plugin.ledger.offline_import import import_offline_credits
from credit_plugin.ledger.policy import credit_policy, credit_year
from credit_plugin.ledger.provenance import recorded_by_label
from credit_plugin.ledger.reconcile import reconcile as reconcile_credits
from credit_plugin.ledger.recording import bulk_record_entries, record_entry, reverse_entry
from credit_plugin.ledger.rules import block_rule_ceilings, save_credit_rule
from credit_plugin.ledger.targets import targets_by_path
from credit_plugin.ledger.totals import (
    entries,
    entry,
    entry_owner,
    first_credited_days,
    ledger_drift,
    year_summary,
    year_totals,
    years_with_entries,
)

__all__ = [
    # Policy
    "CreditPolicy",
    "credit_policy",
    "credit_year",
    "targets_by_path",
    # Recording
    "AlreadyReversed",
    "BulkRecordResult",
    "EntryNotFound",
    "InvalidEntry",
    "LedgerEntryData",
    "LedgerError",
    "NewLedgerEntry",
    "SourceKind",
    "bulk_record_entries",
    "record_entry",
    "reverse_entry",
    # Reading
    "LedgerDrift",
    "YearSummary",
    "YearTotals",
    "entries",
    "entry",
    "entry_owner",
    "recorded_by_label",
    "first_credited_days",
    "ledger_drift",
    "year_summary",
    "year_totals",
    "years_with_entries",
    # Credit rules, LMS events and completions
    "CreditRuleData",
    "LmsEventReceiptData",
    "ReconcileResult",
    "Trigger",
    "failed_event_count",
    "handle_block_completion",
    "handle_lms_event",
    "receive_lms_event",
    "reconcile_credits",
    "replay_failed_events",
    "save_credit_rule",
    "block_rule_ceilings",
    # Offline rosters
    "OfflineImportResult",
    "PlannedEntry",
    "import_offline_credits",
]
