"""
A learner whose full name is only in UserProfile.name (first and last name empty, as the LMS leaves
them) is named by it everywhere people read it: certificate PDF, training archive, compliance
dashboard, reminder e-mail and the challenge's leaderboard, never by their username.
"""
import io
import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client, TestCase
from pypdf import PdfReader

from credit_plugin import api
from credit_plugin.api import NewLedgerEntry, SourceKind
from tests.devhost_blocks import lms_handler
from tests.factories import administrator, cadre, union_tree
from tests.xblocks.level_challenge.test_block import USAGE, play

pytestmark = pytest.mark.django_db
NAME = "欧阳明珠"


def grant(user, credits, hours, key):
    with TestCase.captureOnCommitCallbacks(execute=True):
        api.bulk_record_entries(entries=[NewLedgerEntry(
            user_id=user.id, credits=Decimal(credits), hours=Decimal(hours), earned_at=datetime(2026, 6, 1, tzinfo=UTC),
            source_kind=SourceKind.OFFLINE_TRAINING, reference="", title="培训班", recorded_by="test", reason="",
            idempotency_key=key)])


@pytest.fixture
def people():
    orgs = union_tree()
    named = cadre(orgs["union_a"], username="oyang", name=NAME, took_office_on=date(2020, 1, 1))
    assert (named.first_name, named.last_name, named.get_full_name()) == ("", "", "")
    admin = administrator(orgs["province"], username="province_admin")
    return named, admin


def test_the_certificate_and_the_archive_carry_the_profile_name(client, people):
    named, admin = people
    grant(named, "95", "42", "met")
    [certificate] = api.certificates_of(user_id=named.id)
    client.force_login(admin)
    pdf = client.get(f"/cadre-credits/certificates/{certificate.code}/certificate.pdf").content
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert NAME in text.replace(" ", "")  # the certificate spaces the name's characters out
    archive = client.get("/cadre-credits/archive/oyang/").content.decode()
    assert NAME in archive


def test_the_dashboard_and_the_reminder_carry_the_profile_name(client, people):
    named, admin = people
    grant(named, "10", "4", "behind")
    client.force_login(admin)
    assert NAME in client.get("/cadre-credits/compliance/?org=370102001").content.decode()
    api.send_training_reminders(today=date(2026, 10, 20))
    to_cadre = next(message for message in mail.outbox if message.to == [named.email])
    assert NAME in to_cadre.body and "oyang" not in to_cadre.body.split("\n")[0]


def test_the_leaderboard_carries_the_profile_name(people):
    named, admin = people
    client = Client()
    client.force_login(named)
    play(client, 0)
    mine = client.post(lms_handler(USAGE, "leaderboard"), data="{}", content_type="application/json").json()
    assert mine["me"]["name"] == NAME
    client.force_login(admin)  # another learner of the course sees the name masked
    theirs = client.post(lms_handler(USAGE, "leaderboard"), data="{}", content_type="application/json").json()
    assert theirs["rows"][0]["name"] == "欧**珠"
    assert "oyang" not in json.dumps([mine, theirs], ensure_ascii=False)
