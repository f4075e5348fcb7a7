"""The same LMS event delivered concurrently, from several processes, makes exactly one entry."""
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction

from credit_plugin import api
from credit_plugin.models import LedgerEntry, YearTotal
from tests.factories import UserFactory, credit_rule

pytestmark = pytest.mark.django_db(transaction=True)
REPO_ROOT = Path(__file__).resolve().parents[3]
DELIVERIES = 6

WORKER = """
import json, os, sys
sys.path.insert(0, os.getcwd())
import django
django.setup()
from credit_plugin import api
event = json.loads(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()  # every worker starts its write at the same moment
print(api.handle_lms_event(**event).status)
"""


def passing_event(user_id):
    return {
        "event_id": str(uuid.uuid4()),  # each resend of the LMS carries a new event id
        "event_type": "org.openedx.learning.course.passing.status.updated.v1",
        "occurred_at": "2026-06-01T08:00:00+00:00",
        "user_id": user_id,
        "course_key": "course-v1:SDFTU+CADRE101+2026",
        "payload": {"course_passing_status": {"is_passing": True}},
    }


def deliver_from_processes(events):
    """Run each delivery in its own Python process against the test database, released together."""
    database = settings.DATABASES["default"]
    if connection.vendor == "mysql":
        host = f"{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 3306}"
        url = f"mysql://{database['USER']}@{host}/{database['NAME']}"
    else:
        url = f"sqlite:///{database['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "devhost.settings.test"}
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, json.dumps(event)], cwd=REPO_ROOT, env=env,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for event in events
    ]
    for worker in workers:
        worker.stdout.readline()  # "ready": set up and connected to nothing yet
    for worker in workers:
        worker.stdin.write("go\n")
        worker.stdin.flush()
    return [worker.communicate(timeout=120) for worker in workers]


def test_concurrent_deliveries_of_the_same_fact_make_exactly_one_entry():
    credit_rule()
    learner = UserFactory(username="concurrent")
    events = [passing_event(learner.id) for _ in range(DELIVERIES)]
    results = deliver_from_processes(events)
    assert [out.strip() for out, _err in results] == ["recorded"] * DELIVERIES, [err for _o, err in results]
    assert LedgerEntry.objects.filter(user=learner).count() == 1
    total = YearTotal.objects.get(user=learner, year=2026)
    assert (total.credits, total.entry_count) == (10, 1)
    assert api.ledger_drift() == []


def test_concurrent_distinct_entries_all_add_up():
    learner = UserFactory(username="busy")
    events = []
    for index in range(DELIVERIES):
        credit_rule(course_key=f"course-v1:SDFTU+C{index}+2026", title=f"课程{index}", credits="1.5", hours="1")
        events.append({**passing_event(learner.id), "course_key": f"course-v1:SDFTU+C{index}+2026"})
    results = deliver_from_processes(events)
    assert [out.strip() for out, _err in results] == ["recorded"] * DELIVERIES, [err for _o, err in results]
    total = YearTotal.objects.get(user=learner, year=2026)
    assert (total.credits, total.hours, total.entry_count) == (9, 6, DELIVERIES)
    assert api.ledger_drift() == []



def statements_running(like):
    with connection.cursor() as cursor:
        cursor.execute("SELECT info FROM information_schema.PROCESSLIST WHERE info LIKE %s", [like])
        return len(cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "mysql", reason="InnoDB's duplicate-key locks are what this is about")
def test_writers_racing_to_open_a_year_total_all_record_without_deadlock():
    """
    Two writers find no year total, a third opens it and holds it uncommitted, then both try to
    open it too. On InnoDB a failed INSERT leaves a shared lock on the row, and two writers each
    holding one deadlocked when they went on to UPDATE it (CI saw this with six LMS events).
    """
    learner = UserFactory(username="racing")
    found_none = [threading.Event(), threading.Event()]
    opened, outcomes = threading.Event(), []
    table = YearTotal._meta.db_table

    def record(key):
        api.record_entry(user_id=learner.id, credits="2", hours="1", earned_at=datetime(2026, 5, 1, tzinfo=UTC),
                         source_kind="offline_training", reference="培训班", recorded_by="test", idempotency_key=key)

    def first():
        for event in found_none:
            event.wait(30)
        with transaction.atomic():
            record("first")
            opened.set()
            deadline = time.monotonic() + 30  # hold the new row until both others are waiting to open it
            while statements_running(f"INSERT INTO %{table}%") < 2 and time.monotonic() < deadline:
                time.sleep(0.05)
        outcomes.append("first recorded")
        connection.close()

    def waiter(number):
        def pause_after_finding_none(execute, sql, params, many, context):
            result = execute(sql, params, many, context)
            if sql.startswith(f"UPDATE {table} SET credits") and context["cursor"].rowcount == 0:
                found_none[number].set()
                opened.wait(30)
            return result

        try:
            with connection.execute_wrapper(pause_after_finding_none):
                record(f"waiter-{number}")
            outcomes.append("waiter recorded")
        except Exception as error:  # noqa: BLE001 - the outcome is what the test reports
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=first), *(threading.Thread(target=waiter, args=(n,)) for n in range(2))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(90)
    assert sorted(outcomes) == ["first recorded", "waiter recorded", "waiter recorded"]
    total = YearTotal.objects.get(user=learner, year=2026)
    assert (total.credits, total.hours, total.entry_count) == (6, 3, 3)
    assert api.ledger_drift() == []
