"""
Training reminders: an e-mail to each cadre who is at risk or overdue, and a digest to each
training administrator of the cadres behind in their subtree.

Runs from the ``send_training_reminders`` command and the Celery beat. A reminder is sent at most
once per recipient, kind and period (a calendar month or ISO week in the credit time zone): the
``ReminderSent`` row is written first, under a unique key, so a second or concurrent run skips it.
"""
import logging
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from credit_plugin import config
from credit_plugin.compliance import assessment
from credit_plugin.compliance.data import CadreCompliance, ComplianceStatus, Reminder, ReminderRun
from credit_plugin.compliance.models import ReminderSent
from credit_plugin.organisations import api as organisations_api

log = logging.getLogger(__name__)
BEHIND = (ComplianceStatus.OVERDUE, ComplianceStatus.AT_RISK)


def reminder_period(today: date) -> str:
    """The period ``today`` falls in, by ``CADRE_TRAINING_REMINDER_PERIOD``: ``2026-12`` or ``2026-W49``."""
    if config.get("CADRE_TRAINING_REMINDER_PERIOD") == "week":
        iso_year, week, _ = today.isocalendar()
        return f"{iso_year}-W{week:02d}"
    return f"{today.year}-{today.month:02d}"


def plan_reminders(*, year: int, today: date) -> list[Reminder]:
    """Every reminder the cadres' statuses call for now, before looking at what was already sent."""
    everyone = assessment.assess_cadres(organisations_api.serving_cadres(in_year=year),
                                        organisations_api.serving_cadre_ids(in_year=year), year=year, today=today)
    behind = [cadre for cadre in everyone if cadre.status in BEHIND]
    if not behind:
        return []
    subtrees = organisations_api.administered_subtrees()
    users = organisations_api.contacts_of({cadre.user_id for cadre in behind} | set(subtrees))
    reminders = [
        Reminder(
            kind=cadre.status, recipient_id=cadre.user_id, recipient_username=cadre.username,
            recipient_name=cadre.full_name, email=users[cadre.user_id][1], cadres=(cadre,),
        )
        for cadre in behind
    ]
    return reminders + _digests(behind, users, subtrees)


def _digests(behind: list[CadreCompliance], users: dict, subtrees: dict) -> list[Reminder]:
    """One digest per administrator: the behind cadres of every subtree they administer, overdue first."""
    path_of = organisations_api.codes_below(path="/")
    ordered = sorted(behind, key=lambda cadre: cadre.status != ComplianceStatus.OVERDUE)
    digests = []
    for user_id, administered in sorted(subtrees.items()):
        if user_id not in users:
            continue
        paths = tuple(path for path, _ in administered)
        cadres = tuple(cadre for cadre in ordered if path_of[cadre.organisation_code].startswith(paths))
        if cadres:
            username, email, full_name = users[user_id]
            digests.append(Reminder(
                kind=ReminderSent.Kind.DIGEST, recipient_id=user_id, recipient_username=username,
                recipient_name=full_name, email=email, cadres=cadres,
                organisations=tuple(name for _, name in administered),
            ))
    return digests


class _RunLog:
    """What a run does, gathered reminder by reminder."""

    def __init__(self):
        self.sent, self.already_sent, self.without_email, self.failed = [], [], [], []

    def result(self, *, period: str, year: int, dry_run: bool) -> ReminderRun:
        return ReminderRun(period=period, year=year, dry_run=dry_run, sent=tuple(self.sent),
                           already_sent=tuple(self.already_sent), without_email=tuple(self.without_email),
                           failed=tuple(self.failed))


def send_training_reminders(*, dry_run: bool = False, today: date | None = None) -> ReminderRun:
    """Write this period's reminders that have not been written yet; ``dry_run`` only lists them."""
    today = today or assessment.today_in_credit_time_zone()
    period = reminder_period(today)
    run = _RunLog()
    with translation.override(config.get("CADRE_TRAINING_REMINDER_LANGUAGE")):
        planned = plan_reminders(year=today.year, today=today)
        done = set(ReminderSent.objects.filter(period=period).values_list("recipient_id", "kind"))
        connection = None if dry_run else get_connection()
        for reminder in planned:
            if (reminder.recipient_id, reminder.kind) in done:
                run.already_sent.append(reminder)
            elif not reminder.email:
                run.without_email.append(reminder)
            elif dry_run:
                run.sent.append(reminder)
            else:
                _send_once(reminder, period=period, today=today, connection=connection, run=run)
    return run.result(period=period, year=today.year, dry_run=dry_run)


def _send_once(reminder: Reminder, *, period: str, today: date, connection, run: _RunLog) -> None:
    try:
        with transaction.atomic():
            sent = ReminderSent.objects.create(
                recipient_id=reminder.recipient_id, kind=reminder.kind, period=period, cadres=len(reminder.cadres)
            )
    except IntegrityError:  # a concurrent run got there first
        run.already_sent.append(reminder)
        return
    try:
        _message(reminder, today=today, connection=connection).send()
    except Exception as error:  # noqa: BLE001 - one bad address or a mail server hiccup must not stop the run
        log.warning("training reminder to %s failed: %r", reminder.recipient_username, error)
        sent.delete()  # so the next run tries again
        run.failed.append((reminder, repr(error)))
        return
    run.sent.append(reminder)


def _message(reminder: Reminder, *, today: date, connection) -> EmailMessage:
    limit = int(config.get("CADRE_TRAINING_DIGEST_MAX_CADRES"))
    context = {
        "reminder": reminder,
        "cadre": reminder.cadres[0],
        "cadres": reminder.cadres[:limit],
        "more": max(0, len(reminder.cadres) - limit),
        "overdue": sum(cadre.status == ComplianceStatus.OVERDUE for cadre in reminder.cadres),
        "at_risk": sum(cadre.status == ComplianceStatus.AT_RISK for cadre in reminder.cadres),
        "today": today,
        "record_url": _absolute("credit_plugin:my_record"),
        "dashboard_url": _absolute("credit_plugin:compliance_dashboard"),
    }
    template = "digest" if reminder.kind == ReminderSent.Kind.DIGEST else "cadre"
    subject = render_to_string(f"credit_plugin/emails/{template}_subject.txt", context).strip()
    body = render_to_string(f"credit_plugin/emails/{template}_body.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()), body=body, to=[reminder.email],
        from_email=settings.DEFAULT_FROM_EMAIL, connection=connection,
    )


def _absolute(name: str) -> str:
    """The page's address on the LMS (``LMS_ROOT_URL``; just the path where that is not set)."""
    return getattr(settings, "LMS_ROOT_URL", "").rstrip("/") + reverse(name)
