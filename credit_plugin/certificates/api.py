"""
The certificates applet's public API: annual and exam certificates issued, revoked and reissued,
listed for their holders, and the font they are drawn in. Returns frozen data, never models.
"""
from datetime import datetime
from decimal import Decimal

from credit_plugin.certificates import bulk, issuing
from credit_plugin.certificates.data import CertificateBatchData, CertificateData, CertificateKind, CertificateStatus
from credit_plugin.certificates.fonts import certificate_font
from credit_plugin.certificates.issuing import CertificateError, certificates_of
from credit_plugin.certificates.signing import jwks as certificate_public_keys

__all__ = [
    "CertificateBatchData",
    "CertificateData",
    "CertificateError",
    "CertificateKind",
    "CertificateStatus",
    "annual_certificate_candidates",
    "certificate_font",
    "certificate_public_keys",
    "certificates_of",
    "issue_annual_certificates",
    "issue_annual_if_met",
    "issue_certificate",
    "reissue_certificate",
    "revoke_certificate",
]


def issue_certificate(
    *, user_id: int, kind: str, year: int, credits: Decimal, hours: Decimal, title: str = "", reference: str = "",
    unique_for: str = "", now: datetime | None = None,
) -> tuple[CertificateData, bool]:
    """
    (certificate, newly issued). At most one valid certificate exists per kind, holder and
    ``unique_for`` (the year, for annual certificates): the valid one already there is returned.
    """
    certificate, new = issuing.issue_certificate(user_id=user_id, kind=kind, year=year, credits=credits, hours=hours,
                                                 title=title, reference=reference, unique_for=unique_for, now=now)
    return issuing.certificate_data(certificate), new


def issue_annual_if_met(*, user_id: int, year: int) -> tuple[CertificateData | None, bool]:
    """(the cadre's annual certificate for ``year`` if its targets are met, whether it was issued now)."""
    certificate, new = issuing.issue_annual_if_met(user_id=user_id, year=year)
    return (issuing.certificate_data(certificate) if certificate else None), new


def revoke_certificate(*, code: str, reason: str) -> CertificateData:
    """Revoke with a reason (CertificateError otherwise); the verification page then says revoked."""
    return issuing.certificate_data(issuing.revoke_certificate(code=code, reason=reason))


def reissue_certificate(*, code: str, reason: str) -> CertificateData:
    """A new certificate (new serial, current figures) in place of the one with ``code``, which is superseded."""
    return issuing.certificate_data(issuing.reissue_certificate(code=code, reason=reason))


def annual_certificate_candidates(*, year: int, organisation_code: str = "") -> list[int]:
    """Serving cadres (of the subtree) whose year totals are in, without a valid annual certificate yet."""
    return bulk.candidates(year=year, organisation_code=organisation_code)


def issue_annual_certificates(*, year: int, organisation_code: str = "") -> CertificateBatchData:
    """Issue the year's annual certificates to everyone (of the subtree) who met the targets, in chunked tasks."""
    return bulk.start_batch(year=year, organisation_code=organisation_code)
