"""
Receivers for the LMS's signals; wiring only.

Each receiver makes one call into the ledger. It never raises into the LMS (with
``DEBUG=False`` the LMS would swallow the exception and the credit would be lost): what it
cannot record now it hands to a Celery task that retries and, in the end, marks the event
failed where administrators can replay it.
"""
import logging

from openedx_events.tooling import SIGNAL_PROCESSED_FROM_EVENT_BUS

from credit_plugin import config
from credit_plugin.ledger import lms_events, spool, tasks
from credit_plugin.ledger.event_payloads import describe_event

log = logging.getLogger(__name__)


def _takes(kwargs) -> bool:
    """
    Whether this delivery is ours to record: with intake "signals", the LMS's own in-process send;
    with "bus", the copy ``consume_events`` emits from the event bus (openedx-events marks it
    ``from_event_bus``), so the LMS's request does no ledger work and each event is recorded once.
    """
    from_bus = bool(kwargs.get(SIGNAL_PROCESSED_FROM_EVENT_BUS, False))
    return from_bus == (config.get("CADRE_TRAINING_EVENT_INTAKE") == "bus")


def _hand_over(metadata, user, course_key, payload):
    event = {
        "event_id": str(metadata.id),
        "event_type": metadata.event_type,
        "occurred_at": metadata.time.isoformat(),
        "user_id": getattr(user, "id", None),
        "course_key": str(course_key or ""),
        "payload": payload,
    }
    try:
        lms_events.handle_lms_event(**event)
    except Exception:  # noqa: BLE001 - a receiver must never raise into the LMS
        log.exception("credit_plugin could not record event %s now; handing it to the retry task", metadata.id)
        _queue(event)
        return
    _record_spooled()


def _queue(event):
    try:
        tasks.process_lms_event.delay(event=event)
    except Exception:  # noqa: BLE001 - the broker is down too: the event waits on this server's disk
        log.exception("credit_plugin could not queue event %s (%s)", event["event_id"], event["event_type"])
        try:
            spool.keep(event)
        except Exception:  # noqa: BLE001
            log.exception("credit_plugin lost event %s: %s", event["event_id"], event)


def _record_spooled():
    """The database works again: record what waited on this server's disk while it did not."""
    try:
        lms_events.record_spooled_events()
    except Exception:  # noqa: BLE001 - what is left stays spooled for the next event or the replay
        log.exception("credit_plugin could not record spooled events yet")


def on_course_passing_status_updated(sender, course_passing_status, metadata, **kwargs):
    if not _takes(kwargs):
        return
    status = course_passing_status
    _hand_over(metadata, status.user, status.course.course_key, describe_event(course_passing_status=status))


def on_ccx_course_passing_status_updated(sender, course_passing_status, metadata, **kwargs):
    """A CCX (a coach's run of a master course) passed or failed: handled like the master course's passing."""
    if not _takes(kwargs):
        return
    status = course_passing_status
    _hand_over(metadata, status.user, status.course.ccx_course_key, describe_event(course_passing_status=status))


def on_certificate_created(sender, certificate, metadata, **kwargs):
    if not _takes(kwargs):
        return
    _hand_over(metadata, certificate.user, certificate.course.course_key, describe_event(certificate=certificate))


def on_certificate_revoked(sender, certificate, metadata, **kwargs):
    if not _takes(kwargs):
        return
    _hand_over(metadata, certificate.user, certificate.course.course_key, describe_event(certificate=certificate))


def on_block_completion_saved(sender, instance, **kwargs):
    """edx-completion's BlockCompletion post_save: grant the block's credits when it is complete."""
    completion = {
        "user_id": instance.user_id,
        "block_key": str(instance.block_key),
        "completion": float(instance.completion),
        "completed_at": instance.modified.isoformat(),
    }
    try:
        lms_events.handle_block_completion(**{**completion, "completed_at": instance.modified})
    except Exception:  # noqa: BLE001 - a receiver must never raise into the LMS
        log.exception("credit_plugin could not credit completion of %s now; retrying", completion["block_key"])
        try:
            tasks.process_completion.delay(completion=completion)
        except Exception:  # noqa: BLE001
            log.exception("credit_plugin could not queue completion of %s", completion["block_key"])
