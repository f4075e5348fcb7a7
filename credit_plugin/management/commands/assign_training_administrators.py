"""Make users training administrators of organisations (and so of their subtrees), from an XLSX or CSV file."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from credit_plugin import api


class Command(BaseCommand):
    help = (
        "Assign training administrators from XLSX or CSV rows of 用户名 (username) and 组织代码 (organisation "
        "code): each administers the organisation and everything below it. Any bad row rejects the whole file."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Check and show what would change; write nothing.")

    def handle(self, *args, file, dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
        result = api.import_training_administrators(data=path.read_bytes(), filename=path.name, dry_run=dry_run)
        for problem in result.errors:
            self.stderr.write(str(problem))
        if result.errors:
            raise CommandError(f"{path.name}: {len(result.errors)} problems; nothing was written")
        for assignment in result.assignments:
            state = "already" if assignment.exists else ("would assign" if dry_run else "assigned")
            self.stdout.write(f"row {assignment.row}: {assignment.username} → {assignment.organisation_code} [{state}]")
        new = sum(not assignment.exists for assignment in result.assignments)
        self.stdout.write(f"{path.name}: {'would assign' if dry_run else 'assigned'} {new} new administrators")
