"""Import offline training and exam credits from an XLSX or CSV roster, all or nothing."""

from tqdm import tqdm

from credit_plugin import api
from credit_plugin.management.file_import import FileImportCommand


class Command(FileImportCommand):
    help = (
        "Import a roster of offline training/exam credits (XLSX or CSV in UTF-8 or GB18030). Any bad row rejects "
        "the whole file with every problem listed; --dry-run shows what would be recorded."
    )

    dry_run_help = "Check and show the entries; record nothing."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--recorded-by", default="import_offline_credits", help="Who the entries say recorded them."
        )

    def handle(self, *args, file, dry_run=False, recorded_by="import_offline_credits", verbosity=1, **options):
        path = self.readable(file)
        with tqdm(desc="rows", unit=" row", disable=verbosity < 1) as bar:
            result = api.import_offline_credits(
                data=path.read_bytes(),
                filename=path.name,
                recorded_by=recorded_by,
                dry_run=dry_run,
                progress=bar.update,
            )
        self.refuse_if_problems(path, result.errors, nothing="nothing was recorded")
        for planned in result.planned:
            state = "already recorded" if planned.already_recorded else ("would record" if dry_run else "recorded")
            if verbosity > 1 or dry_run:
                self.stdout.write(
                    f"row {planned.row}: {planned.username} {planned.training} {planned.day} "
                    f"{planned.credits} credits {planned.hours} hours [{planned.source_kind}] {state}"
                )
        for skipped in result.skipped:
            self.stdout.write(str(skipped))
        new = sum(not planned.already_recorded for planned in result.planned)
        verb = "would record" if dry_run else "recorded"
        self.stdout.write(
            f"{path.name}: {verb} {new if dry_run else result.recorded} entries, "
            f"{result.already_recorded} already recorded, {len(result.skipped)} rows skipped"
        )
