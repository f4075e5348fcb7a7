"""
A certificate as an Open Badges 3.0 credential (a W3C Verifiable Credential), signed with the
certificate key as a Data Integrity proof, cryptosuite ``eddsa-jcs-2022``: the issuer is the key's
``did:key``, so any OB 3.0 verifier checks it without asking this server.
"""
import hashlib
from datetime import UTC

from cadre_common.canonical_json import canonical_json
from credit_plugin.certificates import signing, status_list
from credit_plugin.certificates.data import CertificateStatus
from credit_plugin.certificates.files import verification_url
from credit_plugin.certificates.models import Certificate

CONTEXTS = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
ED25519_MULTICODEC = b"\xed\x01"


def base58btc(data: bytes) -> str:
    number, text = int.from_bytes(data, "big"), ""
    while number:
        number, remainder = divmod(number, 58)
        text = BASE58[remainder] + text
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + text


def did_key(public_raw: bytes) -> str:
    return "did:key:z" + base58btc(ED25519_MULTICODEC + public_raw)


def _iso(moment) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def unsigned_credential(certificate: Certificate, public_raw: bytes) -> dict:
    content = certificate.signed_content
    url = verification_url(certificate.verification_code)
    credential = {
        "@context": CONTEXTS,
        "id": url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": did_key(public_raw), "type": ["Profile"], "name": certificate.issuer_name},
        "validFrom": _iso(certificate.issued_at),
        "name": f"{certificate.title} {certificate.year}",
        # No identifier of the holder, not even a hashed name: short names are found again by trying.
        "credentialStatus": status_list.status_entry(certificate.pk),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": f"{url}#achievement",
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": certificate.title,
                "description": f"{certificate.year}: {content['credits']} credits, {content['hours']} class hours",
                "criteria": {"narrative": content.get("reference") or certificate.title},
            },
        },
    }
    if certificate.status != CertificateStatus.VALID and certificate.status_changed_at:
        credential["validUntil"] = _iso(certificate.status_changed_at)
    return credential


def signed(credential: dict, *, created) -> dict:
    """``credential`` with a Data Integrity proof (eddsa-jcs-2022) by the certificate key, as its did:key."""
    key_id, private = signing.signing_key()
    method = did_key(signing.public_keys()[key_id])
    proof = {
        "@context": credential["@context"],
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-jcs-2022",
        "created": _iso(created),
        "verificationMethod": f"{method}#{method.removeprefix('did:key:')}",
        "proofPurpose": "assertionMethod",
    }
    hash_data = hashlib.sha256(canonical_json(proof)).digest() + hashlib.sha256(canonical_json(credential)).digest()
    proof["proofValue"] = "z" + base58btc(private.sign(hash_data))
    return {**credential, "proof": proof}


def issuer_did() -> str:
    """The did:key of the key that signs now."""
    key_id, _private = signing.signing_key()
    return did_key(signing.public_keys()[key_id])


def open_badge(certificate: Certificate) -> dict:
    """
    The signed credential, with its entry in the revocation status list; a revoked or superseded
    certificate's is also valid only until that happened.
    """
    key_id, _private = signing.signing_key()
    credential = unsigned_credential(certificate, signing.public_keys()[key_id])
    return signed(credential, created=certificate.issued_at)
