"""Import the topic catalogue (topics and the courses or units linked to them) from XLSX or CSV."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cadre_common.problems import listed
from cadre_common.spreadsheets import too_big
from survey_plugin import api


class Command(BaseCommand):
    help = "Create or update topics and their linked courses and units; all or nothing, --dry-run only checks."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="An .xlsx or .csv file with the columns 代码, 名称, 说明, 课程或单元, 资源标题, 链接."
        )
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report; write nothing.")

    def handle(self, *args, file, dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
        refusal = too_big(path.stat().st_size)
        if refusal:  # refused by its size, before it is read
            raise CommandError(f"{file}: {refusal}")
        result = api.import_topic_catalogue(data=path.read_bytes(), filename=path.name, dry_run=dry_run)
        for line in listed(list(result.problems)):
            self.stderr.write(line)
        if result.problems:
            raise CommandError(f"{len(result.problems)} problems; nothing was written")
        state = "written" if result.written else "checked, nothing written (--dry-run)"
        self.stdout.write(f"{result.topics} topics, {result.resources} linked courses or units: {state}")
