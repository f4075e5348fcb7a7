"""Recompute every year total from the ledger entries and report any drift."""

from django.core.management.base import BaseCommand, CommandError

from credit_plugin import api


class Command(BaseCommand):
    help = "Check that each learner's year totals equal the sum of their entries; exits non-zero on drift."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="Only this calendar year.")

    def handle(self, *args, year=None, **options):
        drift = api.ledger_drift(year=year)
        for item in drift:
            self.stdout.write(
                f"user {item.user_id} year {item.year}: stored {item.stored.credits} credits / {item.stored.hours} "
                f"hours / {item.stored.entry_count} entries, entries sum to {item.computed.credits} / "
                f"{item.computed.hours} / {item.computed.entry_count}"
            )
        if drift:
            raise CommandError(f"{len(drift)} year totals drifted from their entries")
        self.stdout.write("ledger OK: every year total equals the sum of its entries")
