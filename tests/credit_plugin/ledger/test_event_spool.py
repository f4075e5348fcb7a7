"""
An LMS event is never only a log line: when neither the database nor the broker can take it, it
waits on the server's disk and is recorded once the database is back.
"""
import io
import stat

import pytest
from django.core.management import call_command
from django.db import OperationalError
from kombu.exceptions import OperationalError as BrokerDown

from credit_plugin.ledger import lms_events, spool, tasks
from credit_plugin.models import LedgerEntry, LmsEventReceipt
from devhost import lms_bridge
from tests.factories import credit_rule

pytestmark = pytest.mark.django_db


def _database_down(*args, **kwargs):
    raise OperationalError("(2006, 'MySQL server has gone away')")


@pytest.fixture
def outage(monkeypatch):
    """The receipt table cannot be written (the LMS's database is down); undone by ``outage.end()``."""
    class Outage:
        def begin(self, broker=False):
            monkeypatch.setattr(lms_events, "receive_lms_event", _database_down)
            monkeypatch.setattr(lms_events, "mark_failed", _database_down)
            if broker:
                monkeypatch.setattr(tasks.process_lms_event, "delay", lambda **kw: (_ for _ in ()).throw(BrokerDown()))

        def end(self):
            monkeypatch.undo()

    return Outage()


def test_an_event_during_a_database_and_broker_outage_waits_on_disk_then_the_next_event_records_it(
        learner, staff_user, outage):
    credit_rule()
    outage.begin(broker=True)
    lms_bridge.pass_course(learner)  # must not raise into the LMS
    assert not LmsEventReceipt.objects.exists()
    [waiting] = spool.waiting()
    assert stat.S_IMODE(waiting.parent.stat().st_mode) == 0o700  # the files name LMS users
    outage.end()
    lms_bridge.pass_course(staff_user)
    assert sorted(LedgerEntry.objects.values_list("user_id", flat=True)) == sorted([learner.id, staff_user.id])
    assert spool.waiting() == []


def test_an_eager_retry_that_cannot_mark_the_event_failed_spools_it_for_the_replay(learner, outage):
    credit_rule()
    outage.begin()  # the broker works (eager here): the retry task runs and fails every attempt
    lms_bridge.pass_course(learner)
    assert not LmsEventReceipt.objects.exists() and len(spool.waiting()) == 1
    outage.end()
    out = io.StringIO()
    call_command("replay_failed_events", stdout=out)
    assert "replayed 1 events, 0 still failed" in out.getvalue()
    assert LedgerEntry.objects.get().user_id == learner.id
    assert LmsEventReceipt.objects.get().status == "recorded" and spool.waiting() == []


def test_a_spooled_event_that_cannot_be_applied_is_marked_failed_and_leaves_the_spool(learner, monkeypatch):
    credit_rule()
    spool.keep({"event_id": "5b8f3e44-7f4c-4d57-9a43-1c0b8f7a7d10", "event_type": lms_events.COURSE_PASSING,
                "occurred_at": "2026-12-07T08:00:00+00:00", "user_id": learner.id,
                "course_key": str(lms_bridge.DEMO_COURSE_KEY),
                "payload": {"course_passing_status": {"is_passing": True}}})
    monkeypatch.setattr(lms_events, "_apply", lambda receipt: (_ for _ in ()).throw(RuntimeError("bad rule")))
    [receipt] = lms_events.record_spooled_events()
    assert (receipt.status, spool.waiting()) == ("failed", [])
    assert "bad rule" in LmsEventReceipt.objects.get().detail
