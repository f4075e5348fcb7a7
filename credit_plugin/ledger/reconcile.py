"""
Grant what the LMS's events missed, from the platform's own records; idempotent.

A scheduled run reads only the records changed since the previous run began (less an overlap),
streamed in batches, so its cost follows a day's changes, not the years of grades behind them.
"""
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timedelta
from functools import lru_cache
from itertools import islice

from django.contrib.auth import get_user_model
from django.utils import timezone
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from credit_plugin import config
from credit_plugin.compat import platform_records
from credit_plugin.ledger import rules
from credit_plugin.ledger.data import ReconcileResult, Trigger
from credit_plugin.ledger.lms_events import PASSING_CERTIFICATE_STATUSES
from credit_plugin.ledger.models import ReconcileWatermark

WATERMARK = "reconcile_credits"
RECORDED_BY = "reconcile_credits"
BATCH = 1000  # facts per batch: the active-user check is one query per batch, and memory stays flat


def reconcile(*, since: datetime | None = None, full: bool = False,
              progress: Callable[[], None] | None = None) -> ReconcileResult:
    """
    Walk passing grades, passing certificates and finished blocks and grant every credit a rule
    gives for them. With neither ``since`` nor ``full``, read from the watermark the last complete
    run left (everything, the first time) and move it when done.
    """
    started = timezone.now()
    scheduled = since is None and not full
    if scheduled:
        since = _watermark_since()
    records = platform_records()
    course_rules = lru_cache(maxsize=4096)(_course_rules)
    examined = granted = 0
    for batch in _batches(_facts(records, since)):
        active = set(get_user_model().objects.filter(
            id__in={fact[0] for fact in batch}, is_active=True).values_list("id", flat=True))
        for user_id, key, when, trigger in batch:
            examined += 1
            if progress:
                progress()
            if user_id not in active:
                continue
            matching = rules.block_rules(key) if trigger == Trigger.BLOCK_COMPLETED else course_rules(key, trigger)
            for rule in matching:
                entry = rules.grant(rule=rule, user_id=user_id, earned_at=when, reference=key, recorded_by=RECORDED_BY)
                granted += int(entry.newly_recorded)
    if scheduled or full:
        ReconcileWatermark.objects.update_or_create(name=WATERMARK, defaults={"covered_until": started})
    return ReconcileResult(examined=examined, granted=granted, since=since)


def _watermark_since() -> datetime | None:
    watermark = ReconcileWatermark.objects.filter(name=WATERMARK).first()
    if watermark is None:
        return None
    return watermark.covered_until - timedelta(seconds=int(config.get("CADRE_TRAINING_RECONCILE_OVERLAP")))


def _facts(records, since) -> Iterator[tuple[int, str, datetime, str]]:
    """(user id, course or block key, when, trigger) of every record that may grant credits."""
    for grade in records.passing_grades(since):
        yield grade.user_id, grade.course_key, grade.passed_at, Trigger.COURSE_PASSED
    for cert in records.certificates(since):
        if cert.status in PASSING_CERTIFICATE_STATUSES:
            yield cert.user_id, cert.course_key, cert.created, Trigger.CERTIFICATE_CREATED
    block_keys = rules.block_rule_keys()
    if block_keys:
        for done in records.finished_blocks(block_keys, since):
            yield done.user_id, done.block_key, done.completed_at, Trigger.BLOCK_COMPLETED


def _course_rules(course_id: str, trigger: str) -> tuple:
    try:
        return tuple(rules.course_rules(CourseKey.from_string(course_id), trigger))
    except InvalidKeyError:
        return ()


def _batches(facts: Iterable) -> Iterator[list]:
    facts = iter(facts)
    while batch := list(islice(facts, BATCH)):
        yield batch
