"""
The plugins' tasks on a real Celery worker: a separate process started as `make worker` starts it,
Redis as broker and result backend, its own database, nothing eager. What the LMS's workers do.
"""
import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from celery import Celery

pytestmark = pytest.mark.worker
REPO_ROOT = Path(__file__).resolve().parents[2]
REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
SET_UP = """
from tests.factories import UserFactory, credit_rule
credit_rule()
print(UserFactory(username="worker-learner").id)
"""


@pytest.fixture(scope="module")
def worker(tmp_path_factory):
    """A worker process on its own queue and database; yields (client app, queue, database path, user id)."""
    folder = tmp_path_factory.mktemp("worker")
    database = folder / "worker.sqlite3"
    queue = f"cadre-test-{uuid.uuid4().hex}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "devhost.settings.test", "DATABASE_URL": f"sqlite:///{database}",
           "DEVHOST_VAR_DIR": str(folder / "var"), "DEVHOST_BROKER_URL": REDIS, "DEVHOST_RESULT_BACKEND": REDIS}
    manage = [sys.executable, "devhost/manage.py"]
    subprocess.run([*manage, "migrate", "--run-syncdb", "-v0"], cwd=REPO_ROOT, env=env, check=True)
    made = subprocess.run([*manage, "shell", "-c", SET_UP], cwd=REPO_ROOT, env=env, check=True,
                          capture_output=True, text=True)
    user_id = int(made.stdout.strip().splitlines()[-1])
    log = open(folder / "worker.log", "w")  # noqa: SIM115 - closed after the worker stops
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "celery"), "-A", "devhost.celery_app", "worker", "--pool", "solo",
         "-Q", queue, "--loglevel", "INFO"], cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    client = Celery("client", broker=REDIS, backend=REDIS)
    try:
        yield client, queue, database, user_id
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _rows(database, sql):
    with sqlite3.connect(database) as connection:
        return connection.execute(sql).fetchall()


def test_an_lms_event_sent_to_the_worker_is_recorded_in_its_database(worker):
    client, queue, database, user_id = worker
    event = {"event_id": str(uuid.uuid4()), "event_type": "org.openedx.learning.course.passing.status.updated.v1",
             "occurred_at": "2026-12-07T08:00:00+00:00", "user_id": user_id,
             "course_key": "course-v1:SDFTU+CADRE101+2026",
             "payload": {"course_passing_status": {"is_passing": True}}}
    result = client.send_task("credit_plugin.tasks.process_lms_event", kwargs={"event": event}, queue=queue)
    assert result.get(timeout=90) == "recorded"
    assert _rows(database, "SELECT status FROM credit_plugin_lmseventreceipt") == [("recorded",)]
    assert _rows(database, "SELECT user_id, credits FROM credit_plugin_ledgerentry") == [(user_id, 10)]


def test_a_periodic_task_runs_on_the_worker_and_returns_its_report(worker):
    client, queue, database, _ = worker
    result = client.send_task("credit_plugin.tasks.reconcile_credits", queue=queue)
    report = result.get(timeout=90)
    assert json.loads(json.dumps(report)) == {"examined": 0, "granted": 0, "since": None}
    assert len(_rows(database, "SELECT covered_until FROM credit_plugin_reconcilewatermark")) == 1
