"""Record again the LMS events whose recording failed, as the Celery beat does every CADRE_TRAINING_REPLAY_INTERVAL."""

from django.core.management.base import BaseCommand

from credit_plugin import api


class Command(BaseCommand):
    help = "Process again every LMS event receipt that failed or was left unprocessed; idempotent."

    def handle(self, *args, verbosity=1, **options):
        replayed = api.replay_failed_events()
        still_failed = [receipt for receipt in replayed if receipt.status == "failed"]
        if verbosity:
            self.stdout.write(f"replayed {len(replayed)} events, {len(still_failed)} still failed")
            for receipt in still_failed:
                self.stdout.write(f"  {receipt.event_id} {receipt.event_type}: {receipt.detail[:200]}")
        if still_failed:
            raise SystemExit(1)
