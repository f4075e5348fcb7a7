"""
Receivers of the ledger's own signals (sent after commit); wiring only: each hands the work to a
task, so that recording a credit never fails because of a certificate.
"""
import logging

from credit_plugin.certificates import tasks

log = logging.getLogger(__name__)


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
        tasks.issue_exam_certificate.delay(user_id=user_id, exam_name=exam_name,
                                           exam_date=exam_date.isoformat() if exam_date else "",
                                           entry_id=entry_id, score=str(score or ""))
    except Exception:  # noqa: BLE001
        log.exception("credit_plugin could not queue the exam certificate of entry %s", entry_id)


def on_year_target_lost(sender, user_id, year, **kwargs):
    """A reversal took the year below its targets (after commit): the annual certificate is flagged by a task."""
    try:
        tasks.flag_certificate_for_review.delay(user_id=user_id, year=year)
    except Exception:  # noqa: BLE001 - the reversal must not fail because of the certificate
        log.exception("credit_plugin could not queue the review of user %s's %s certificate", user_id, year)
