"""
The ledger's intake over the Open edX event bus (Redis Streams, edx-event-bus-redis): an LMS process
publishes as EVENT_BUS_PRODUCER_CONFIG says and records nothing itself; the platform's own
`consume_events`, run as `make consumers` runs it, records each event once, including what was
published before the consumer started and what two consumers of one group share.
"""
import sys
import time
import uuid

import pytest

from tests.devhost.processes import devhost_env, manage, migrated_with_a_learner, rows, start, stop

pytestmark = pytest.mark.worker
BUS = "redis://127.0.0.1:6379/13"
PASS = """
from django.contrib.auth import get_user_model
from devhost import lms_bridge
from tests.factories import UserFactory
for name in {names!r}:
    lms_bridge.pass_course(get_user_model().objects.filter(username=name).first() or UserFactory(username=name))
"""


def _consumer(env, folder, name):
    return start(env, [sys.executable, "devhost/manage.py", "consume_events", "-t", "learning-badges-lifecycle",
                       "-g", "cadre-training", "--extra", f'{{"check_backlog": true, "consumer_name": "{name}"}}'],
                 folder / f"{name}.log")


def _wait_for(env, sql, expected, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = rows(env, sql)
        if found == expected:
            return found
        time.sleep(0.5)
    return rows(env, sql)


def test_events_published_by_the_lms_are_recorded_once_by_the_consumers(tmp_path):
    env = devhost_env(tmp_path, DEVHOST_EVENT_BUS_URL=BUS, DEVHOST_EVENT_BUS_TOPIC_PREFIX=f"t{uuid.uuid4().hex}")
    migrated_with_a_learner(env)
    manage(env, "shell", "-c", PASS.format(names=["process-learner"]))  # before any consumer runs
    assert rows(env, "SELECT COUNT(*) FROM credit_plugin_lmseventreceipt") == [(0,)]  # the LMS did not record it
    consumers = [_consumer(env, tmp_path, "c1")]
    try:
        assert _wait_for(env, "SELECT status FROM credit_plugin_lmseventreceipt", [("recorded",)]) == [("recorded",)]
        consumers.append(_consumer(env, tmp_path, "c2"))
        manage(env, "shell", "-c", PASS.format(names=[f"cadre{i}" for i in range(12)] + ["process-learner"]))
        count = "SELECT COUNT(*) FROM credit_plugin_lmseventreceipt WHERE status != 'received'"
        assert _wait_for(env, count, [(14,)]) == [(14,)]
    finally:
        for consumer in consumers:
            stop(consumer)
    # 13 learners passed; the learner who passed twice holds the course's credits once.
    assert rows(env, "SELECT COUNT(*), COUNT(DISTINCT user_id) FROM credit_plugin_ledgerentry") == [(13, 13)]
