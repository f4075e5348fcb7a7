"""The same LMS event delivered concurrently, from several processes, makes exactly one entry."""
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from credit_plugin import api
from credit_plugin.models import LedgerEntry, YearTotal
from tests.factories import UserFactory, credit_rule

pytestmark = pytest.mark.django_db(transaction=True)
REPO_ROOT = Path(__file__).resolve().parents[2]
DELIVERIES = 6

WORKER = """
import json, os, sys
sys.path.insert(0, os.getcwd())
import django
django.setup()
from credit_plugin import api
event = json.loads(sys.argv[1])
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
    """Run each delivery in its own Python process against the test database, all at once."""
    database = settings.DATABASES["default"]
    if connection.vendor == "mysql":
        host = f"{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 3306}"
        url = f"mysql://{database['USER']}@{host}/{database['NAME']}"
    else:
        url = f"sqlite:///{database['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "devhost.settings.test"}
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, json.dumps(event)], cwd=REPO_ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for event in events
    ]
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
