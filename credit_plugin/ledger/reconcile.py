"""Grant what the LMS's events missed, from the platform's own records; idempotent."""

from datetime import datetime

from django.contrib.auth import get_user_model
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from credit_plugin.compat import platform_records
from credit_plugin.ledger import rules
from credit_plugin.ledger.data import ReconcileResult, Trigger
from credit_plugin.ledger.lms_events import PASSING_CERTIFICATE_STATUSES


def reconcile(*, since: datetime | None = None, progress=None) -> ReconcileResult:
    """Walk passing grades and passing certificates and grant every credit a rule gives for them."""
    records = platform_records()
    active_users = set(get_user_model().objects.filter(is_active=True).values_list("id", flat=True))
    examined = granted = 0
    facts = [
        (grade.user_id, grade.course_key, grade.passed_at, Trigger.COURSE_PASSED)
        for grade in records.passing_grades(since)
    ]
    facts += [
        (cert.user_id, cert.course_key, cert.created, Trigger.CERTIFICATE_CREATED)
        for cert in records.certificates(since)
        if cert.status in PASSING_CERTIFICATE_STATUSES
    ]
    for user_id, course_id, when, trigger in facts:
        examined += 1
        if progress:
            progress()
        if user_id not in active_users:
            continue
        try:
            course_key = CourseKey.from_string(course_id)
        except InvalidKeyError:
            continue
        for rule in rules.course_rules(course_key, trigger):
            entry = rules.grant(
                rule=rule, user_id=user_id, earned_at=when, reference=course_id, recorded_by="reconcile_credits"
            )
            granted += int(entry.newly_recorded)
    return ReconcileResult(examined=examined, granted=granted)
