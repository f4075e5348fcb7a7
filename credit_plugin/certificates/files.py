"""A certificate's PDF: drawn once, kept in the certificates' storage, served only to those who may see it."""
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from credit_plugin import config
from credit_plugin.certificates.models import Certificate, OrganisationIssuer
from credit_plugin.certificates.templates import configured_template


def absolute(path: str) -> str:
    """``path`` on the LMS (absolute when ``LMS_ROOT_URL`` is set)."""
    return getattr(settings, "LMS_ROOT_URL", "").rstrip("/") + path


def verification_url(code: str) -> str:
    """The public page a certificate's QR code leads to."""
    return absolute(reverse("credit_plugin:certificate_verify", args=[code]))


def _seal(certificate: Certificate) -> bytes | None:
    issuer = OrganisationIssuer.objects.filter(organisation_id=certificate.issuer_organisation_id).first()
    if issuer is None or not issuer.seal:
        return None
    with issuer.seal.open("rb") as seal:
        return seal.read()


def certificate_content(certificate: Certificate):
    from credit_plugin.certificates.pdf import CertificateContent

    return CertificateContent(
        holder_name=certificate.holder_name, organisation_name=certificate.organisation_name,
        kind_title=certificate.title, year=certificate.year, credits=certificate.credits, hours=certificate.hours,
        serial_number=certificate.serial_number,
        issued_on=timezone.localtime(certificate.issued_at, config.credit_time_zone()).date(),
        issuer_name=certificate.issuer_name, seal_image=_seal(certificate),
        verification_url=verification_url(certificate.verification_code), reference=certificate.reference,
        exam_date=certificate.exam_date, score=certificate.score,
    )


def ensure_pdf(certificate: Certificate) -> None:
    """Draw and store the PDF unless it is there already (it is never redrawn: a correction is a reissue)."""
    from credit_plugin.certificates.pdf import render_certificate_pdf

    if certificate.pdf:
        return
    template = configured_template(config.get("CADRE_TRAINING_CERTIFICATE_TEMPLATE"))
    data = render_certificate_pdf(certificate_content(certificate), template=template)
    certificate.pdf.save(f"{certificate.year}/{certificate.verification_code}.pdf", ContentFile(data), save=False)
    Certificate.objects.filter(pk=certificate.pk, pdf="").update(pdf=certificate.pdf.name)


def pdf_bytes(certificate: Certificate) -> bytes:
    ensure_pdf(certificate)
    certificate.refresh_from_db(fields=["pdf"])
    with certificate.pdf.open("rb") as stored:
        return stored.read()
