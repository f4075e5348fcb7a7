"""Every table of the credit plugin, gathered from its applets so that Django finds them (one app, one history)."""
from credit_plugin.certificates.models import (
    Certificate,
    CertificateBatch,
    CertificateSerial,
    OrganisationIssuer,
    SigningKey,
)
from credit_plugin.competitions.models import GradedAttempt, LeaderboardRow
from credit_plugin.compliance.models import ReminderSent
from credit_plugin.ledger.models import (
    CreditRule,
    LedgerEntry,
    LmsEventReceipt,
    OrganisationTarget,
    ReconcileWatermark,
    YearlyCap,
    YearlyPolicy,
    YearTotal,
)
from credit_plugin.organisations.models import (
    CadreInvitation,
    CadreProfile,
    Organisation,
    PendingCadre,
    TrainingAdministrator,
)

__all__ = [
    "CadreInvitation",
    "CadreProfile",
    "Organisation",
    "PendingCadre",
    "TrainingAdministrator",
    "CreditRule",
    "LedgerEntry",
    "LmsEventReceipt",
    "OrganisationTarget",
    "ReconcileWatermark",
    "YearTotal",
    "YearlyCap",
    "YearlyPolicy",
    "Certificate",
    "CertificateBatch",
    "CertificateSerial",
    "OrganisationIssuer",
    "SigningKey",
    "ReminderSent",
    "GradedAttempt",
    "LeaderboardRow",
]
