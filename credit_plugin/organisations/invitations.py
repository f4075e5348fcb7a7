"""
Invitations to cadres who have no LMS account yet (docs/decisions/0024).

Each invitation carries a random token in its link; only the token's SHA-256 is stored, it expires
after ``CADRE_TRAINING_INVITATION_DAYS`` and it is used once. Accepting one creates the cadre's LMS
account (through ``compat``, as the platform makes one) or links the account they are signed in
with, and makes their cadre profile, registered that day. Nothing matches an account to a pending
cadre by name.

How an invitation reaches someone is a sender's business (``CADRE_TRAINING_INVITATION_SENDERS``):
e-mail now; an SMS sender is one more class with the same three members.
"""
import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from credit_plugin import compat, config
from credit_plugin.organisations.models import CadreInvitation, CadreProfile, PendingCadre

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Invitation:
    """What a sender sends: to whom, the link (holding the token) and until when it opens."""

    full_name: str
    organisation_name: str
    email: str
    phone: str
    url: str
    expires_on: date
    register_by: date
    reminder: bool


class InvitationSender(Protocol):
    channel: str

    def can_reach(self, invitee: PendingCadre) -> bool: ...

    def send(self, invitation: Invitation) -> None: ...


class EmailInvitationSender:
    """The invitation as an e-mail in ``CADRE_TRAINING_REMINDER_LANGUAGE`` (Chinese by default)."""

    channel = "email"

    def can_reach(self, invitee: PendingCadre) -> bool:
        return bool(invitee.email)

    def send(self, invitation: Invitation) -> None:
        with translation.override(config.get("CADRE_TRAINING_REMINDER_LANGUAGE")):
            context = {"invitation": invitation}
            subject = render_to_string("credit_plugin/emails/invitation_subject.txt", context)
            body = render_to_string("credit_plugin/emails/invitation_body.txt", context)
        EmailMessage(subject=" ".join(subject.split()), body=body, to=[invitation.email],
                     from_email=settings.DEFAULT_FROM_EMAIL).send()


def senders() -> list[InvitationSender]:
    return [import_string(path)() for path in config.get("CADRE_TRAINING_INVITATION_SENDERS")]


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _local_day(moment: datetime) -> date:
    return moment.astimezone(config.credit_time_zone()).date()


def invite(pending_ids, *, reminder_period: str = "", now: datetime | None = None) -> dict[int, str]:
    """
    Send each not yet registered pending cadre of ``pending_ids`` a new invitation (a reminder's, at
    most one per ``reminder_period``). {pending id: "sent", "unreachable", "already_sent" or "failed"}.
    """
    now = now or timezone.now()
    outcome = {}
    available = senders()
    registration_days = timedelta(days=int(config.get("CADRE_TRAINING_REGISTRATION_DAYS")))
    for invitee in PendingCadre.objects.select_related("organisation").filter(id__in=list(pending_ids),
                                                                              registered_on=None).order_by("id"):
        sender = next((sender for sender in available if sender.can_reach(invitee)), None)
        if sender is None:
            outcome[invitee.id] = "unreachable"
            continue
        token = secrets.token_urlsafe(32)
        try:
            with transaction.atomic():
                invitation = CadreInvitation.objects.create(
                    pending=invitee, token_hash=hash_token(token), channel=sender.channel, created_at=now,
                    expires_at=now + timedelta(days=int(config.get("CADRE_TRAINING_INVITATION_DAYS"))),
                    reminder_period=reminder_period or None,
                )
        except IntegrityError:  # this period's reminder was sent already (or by a concurrent run)
            outcome[invitee.id] = "already_sent"
            continue
        try:
            sender.send(Invitation(
                full_name=invitee.full_name, organisation_name=invitee.organisation.name, email=invitee.email,
                phone=invitee.phone, url=invitation_url(token), expires_on=_local_day(invitation.expires_at),
                register_by=invitee.took_office_on + registration_days,
                reminder=bool(reminder_period),
            ))
        except Exception as error:  # noqa: BLE001 - one bad address must not stop the others
            log.warning("invitation to pending cadre %s failed: %r", invitee.id, error)
            invitation.delete()  # a link nobody received opens nothing; the next run tries again
            outcome[invitee.id] = "failed"
            continue
        # The new link replaces the older ones: one live link a cadre at most.
        CadreInvitation.objects.filter(pending=invitee, used_at=None, expires_at__gt=now).exclude(
            pk=invitation.pk).update(expires_at=now)
        outcome[invitee.id] = "sent"
    return outcome


def invitation_url(token: str) -> str:
    path = reverse("credit_plugin:accept_invitation", args=[token])
    return getattr(settings, "LMS_ROOT_URL", "").rstrip("/") + path


class InvitationProblem(Exception):
    """Why an invitation link opens nothing: ``unknown``, ``used`` or ``expired``."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def open_invitation(token: str, *, now: datetime | None = None, for_update: bool = False) -> CadreInvitation:
    """The invitation ``token`` opens, or InvitationProblem saying why it opens nothing."""
    now = now or timezone.now()
    rows = CadreInvitation.objects.select_related("pending__organisation")
    if for_update:
        rows = rows.select_for_update()
    # A token is 43 characters; anything much longer is not one, and is not worth hashing.
    invitation = rows.filter(token_hash=hash_token(token)).first() if token and len(token) <= 128 else None
    if invitation is None:
        raise InvitationProblem("unknown")
    if invitation.used_at is not None or invitation.pending.registered_on is not None:
        raise InvitationProblem("used")
    if invitation.expires_at <= now:
        raise InvitationProblem("expired")
    return invitation


class AccountProblem(Exception):
    """The account asked for cannot be made or linked; the message says why, for the person."""


def accept_invitation(token: str, *, user=None, new_account: dict | None = None, now: datetime | None = None):
    """
    Accept the invitation: link ``user`` (signed in, not yet a cadre) or create the account of
    ``new_account`` (username, password); make the cadre profile, registered today. The account.
    """
    now = now or timezone.now()
    with transaction.atomic():
        invitation = open_invitation(token, now=now, for_update=True)
        pending = PendingCadre.objects.select_for_update().get(pk=invitation.pending_id)
        if pending.registered_on is not None:
            raise InvitationProblem("used")
        if user is not None:
            if CadreProfile.objects.filter(user=user).exists():
                raise AccountProblem("already_a_cadre")
        else:
            if compat.username_taken(new_account["username"]):
                raise AccountProblem("username_taken")
            if compat.email_taken(pending.email):
                raise AccountProblem("email_taken")
            user = compat.create_account(username=new_account["username"], email=pending.email,
                                         name=pending.full_name, password=new_account["password"])
        today = _local_day(now)
        number = pending.employee_number
        if number and CadreProfile.objects.filter(employee_number=number).exists():
            number = None  # taken since the import: the profile is made without it rather than not at all
        CadreProfile.objects.create(
            user=user, organisation=pending.organisation, position=pending.position, category=pending.category,
            took_office_on=pending.took_office_on, registered_on=today, employee_number=number, phone=pending.phone,
        )
        pending.user, pending.registered_on = user, today
        pending.save(update_fields=["user", "registered_on"])
        invitation.used_at = now
        invitation.save(update_fields=["used_at"])
    return user
