"""The credit plugin receives the LMS's real openedx-events signals, and never raises into the LMS."""
import logging

import pytest

from credit_plugin.models import LmsEventReceipt
from devhost import lms_bridge


@pytest.mark.django_db
def test_course_passing_event_is_received_without_personal_data(learner):
    lms_bridge.pass_course(learner)
    receipt = LmsEventReceipt.objects.get()
    assert receipt.event_type == "org.openedx.learning.course.passing.status.updated.v1"
    assert receipt.user_id == learner.id
    assert str(receipt.course_key) == "course-v1:SDFTU+CADRE101+2026"
    payload = receipt.payload["course_passing_status"]
    assert payload["is_passing"] is True
    assert payload["user"] == {"id": learner.id, "is_active": True}
    assert learner.email not in str(receipt.payload)


@pytest.mark.django_db
def test_every_resend_by_the_lms_is_a_new_event(learner):
    """A regrade resends the passing status under a new event id; each delivery is recorded."""
    lms_bridge.pass_course(learner)
    lms_bridge.pass_course(learner)
    assert LmsEventReceipt.objects.count() == 2


@pytest.mark.django_db
def test_certificate_created_and_revoked_are_received(learner):
    lms_bridge.create_certificate(learner)
    lms_bridge.revoke_certificate(learner)
    assert list(LmsEventReceipt.objects.order_by("id").values_list("event_type", flat=True)) == [
        "org.openedx.learning.certificate.created.v1",
        "org.openedx.learning.certificate.revoked.v1",
    ]
    revoked = LmsEventReceipt.objects.order_by("id").last().payload["certificate"]
    assert (revoked["previous_status"], revoked["current_status"]) == ("downloadable", "unavailable")


@pytest.mark.django_db
def test_a_failing_receiver_logs_and_does_not_raise_into_the_lms(learner, monkeypatch, caplog):
    def broken(**kwargs):
        raise RuntimeError("database is down")

    monkeypatch.setattr("credit_plugin.api.receive_lms_event", broken)
    with caplog.at_level(logging.ERROR, logger="credit_plugin.signals.receivers"):
        lms_bridge.pass_course(learner)
    assert "could not record event" in caplog.text
    assert not LmsEventReceipt.objects.exists()
