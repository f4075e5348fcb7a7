"""Make users training administrators of organisations (and so of their subtrees), from an XLSX or CSV file."""
from credit_plugin import api
from credit_plugin.management.file_import import FileImportCommand


class Command(FileImportCommand):
    help = (
        "Assign training administrators from XLSX or CSV rows of 用户名 (username) and 组织代码 (organisation "
        "code): each administers the organisation and everything below it. Any bad row rejects the whole file."
    )

    def handle(self, *args, file, dry_run=False, **options):
        path = self.readable(file)
        result = api.import_training_administrators(data=path.read_bytes(), filename=path.name, dry_run=dry_run)
        self.refuse_if_problems(path, result.errors)
        for assignment in result.assignments:
            state = "already" if assignment.exists else ("would assign" if dry_run else "assigned")
            self.stdout.write(f"row {assignment.row}: {assignment.username} → {assignment.organisation_code} [{state}]")
        new = sum(not assignment.exists for assignment in result.assignments)
        self.stdout.write(f"{path.name}: {'would assign' if dry_run else 'assigned'} {new} new administrators")
