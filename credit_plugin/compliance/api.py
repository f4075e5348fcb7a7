"""
The compliance applet's public API: a cadre's year judged against the rules, organisations' counts
and rosters for those who may see them, training archives and reminders. Returns frozen data.
"""
from credit_plugin.compliance.archives import training_archive
from credit_plugin.compliance.data import (
    ArchiveYear,
    CadreCompliance,
    CadreRoster,
    ComplianceReport,
    ComplianceStatus,
    Deadline,
    Reminder,
    ReminderRun,
    StatusCounts,
    TrainingArchive,
)
from credit_plugin.compliance.reminders import send_training_reminders
from credit_plugin.compliance.reports import (
    compliance_list,
    compliance_overview,
    compliance_report,
    compliance_roster,
    compliance_status,
)

__all__ = [
    "CadreCompliance",
    "CadreRoster",
    "ComplianceReport",
    "ComplianceStatus",
    "Deadline",
    "StatusCounts",
    "compliance_list",
    "compliance_overview",
    "compliance_report",
    "compliance_roster",
    "compliance_status",
    # Archives
    "ArchiveYear",
    "TrainingArchive",
    "training_archive",
    # Reminders
    "Reminder",
    "ReminderRun",
    "send_training_reminders",
]
