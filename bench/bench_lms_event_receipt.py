"""
How long the credit plugin's receivers add to the LMS request that sends an event.

The receivers run inside the LMS's grading and certificate code, so each real
``COURSE_PASSING_STATUS_UPDATED`` signal sent through openedx-events is timed end to end,
with the receipt written to the database.
"""
import json
import sys

from bench.common import databases, markdown_table, measure_in_subprocess, median_ms, setup_django, timings_ms

EVENTS = 2000


def measure(database_url):
    setup_django(database_url)
    from django.contrib.auth import get_user_model
    from opaque_keys.edx.keys import CourseKey
    from openedx_events.learning.data import CourseData, CoursePassingStatusData, UserData, UserPersonalData
    from openedx_events.learning.signals import COURSE_PASSING_STATUS_UPDATED

    user, _ = get_user_model().objects.get_or_create(username="bench_learner")
    data = CoursePassingStatusData(
        is_passing=True,
        course=CourseData(course_key=CourseKey.from_string("course-v1:SDFTU+BENCH+2026"), display_name="bench"),
        user=UserData(id=user.id, is_active=True, pii=UserPersonalData(username=user.username, email="", name="")),
    )
    samples = timings_ms(lambda: COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=data), EVENTS)
    return {"median_ms": median_ms(samples), "per_second": EVENTS / (sum(samples) / 1000)}


def run() -> str:
    rows = []
    for label, url in databases():
        figures = measure_in_subprocess("bench.bench_lms_event_receipt", url)
        print(f"{label}: median {figures['median_ms']:.3f} ms per event, {figures['per_second']:.0f} events/s")
        rows.append([label, EVENTS, f"{figures['median_ms']:.3f}", f"{figures['per_second']:.0f}"])
    return (
        f"Real `COURSE_PASSING_STATUS_UPDATED` signals sent {EVENTS} times; each is received and written.\n\n"
        + markdown_table(["database", "events", "median ms per event", "events/s"], rows)
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(sys.argv[2] if len(sys.argv) > 2 else None)))
    else:
        print(run())
