"""
How long the credit plugin's receivers add to the LMS request that sends an event, on the path
that grants credits and on the one that only records the receipt.

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

    from credit_plugin.models import CreditRule, LedgerEntry

    User = get_user_model()
    User.objects.bulk_create([User(username=f"bench_learner{i}", password="!") for i in range(EVENTS + 10)])
    learners = iter(User.objects.order_by("id"))

    def passing(course):
        def send():
            user = next(learners)
            COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=CoursePassingStatusData(
                is_passing=True, course=CourseData(course_key=course, display_name="bench"),
                user=UserData(id=user.id, is_active=True, pii=UserPersonalData(username=user.username, email="",
                                                                                name="")),
            ))
        return send

    no_rule = CourseKey.from_string("course-v1:SDFTU+BENCH+2026")
    ignored = timings_ms(passing(no_rule), EVENTS // 2, warmup=0)
    learners = iter(User.objects.order_by("id"))  # the same learners again, now for a course with a rule
    with_rule = CourseKey.from_string("course-v1:SDFTU+CREDIT+2026")
    CreditRule.objects.create(title="bench", course_key=with_rule, trigger="course_passed", credits="2", hours="1")
    granted = timings_ms(passing(with_rule), EVENTS, warmup=0)
    return {"ignored": {"median_ms": median_ms(ignored), "per_second": len(ignored) / (sum(ignored) / 1000)},
            "granted": {"median_ms": median_ms(granted), "per_second": EVENTS / (sum(granted) / 1000),
                        "entries": LedgerEntry.objects.count()}}


def run() -> str:
    rows = []
    for label, url in databases():
        figures = measure_in_subprocess("bench.bench_lms_event_receipt", url)
        for path, what in (("granted", "a credit rule: receipt, ledger entry, year total"),
                           ("ignored", "no credit rule: receipt only")):
            f = figures[path]
            print(f"{label} ({path}): median {f['median_ms']:.3f} ms per event, {f['per_second']:.0f} events/s",
                  flush=True)
            rows.append([label, what, f"{f['median_ms']:.3f}", f"{f['per_second']:.0f}"])
        assert figures["granted"]["entries"] == EVENTS, figures
    return (
        f"Real `COURSE_PASSING_STATUS_UPDATED` signals, each for another learner, through the receivers in "
        f"process: {EVENTS} for a course with a credit rule (every one writes an entry) and {EVENTS // 2} for "
        "a course without one.\n\n"
        + markdown_table(["database", "path", "median ms per event", "events/s"], rows)
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(sys.argv[2] if len(sys.argv) > 2 else None)))
    else:
        print(run())
