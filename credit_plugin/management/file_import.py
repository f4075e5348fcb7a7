"""What the import commands share: one XLSX or CSV file, a dry run, and every problem before nothing is written."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cadre_common.problems import listed
from cadre_common.spreadsheets import too_big


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
        refusal = too_big(path.stat().st_size)
        if refusal:  # refused by its size, before it is read
            raise CommandError(f"{file}: {refusal}")
        return path

    def refuse_if_problems(self, path: Path, errors, *, nothing: str = "nothing was written") -> None:
        """Print the problems (the first 100 and how many more) and stop, saying that nothing was done."""
        for line in listed(list(errors)):
            self.stderr.write(line)
        if errors:
            raise CommandError(f"{path.name}: {len(errors)} problems; {nothing}")
