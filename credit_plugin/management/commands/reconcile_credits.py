"""Grant the credits that the LMS's events missed, from its records of grades, certificates and completions."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime
from tqdm import tqdm

from credit_plugin import api


class Command(BaseCommand):
    help = ("Walk the platform's passing grades, certificates and finished blocks changed since the last run "
            "and grant any credit a rule gives; idempotent.")

    def add_arguments(self, parser):
        window = parser.add_mutually_exclusive_group()
        window.add_argument("--since", help="Only records changed since this ISO date-time (the watermark stays).")
        window.add_argument("--full", action="store_true", help="Every record ever kept, not only the latest changes.")

    def handle(self, *args, since=None, full=False, verbosity=1, **options):
        when = parse_datetime(since) if since else None
        if since and when is None:
            raise CommandError(f"--since {since!r} is not an ISO date-time such as 2026-12-01T00:00:00+08:00.")
        with tqdm(desc="records", unit=" rec", disable=verbosity < 1) as bar:
            result = api.reconcile_credits(since=when, full=full, progress=bar.update)
        if verbosity:
            window = f"changed since {result.since.isoformat()}" if result.since else "all records"
            self.stdout.write(f"examined {result.examined} records ({window}), granted {result.granted} new entries")
