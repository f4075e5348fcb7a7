"""What the import commands share: one XLSX or CSV file, a dry run, and every problem before nothing is written."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class FileImportCommand(BaseCommand):
    """A command that imports one file all or nothing; subclasses say what a dry run does."""

    dry_run_help = "Check and show what would change; write nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help=self.dry_run_help)

    @staticmethod
    def readable(file: str) -> Path:
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
        return path

    def refuse_if_problems(self, path: Path, errors, *, nothing: str = "nothing was written") -> None:
        """Print every problem and stop, saying that nothing was done."""
        for problem in errors:
            self.stderr.write(str(problem))
        if errors:
            raise CommandError(f"{path.name}: {len(errors)} problems; {nothing}")
