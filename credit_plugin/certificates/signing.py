"""
Signing certificate content with Ed25519, and checking a signature with the published key.

The signed bytes are the content as canonical JSON (keys sorted, no spaces, UTF-8), so anyone can
check a certificate offline with a few lines: ``canonical_json(content)`` and the public key from
``keys.json``. Keys come from ``CADRE_TRAINING_CERTIFICATE_SIGNING_KEY`` (the base64url 32-byte
seed) or, when that is empty, from a key the plugin makes once and keeps in its table.
"""
import base64
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
from django.db import IntegrityError, transaction

from cadre_common.canonical_json import canonical_json
from credit_plugin import config
from credit_plugin.certificates.models import SigningKey


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _raw_public(private_key: Ed25519PrivateKey) -> bytes:
    return private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id_of(public_raw: bytes) -> str:
    return "ed25519-" + hashlib.sha256(public_raw).hexdigest()[:16]


def _configured_key() -> Ed25519PrivateKey | None:
    seed = config.get("CADRE_TRAINING_CERTIFICATE_SIGNING_KEY")
    return Ed25519PrivateKey.from_private_bytes(unb64url(seed)) if seed else None


def signing_key() -> tuple[str, Ed25519PrivateKey]:
    """(key id, private key) that signs new certificates; made and stored once if none is configured."""
    configured = _configured_key()
    if configured is not None:
        return key_id_of(_raw_public(configured)), configured
    stored = SigningKey.objects.filter(active=True).exclude(private_key="").first()
    if stored is None:
        private = Ed25519PrivateKey.generate()
        public_raw = _raw_public(private)
        seed = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        try:
            with transaction.atomic():
                stored = SigningKey.objects.create(key_id=key_id_of(public_raw), public_key=b64url(public_raw),
                                                   private_key=b64url(seed))
        except IntegrityError:  # made by a concurrent first certificate
            stored = SigningKey.objects.filter(active=True).exclude(private_key="").first()
    return stored.key_id, Ed25519PrivateKey.from_private_bytes(unb64url(stored.private_key))


def sign(content: dict) -> tuple[str, str]:
    """(key id, base64url signature) of ``content``."""
    key_id, private = signing_key()
    return key_id, b64url(private.sign(canonical_json(content)))


def public_keys() -> dict[str, bytes]:
    """Every key id a certificate may have been signed with, and its raw public key."""
    keys = {key.key_id: unb64url(key.public_key) for key in SigningKey.objects.all()}
    configured = _configured_key()
    if configured is not None:
        public_raw = _raw_public(configured)
        keys[key_id_of(public_raw)] = public_raw
    return keys


def verify(content: dict, signature: str, key_id: str) -> bool:
    """Whether ``signature`` is the signature of ``content`` by the published key ``key_id``."""
    public_raw = public_keys().get(key_id)
    if public_raw is None:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(unb64url(signature), canonical_json(content))
    except (InvalidSignature, ValueError):
        return False
    return True


def jwks() -> dict:
    """The public keys as a JSON Web Key Set (RFC 8037: kty OKP, crv Ed25519)."""
    return {"keys": [{"kty": "OKP", "crv": "Ed25519", "kid": key_id, "x": b64url(raw), "use": "sig"}
                     for key_id, raw in sorted(public_keys().items())]}
