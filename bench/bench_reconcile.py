"""
What ``reconcile_credits`` costs once the platform holds a province's records.

2 million passing grades (35,000 cadres × 57 courses, every course with a credit rule) sit in the
devhost's table shaped like the LMS's ``grades_persistentcoursegrade``. A scheduled run reads only
what changed since the previous one began (issue 19: the old full walk took 101 s for 63,000
records, about 54 minutes at 2 M): measured here for a day of changes (about 2 M / 365 grades,
each granting a credit the events missed) and for the hourly run that follows it. A full read of
the table through the same keyset pages shows the memory stays flat however long the walk.
"""
import json
import os
import sys
import time
from datetime import timedelta

from bench.common import databases, markdown_table, measure_in_subprocess, peak_memory_mb, setup_django

CADRES = int(os.environ.get("BENCH_RECONCILE_CADRES", "35000"))
COURSES = 57
DAY_OF_CHANGES = CADRES * COURSES // 365
BATCH = 20_000


def _seed():
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from credit_plugin.models import CreditRule, ReconcileWatermark
    from devhost.platform_tables.grades.models import PersistentCourseGrade

    User = get_user_model()
    User.objects.bulk_create([User(username=f"cadre{i:05d}", password="!") for i in range(CADRES)], batch_size=BATCH)
    user_ids = list(User.objects.order_by("id").values_list("id", flat=True))
    courses = [f"course-v1:SDFTU+C{j:02d}+2026" for j in range(COURSES)]
    CreditRule.objects.bulk_create([CreditRule(title=f"课程 {j}", course_key=key, trigger="course_passed",
                                               credits="2", hours="1") for j, key in enumerate(courses)])
    now = timezone.now()
    long_ago = now - timedelta(days=30)
    rows = (PersistentCourseGrade(user_id=user_id, course_id=course, grading_policy_hash="h", percent_grade=0.9,
                                  letter_grade="Pass", passed_timestamp=long_ago)
            for course in courses for user_id in user_ids)
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            PersistentCourseGrade.objects.bulk_create(batch)
            batch = []
    PersistentCourseGrade.objects.bulk_create(batch)
    PersistentCourseGrade.objects.update(modified=long_ago)  # auto_now set "now" on insert
    # A day of changes: every 365th grade was touched in the last day.
    changed = list(PersistentCourseGrade.objects.order_by("id").values_list("id", flat=True)[::365][:DAY_OF_CHANGES])
    for start in range(0, len(changed), 5000):
        PersistentCourseGrade.objects.filter(id__in=changed[start:start + 5000]).update(
            modified=now - timedelta(hours=12))
    ReconcileWatermark.objects.create(name="reconcile_credits", covered_until=now - timedelta(days=1))
    return PersistentCourseGrade.objects.count(), len(changed)


def measure(database_url):
    setup_django(database_url)
    from credit_plugin import api
    from credit_plugin.compat import platform_records

    started = time.perf_counter()
    grades, changed = _seed()
    seeded_s = time.perf_counter() - started

    from credit_plugin.models import ReconcileWatermark

    watermark = ReconcileWatermark.objects.get().covered_until
    day, day_s = _timed(api.reconcile_credits)
    hour, hour_s = _timed(api.reconcile_credits)  # the next hourly run: the overlap only
    # tracemalloc slows allocation several times over, so the heap is a second pass over the same
    # day (the watermark put back; its credits are now held, so it grants nothing) and a full read.
    ReconcileWatermark.objects.update(covered_until=watermark)
    again, day_heap = peak_memory_mb(api.reconcile_credits)
    read, read_s = _timed(lambda: sum(1 for _ in platform_records().passing_grades(None)))
    _, read_heap = peak_memory_mb(lambda: sum(1 for _ in platform_records().passing_grades(None)))
    return {"grades": grades, "changed": changed, "seeded_s": seeded_s,
            "day": {"examined": day.examined, "granted": day.granted, "s": day_s, "heap_mb": day_heap,
                    "again_examined": again.examined},
            "hour": {"examined": hour.examined, "granted": hour.granted, "s": hour_s},
            "read": {"rows": read, "s": read_s, "heap_mb": read_heap}}


def _timed(function):
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


def run() -> str:
    rows, notes = [], []
    for label, url in databases():
        f = measure_in_subprocess("bench.bench_reconcile", url)
        day, hour, read = f["day"], f["hour"], f["read"]
        print(f"{label}: {f['grades']:,} grades; a day's run examined {day['examined']:,} and granted "
              f"{day['granted']:,} in {day['s']:.1f} s (heap {day['heap_mb']:.0f} MB); the next hourly run "
              f"{hour['examined']:,} in {hour['s']:.2f} s; full read {read['rows']:,} rows in {read['s']:.1f} s "
              f"(heap {read['heap_mb']:.1f} MB)", flush=True)
        rows += [
            [label, f"scheduled run after a day: {day['examined']:,} changed grades examined, {day['granted']:,} "
                    f"credits granted", f"{day['s']:.1f} s", f"{day['heap_mb']:.0f} MB", "≤ 60 s"],
            [label, f"the next hourly run ({hour['examined']:,} examined in the overlap, {hour['granted']} granted)",
             f"{hour['s']:.2f} s", "", "≤ 60 s"],
            [label, f"keyset read of all {read['rows']:,} passing grades (what `--full` reads)",
             f"{read['s']:.1f} s", f"{read['heap_mb']:.1f} MB", "heap flat"],
        ]
        notes.append(f"- {label}: seeding {f['seeded_s']:.0f} s.")
    return (
        f"{CADRES:,} cadres × {COURSES} courses = {CADRES * COURSES:,} passing grades in the devhost's "
        f"`grades_persistentcoursegrade`, every course with a credit rule; {DAY_OF_CHANGES:,} of them changed in "
        "the last day (their credits missing), the watermark a day old, the overlap 1 h. Times without tracemalloc; "
        "heap: its peak over a second pass of the same day (granting nothing) and over a full read.\n\n"
        + markdown_table(["database", "what", "time", "peak heap", "target"], rows) + "\n\n" + "\n".join(notes)
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(sys.argv[2] if len(sys.argv) > 2 else None)))
    else:
        print(run())
