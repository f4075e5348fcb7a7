"""Database tables of the credit plugin, one module per concern. Only the app's own modules use them."""
from credit_plugin.models.cadres import (
    CadreCategory,
    CadreProfile,
    CadreStatus,
    Organisation,
    OrganisationLevel,
    OrganisationTarget,
    TrainingAdministrator,
)
from credit_plugin.models.certificates import (
    Certificate,
    CertificateBatch,
    CertificateKind,
    CertificateSerial,
    CertificateStatus,
    OrganisationIssuer,
    SigningKey,
)
from credit_plugin.models.exports import ReportExport
from credit_plugin.models.ledger import CreditRule, LedgerEntry, YearlyCap, YearlyPolicy, YearTotal
from credit_plugin.models.lms_events import LmsEventReceipt
from credit_plugin.models.reminders import ReminderSent

__all__ = [
    "Certificate",
    "CertificateBatch",
    "CertificateKind",
    "CertificateSerial",
    "CertificateStatus",
    "OrganisationIssuer",
    "SigningKey",
    "CadreCategory",
    "CadreProfile",
    "CadreStatus",
    "CreditRule",
    "LedgerEntry",
    "LmsEventReceipt",
    "Organisation",
    "OrganisationLevel",
    "OrganisationTarget",
    "ReminderSent",
    "ReportExport",
    "TrainingAdministrator",
    "YearTotal",
    "YearlyCap",
    "YearlyPolicy",
]
