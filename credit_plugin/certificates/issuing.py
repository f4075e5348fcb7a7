"""
Issuing, revoking and reissuing certificates.

A certificate's content is snapshotted, signed and given the next serial number of its issuer's
prefix and year in one transaction. ``valid_slot`` (unique) makes issuing idempotent: a second
annual certificate for the same cadre and year, or a second exam certificate for the same exam
result, is never created, even when two workers issue at the same moment.
"""
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cadre_common.masking import mask_name
from credit_plugin import config
from credit_plugin.certificates.data import CertificateData, CertificateKind, CertificateStatus
from credit_plugin.certificates.models import Certificate, CertificateSerial, OrganisationIssuer
from credit_plugin.certificates.signing import sign
from credit_plugin.ledger import api as ledger_api
from credit_plugin.organisations import api as organisations_api

CODE_BYTES = 16  # 128 random bits: 22 url-safe characters


class CertificateError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


@dataclass(frozen=True)
class Issuer:
    name: str
    serial_prefix: str
    organisation_id: int | None  # whose seal is printed


def public_content(certificate: Certificate) -> dict:
    """
    What is signed and published: the masked name, never the full one, nor anything computed from it
    (a hash of a two- or three-character name beside its mask gives the name back in milliseconds).
    """
    return {
        "v": 2,
        "code": certificate.verification_code,
        "kind": certificate.kind,
        "title": certificate.title,
        "year": certificate.year,
        "holder": mask_name(certificate.holder_name),
        "organisation": certificate.organisation_name,
        "issuer": certificate.issuer_name,
        "credits": str(certificate.credits),
        "hours": str(certificate.hours),
        "serial": certificate.serial_number,
        "issued_on": timezone.localtime(certificate.issued_at, config.credit_time_zone()).date().isoformat(),
        "reference": certificate.reference,
        # An exam certificate's result; absent from the others (and from records signed before they were kept).
        **({"exam_date": certificate.exam_date.isoformat()} if certificate.exam_date else {}),
        **({"score": str(certificate.score)} if certificate.score is not None else {}),
    }


def issuer_for(profile: organisations_api.CadreProfileData | None) -> Issuer:
    """The nearest organisation (the cadre's own or one above) with issuer settings, else the configured default."""
    if profile is not None:
        issuers = {issuer.organisation.code: issuer for issuer in OrganisationIssuer.objects.select_related(
            "organisation").filter(organisation__code__in=profile.organisation_lineage)}
        for code in reversed(profile.organisation_lineage):
            if code in issuers:
                found = issuers[code]
                return Issuer(found.issuer_name, found.serial_prefix, found.organisation_id)
    name = config.get("CADRE_TRAINING_CERTIFICATE_ISSUER") or organisations_api.root_organisation_name()
    return Issuer(name or getattr(settings, "PLATFORM_NAME", "Open edX"),
                  config.get("CADRE_TRAINING_CERTIFICATE_SERIAL_PREFIX"), None)


def _ensure_serial_row(prefix: str, year: int) -> None:
    """Create the counter in a transaction of its own, before any lock is taken (no gap locks, no deadlock)."""
    if CertificateSerial.objects.filter(prefix=prefix, year=year).exists():
        return
    try:
        with transaction.atomic():
            CertificateSerial.objects.create(prefix=prefix, year=year)
    except IntegrityError:  # created by a concurrent issue
        pass


def _next_serial(prefix: str, year: int) -> str:
    """The next number of ``prefix`` and ``year``, under a row lock held until the transaction ends."""
    serial = CertificateSerial.objects.select_for_update().get(prefix=prefix, year=year)
    serial.last_number += 1
    serial.save(update_fields=["last_number"])
    return f"{prefix}-{year}-{serial.last_number:06d}"


def _slot(kind: str, user_id: int, unique_for: str) -> str:
    return f"{kind}:{user_id}:{unique_for}"[:96]


def kind_title(kind: str) -> str:
    titles = {CertificateKind.ANNUAL: config.get("CADRE_TRAINING_ANNUAL_CERTIFICATE_TITLE"),
              CertificateKind.EXAM: config.get("CADRE_TRAINING_EXAM_CERTIFICATE_TITLE")}
    return titles.get(kind, str(kind))


def issue_certificate(
    *, user_id: int, kind: str, year: int, credits: Decimal, hours: Decimal, title: str = "",
    reference: str = "", unique_for: str = "", now: datetime | None = None, supersedes: Certificate | None = None,
    exam_date: date | None = None, score: Decimal | None = None,
) -> tuple[Certificate, bool]:
    """
    (certificate, newly issued). At most one valid certificate exists per kind, holder and
    ``unique_for`` (the year, for annual certificates; the exam result, for exam ones): the valid
    one already there is returned as it is. A revoked one stays revoked: only a reissue
    (``supersedes``) makes another (decision 0013).
    """
    unique_for = unique_for or str(year)
    slot = _slot(kind, user_id, unique_for)
    existing = Certificate.objects.filter(valid_slot=slot).first()
    if existing is not None and (supersedes is None or existing.pk != supersedes.pk):
        return existing, False
    revoked = Certificate.objects.filter(kind=kind, user_id=user_id, unique_for=unique_for,
                                         status=CertificateStatus.REVOKED).first()
    if revoked is not None and supersedes is None:
        return revoked, False
    profile = organisations_api.cadre_profile(user_id=user_id)
    issuer = issuer_for(profile)
    holder = organisations_api.name_of(user_id)
    _ensure_serial_row(issuer.serial_prefix, year)
    try:
        with transaction.atomic():
            if supersedes is not None:
                Certificate.objects.filter(pk=supersedes.pk).update(valid_slot=None)
            certificate = Certificate(
                verification_code=secrets.token_urlsafe(CODE_BYTES), user_id=user_id, kind=kind, year=year,
                title=title or kind_title(kind), holder_name=holder, reference=reference[:255],
                organisation_name=profile.organisation_name if profile else "",
                issuer_name=issuer.name, issuer_organisation_id=issuer.organisation_id,
                credits=credits, hours=hours, serial_number=_next_serial(issuer.serial_prefix, year),
                issued_at=now or timezone.now(), unique_for=unique_for, valid_slot=slot,
                exam_date=exam_date, score=score.quantize(Decimal("0.01")) if score is not None else None,
            )
            certificate.signed_content = public_content(certificate)
            certificate.key_id, certificate.signature = sign(certificate.signed_content)
            certificate.save()
            if supersedes is not None and supersedes.status == CertificateStatus.VALID:
                Certificate.objects.filter(pk=supersedes.pk).update(
                    status=CertificateStatus.SUPERSEDED, status_changed_at=certificate.issued_at,
                    status_reason=supersedes.status_reason, superseded_by=certificate,
                )
    except IntegrityError:  # a concurrent issue for the same slot won; the serial it took was rolled back
        return Certificate.objects.get(valid_slot=slot), False
    return certificate, True


def issue_annual_if_met(*, user_id: int, year: int) -> tuple[Certificate | None, bool]:
    """(the cadre's annual certificate for ``year`` if its targets are met, whether it was issued now)."""
    summary = ledger_api.year_summary(user_id=user_id, year=year)
    if not summary.target_met:
        return None, False
    return issue_certificate(user_id=user_id, kind=CertificateKind.ANNUAL, year=year,
                             credits=summary.credits, hours=summary.hours)


def revoke_certificate(*, code: str, reason: str) -> Certificate:
    """Revoke with a reason; the verification page then says revoked, with the date."""
    if not reason.strip():
        raise CertificateError("reason_required", _("Say why the certificate is revoked."))
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().filter(verification_code=code).first()
        if certificate is None:
            raise CertificateError("not_found", _("No such certificate."))
        if certificate.status != CertificateStatus.VALID:
            raise CertificateError("not_valid", _("Only a valid certificate can be revoked."))
        certificate.status, certificate.status_reason = CertificateStatus.REVOKED, reason.strip()
        certificate.status_changed_at, certificate.valid_slot = timezone.now(), None
        certificate.save(update_fields=["status", "status_reason", "status_changed_at", "valid_slot"])
    return certificate


def reissue_certificate(*, code: str, reason: str) -> Certificate:
    """
    A new certificate (new serial, current figures) in place of a valid or revoked one. A valid one
    is then shown as superseded by the new serial; a revoked one stays revoked, so its public
    status never turns into anything milder.
    """
    if not reason.strip():
        raise CertificateError("reason_required", _("Say why the certificate is reissued."))
    old = Certificate.objects.filter(verification_code=code).first()
    if old is None:
        raise CertificateError("not_found", _("No such certificate."))
    if old.status == CertificateStatus.SUPERSEDED:
        raise CertificateError("superseded", _("This certificate was already reissued."))
    credits, hours = old.credits, old.hours
    if old.kind == CertificateKind.ANNUAL:
        summary = ledger_api.year_summary(user_id=old.user_id, year=old.year)
        credits, hours = summary.credits, summary.hours
    old.status_reason = reason.strip()
    new, _created = issue_certificate(
        user_id=old.user_id, kind=old.kind, year=old.year, credits=credits, hours=hours,
        title=old.title, reference=old.reference, unique_for=old.unique_for, supersedes=old,
        exam_date=old.exam_date, score=old.score,
    )
    return new


def issue_exam_certificate_for_entry(*, user_id: int, exam_name: str, entry_id: int, exam_date: date | None = None,
                                    score: Decimal | None = None) -> Certificate | None:
    """The exam certificate for a passed offline exam's ledger entry (one per entry, never two), with its result."""
    entry = ledger_api.entry(entry_id=entry_id)
    if entry is None or entry.user_id != user_id:
        return None
    certificate, _new = issue_certificate(
        user_id=user_id, kind=CertificateKind.EXAM, year=entry.year, credits=entry.credits, hours=entry.hours,
        reference=exam_name, unique_for=f"entry-{entry_id}", exam_date=exam_date, score=score,
    )
    return certificate


def certificate_data(certificate: Certificate) -> CertificateData:
    superseded_by = certificate.superseded_by.serial_number if certificate.superseded_by_id else None
    return CertificateData(
        code=certificate.verification_code, user_id=certificate.user_id, kind=certificate.kind, year=certificate.year,
        title=certificate.title, holder_name=certificate.holder_name, organisation_name=certificate.organisation_name,
        issuer_name=certificate.issuer_name, credits=certificate.credits, hours=certificate.hours,
        serial_number=certificate.serial_number, issued_at=certificate.issued_at,
        issued_on=timezone.localtime(certificate.issued_at, config.credit_time_zone()).date(),
        reference=certificate.reference,
        status=certificate.status, status_changed_at=certificate.status_changed_at,
        status_reason=certificate.status_reason, superseded_by=superseded_by,
        review_reason=certificate.review_reason if certificate.review_since else "",
    )


def certificates_of(*, user_id: int, year: int | None = None, superseded: bool = True) -> list[CertificateData]:
    """The holder's certificates (of ``year``), newest year first; ``superseded=False`` leaves out replaced ones."""
    rows = Certificate.objects.select_related("superseded_by").filter(user_id=user_id)
    if year is not None:
        rows = rows.filter(year=year)
    if not superseded:
        rows = rows.exclude(status=CertificateStatus.SUPERSEDED)
    return [certificate_data(row) for row in rows.order_by("-year", "-issued_at")]
