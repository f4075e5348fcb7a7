"""
Which certificates are revoked, as a W3C Bitstring Status List (v1.0) that every Open Badge points
at: a verifier holding a badge fetches the list (a signed credential, public, holding no names) and
reads the certificate's bit, so a revocation reaches badges issued before it.

A certificate's place in the lists is its id: list ``n`` holds ids ``n * SIZE`` to ``(n + 1) * SIZE - 1``
(the specification's minimum of 131,072 entries, so that a list says nothing by its length).
"""
import base64
import gzip

from django.urls import reverse
from django.utils import timezone

from credit_plugin.certificates.data import CertificateStatus
from credit_plugin.certificates.files import absolute

SIZE = 131_072


def list_url(number: int) -> str:
    return absolute(reverse("credit_plugin:certificate_status_list", args=[number]))


def status_entry(certificate_id: int) -> dict:
    """The ``credentialStatus`` of the certificate with ``certificate_id``."""
    number, index = divmod(certificate_id, SIZE)
    url = list_url(number)
    return {"id": f"{url}#{index}", "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
            "statusListIndex": str(index), "statusListCredential": url}


def encoded_list(revoked_indexes) -> str:
    """The multibase (base64url, no padding) GZIP of the bitstring; index 0 is the first byte's highest bit."""
    bits = bytearray(SIZE // 8)
    for index in revoked_indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    return "u" + base64.urlsafe_b64encode(gzip.compress(bytes(bits), mtime=0)).rstrip(b"=").decode("ascii")


def status_list_credential(number: int) -> dict:
    """List ``number`` as a signed BitstringStatusListCredential."""
    from credit_plugin.certificates.badges import issuer_did, signed
    from credit_plugin.certificates.models import Certificate

    first = number * SIZE
    revoked = Certificate.objects.filter(status=CertificateStatus.REVOKED, pk__gte=first, pk__lt=first + SIZE)
    url, now = list_url(number), timezone.now()
    credential = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did(),
        "validFrom": now.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "credentialSubject": {
            "id": f"{url}#list", "type": "BitstringStatusList", "statusPurpose": "revocation",
            "encodedList": encoded_list(pk - first for pk in revoked.values_list("pk", flat=True)),
        },
    }
    return signed(credential, created=now)
