"""
Receivers for the LMS's openedx-events signals; wiring only.

Each receiver makes one call into ``credit_plugin.api`` and never raises into the LMS: with
``DEBUG=False`` the LMS would swallow the exception and the credit would be lost silently, so
a failure is logged here with the event id that an administrator can look up.
"""
import logging

from credit_plugin import api
from credit_plugin.signals.payloads import describe_event

log = logging.getLogger(__name__)


def _receive(metadata, user, course, payload):
    try:
        api.receive_lms_event(
            event_id=metadata.id,
            event_type=metadata.event_type,
            occurred_at=metadata.time,
            user_id=getattr(user, "id", None),
            course_key=str(course.course_key) if course else "",
            payload=payload,
        )
    except Exception:  # noqa: BLE001 - a receiver must never raise into the LMS
        log.exception("credit_plugin could not record event %s (%s)", metadata.id, metadata.event_type)


def on_course_passing_status_updated(sender, course_passing_status, metadata, **kwargs):
    status = course_passing_status
    _receive(metadata, status.user, status.course, describe_event(course_passing_status=status))


def on_certificate_created(sender, certificate, metadata, **kwargs):
    _receive(metadata, certificate.user, certificate.course, describe_event(certificate=certificate))


def on_certificate_revoked(sender, certificate, metadata, **kwargs):
    _receive(metadata, certificate.user, certificate.course, describe_event(certificate=certificate))
