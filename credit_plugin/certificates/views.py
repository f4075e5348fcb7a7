"""
Certificates: the public verification page, JSON, Open Badge and keys (rate-limited, no personal
data beyond the masked name and organisation), the holder's and administrators' downloads, and
revoking and reissuing.
"""
import re
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from credit_plugin import config
from credit_plugin.certificates import badges, signing
from credit_plugin.certificates.data import CertificateStatus
from credit_plugin.certificates.files import pdf_bytes
from credit_plugin.certificates.issuing import CertificateError, reissue_certificate, revoke_certificate
from credit_plugin.certificates.models import Certificate
from credit_plugin.certificates.ratelimit import over_limit
from credit_plugin.organisations import api as organisations_api

CODE = re.compile(r"^[A-Za-z0-9_-]{16,32}$")


def _public(code: str) -> Certificate | None:
    if not CODE.match(code or ""):
        return None
    return Certificate.objects.select_related("superseded_by").filter(verification_code=code).first()


def _too_many(request, as_json=False):
    message = _("Too many verification requests from your address; try again in a minute.")
    if as_json:
        return JsonResponse({"error": "rate_limited", "message": message}, status=429)
    return HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")


def status_of(certificate: Certificate) -> dict:
    """The public status: valid, or revoked / superseded with the day and (for superseded) the new serial."""
    changed = certificate.status_changed_at
    zone = config.credit_time_zone()
    return {
        "status": certificate.status,
        "status_label": str(CertificateStatus(certificate.status).label),
        "changed_on": timezone.localtime(changed, zone).date().isoformat() if changed else None,
        "superseded_by": certificate.superseded_by.serial_number if certificate.superseded_by else None,
    }


def certificate_verify(request, code):
    """The page a certificate's QR code opens: kind, year, masked name, organisation, issue date, status."""
    if over_limit(request):
        return _too_many(request)
    certificate = _public(code)
    context = {"base_template": config.get("CADRE_TRAINING_BASE_TEMPLATE"), "code": code}
    if certificate is None:
        return render(request, "credit_plugin/certificate_unknown.html", context, status=404)
    return render(request, "credit_plugin/certificate_verify.html", {
        **context, "content": certificate.signed_content, **status_of(certificate),
        "signature_ok": signing.verify(certificate.signed_content, certificate.signature, certificate.key_id),
        "json_url": reverse("credit_plugin:certificate_json", args=[code]),
        "badge_url": reverse("credit_plugin:certificate_badge", args=[code]),
        "keys_url": reverse("credit_plugin:certificate_keys"),
    })


def _public_or_refusal(request, code) -> tuple[Certificate | None, JsonResponse | None]:
    """The certificate with ``code``, or the JSON answer for too many requests or an unknown code."""
    if over_limit(request):
        return None, _too_many(request, as_json=True)
    certificate = _public(code)
    if certificate is None:
        message = _("No certificate has this verification code.")
        return None, JsonResponse({"error": "not_found", "message": message}, status=404)
    return certificate, None


def certificate_json(request, code):
    """The signed content, signature and status: verifiable offline with the key from keys.json."""
    certificate, refusal = _public_or_refusal(request, code)
    if refusal:
        return refusal
    return JsonResponse({
        "certificate": certificate.signed_content, "signature": certificate.signature,
        "key_id": certificate.key_id, "algorithm": "Ed25519", **status_of(certificate),
    }, json_dumps_params={"ensure_ascii": False})


def certificate_badge(request, code):
    """The certificate as an Open Badges 3.0 credential."""
    certificate, refusal = _public_or_refusal(request, code)
    if refusal:
        return refusal
    response = JsonResponse(badges.open_badge(certificate), json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="{certificate.serial_number}.badge.json"'
    return response


def status_list(request, number):
    """The revocation status list every Open Badge points at (a signed credential; no names)."""
    if over_limit(request):
        return _too_many(request, as_json=True)
    from credit_plugin.certificates.status_list import status_list_credential

    response = JsonResponse(status_list_credential(number))
    response["Cache-Control"] = "public, max-age=300"
    return response


def signing_keys(request):
    """The public keys certificates are signed with (a JSON Web Key Set)."""
    return JsonResponse(signing.jwks())


@login_required
def certificate_download(request, code):
    """The PDF, for its holder and the administrators of their organisation only (anyone else: 404)."""
    certificate = _public(code)
    if certificate is None or not organisations_api.can_view_learner(request.user, certificate.user_id):
        raise Http404
    response = HttpResponse(pdf_bytes(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{certificate.serial_number}.pdf"'
    return response


def _change(request, code, change, done) -> HttpResponse:
    """
    Revoke or reissue for an administrator of the holder (anyone else: 404), then back to the holder's
    page on the credits admin with what happened, or why it could not.
    """
    if not request.user.is_authenticated:
        raise PermissionDenied
    certificate = _public(code)
    if certificate is None or not organisations_api.can_change_learner(request.user, certificate.user_id):
        raise Http404
    try:
        changed = change(code=code, reason=request.POST.get("reason", ""))
    except CertificateError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done(certificate, changed))
    holder = get_user_model().objects.get(pk=certificate.user_id).username
    query = urlencode({"username": holder, "year": certificate.year})
    return redirect(f"{reverse('credit_plugin:credits_admin')}?{query}")


def _revoked(old, new) -> str:
    return _("Certificate %(serial)s is revoked: its verification page now says so.") % {"serial": old.serial_number}


def _reissued(old, new) -> str:
    return _("Certificate %(new)s was issued in place of %(old)s, whose verification page now points to it.") % {
        "new": new.serial_number, "old": old.serial_number}


@require_POST
def certificate_revoke(request, code):
    return _change(request, code, revoke_certificate, _revoked)


@require_POST
def certificate_reissue(request, code):
    return _change(request, code, reissue_certificate, _reissued)
