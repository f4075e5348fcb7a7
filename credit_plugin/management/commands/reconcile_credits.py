"""Grant the credits that the LMS's events missed, from its records of passing grades and certificates."""

from django.core.management.base import BaseCommand
from django.utils.dateparse import parse_datetime
from tqdm import tqdm

from credit_plugin import api


class Command(BaseCommand):
    help = "Walk the platform's passing grades and certificates and grant any credit a rule gives; idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--since", help="Only records changed since this ISO date-time.")

    def handle(self, *args, since=None, verbosity=1, **options):
        with tqdm(desc="records", unit=" rec", disable=verbosity < 1) as bar:
            result = api.reconcile_credits(since=parse_datetime(since) if since else None, progress=bar.update)
        if verbosity:
            self.stdout.write(f"examined {result.examined} records, granted {result.granted} new entries")
