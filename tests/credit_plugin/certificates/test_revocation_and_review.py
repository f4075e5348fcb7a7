"""A revoked certificate stays revoked; a reversal below the target flags it and tells the administrators."""
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.test import TestCase

from credit_plugin import api
from credit_plugin.models import Certificate
from tests.factories import administrator, cadre, union_tree

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
YEAR = datetime.now(UTC).year


def grant(user, credits, hours, key):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return api.record_entry(user_id=user.id, credits=credits, hours=hours, earned_at=datetime.now(UTC),
                                source_kind="manual_adjustment", reference="", recorded_by="test", reason="补录",
                                idempotency_key=key)


@pytest.fixture
def holder():
    orgs = union_tree()
    administrator(orgs["city_a"], username="jinan_admin")
    user = cadre(orgs["union_a"], username="wangxg")
    grant(user, "90", "40", "k1")  # the year is met: the annual certificate is issued
    return user


def status(client, code):
    return client.get(f"/api/cadre-credits/v1/certificates/{code}/").json()["status"]


def test_a_revoked_certificate_stays_revoked_through_batches_and_reissues(client, holder):
    [issued] = api.certificates_of(user_id=holder.id)
    api.revoke_certificate(code=issued.code, reason="材料造假")
    assert api.annual_certificate_candidates(year=YEAR) == []  # a revoked one counts as having one
    batch = api.issue_annual_certificates(year=YEAR)
    assert batch.issued == 0 and api.issue_annual_if_met(user_id=holder.id, year=YEAR)[0].status == "revoked"
    assert [c.status for c in api.certificates_of(user_id=holder.id)] == ["revoked"]
    reissued = api.reissue_certificate(code=issued.code, reason="复核后重新颁发")
    assert reissued.status == "valid" and reissued.code != issued.code
    assert status(client, issued.code) == "revoked"  # never "superseded": nothing milder than revoked
    again = api.reissue_certificate(code=issued.code, reason="再次")
    assert again.code == reissued.code and Certificate.objects.filter(status="valid").count() == 1


def test_reissuing_a_valid_certificate_supersedes_it(client, holder):
    [issued] = api.certificates_of(user_id=holder.id)
    reissued = api.reissue_certificate(code=issued.code, reason="更正姓名")
    record = client.get(f"/api/cadre-credits/v1/certificates/{issued.code}/").json()
    assert (record["status"], record["superseded_by"]) == ("superseded", reissued.serial_number)


def test_a_reversal_below_the_target_flags_the_certificate_and_tells_the_administrators(client, holder):
    entry = api.entries(user_id=holder.id)[0]
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        api.reverse_entry(entry_id=entry.id, reason="重复录入", recorded_by="jinan_admin")
    [flagged] = api.certificates_of(user_id=holder.id)
    assert flagged.status == "valid" and "剩余 0.00 / 90 学分" in flagged.review_reason  # in the site's language
    assert status(client, flagged.code) == "valid"  # the public record is unchanged until someone decides
    [message] = mail.outbox
    assert message.to == ["jinan_admin@example.com"] and flagged.serial_number in message.subject
    assert "username=wangxg" in message.body
    client.force_login(administrator(union_tree_city_a(), username="another_admin"))
    page = client.get("/cadre-credits/admin/?username=wangxg").content.decode()
    assert "Needs review" in page or "待复核" in page


def test_a_reversal_that_leaves_the_year_met_flags_nothing(holder):
    grant(holder, "10", "5", "k2")
    extra = next(entry for entry in api.entries(user_id=holder.id) if entry.idempotency_key == "k2")
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        api.reverse_entry(entry_id=extra.id, reason="重复", recorded_by="jinan_admin")
    assert api.certificates_of(user_id=holder.id)[0].review_reason == "" and mail.outbox == []


def union_tree_city_a():
    from credit_plugin.models import Organisation

    return Organisation.objects.get(code="370100")
