"""Frozen data that crosses the certificates applet's API."""
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificateKind(models.TextChoices):
    """The kinds of certificate; another app may issue kinds of its own through the api."""

    ANNUAL = "annual", _("Annual qualification certificate")
    EXAM = "exam", _("Certificate of qualification (exam)")


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    REVOKED = "revoked", _("Revoked")
    SUPERSEDED = "superseded", _("Superseded")


@dataclass(frozen=True)
class CertificateData:
    """
    A certificate as its holder and administrators see it. ``code`` is its public verification
    code; ``superseded_by`` the serial number of the certificate issued in its place, if any.
    """

    code: str
    user_id: int
    kind: str
    year: int
    title: str
    holder_name: str
    organisation_name: str
    issuer_name: str
    credits: Decimal
    hours: Decimal
    serial_number: str
    issued_at: datetime
    issued_on: date  # the day of issue in the credit time zone, as printed
    reference: str
    status: str
    status_changed_at: datetime | None
    status_reason: str
    superseded_by: str | None
    review_reason: str = ""  # set when the holder's figures fell below what it certifies (decision 0013)

    @property
    def status_label(self) -> str:
        return str(CertificateStatus(self.status).label)


@dataclass(frozen=True)
class CertificateBatchData:
    """A bulk issuance and how far it got."""

    id: int
    year: int
    organisation_code: str
    status: str
    chunks_total: int
    chunks_done: int
    issued: int
