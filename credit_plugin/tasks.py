"""Celery tasks of the credit plugin: retrying LMS events, reconciling with the platform, imports."""

import logging

from celery import shared_task

log = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=6, name="credit_plugin.tasks.process_lms_event")
def process_lms_event(self, event: dict):
    """
    Record an LMS event the receiver could not record at once, retrying with back-off.

    When the last retry fails the receipt is marked failed, where administrators see and replay it.
    """
    from credit_plugin.ledger.lms_events import handle_lms_event, mark_failed

    try:
        return handle_lms_event(**event).status
    except Exception as error:
        if self.request.retries >= self.max_retries:
            try:
                mark_failed(event_id=event["event_id"], error=repr(error))
            except Exception:  # noqa: BLE001 - the database may be what failed
                log.exception("could not mark LMS event %s failed", event["event_id"])
            raise
        raise self.retry(exc=error, countdown=min(10 * 2**self.request.retries, 3600)) from error


@shared_task(
    bind=True,
    autoretry_for=(Exception,),
    max_retries=6,
    retry_backoff=10,
    name="credit_plugin.tasks.process_completion",
)
def process_completion(self, completion: dict):
    """Grant a block's credits for a completion the receiver could not record at once."""
    from django.utils.dateparse import parse_datetime

    from credit_plugin.ledger.lms_events import handle_block_completion

    completion = {**completion, "completed_at": parse_datetime(completion["completed_at"])}
    return len(handle_block_completion(**completion))


@shared_task(name="credit_plugin.tasks.reconcile_credits")
def reconcile_credits(since: str | None = None):
    """Periodic: grant what the LMS's events missed, from its records of passing grades and certificates."""
    from django.utils.dateparse import parse_datetime

    from credit_plugin.ledger.reconcile import reconcile

    return reconcile(since=parse_datetime(since) if since else None).as_dict()


@shared_task(name="credit_plugin.tasks.export_compliance")
def export_compliance(export_id: str):
    """Write a compliance export to storage, counting rows as it goes so the page can show progress."""
    from credit_plugin.cadres.exporting import run_export

    run_export(export_id=export_id)


@shared_task(name="credit_plugin.tasks.purge_expired_exports")
def purge_expired_exports():
    """Periodic: delete report exports, and their files, older than CADRE_TRAINING_EXPORT_RETENTION_DAYS."""
    from credit_plugin.cadres.exporting import purge_expired_exports as purge

    return purge()


@shared_task(name="credit_plugin.tasks.send_training_reminders")
def send_training_reminders():
    """Periodic: this period's reminders to cadres behind on training and digests to their administrators."""
    from credit_plugin.cadres.reminders import send_training_reminders as send

    return send().as_dict()


@shared_task(bind=True, autoretry_for=(Exception,), max_retries=5, retry_backoff=10,
             name="credit_plugin.tasks.issue_annual_certificate")
def issue_annual_certificate(self, user_id: int, year: int):
    """The ledger crossed the year's targets: issue the annual certificate and make its PDF."""
    from credit_plugin.certificates.files import ensure_pdf
    from credit_plugin.certificates.issuing import issue_annual_if_met

    certificate, _new = issue_annual_if_met(user_id=user_id, year=year)
    if certificate is not None:
        ensure_pdf(certificate)
        return certificate.serial_number
    return None


@shared_task(bind=True, autoretry_for=(Exception,), max_retries=5, retry_backoff=10,
             name="credit_plugin.tasks.issue_exam_certificate")
def issue_exam_certificate(self, user_id: int, exam_name: str, exam_date: str, entry_id: int):
    """An imported offline exam was passed: the certificate of qualification (合格证) for it."""
    from credit_plugin.certificates.files import ensure_pdf
    from credit_plugin.certificates.issuing import issue_exam_certificate_for_entry

    certificate = issue_exam_certificate_for_entry(user_id=user_id, exam_name=exam_name, entry_id=entry_id)
    if certificate is not None:
        ensure_pdf(certificate)
        return certificate.serial_number
    return None


@shared_task(name="credit_plugin.tasks.issue_certificate_chunk")
def issue_certificate_chunk(batch_id: int, user_ids: list[int]):
    """One chunk of a bulk issuance (idempotent: safe to run again)."""
    from credit_plugin.certificates.bulk import run_chunk

    return run_chunk(batch_id=batch_id, user_ids=user_ids)
