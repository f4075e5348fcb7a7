"""
From an LMS event to ledger entries: receive it once, then grant, reverse or ignore, saying why.

Processing reads only the stored receipt, so a failed event can be replayed later.
"""

import logging
from datetime import datetime, timedelta
from uuid import UUID

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from credit_plugin.ledger import rules, spool
from credit_plugin.ledger.data import LmsEventReceiptData, Trigger
from credit_plugin.ledger.models import LmsEventReceipt

log = logging.getLogger(__name__)

COURSE_PASSING = "org.openedx.learning.course.passing.status.updated.v1"
CCX_COURSE_PASSING = "org.openedx.learning.ccx.course.passing.status.updated.v1"
CERTIFICATE_CREATED = "org.openedx.learning.certificate.created.v1"
CERTIFICATE_REVOKED = "org.openedx.learning.certificate.revoked.v1"
# edx-platform's CertificateStatuses that count as passing.
PASSING_CERTIFICATE_STATUSES = {"downloadable", "generating", "regenerating", "notpassing_upgraded"}
Status = LmsEventReceipt.Status


def receive_lms_event(*, event_id, event_type, occurred_at, user_id, course_key, payload) -> LmsEventReceiptData:
    """Store the event's receipt; a redelivery of the same event id changes nothing."""
    try:
        with transaction.atomic():
            receipt = LmsEventReceipt.objects.create(
                event_id=event_id,
                event_type=event_type,
                occurred_at=occurred_at,
                user_id=user_id,
                course_key=course_key,
                payload=payload,
            )
        return receipt_data(receipt, newly_received=True)
    except IntegrityError:
        return receipt_data(LmsEventReceipt.objects.get(event_id=event_id), newly_received=False)


def handle_lms_event(*, event_id, event_type, occurred_at, user_id, course_key, payload) -> LmsEventReceiptData:
    """Receive an event and apply it to the ledger; safe to call again for the same event."""
    received = _receive_serialised(event_id=event_id, event_type=event_type, occurred_at=occurred_at,
                                   user_id=user_id, course_key=course_key, payload=payload)
    return process_receipt(event_id=received.event_id)


def _receive_serialised(*, event_id, occurred_at, **event) -> LmsEventReceiptData:
    if isinstance(occurred_at, str):
        occurred_at = parse_datetime(occurred_at)
    return receive_lms_event(event_id=UUID(str(event_id)), occurred_at=occurred_at, **event)


def process_receipt(*, event_id) -> LmsEventReceiptData:
    """Apply a stored receipt that is not yet recorded or ignored; raises if the ledger write fails."""
    receipt = LmsEventReceipt.objects.get(event_id=event_id)
    if receipt.status in (Status.RECORDED, Status.IGNORED):
        return receipt_data(receipt)
    with transaction.atomic():
        status, detail = _apply(receipt)
        receipt.status, receipt.detail = status, detail
        receipt.save(update_fields=["status", "detail"])
    return receipt_data(receipt)


def mark_failed(*, event_id, error: str):
    LmsEventReceipt.objects.filter(event_id=event_id).exclude(status__in=[Status.RECORDED, Status.IGNORED]).update(
        status=Status.FAILED, detail=error[:2000]
    )


def receipt_exists(*, event_id) -> bool:
    return LmsEventReceipt.objects.filter(event_id=event_id).exists()


def record_spooled_events() -> list[LmsEventReceiptData]:
    """
    Receive the events spooled on this server's disk (each file goes once its receipt exists), then
    process them; one whose processing fails is marked failed, like any other, for the replay.
    """
    received = spool.record_waiting(lambda event: _receive_serialised(**event))
    return [_process_or_mark_failed(receipt.event_id) for receipt in received]


def replay_failed_events(*, in_flight: timedelta = timedelta(minutes=10)) -> list[LmsEventReceiptData]:
    """
    Record the events spooled on this server's disk, then process again every receipt that failed,
    or that was received more than ``in_flight`` ago and never processed (its worker died); one that
    fails again stays failed and the rest go on.
    """
    replayed = record_spooled_events()
    pending = LmsEventReceipt.objects.filter(
        Q(status=Status.FAILED) | Q(status=Status.RECEIVED, received_at__lt=timezone.now() - in_flight)
    ).order_by("received_at")
    replayed += [_process_or_mark_failed(event_id) for event_id in list(pending.values_list("event_id", flat=True))]
    return replayed


def _process_or_mark_failed(event_id) -> LmsEventReceiptData:
    try:
        return process_receipt(event_id=event_id)
    except Exception as error:  # noqa: BLE001 - one bad receipt must not stop the others
        log.exception("processing LMS event %s failed", event_id)
        mark_failed(event_id=event_id, error=repr(error))
        return receipt_data(LmsEventReceipt.objects.get(event_id=event_id))


def _apply(receipt: LmsEventReceipt) -> tuple[str, str]:
    user = get_user_model().objects.filter(pk=receipt.user_id).first()
    if user is None:
        return Status.IGNORED, _("Unknown user %(id)s.") % {"id": receipt.user_id}
    if not user.is_active:
        return Status.IGNORED, _("User %(id)s is inactive.") % {"id": receipt.user_id}
    try:
        course_key = CourseKey.from_string(str(receipt.course_key))
    except InvalidKeyError:
        return Status.IGNORED, _("%(key)r is not a course key.") % {"key": str(receipt.course_key)}
    if receipt.event_type in (COURSE_PASSING, CCX_COURSE_PASSING):
        status = receipt.payload.get("course_passing_status", {})
        if not status.get("is_passing"):
            return Status.IGNORED, _("The learner is not passing.")
        if receipt.event_type == CCX_COURSE_PASSING:  # a coach's run of a master course earns the master's credits
            return _grant(receipt, CourseKey.from_string(status["course"]["master_course_key"]), Trigger.COURSE_PASSED,
                          reference=course_key)
        return _grant(receipt, course_key, Trigger.COURSE_PASSED)
    if receipt.event_type == CERTIFICATE_CREATED:
        status = receipt.payload.get("certificate", {}).get("current_status", "")
        if status not in PASSING_CERTIFICATE_STATUSES:
            return Status.IGNORED, _("Certificate status %(status)r does not grant credits.") % {"status": status}
        return _grant(receipt, course_key, Trigger.CERTIFICATE_CREATED)
    if receipt.event_type == CERTIFICATE_REVOKED:
        return _revoke(receipt, course_key)
    return Status.IGNORED, _("Event type %(type)s grants nothing.") % {"type": receipt.event_type}


def _grant(receipt, course_key, trigger, reference=None):
    """Grant the course's rules for ``trigger``; the entry names ``reference`` (the course passed) if given."""
    matching = rules.course_rules(course_key, trigger)
    if not matching:
        return Status.IGNORED, _("No credit rule for %(course)s on this trigger.") % {"course": course_key}
    granted = [
        rules.grant(
            rule=rule,
            user_id=receipt.user_id,
            earned_at=receipt.occurred_at,
            reference=str(reference or course_key),
            recorded_by=f"lms:{receipt.event_type}",
        )
        for rule in matching
    ]
    new = [entry for entry in granted if entry.newly_recorded]
    if not new:
        return Status.RECORDED, _("Already credited (entry %(ids)s).") % {"ids": ", ".join(str(e.id) for e in granted)}
    return Status.RECORDED, _("Credited: entry %(ids)s.") % {"ids": ", ".join(str(entry.id) for entry in new)}


def _revoke(receipt, course_key):
    matching = [
        rule
        for rule in rules.course_rules(course_key, Trigger.CERTIFICATE_CREATED)
        if rule.reverse_on_certificate_revoked
    ]
    if not matching:
        return Status.IGNORED, _("No credit rule reverses on revocation for %(course)s.") % {"course": course_key}
    reason = _("The LMS revoked the certificate for %(course)s.") % {"course": course_key}
    reversals = [
        reversal
        for rule in matching
        for reversal in rules.revoke_grants(
            rule=rule, user_id=receipt.user_id, reason=reason, recorded_by=f"lms:{receipt.event_type}"
        )
    ]
    if not reversals:
        return Status.IGNORED, _("No standing credits to reverse.")
    return Status.RECORDED, _("Reversed: entry %(ids)s.") % {
        "ids": ", ".join(str(entry.reverses_id) for entry in reversals)
    }


def receipt_data(receipt: LmsEventReceipt, newly_received: bool = False) -> LmsEventReceiptData:
    return LmsEventReceiptData(
        event_id=receipt.event_id,
        event_type=receipt.event_type,
        occurred_at=receipt.occurred_at,
        user_id=receipt.user_id,
        course_key=str(receipt.course_key),
        status=receipt.status,
        detail=receipt.detail,
        newly_received=newly_received,
    )


def handle_block_completion(*, user_id: int, block_key: str, completion: float, completed_at: datetime):
    """Grant the credits of a block's rule when the learner completes it (completion 1.0)."""
    if completion < 1.0:
        return []
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return []
    return [
        rules.grant(rule=rule, user_id=user_id, earned_at=completed_at, reference=block_key, recorded_by="completion")
        for rule in rules.block_rules(block_key)
    ]


def failed_event_count() -> int:
    """How many LMS events failed and wait to be replayed."""
    return LmsEventReceipt.objects.filter(status=Status.FAILED).count()
