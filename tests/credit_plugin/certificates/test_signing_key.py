"""The key that signs certificates: outside the database in production, from a setting or a file, kept verifiable."""
import base64
from datetime import UTC, datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from credit_plugin import api
from credit_plugin.models import SigningKey
from tests.credit_plugin.certificates.test_issuing import offline_verify
from tests.factories import cadre, union_tree

pytestmark = pytest.mark.django_db
YEAR = datetime.now(UTC).year


def seed() -> str:
    raw = Ed25519PrivateKey.generate().private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def issue(username):
    holder = cadre(union_tree()["union_a"], username=username)
    return api.issue_certificate(user_id=holder.id, kind="annual", year=YEAR, credits=Decimal("90"),
                                 hours=Decimal("40"))[0]


def test_production_settings_keep_keys_out_of_the_database():
    from credit_plugin.settings import production

    lms = SimpleNamespace(ENV_TOKENS={})
    production.plugin_settings(lms)
    assert lms.CADRE_TRAINING_CERTIFICATE_KEY_IN_DATABASE is False
    operator = SimpleNamespace(ENV_TOKENS={"CADRE_TRAINING_CERTIFICATE_KEY_IN_DATABASE": True})
    production.plugin_settings(operator)
    assert operator.CADRE_TRAINING_CERTIFICATE_KEY_IN_DATABASE is True  # the operator's explicit choice


def test_without_a_key_and_without_the_database_nothing_is_signed_and_start_up_stops(settings):
    settings.CADRE_TRAINING_CERTIFICATE_KEY_IN_DATABASE = False
    with pytest.raises(SystemCheckError, match="credit_plugin.E010"):
        call_command("check")
    with pytest.raises(RuntimeError, match="No certificate signing key"):
        issue("nobody_signs")
    assert not SigningKey.objects.exists()


def test_a_key_from_a_file_signs_and_only_its_public_half_is_stored(settings, tmp_path, client):
    key_file = tmp_path / "signing.key"
    key_file.write_text(seed() + "\n")
    settings.CADRE_TRAINING_CERTIFICATE_KEY_IN_DATABASE = False
    settings.CADRE_TRAINING_CERTIFICATE_SIGNING_KEY_FILE = str(key_file)
    call_command("check")
    certificate = issue("from_file")
    [stored] = SigningKey.objects.all()
    assert stored.private_key == "" and stored.public_key
    record = client.get(f"/api/cadre-credits/v1/certificates/{certificate.code}/").json()
    assert record["key_id"] == stored.key_id and "holder_sha256" not in record["certificate"]


def test_a_rotated_key_still_verifies_what_the_old_one_signed(settings, client):
    settings.CADRE_TRAINING_CERTIFICATE_SIGNING_KEY = seed()
    old = issue("signed_before")
    settings.CADRE_TRAINING_CERTIFICATE_SIGNING_KEY = seed()
    new = issue("signed_after")
    record = client.get(f"/api/cadre-credits/v1/certificates/{old.code}/").json()
    assert offline_verify(record, client.get("/cadre-credits/certificates/keys.json").json())
    page = client.get(f"/cadre-credits/certificates/verify/{old.code}/").content.decode()
    assert "是的，这张证书有效。" in page  # the page checks the signature with the published keys
    keys = client.get("/cadre-credits/certificates/keys.json").json()["keys"]
    assert len(keys) == 2 and SigningKey.objects.filter(private_key="").count() == 2
    assert new.code != old.code


@pytest.mark.parametrize("bad", ["not-base64-at-all!!", "c2hvcnQ"])
def test_a_key_that_is_not_32_bytes_stops_start_up_naming_the_setting(settings, bad):
    settings.CADRE_TRAINING_CERTIFICATE_SIGNING_KEY = bad
    with pytest.raises(SystemCheckError, match="credit_plugin.E009"):
        call_command("check")
