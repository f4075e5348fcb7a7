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


class SigningKeyMissing(RuntimeError):
    """No key may sign: none is configured and keys may not be kept in the database."""


def configured_seed() -> str:
    """The seed from ``CADRE_TRAINING_CERTIFICATE_SIGNING_KEY``, else from the file ``…_SIGNING_KEY_FILE`` names."""
    seed = config.get("CADRE_TRAINING_CERTIFICATE_SIGNING_KEY")
    path = config.get("CADRE_TRAINING_CERTIFICATE_SIGNING_KEY_FILE")
    if not seed and path:
        with open(path, encoding="ascii") as handle:
            seed = handle.read().strip()
    return seed


def _configured_key() -> Ed25519PrivateKey | None:
    seed = configured_seed()
    return Ed25519PrivateKey.from_private_bytes(unb64url(seed)) if seed else None


def _published(private: Ed25519PrivateKey) -> str:
    """Keep the public half of a configured key, so what it signed still verifies after the key is rotated."""
    public_raw = _raw_public(private)
    key_id = key_id_of(public_raw)
    if not SigningKey.objects.filter(key_id=key_id).exists():
        try:
            with transaction.atomic():
                SigningKey.objects.create(key_id=key_id, public_key=b64url(public_raw), private_key="")
        except IntegrityError:  # published by a concurrent first certificate
            pass
    return key_id


def signing_key() -> tuple[str, Ed25519PrivateKey]:
    """
    (key id, private key) that signs new certificates: the configured one; else, where the settings
    allow keys in the database (development), one made and stored once.
    """
    configured = _configured_key()
    if configured is not None:
        return _published(configured), configured
    if not config.get("CADRE_TRAINING_CERTIFICATE_KEY_IN_DATABASE"):
        raise SigningKeyMissing("No certificate signing key: set CADRE_TRAINING_CERTIFICATE_SIGNING_KEY or "
                                "CADRE_TRAINING_CERTIFICATE_SIGNING_KEY_FILE.")
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
