"""The Open Badges 3.0 credential verifies with its did:key alone; concurrent issuance gives one certificate."""
import base64
import gzip
import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.db import connection

from credit_plugin import api
from credit_plugin.certificates.badges import BASE58
from credit_plugin.models import Certificate, YearTotal
from tests.factories import cadre, union_tree

YEAR = datetime.now(UTC).year


def from_base58(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + BASE58.index(char)
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + raw


def jcs(value) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@pytest.mark.django_db
def test_the_open_badge_credential_verifies_with_its_issuers_did_key(client):
    holder = cadre(union_tree()["union_a"], username="wangxg")
    certificate, _ = api.issue_certificate(user_id=holder.id, kind="annual", year=YEAR, credits=Decimal("90"),
                                           hours=Decimal("40"))
    badge = client.get(f"/cadre-credits/certificates/verify/{certificate.code}/badge.json").json()
    assert badge["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert badge["credentialSubject"]["achievement"]["name"] == "年度培训合格证书"
    assert "王小纲" not in json.dumps(badge, ensure_ascii=False)
    proof = dict(badge.pop("proof"))
    signature = from_base58(proof.pop("proofValue")[1:])
    public = Ed25519PublicKey.from_public_bytes(from_base58(badge["issuer"]["id"].removeprefix("did:key:z"))[2:])
    public.verify(signature, hashlib.sha256(jcs(proof)).digest() + hashlib.sha256(jcs(badge)).digest())
    assert "identifier" not in badge["credentialSubject"]  # not even a hash: short names are found by trying


def verify_proof(credential: dict) -> None:
    """Check a credential's eddsa-jcs-2022 proof against its issuer's did:key, as any verifier does."""
    credential = dict(credential)
    proof = dict(credential.pop("proof"))
    signature = from_base58(proof.pop("proofValue")[1:])
    issuer = credential["issuer"]["id"] if isinstance(credential["issuer"], dict) else credential["issuer"]
    public = Ed25519PublicKey.from_public_bytes(from_base58(issuer.removeprefix("did:key:z"))[2:])
    public.verify(signature, hashlib.sha256(jcs(proof)).digest() + hashlib.sha256(jcs(credential)).digest())


def revoked_in_list(client, badge) -> bool:
    """What a verifier does with a badge's credentialStatus: fetch the signed list, read the bit."""
    entry = badge["credentialStatus"]
    status_list = client.get(entry["statusListCredential"].removeprefix("http://testserver")).json()
    verify_proof(status_list)
    encoded = status_list["credentialSubject"]["encodedList"]
    bits = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(bits) * 8 >= 131_072  # the minimum size: a list says nothing by its length
    index = int(entry["statusListIndex"])
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


@pytest.mark.django_db
def test_a_badge_points_at_a_signed_status_list_that_says_when_it_is_revoked(client):
    orgs = union_tree()
    holders = [cadre(orgs["union_a"], username=f"holder{n}") for n in range(3)]
    issued = [api.issue_certificate(user_id=h.id, kind="annual", year=YEAR, credits=Decimal("90"),
                                    hours=Decimal("40"))[0] for h in holders]
    badges = [client.get(f"/cadre-credits/certificates/verify/{c.code}/badge.json").json() for c in issued]
    assert {badge["credentialStatus"]["type"] for badge in badges} == {"BitstringStatusListEntry"}
    assert not any(revoked_in_list(client, badge) for badge in badges)
    api.revoke_certificate(code=issued[1].code, reason="材料造假")
    assert [revoked_in_list(client, badge) for badge in badges] == [False, True, False]
    listed = client.get(badges[1]["credentialStatus"]["statusListCredential"].removeprefix("http://testserver"))
    assert "王" not in listed.content.decode() and listed["Cache-Control"] == "public, max-age=300"


@pytest.mark.django_db(transaction=True)
def test_two_workers_issuing_the_same_annual_certificate_at_once_make_one():
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race is exercised on MySQL/MariaDB in CI")
    holder = cadre(union_tree()["union_a"], username="wangxg")
    YearTotal.objects.create(user=holder, year=YEAR, credits=Decimal("90"), hours=Decimal("40"), entry_count=1)

    def issue(_):
        try:
            certificate, new = api.issue_annual_if_met(user_id=holder.id, year=YEAR)
            return certificate.serial_number, new
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(issue, range(4)))
    assert Certificate.objects.filter(user=holder, status="valid").count() == 1
    assert len({serial for serial, _ in outcomes}) == 1 and sum(new for _, new in outcomes) == 1
    assert Certificate.objects.get().serial_number == f"CT-{YEAR}-000001"  # the losers' numbers were not used
