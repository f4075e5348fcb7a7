"""
The ledger's intake over the Open edX event bus (Redis Streams, edx-event-bus-redis): how many LMS
events per second one `consume_events` process records, and what a second consumer of the same
group adds (issue 19 asks ≥ 1,000 events/s per consumer on MariaDB and ≥ 1.7× with two).

The bench process is the LMS: it sends real COURSE_PASSING_STATUS_UPDATED signals, which
openedx-events publishes to the stream as EVENT_BUS_PRODUCER_CONFIG says (the receivers record
nothing in process under intake "bus"). Then the consumers start, as `make consumers` starts them,
and every event grants an entry; the clock runs from the first receipt to the last. Each round
checks that every event was recorded exactly once.
"""
import json
import os
import subprocess
import sys
import time
import uuid

from bench.common import REPO_ROOT, databases, markdown_table, measure_in_subprocess, setup_django

EVENTS = int(os.environ.get("BENCH_BUS_EVENTS", "5000"))
BUS = os.environ.get("BENCH_BUS_URL", "redis://127.0.0.1:6379/12")


def _round(course, consumers, learners, env):
    """Publish one event per learner for ``course``, then consume with ``consumers`` processes."""
    from opaque_keys.edx.keys import CourseKey
    from openedx_events.learning.data import CourseData, CoursePassingStatusData, UserData, UserPersonalData
    from openedx_events.learning.signals import COURSE_PASSING_STATUS_UPDATED

    from credit_plugin.models import CreditRule, LedgerEntry, LmsEventReceipt

    course_key = CourseKey.from_string(course)
    CreditRule.objects.create(title=course, course_key=course_key, trigger="course_passed", credits="2", hours="1")
    receipts_before, entries_before = LmsEventReceipt.objects.count(), LedgerEntry.objects.count()
    started = time.perf_counter()
    for user in learners:
        COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=CoursePassingStatusData(
            is_passing=True, course=CourseData(course_key=course_key, display_name=course),
            user=UserData(id=user.id, is_active=True, pii=UserPersonalData(username=user.username, email="", name="")),
        ))
    published_s = time.perf_counter() - started
    assert LmsEventReceipt.objects.count() == receipts_before  # the LMS's request recorded nothing
    processes = [subprocess.Popen(
        [sys.executable, "devhost/manage.py", "consume_events", "-t", "learning-badges-lifecycle", "-g", "bench",
         "--extra", json.dumps({"check_backlog": True, "consumer_name": f"c{n}"})],
        cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for n in range(consumers)]
    try:
        first = last = None
        target = receipts_before + len(learners)
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline:
            count = LmsEventReceipt.objects.filter(status="recorded").count()
            now = time.perf_counter()
            if first is None and count > receipts_before:
                first = (now, count)
            if count >= target:
                last = (now, count)
                break
            time.sleep(0.05)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=60)
    assert last is not None, "the consumers did not record every event within 15 minutes"
    entries = LedgerEntry.objects.count() - entries_before
    return {"consumers": consumers, "events": len(learners), "published_per_s": len(learners) / published_s,
            "per_s": (last[1] - first[1]) / (last[0] - first[0]), "entries": entries,
            "receipts": LmsEventReceipt.objects.count() - receipts_before}


def measure(database_url):
    prefix = f"bench{uuid.uuid4().hex[:8]}"
    os.environ.update({"DEVHOST_EVENT_BUS_URL": BUS, "DEVHOST_EVENT_BUS_TOPIC_PREFIX": prefix})
    setup_django(database_url)
    from django.conf import settings
    from django.contrib.auth import get_user_model

    User = get_user_model()
    User.objects.bulk_create([User(username=f"bus{i:05d}", password="!") for i in range(EVENTS)], batch_size=5000)
    learners = list(User.objects.order_by("id"))
    database = settings.DATABASES["default"]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "devhost.settings.test",
           "DATABASE_URL": database_url or f"sqlite:///{database['NAME']}"}
    rounds = [_round("course-v1:SDFTU+BUS1+2026", 1, learners, env)]
    if database_url:  # SQLite takes one writer at a time: a second consumer would only wait for the lock
        rounds.append(_round("course-v1:SDFTU+BUS2+2026", 2, learners, env))
    return {"rounds": rounds}


def run() -> str:
    rows, figures = [], {}
    for label, url in databases():
        rounds = measure_in_subprocess("bench.bench_event_bus", url)["rounds"]
        for r in rounds:
            exact = r["entries"] == r["events"] == r["receipts"]
            print(f"{label}: {r['consumers']} consumer(s): {r['per_s']:.0f} events/s recorded "
                  f"(published {r['published_per_s']:.0f}/s); {r['events']} events, {r['receipts']} receipts, "
                  f"{r['entries']} entries", flush=True)
            figures[(label, r["consumers"])] = r["per_s"]
            rows.append([label, r["consumers"], f"{r['published_per_s']:.0f}", f"{r['per_s']:.0f}",
                         f"{r['events'] - r['receipts']} lost, {r['entries'] - r['events']} doubled"
                         if not exact else "0 lost, 0 doubled", "≥ 1,000 per consumer"])
    notes = [f"- {label}: 2 consumers / 1 = {figures[(label, 2)] / figures[(label, 1)]:.2f}× (target ≥ 1.7×)."
             for label in {label for label, _ in figures} if (label, 2) in figures]
    return (
        f"{EVENTS:,} real `COURSE_PASSING_STATUS_UPDATED` signals per round, published by the LMS process to "
        "Redis Streams and recorded by `consume_events` processes of one consumer group (each event: receipt, "
        "ledger entry, year total).\n\n"
        + markdown_table(["database", "consumers", "published/s", "recorded/s", "exact", "target"], rows)
        + ("\n\n" + "\n".join(notes) if notes else "")
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(sys.argv[2] if len(sys.argv) > 2 else None)))
    else:
        print(run())
