"""
The credit plugin's Celery tasks, gathered from its applets: the LMS's workers import an app's
``tasks`` module (Celery's autodiscovery), and the task names stay ``credit_plugin.tasks.…``.
"""
from credit_plugin.certificates.tasks import (
    flag_certificate_for_review,
    issue_annual_certificate,
    issue_certificate_chunk,
    issue_exam_certificate,
)
from credit_plugin.compliance.tasks import (
    export_compliance,
    export_training_archives,
    purge_expired_exports,
    send_training_reminders,
)
from credit_plugin.ledger.tasks import (
    process_completion,
    process_lms_event,
    reconcile_credits,
    replay_failed_events,
)

__all__ = [
    "export_compliance",
    "export_training_archives",
    "flag_certificate_for_review",
    "issue_annual_certificate",
    "issue_certificate_chunk",
    "issue_exam_certificate",
    "process_completion",
    "process_lms_event",
    "purge_expired_exports",
    "reconcile_credits",
    "replay_failed_events",
    "send_training_reminders",
]
