"""Studio: add XBlock types to every course's Advanced Module List (run by the Tutor plugin's init)."""
from django.core.management.base import BaseCommand

from credit_plugin import compat


class Command(BaseCommand):
    help = "Add the given XBlock types (default: level_challenge demand_survey) to every course's advanced modules."

    def add_arguments(self, parser):
        parser.add_argument("block_types", nargs="*", default=["level_challenge", "demand_survey"])

    def handle(self, *args, block_types, **options):
        changed = compat.add_advanced_modules(block_types)
        self.stdout.write(f"added {', '.join(block_types)} to {len(changed)} courses")
