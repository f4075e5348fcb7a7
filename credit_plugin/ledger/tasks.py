"""Celery tasks of the ledger: LMS events and completions the receivers could not record at once, and reconciling."""
import logging

from celery import shared_task
from django.utils.dateparse import parse_datetime

from credit_plugin.ledger import lms_events, reconcile, spool

log = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=6, name="credit_plugin.tasks.process_lms_event")
def process_lms_event(self, event: dict):
    """
    Record an LMS event the receiver could not record at once, retrying with back-off.

    When the last retry fails the receipt is marked failed, where administrators see and replay it.
    """
    try:
        return lms_events.handle_lms_event(**event).status
    except Exception as error:
        if self.request.retries >= self.max_retries:
            try:
                lms_events.mark_failed(event_id=event["event_id"], error=repr(error))
                failed_row = lms_events.receipt_exists(event_id=event["event_id"])
            except Exception:  # noqa: BLE001 - the database may be what failed
                log.exception("could not mark LMS event %s failed", event["event_id"])
                failed_row = False
            if not failed_row:  # no row says it failed: it must not exist only as this log line
                spool.keep(event)
            raise
        raise self.retry(exc=error, countdown=min(10 * 2**self.request.retries, 3600)) from error


@shared_task(bind=True, autoretry_for=(Exception,), max_retries=6, retry_backoff=10,
             name="credit_plugin.tasks.process_completion")
def process_completion(self, completion: dict):
    """Grant a block's credits for a completion the receiver could not record at once."""
    completion = {**completion, "completed_at": parse_datetime(completion["completed_at"])}
    return len(lms_events.handle_block_completion(**completion))


@shared_task(name="credit_plugin.tasks.reconcile_credits")
def reconcile_credits(since: str | None = None, full: bool = False):
    """Periodic: grant what the LMS's events missed, reading the records changed since the last run."""
    return reconcile.reconcile(since=parse_datetime(since) if since else None, full=full).as_dict()


@shared_task(name="credit_plugin.tasks.replay_failed_events")
def replay_failed_events():
    """Periodic: record the LMS events whose recording failed (the database was down, a deadlock)."""
    replayed = lms_events.replay_failed_events()
    return {"replayed": len(replayed), "still_failed": sum(r.status == "failed" for r in replayed)}
