"""E-mail cadres who are at risk or overdue, and their administrators a digest; --dry-run lists them."""
from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_date

from credit_plugin import api


class Command(BaseCommand):
    help = (
        "Send this period's training reminders: to every serving cadre at risk or overdue, and a digest to "
        "each training administrator. Nobody gets the same reminder twice in a period."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List who would be written to; send nothing.")
        parser.add_argument("--today", help="Assess as of this day (YYYY-MM-DD), e.g. to check a past period.")

    def handle(self, *args, dry_run=False, today=None, verbosity=1, **options):
        day = None
        if today:
            day = parse_date(today)
            if day is None:
                raise CommandError(f"--today: {today!r} is not a date (YYYY-MM-DD)")
        run = api.send_training_reminders(dry_run=dry_run, today=day)
        verb = "would write to" if dry_run else "wrote to"
        for reminder in run.sent:
            self.stdout.write(f"{verb} {_describe(reminder)}")
        for reminder in run.without_email:
            self.stdout.write(f"no e-mail address, skipped: {_describe(reminder)}")
        for reminder, error in run.failed:
            self.stderr.write(f"failed: {_describe(reminder)}: {error}")
        for cadre, outcome in run.invitations:  # appointed cadres without an account: a new invitation
            self.stdout.write(f"invitation {outcome.replace('_', ' ')}: {cadre.full_name} ({cadre.organisation_code}), "
                              f"register by {cadre.due_on}")
        if verbosity:
            self.stdout.write(
                f"period {run.period}: {len(run.sent)} {'to send' if dry_run else 'sent'}, "
                f"{len(run.already_sent)} already sent this period, {len(run.without_email)} without an e-mail "
                f"address, {len(run.failed)} failed"
            )
        if run.failed:
            raise CommandError(f"{len(run.failed)} reminders could not be sent; the next run tries them again")


def _describe(reminder) -> str:
    who = f"{reminder.recipient_name} ({reminder.recipient_username}) <{reminder.email or '-'}>"
    if reminder.kind == "digest":
        unregistered = f" and {len(reminder.pending)} not registered" if reminder.pending else ""
        return f"{who}: digest of {len(reminder.cadres)} cadres{unregistered} in {', '.join(reminder.organisations)}"
    cadre = reminder.cadres[0]
    return f"{who}: {reminder.kind}, {cadre.organisation_name}, {cadre.credits}/{cadre.credit_target} credits"
