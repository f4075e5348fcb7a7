"""The receivers edx-django-utils connects (``apps.py``'s signals_config), gathered from the applets."""
from credit_plugin.certificates.receivers import on_offline_exam_passed, on_year_target_lost, on_year_target_met
from credit_plugin.ledger.receivers import (
    on_block_completion_saved,
    on_ccx_course_passing_status_updated,
    on_certificate_created,
    on_certificate_revoked,
    on_course_passing_status_updated,
)

__all__ = [
    "on_block_completion_saved",
    "on_ccx_course_passing_status_updated",
    "on_certificate_created",
    "on_certificate_revoked",
    "on_course_passing_status_updated",
    "on_offline_exam_passed",
    "on_year_target_lost",
    "on_year_target_met",
]
