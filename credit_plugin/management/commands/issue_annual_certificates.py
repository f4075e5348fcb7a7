"""Issue the year's annual certificates to every cadre who met the targets (in chunked Celery tasks)."""
from django.core.management.base import BaseCommand, CommandError

from credit_plugin import api


class Command(BaseCommand):
    help = (
        "Issue annual qualification certificates for --year to every serving cadre (of --organisation's subtree) "
        "who met the year's targets. Idempotent: run it again to finish a batch that stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="The credit year, e.g. 2026.")
        parser.add_argument("--organisation", default="", help="Only this organisation's subtree (its code).")
        parser.add_argument("--dry-run", action="store_true", help="Only count who would get a certificate.")

    def handle(self, *args, year, organisation="", dry_run=False, **options):
        if organisation and api.organisation(code=organisation) is None:
            raise CommandError(f"--organisation: no organisation with the code {organisation!r}")
        if dry_run:
            waiting = api.annual_certificate_candidates(year=year, organisation_code=organisation)
            self.stdout.write(f"{len(waiting)} cadres have year totals for {year} and no certificate yet "
                              "(those who met the targets get one)")
            return
        batch = api.issue_annual_certificates(year=year, organisation_code=organisation)
        state = "done" if batch.status == "done" else "queued on the Celery workers"
        self.stdout.write(f"batch {batch.id}: {batch.chunks_done}/{batch.chunks_total} chunks, "
                          f"{batch.issued} certificates issued so far ({state})")
