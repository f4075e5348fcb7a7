"""Celery tasks of the certificates: one cadre's certificate and its PDF, and the chunks of a bulk issuance."""
from datetime import date
from decimal import Decimal

from celery import shared_task

from credit_plugin.certificates import bulk, files, issuing, review


@shared_task(bind=True, autoretry_for=(Exception,), max_retries=5, retry_backoff=10,
             name="credit_plugin.tasks.issue_annual_certificate")
def issue_annual_certificate(self, user_id: int, year: int):
    """The ledger crossed the year's targets: issue the annual certificate and make its PDF."""
    certificate, _new = issuing.issue_annual_if_met(user_id=user_id, year=year)
    if certificate is None:
        return None
    files.ensure_pdf(certificate)
    return certificate.serial_number


@shared_task(bind=True, autoretry_for=(Exception,), max_retries=5, retry_backoff=10,
             name="credit_plugin.tasks.issue_exam_certificate")
def issue_exam_certificate(self, user_id: int, exam_name: str, exam_date: str, entry_id: int, score: str = ""):
    """An imported offline exam was passed: the certificate of qualification (合格证) for it, with the exam's result."""
    certificate = issuing.issue_exam_certificate_for_entry(
        user_id=user_id, exam_name=exam_name, entry_id=entry_id,
        exam_date=date.fromisoformat(exam_date) if exam_date else None, score=Decimal(score) if score else None)
    if certificate is None:
        return None
    files.ensure_pdf(certificate)
    return certificate.serial_number


@shared_task(name="credit_plugin.tasks.issue_certificate_chunk")
def issue_certificate_chunk(batch_id: int, user_ids: list[int]):
    """One chunk of a bulk issuance (idempotent: safe to run again)."""
    return bulk.run_chunk(batch_id=batch_id, user_ids=user_ids)


@shared_task(bind=True, autoretry_for=(Exception,), max_retries=5, retry_backoff=10,
             name="credit_plugin.tasks.flag_certificate_for_review")
def flag_certificate_for_review(self, user_id: int, year: int):
    """A reversal took the year below its targets: flag the annual certificate and tell the administrators."""
    certificate = review.flag_for_review(user_id=user_id, year=year)
    return certificate.serial_number if certificate else None
