"""
The plugins' tasks on a real Celery worker: a separate process started as `make worker` starts it,
Redis as broker and result backend, its own database, nothing eager. What the LMS's workers do.
"""
import json
import sys
import uuid
from pathlib import Path

import pytest
from celery import Celery

from tests.devhost.processes import REDIS, devhost_env, migrated_with_a_learner, rows, start, stop

pytestmark = pytest.mark.worker


@pytest.fixture(scope="module")
def worker(tmp_path_factory):
    """A worker process on its own queue and database; yields (client app, queue, env, user id)."""
    folder = tmp_path_factory.mktemp("worker")
    queue = f"cadre-test-{uuid.uuid4().hex}"
    env = devhost_env(folder, DEVHOST_BROKER_URL=REDIS, DEVHOST_RESULT_BACKEND=REDIS)
    user_id = migrated_with_a_learner(env)
    process = start(env, [str(Path(sys.executable).parent / "celery"), "-A", "devhost.celery_app", "worker",
                          "--pool", "solo", "-Q", queue, "--loglevel", "INFO"], folder / "worker.log")
    try:
        yield Celery("client", broker=REDIS, backend=REDIS), queue, env, user_id
    finally:
        stop(process)


def test_an_lms_event_sent_to_the_worker_is_recorded_in_its_database(worker):
    client, queue, env, user_id = worker
    event = {"event_id": str(uuid.uuid4()), "event_type": "org.openedx.learning.course.passing.status.updated.v1",
             "occurred_at": "2026-12-07T08:00:00+00:00", "user_id": user_id,
             "course_key": "course-v1:SDFTU+CADRE101+2026",
             "payload": {"course_passing_status": {"is_passing": True}}}
    result = client.send_task("credit_plugin.tasks.process_lms_event", kwargs={"event": event}, queue=queue)
    assert result.get(timeout=90) == "recorded"
    assert rows(env, "SELECT status FROM credit_plugin_lmseventreceipt") == [("recorded",)]
    assert rows(env, "SELECT user_id, credits FROM credit_plugin_ledgerentry") == [(user_id, 10)]


def test_a_periodic_task_runs_on_the_worker_and_returns_its_report(worker):
    client, queue, env, _ = worker
    result = client.send_task("credit_plugin.tasks.reconcile_credits", queue=queue)
    report = result.get(timeout=90)
    assert json.loads(json.dumps(report)) == {"examined": 0, "granted": 0, "since": None}
    assert len(rows(env, "SELECT covered_until FROM credit_plugin_reconcilewatermark")) == 1
