"""Who or what recorded a ledger entry, in words an administrator reads (the column keeps the machine's name)."""
from django.utils.translation import gettext as _

from credit_plugin.ledger import lms_events
from credit_plugin.ledger.reconcile import RECORDED_BY as RECONCILE

LMS_PREFIX = "lms:"


def recorded_by_label(recorded_by: str) -> str:
    """``lms:<event type>``, the ledger's own jobs, or the username of the person who recorded it."""
    if recorded_by.startswith(LMS_PREFIX):
        event_type = recorded_by.removeprefix(LMS_PREFIX)
        events = {
            lms_events.COURSE_PASSING: _("The LMS: course passed"),
            lms_events.CCX_COURSE_PASSING: _("The LMS: course passed (custom course run)"),
            lms_events.CERTIFICATE_CREATED: _("The LMS: course certificate issued"),
            lms_events.CERTIFICATE_REVOKED: _("The LMS: course certificate revoked"),
        }
        return events.get(event_type) or _("The LMS: %(event)s") % {"event": event_type}
    jobs = {
        RECONCILE: _("Found in the LMS's records by the hourly check"),
        "completion": _("Activity completed"),
        "import_offline_credits": _("Offline roster import"),
    }
    return jobs.get(recorded_by) or _("Recorded by %(username)s") % {"username": recorded_by}
