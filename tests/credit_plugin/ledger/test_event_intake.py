"""
Events taken in the LMS process (intake "signals") or from the Open edX event bus (intake "bus"):
each event is recorded by exactly one of the two deliveries.
"""
import pytest
from django.core import checks
from openedx_events.learning.signals import COURSE_PASSING_STATUS_UPDATED

from credit_plugin.checks import check_credit_settings
from credit_plugin.models import LedgerEntry, LmsEventReceipt
from devhost import lms_bridge
from tests.factories import credit_rule

pytestmark = pytest.mark.django_db


def _pass_and_capture(user):
    """Pass the course as the LMS does, keeping what the signal carried, as the bus producer does."""
    sent = {}

    def capture(sender, signal, **kwargs):
        sent.update(kwargs)

    COURSE_PASSING_STATUS_UPDATED.connect(capture, dispatch_uid="test-capture")
    try:
        lms_bridge.pass_course(user)
    finally:
        COURSE_PASSING_STATUS_UPDATED.disconnect(dispatch_uid="test-capture")
    return sent["metadata"], sent["course_passing_status"]


def _deliver_from_the_bus(metadata, status):
    """What consume_events does with a message: the same signal, the event's own metadata, from_event_bus."""
    COURSE_PASSING_STATUS_UPDATED.send_event_with_custom_metadata(metadata, course_passing_status=status)


def test_with_the_bus_intake_the_lms_request_records_nothing_and_the_consumer_records_once(learner, settings):
    settings.CADRE_TRAINING_EVENT_INTAKE = "bus"
    credit_rule()
    metadata, status = _pass_and_capture(learner)
    assert not LmsEventReceipt.objects.exists()
    _deliver_from_the_bus(metadata, status)
    _deliver_from_the_bus(metadata, status)  # the stream redelivers after a consumer crash
    receipt = LmsEventReceipt.objects.get()
    assert (receipt.event_id, receipt.status) == (metadata.id, "recorded")
    assert LedgerEntry.objects.get().user_id == learner.id


def test_with_the_signals_intake_a_copy_from_the_bus_is_left_alone(learner):
    credit_rule()
    metadata, status = _pass_and_capture(learner)
    assert LmsEventReceipt.objects.get().event_id == metadata.id
    LmsEventReceipt.objects.all().delete()
    _deliver_from_the_bus(metadata, status)
    assert not LmsEventReceipt.objects.exists()


def test_an_unknown_intake_or_a_bus_without_a_consumer_stops_the_lms_at_start(settings):
    settings.CADRE_TRAINING_EVENT_INTAKE = "kafka"
    assert "credit_plugin.E011" in [error.id for error in check_credit_settings()]
    settings.CADRE_TRAINING_EVENT_INTAKE = "bus"
    errors = [error for error in check_credit_settings() if error.id == "credit_plugin.E012"]
    assert errors and errors[0].level == checks.ERROR
    settings.EVENT_BUS_CONSUMER = "edx_event_bus_redis.RedisEventConsumer"
    assert [error.id for error in check_credit_settings()] == []
