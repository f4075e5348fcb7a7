"""credit_plugin.api: the policy, the credit year, and receiving LMS events once."""
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings

from credit_plugin import api

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_policy_defaults_are_90_credits_and_40_hours_in_shanghai_time():
    policy = api.credit_policy()
    assert policy == api.CreditPolicy(yearly_credits=Decimal(90), yearly_hours=Decimal(40), time_zone="Asia/Shanghai")


@override_settings(CADRE_TRAINING_YEARLY_CREDITS=100, CADRE_TRAINING_YEARLY_HOURS="45.5")
def test_policy_follows_settings():
    policy = api.credit_policy()
    assert (policy.yearly_credits, policy.yearly_hours) == (Decimal(100), Decimal("45.5"))


@pytest.mark.parametrize(
    ("local_time", "year"),
    [
        (datetime(2026, 12, 31, 23, 30, tzinfo=SHANGHAI), 2026),
        (datetime(2027, 1, 1, 0, 10, tzinfo=SHANGHAI), 2027),
    ],
)
def test_credit_year_is_the_calendar_year_in_shanghai_whatever_the_stored_utc_says(local_time, year):
    in_utc = local_time.astimezone(UTC)
    assert api.credit_year(in_utc) == year


def test_new_year_in_shanghai_is_still_the_old_year_in_utc():
    assert api.credit_year(datetime(2026, 12, 31, 16, 10, tzinfo=UTC)) == 2027


@override_settings(CADRE_TRAINING_TIME_ZONE="UTC")
def test_credit_year_follows_the_configured_time_zone():
    assert api.credit_year(datetime(2026, 12, 31, 16, 10, tzinfo=UTC)) == 2026


def test_credit_year_refuses_naive_datetimes():
    with pytest.raises(ValueError, match="timezone-aware"):
        api.credit_year(datetime(2026, 6, 1))


@pytest.mark.django_db
def test_an_event_redelivered_with_the_same_id_is_recorded_once():
    event = {
        "event_id": uuid.uuid4(),
        "event_type": "org.openedx.learning.certificate.created.v1",
        "occurred_at": datetime(2026, 5, 1, 8, 0, tzinfo=UTC),
        "user_id": 7,
        "course_key": "course-v1:SDFTU+CADRE101+2026",
        "payload": {"certificate": {"mode": "honor"}},
    }
    first = api.receive_lms_event(**event)
    second = api.receive_lms_event(**event)
    assert first.newly_received is True
    assert second.newly_received is False
    assert second.event_id == first.event_id
    assert second.status == "received"
