"""
Receivers for the LMS's signals; wiring only.

Each receiver makes one call into ``credit_plugin.api``. It never raises into the LMS (with
``DEBUG=False`` the LMS would swallow the exception and the credit would be lost): what it
cannot record now it hands to a Celery task that retries and, in the end, marks the event
failed where administrators can replay it.
"""
import logging

from credit_plugin import api, tasks
from credit_plugin.signals.payloads import describe_event

log = logging.getLogger(__name__)


def _hand_over(metadata, user, course, payload):
    event = {
        "event_id": str(metadata.id),
        "event_type": metadata.event_type,
        "occurred_at": metadata.time.isoformat(),
        "user_id": getattr(user, "id", None),
        "course_key": str(course.course_key) if course else "",
        "payload": payload,
    }
    try:
        api.handle_lms_event(**event)
    except Exception:  # noqa: BLE001 - a receiver must never raise into the LMS
        log.exception("credit_plugin could not record event %s now; handing it to the retry task", metadata.id)
        try:
            tasks.process_lms_event.delay(event=event)
        except Exception:  # noqa: BLE001
            log.exception("credit_plugin could not queue event %s (%s)", metadata.id, metadata.event_type)


def on_course_passing_status_updated(sender, course_passing_status, metadata, **kwargs):
    status = course_passing_status
    _hand_over(metadata, status.user, status.course, describe_event(course_passing_status=status))


def on_certificate_created(sender, certificate, metadata, **kwargs):
    _hand_over(metadata, certificate.user, certificate.course, describe_event(certificate=certificate))


def on_certificate_revoked(sender, certificate, metadata, **kwargs):
    _hand_over(metadata, certificate.user, certificate.course, describe_event(certificate=certificate))


def on_block_completion_saved(sender, instance, **kwargs):
    """edx-completion's BlockCompletion post_save: grant the block's credits when it is complete."""
    completion = {
        "user_id": instance.user_id,
        "block_key": str(instance.block_key),
        "completion": float(instance.completion),
        "completed_at": instance.modified.isoformat(),
    }
    try:
        api.handle_block_completion(**{**completion, "completed_at": instance.modified})
    except Exception:  # noqa: BLE001 - a receiver must never raise into the LMS
        log.exception("credit_plugin could not credit completion of %s now; retrying", completion["block_key"])
        try:
            tasks.process_completion.delay(completion=completion)
        except Exception:  # noqa: BLE001
            log.exception("credit_plugin could not queue completion of %s", completion["block_key"])


def on_year_target_met(sender, user_id, year, **kwargs):
    """The ledger crossed the year's targets (after commit): the annual certificate is issued by a task."""
    try:
        tasks.issue_annual_certificate.delay(user_id=user_id, year=year)
    except Exception:  # noqa: BLE001 - recording the credit must not fail because of the certificate
        log.exception("credit_plugin could not queue the %s certificate of user %s", year, user_id)


def on_offline_exam_passed(sender, user_id, exam_name, exam_date, score, entry_id, **kwargs):
    """An imported offline exam was passed: its certificate of qualification is issued by a task."""
    if entry_id is None:
        return
    try:
        tasks.issue_exam_certificate.delay(user_id=user_id, exam_name=exam_name, exam_date=str(exam_date),
                                           entry_id=entry_id)
    except Exception:  # noqa: BLE001
        log.exception("credit_plugin could not queue the exam certificate of entry %s", entry_id)
