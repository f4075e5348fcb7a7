"""
When a reversal takes a cadre's year below the targets their annual certificate certifies, the
certificate is not revoked by itself (a mistaken reversal would revoke it too): it is flagged for
review and the cadre's training administrators are told, who revoke it or leave it (decision 0013).
"""
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from credit_plugin import config
from credit_plugin.certificates.data import CertificateKind, CertificateStatus
from credit_plugin.certificates.models import Certificate
from credit_plugin.ledger import api as ledger_api
from credit_plugin.organisations import api as organisations_api

log = logging.getLogger(__name__)


def flag_for_review(*, user_id: int, year: int) -> Certificate | None:
    """Flag the cadre's valid annual certificate of ``year`` (if any, and not already) and tell the administrators."""
    summary = ledger_api.year_summary(user_id=user_id, year=year)
    if summary.target_met:
        return None  # met again by the time the task ran
    certificate = Certificate.objects.filter(kind=CertificateKind.ANNUAL, user_id=user_id, year=year,
                                             status=CertificateStatus.VALID, review_since__isnull=True).first()
    if certificate is None:
        return None
    with translation.override(config.get("CADRE_TRAINING_REMINDER_LANGUAGE")):
        reason = _("A reversal left %(credits)s of %(target)s credits and %(hours)s of %(hour_target)s hours.") % {
            "credits": summary.credits, "target": summary.credit_target, "hours": summary.hours,
            "hour_target": summary.hour_target}
        updated = Certificate.objects.filter(pk=certificate.pk, review_since__isnull=True).update(
            review_since=timezone.now(), review_reason=reason)
        if updated:
            _tell_administrators(certificate, reason)
    return certificate


def _tell_administrators(certificate: Certificate, reason: str) -> None:
    contacts = organisations_api.contacts_of(organisations_api.administrators_of(user_id=certificate.user_id))
    recipients = [email for _username, email, _name in contacts.values() if email]
    if not recipients:
        log.warning("certificate %s needs review but its holder has no administrator with an e-mail",
                    certificate.serial_number)
        return
    page = getattr(settings, "LMS_ROOT_URL", "").rstrip("/") + reverse("credit_plugin:credits_admin")
    context = {"certificate": certificate, "reason": reason,
               "page_url": f"{page}?username={certificate.user.username}&year={certificate.year}"}
    subject = render_to_string("credit_plugin/emails/certificate_review_subject.txt", context)
    EmailMessage(subject=" ".join(subject.split()), to=recipients, from_email=settings.DEFAULT_FROM_EMAIL,
                 body=render_to_string("credit_plugin/emails/certificate_review_body.txt", context)).send()
