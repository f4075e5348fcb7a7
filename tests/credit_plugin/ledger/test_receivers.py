"""Credits from the LMS's real openedx-events signals: counted once, reversed on revocation, never raising."""
import io
import logging
from datetime import timedelta
from decimal import Decimal
from uuid import uuid4

import pytest
from django.core.management import call_command
from django.utils import timezone
from opaque_keys.edx.keys import CourseKey

from credit_plugin import api
from credit_plugin.api import Trigger
from credit_plugin.ledger import lms_events
from credit_plugin.models import LedgerEntry, LmsEventReceipt
from devhost import lms_bridge, lms_grades
from tests.factories import UserFactory, credit_rule

pytestmark = pytest.mark.django_db


def credits_of(user, year=None):
    from django.utils import timezone

    return api.year_summary(user_id=user.id, year=year or timezone.now().year).credits


def test_passing_a_course_with_a_rule_grants_its_credits_once_however_often_the_lms_resends(learner):
    credit_rule()
    for _ in range(3):  # every regrade resends the passing status under a new event id
        lms_bridge.pass_course(learner)
    assert LedgerEntry.objects.count() == 1
    assert credits_of(learner) == Decimal("10.00")
    statuses = list(LmsEventReceipt.objects.values_list("status", flat=True))
    assert statuses == ["recorded"] * 3
    receipt = LmsEventReceipt.objects.first()
    assert learner.email not in str(receipt.payload)


def test_a_rule_for_every_run_of_a_course_counts_once_per_learner(learner):
    credit_rule(course_key="", course_prefix="SDFTU+CADRE101")
    lms_bridge.pass_course(learner)
    lms_bridge.pass_course(learner, CourseKey.from_string("course-v1:SDFTU+CADRE101+2027"))
    assert LedgerEntry.objects.count() == 1


def test_passing_a_ccx_earns_its_master_courses_credits_once(learner):
    """The LMS sends CCX_COURSE_PASSING_STATUS_UPDATED for a coach's run (CCX) of a course."""
    credit_rule()  # for course-v1:SDFTU+CADRE101+2026
    ccx = CourseKey.from_string("ccx-v1:SDFTU+CADRE101+2026+ccx@7")
    lms_grades.send_passing_status(learner, ccx, passed=False)
    assert LedgerEntry.objects.count() == 0
    lms_grades.send_passing_status(learner, ccx, passed=True)
    lms_grades.send_passing_status(learner, ccx, passed=True)
    lms_bridge.pass_course(learner)  # the master course itself: the same rule, already held
    entry = LedgerEntry.objects.get()
    assert (entry.reference, entry.credits) == (str(ccx), Decimal("10.00"))
    assert LmsEventReceipt.objects.filter(event_type=lms_events.CCX_COURSE_PASSING).count() == 3


def test_certificate_created_grants_and_revoked_reverses_then_a_new_certificate_grants_again(learner):
    credit_rule(trigger=Trigger.CERTIFICATE_CREATED)
    lms_bridge.create_certificate(learner)
    lms_bridge.create_certificate(learner)  # every save of a passing certificate resends "created"
    assert credits_of(learner) == Decimal("10.00")
    lms_bridge.revoke_certificate(learner)
    assert credits_of(learner) == Decimal("0.00")
    reversal = LedgerEntry.objects.get(source_kind="reversal")
    assert "revoked" in reversal.reason or "撤销" in reversal.reason
    lms_bridge.create_certificate(learner)
    assert credits_of(learner) == Decimal("10.00")
    assert LedgerEntry.objects.count() == 3


@pytest.mark.parametrize(
    ("setup", "detail"),
    [("no_rule", "No credit rule"), ("inactive", "inactive"), ("not_passing", "not passing")],
)
def test_events_that_grant_nothing_are_kept_as_ignored_with_the_reason(learner, setup, detail, english):
    if setup != "no_rule":
        credit_rule()
    if setup == "inactive":
        learner.is_active = False
        learner.save()
    if setup == "not_passing":
        from openedx_events.learning.data import CoursePassingStatusData
        from openedx_events.learning.signals import COURSE_PASSING_STATUS_UPDATED

        COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=CoursePassingStatusData(
            is_passing=False, course=lms_bridge.course_data(), user=lms_grades.user_data(learner)))
    else:
        lms_bridge.pass_course(learner)
    receipt = LmsEventReceipt.objects.get()
    assert receipt.status == "ignored"
    assert detail in receipt.detail
    assert not LedgerEntry.objects.exists()


def test_an_event_about_an_unknown_user_is_ignored(learner, english):
    credit_rule()
    ghost = UserFactory(username="ghost")
    ghost_data = lms_grades.user_data(ghost)
    ghost.delete()
    from openedx_events.learning.data import CoursePassingStatusData
    from openedx_events.learning.signals import COURSE_PASSING_STATUS_UPDATED

    COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=CoursePassingStatusData(
        is_passing=True, course=lms_bridge.course_data(), user=ghost_data))
    assert "Unknown user" in LmsEventReceipt.objects.get().detail


def test_a_failed_write_is_left_to_the_retry_task_and_recorded_once(learner, monkeypatch, caplog):
    credit_rule()
    real_apply, calls = lms_events._apply, []

    def fails_once(receipt):
        calls.append(receipt.event_id)
        if len(calls) == 1:
            raise RuntimeError("database write failed")
        return real_apply(receipt)

    monkeypatch.setattr(lms_events, "_apply", fails_once)
    with caplog.at_level(logging.ERROR, logger="credit_plugin.ledger.receivers"):
        lms_bridge.pass_course(learner)  # must not raise into the LMS
    assert "handing it to the retry task" in caplog.text
    assert len(calls) == 2
    assert LedgerEntry.objects.count() == 1
    assert LmsEventReceipt.objects.get().status == "recorded"


def test_an_event_that_keeps_failing_is_marked_failed_and_can_be_replayed(learner, monkeypatch):
    credit_rule()
    real_apply = lms_events._apply
    monkeypatch.setattr(lms_events, "_apply", lambda receipt: (_ for _ in ()).throw(RuntimeError("disk full")))
    lms_bridge.pass_course(learner)
    receipt = LmsEventReceipt.objects.get()
    assert receipt.status == "failed"
    assert "disk full" in receipt.detail
    assert not LedgerEntry.objects.exists()
    monkeypatch.setattr(lms_events, "_apply", real_apply)
    replayed = api.replay_failed_events()
    assert [r.status for r in replayed] == ["recorded"]
    assert LedgerEntry.objects.count() == 1


def test_replay_takes_receipts_left_unprocessed_by_a_dead_worker_but_not_those_in_flight(learner):
    credit_rule()
    for event_id, age in ((uuid4(), timedelta(hours=1)), (uuid4(), timedelta(seconds=5))):
        lms_events.receive_lms_event(
            event_id=event_id, event_type=lms_events.COURSE_PASSING, occurred_at=timezone.now(),
            user_id=learner.id, course_key=str(lms_bridge.DEMO_COURSE_KEY),
            payload={"course_passing_status": {"is_passing": True}},
        )
        LmsEventReceipt.objects.filter(event_id=event_id).update(received_at=timezone.now() - age)
    out = io.StringIO()
    call_command("replay_failed_events", stdout=out)
    assert "replayed 1 events, 0 still failed" in out.getvalue()
    assert sorted(LmsEventReceipt.objects.values_list("status", flat=True)) == ["received", "recorded"]
    assert LedgerEntry.objects.count() == 1


def test_a_receipt_that_fails_again_stays_failed_and_the_others_are_replayed(learner, staff_user, monkeypatch):
    credit_rule()
    real_apply = lms_events._apply
    monkeypatch.setattr(lms_events, "_apply", lambda receipt: (_ for _ in ()).throw(RuntimeError("deadlock")))
    lms_bridge.pass_course(learner)
    lms_bridge.pass_course(staff_user)
    assert set(LmsEventReceipt.objects.values_list("status", flat=True)) == {"failed"}
    monkeypatch.setattr(lms_events, "_apply", lambda receipt: (
        real_apply(receipt) if receipt.user_id == staff_user.id else (_ for _ in ()).throw(RuntimeError("still"))))
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("replay_failed_events", stdout=out)
    assert "replayed 2 events, 1 still failed" in out.getvalue() and "still" in out.getvalue()
    assert list(LedgerEntry.objects.values_list("user_id", flat=True)) == [staff_user.id]
