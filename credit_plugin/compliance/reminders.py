"""
Training reminders: an e-mail to each cadre who is at risk or overdue, and a digest to each
training administrator of the cadres behind in their subtree. An appointed cadre who has no account
yet is reminded with a new invitation (at most one a period, none on the day one was sent; the
organisations applet sends it) and named in their administrators' digests.

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
from credit_plugin.compliance.data import (
    CadreCompliance,
    ComplianceStatus,
    PendingRegistration,
    Reminder,
    ReminderRun,
)
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


def unregistered(*, year: int, today: date) -> list[PendingRegistration]:
    """The appointed cadres without an account (all of them at risk or overdue), by organisation."""
    return assessment.assess_pending(organisations_api.pending_cadres(in_year=year), today=today)


def plan_reminders(*, year: int, today: date, pending: list[PendingRegistration] | None = None) -> list[Reminder]:
    """Every reminder the cadres' statuses call for now, before looking at what was already sent."""
    everyone = assessment.assess_cadres(organisations_api.serving_cadres(in_year=year),
                                        organisations_api.serving_cadre_ids(in_year=year), year=year, today=today)
    behind = [cadre for cadre in everyone if cadre.status in BEHIND]
    pending = unregistered(year=year, today=today) if pending is None else pending
    if not behind and not pending:
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
    return reminders + _digests(behind, pending, users, subtrees)


def _digests(behind: list[CadreCompliance], pending: list[PendingRegistration], users: dict,
             subtrees: dict) -> list[Reminder]:
    """
    One digest per administrator: the behind cadres of every subtree they administer, overdue first,
    and the appointed cadres there who have not registered, latest deadline last.
    """
    path_of = organisations_api.codes_below(path="/")
    ordered = sorted(behind, key=lambda cadre: cadre.status != ComplianceStatus.OVERDUE)
    pending = sorted(pending, key=lambda cadre: cadre.due_on)
    digests = []
    for user_id, administered in sorted(subtrees.items()):
        if user_id not in users:
            continue
        paths = tuple(path for path, _ in administered)
        cadres = tuple(cadre for cadre in ordered if path_of[cadre.organisation_code].startswith(paths))
        theirs = tuple(cadre for cadre in pending if path_of[cadre.organisation_code].startswith(paths))
        if cadres or theirs:
            username, email, full_name = users[user_id]
            digests.append(Reminder(
                kind=ReminderSent.Kind.DIGEST, recipient_id=user_id, recipient_username=username,
                recipient_name=full_name, email=email, cadres=cadres,
                organisations=tuple(name for _, name in administered), pending=theirs,
            ))
    return digests


class _RunLog:
    """What a run does, gathered reminder by reminder."""

    def __init__(self):
        self.sent, self.already_sent, self.without_email, self.failed = [], [], [], []
        self.invitations = []

    def result(self, *, period: str, year: int, dry_run: bool) -> ReminderRun:
        return ReminderRun(period=period, year=year, dry_run=dry_run, sent=tuple(self.sent),
                           already_sent=tuple(self.already_sent), without_email=tuple(self.without_email),
                           failed=tuple(self.failed), invitations=tuple(self.invitations))


def send_training_reminders(*, dry_run: bool = False, today: date | None = None) -> ReminderRun:
    """Write this period's reminders that have not been written yet; ``dry_run`` only lists them."""
    today = today or assessment.today_in_credit_time_zone()
    period = reminder_period(today)
    run = _RunLog()
    with translation.override(config.get("CADRE_TRAINING_REMINDER_LANGUAGE")):
        pending = unregistered(year=today.year, today=today)
        planned = plan_reminders(year=today.year, today=today, pending=pending)
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
    run.invitations = _remind_unregistered(pending, period=period, today=today, dry_run=dry_run)
    return run.result(period=period, year=today.year, dry_run=dry_run)


def _remind_unregistered(pending: list[PendingRegistration], *, period: str, today: date, dry_run: bool):
    """A new invitation to each appointed cadre not invited today; (cadre, outcome) of each."""
    due = [cadre for cadre in pending if not (cadre.invited_on and cadre.invited_on >= today)]
    outcomes = {cadre.pending_id: "invited_today" for cadre in pending}
    for cadre in due:
        del outcomes[cadre.pending_id]
    if dry_run:
        outcomes.update({cadre.pending_id: "planned" for cadre in due})
    else:
        outcomes.update(organisations_api.invite_pending_cadres([cadre.pending_id for cadre in due],
                                                                reminder_period=period))
    return [(cadre, outcomes.get(cadre.pending_id, "unreachable")) for cadre in pending]


def _send_once(reminder: Reminder, *, period: str, today: date, connection, run: _RunLog) -> None:
    try:
        with transaction.atomic():
            sent = ReminderSent.objects.create(
                recipient_id=reminder.recipient_id, kind=reminder.kind, period=period,
                cadres=len(reminder.cadres) + len(reminder.pending),
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
        "cadre": reminder.cadres[0] if reminder.cadres else None,  # a digest may name only the unregistered
        "cadres": reminder.cadres[:limit],
        "more": max(0, len(reminder.cadres) - limit),
        "overdue": sum(cadre.status == ComplianceStatus.OVERDUE for cadre in reminder.cadres),
        "at_risk": sum(cadre.status == ComplianceStatus.AT_RISK for cadre in reminder.cadres),
        "pending": reminder.pending[:limit],
        "more_pending": max(0, len(reminder.pending) - limit),
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
