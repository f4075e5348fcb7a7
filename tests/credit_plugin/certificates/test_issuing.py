"""Issuing, serial numbers, signatures, revoking and reissuing, and the public verification record."""
import base64
import io
import json
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.test import TestCase
from pypdf import PdfReader

from credit_plugin import api
from credit_plugin.api import NewLedgerEntry, SourceKind
from credit_plugin.certificates.files import pdf_bytes
from credit_plugin.models import Certificate
from tests.factories import OrganisationIssuerFactory, UserFactory, administrator, cadre, union_tree

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
YEAR = datetime.now(UTC).year


def grant(user, credits, hours, key):
    """Record credits as the LMS would, and run what waits for the commit (the certificate task)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        api.bulk_record_entries(entries=[NewLedgerEntry(
            user_id=user.id, credits=Decimal(credits), hours=Decimal(hours), earned_at=datetime.now(UTC),
            source_kind=SourceKind.MANUAL_ADJUSTMENT, reference="", title="补录", recorded_by="test", reason="test",
            idempotency_key=key,
        )])


@pytest.fixture
def orgs():
    found = union_tree()
    OrganisationIssuerFactory(organisation=found["city_a"], serial_prefix="JN")
    return found


def annual(user):
    certificate, new = api.issue_annual_if_met(user_id=user.id, year=YEAR)
    return certificate, new


def offline_verify(record: dict, jwks: dict) -> bool:
    """What a third party does with the JSON record and keys.json: a few lines, no server."""
    key = next(key for key in jwks["keys"] if key["kid"] == record["key_id"])
    public = Ed25519PublicKey.from_public_bytes(base64.urlsafe_b64decode(key["x"] + "=="))
    message = json.dumps(record["certificate"], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    try:
        public.verify(base64.urlsafe_b64decode(record["signature"] + "=="), message.encode("utf-8"))
    except InvalidSignature:
        return False
    return True


def test_a_cadre_who_meets_the_targets_gets_one_annual_certificate_with_the_issuers_serial(orgs):
    holder = cadre(orgs["union_a"], username="wangxg")
    assert annual(holder) == (None, False)
    grant(holder, "90", "40", "k1")
    [certificate] = api.certificates_of(user_id=holder.id)  # issued by the ledger crossing the target
    assert (certificate.kind, certificate.year, certificate.credits, certificate.hours) == (
        "annual", YEAR, Decimal("90.00"), Decimal("40.00"))
    assert certificate.serial_number == f"JN-{YEAR}-000001"
    assert (certificate.issuer_name, certificate.organisation_name) == ("济南市总工会", "历下区某公司工会")
    assert annual(holder) == (certificate, False)
    assert Certificate.objects.count() == 1


def test_serials_are_sequential_per_prefix_and_never_reused(orgs):
    first, second = cadre(orgs["union_a"], username="a"), cadre(orgs["union_a"], username="b")
    qingdao = cadre(orgs["union_b"], username="c")
    for number, user in enumerate((first, second, qingdao)):
        grant(user, "90", "40", f"k{number}")
    serials = sorted(Certificate.objects.values_list("serial_number", flat=True))
    assert serials == [f"CT-{YEAR}-000001", f"JN-{YEAR}-000001", f"JN-{YEAR}-000002"]
    [old] = api.certificates_of(user_id=first.id)
    api.revoke_certificate(code=old.code, reason="录入错误")
    new = api.reissue_certificate(code=old.code, reason="更正学时")
    assert new.serial_number == f"JN-{YEAR}-000003"


def test_verification_codes_are_long_random_and_not_the_id(orgs):
    users = [cadre(orgs["union_a"], username=f"u{n}") for n in range(3)]
    for number, user in enumerate(users):
        grant(user, "90", "40", f"k{number}")
    codes = list(Certificate.objects.values_list("verification_code", "pk"))
    # 22 url-safe characters are 16 random bytes (128 bits); none is the database id.
    assert all(len(base64.urlsafe_b64decode(code + "==")) == 16 and code != str(pk) and not code.isdigit()
               for code, pk in codes)
    assert len({code for code, _ in codes}) == 3


def test_the_public_record_verifies_offline_and_a_tampered_one_does_not(client, orgs):
    holder = cadre(orgs["union_a"], username="wangxg")
    grant(holder, "92.5", "41", "k1")
    code = Certificate.objects.get().verification_code
    record = client.get(f"/api/cadre-credits/v1/certificates/{code}/").json()
    jwks = client.get("/cadre-credits/certificates/keys.json").json()
    assert record["status"] == "valid" and record["certificate"]["holder"] == "王*纲"
    assert record["certificate"]["credits"] == "92.50"
    assert offline_verify(record, jwks)
    tampered = {**record, "certificate": {**record["certificate"], "credits": "120.00"}}
    assert not offline_verify(tampered, jwks)
    assert "wangxg" not in json.dumps(record) and "王小纲" not in json.dumps(record, ensure_ascii=False)


def test_the_verification_page_says_valid_then_revoked(client, orgs):
    holder = cadre(orgs["union_a"], username="wangxg")
    grant(holder, "90", "40", "k1")
    code = Certificate.objects.get().verification_code
    page = client.get(f"/cadre-credits/certificates/verify/{code}/").content.decode()
    assert 'data-status="valid"' in page and "王*纲" in page and "王小纲" not in page
    api.revoke_certificate(code=code, reason="学时记录有误")
    page = client.get(f"/cadre-credits/certificates/verify/{code}/").content.decode()
    assert 'data-status="revoked"' in page
    assert client.get(f"/api/cadre-credits/v1/certificates/{code}/").json()["status"] == "revoked"


def test_a_reissued_certificate_shows_the_old_one_as_superseded(client, orgs):
    holder = cadre(orgs["union_a"], username="wangxg")
    grant(holder, "90", "40", "k1")
    [old] = api.certificates_of(user_id=holder.id)
    grant(holder, "5", "2", "k2")
    new = api.reissue_certificate(code=old.code, reason="补录学分后更正")
    assert (new.credits, new.status) == (Decimal("95.00"), "valid")
    record = client.get(f"/api/cadre-credits/v1/certificates/{old.code}/").json()
    assert (record["status"], record["superseded_by"]) == ("superseded", new.serial_number)
    assert Certificate.objects.filter(status="valid").count() == 1
    with pytest.raises(api.CertificateError):
        api.reissue_certificate(code=old.code, reason="again")


def test_revoking_needs_a_reason_and_a_valid_certificate(orgs):
    holder = cadre(orgs["union_a"], username="wangxg")
    grant(holder, "90", "40", "k1")
    code = Certificate.objects.get().verification_code
    with pytest.raises(api.CertificateError, match="Say why"):
        api.revoke_certificate(code=code, reason="  ")
    api.revoke_certificate(code=code, reason="错误")
    with pytest.raises(api.CertificateError) as error:
        api.revoke_certificate(code=code, reason="again")
    assert error.value.code == "not_valid"


@pytest.mark.parametrize("code", ["does-not-exist-000000", "x", "<script>", "a" * 40])
def test_an_unknown_or_malformed_code_is_a_clear_404(client, code):
    page = client.get(f"/cadre-credits/certificates/verify/{code}/")
    assert page.status_code == 404 and "证书不存在" in page.content.decode()
    record = client.get(f"/api/cadre-credits/v1/certificates/{code}/")
    assert record.status_code == 404 and record.json()["error"] == "not_found"


def test_verification_is_rate_limited_per_address(client, settings):
    settings.CADRE_TRAINING_VERIFY_REQUESTS_PER_MINUTE = 3
    statuses = [client.get("/api/cadre-credits/v1/certificates/unknown-code-00000000/").status_code
                for _ in range(4)]
    assert statuses == [404, 404, 404, 429]
    other = client.get("/api/cadre-credits/v1/certificates/unknown-code-00000000/", REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 404


def test_an_offline_exam_passed_gives_one_certificate_of_qualification(orgs):
    from django.db import transaction

    holder = cadre(orgs["union_a"], username="wangxg")
    entry = api.record_entry(
        user_id=holder.id, credits=Decimal("4"), hours=Decimal("2"), earned_at=datetime.now(UTC),
        source_kind=SourceKind.OFFLINE_EXAM, reference="exam", title="工会法考试", recorded_by="import",
        reason="", idempotency_key="exam-1",
    )
    from credit_plugin.ledger.signals import OFFLINE_EXAM_PASSED

    with TestCase.captureOnCommitCallbacks(execute=True), transaction.atomic():
        for _ in range(2):  # the import announces it; a replay announces it again
            OFFLINE_EXAM_PASSED.send(sender=None, user_id=holder.id, exam_name="工会法考试",
                                     exam_date=date(YEAR, 3, 20), score="92.5", entry_id=entry.id)
    exam = Certificate.objects.get(kind="exam")
    assert (exam.title, exam.reference, exam.credits) == ("合格证", "工会法考试", Decimal("4.00"))
    # The exam's own day and score, not the day the roster was imported, on the record and the paper.
    assert (exam.exam_date, exam.score) == (date(YEAR, 3, 20), Decimal("92.50"))
    assert (exam.signed_content["exam_date"], exam.signed_content["score"]) == (f"{YEAR}-03-20", "92.50")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes(exam))).pages)
    text = "".join(text.split())  # runs of emphasised values come out spaced
    assert f"于{YEAR}年3月20日参加工会法考试，成绩92.5分，考试合格" in text


def test_other_administrators_cannot_revoke(client, orgs):
    holder = cadre(orgs["union_a"], username="wangxg")
    grant(holder, "90", "40", "k1")
    code = Certificate.objects.get().verification_code
    client.force_login(administrator(orgs["city_b"], username="qingdao_admin"))
    assert client.post(f"/cadre-credits/certificates/{code}/revoke/", {"reason": "x"}).status_code == 404
    client.force_login(UserFactory(username="someone"))
    assert client.post(f"/cadre-credits/certificates/{code}/revoke/", {"reason": "x"}).status_code == 404
    client.force_login(administrator(orgs["city_a"], username="jinan_admin"))
    assert client.post(f"/cadre-credits/certificates/{code}/revoke/", {"reason": "错误"}).status_code == 302
    assert Certificate.objects.get().status == "revoked"


def test_the_verification_page_answers_a_clerk_in_plain_chinese_and_keeps_the_proof_behind_a_disclosure(client, orgs):
    holder = cadre(orgs["union_a"], username="wangxg")
    grant(holder, "90", "40", "k1")
    certificate = Certificate.objects.get()
    page = client.get(f"/cadre-credits/certificates/verify/{certificate.verification_code}/",
                      HTTP_ACCEPT_LANGUAGE="zh-cn").content.decode()
    assert "是的，这张证书有效。" in page
    issued_on = certificate.issued_at.astimezone(ZoneInfo(api.credit_policy().time_zone)).date()
    assert f"济南市总工会 于 {issued_on} 向 王*纲 颁发了这张" in page
    before, disclosure = page.split('<details class="technical">')
    assert "<summary>技术验证</summary>" in disclosure and "Ed25519" in disclosure
    assert "Ed25519" not in before and "Open Badges" not in before and "公开密钥" not in before


@pytest.mark.django_db(transaction=True)  # commits as in a request: the certificate follows the adjustment's commit
def test_after_each_action_the_administrator_is_told_what_happened_and_stays_on_the_holders_page(client, orgs):
    holder = cadre(orgs["union_a"], username="wangxg")
    grant(holder, "60", "30", "k1")
    client.force_login(administrator(orgs["city_a"]))
    response = client.post("/cadre-credits/admin/adjust/", {
        "username": "wangxg", "credits": "30", "hours": "10", "day": f"{YEAR}-03-01", "reason": "补录集中学习",
        "request_id": "0b6a1f0e-4f4e-4a55-9b8c-3f0e2d8b7a11"}, HTTP_ACCEPT_LANGUAGE="zh-cn")
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="zh-cn").content.decode()
    serial = Certificate.objects.get().serial_number
    assert f"本年度学分和学时已达标：已颁发年度培训合格证书，编号 {serial}。" in page
    code = Certificate.objects.get().verification_code
    response = client.post(f"/cadre-credits/certificates/{code}/reissue/", {"reason": "更正"})
    assert response["Location"] == f"/cadre-credits/admin/?username=wangxg&year={YEAR}"
    new = Certificate.objects.get(status="valid")
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="zh-cn").content.decode()
    assert f"已换发新证书 {new.serial_number} 取代 {serial}" in page
    response = client.post(f"/cadre-credits/certificates/{new.verification_code}/revoke/", {"reason": ""})
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="zh-cn").content.decode()
    assert Certificate.objects.get(pk=new.pk).status == "valid" and "请说明撤销证书的原因" in page
