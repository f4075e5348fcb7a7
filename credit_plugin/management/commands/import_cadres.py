"""Import union organisations and cadres from an XLSX or CSV file, all or nothing."""

from credit_plugin import api
from credit_plugin.management.file_import import FileImportCommand


class Command(FileImportCommand):
    help = (
        "Import organisations (组织代码, 组织名称, 级别, 上级代码) and cadres (用户名, 姓名, 组织代码, 干部类别, "
        "任职日期, …) from XLSX or CSV. A cadre row without 用户名 is a cadre with no account yet: invited by "
        "e-mail (邮箱) once the file is written. Any bad row rejects the whole file with every problem listed."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--create-users", action="store_true", help="Create LMS users that do not exist yet.")

    def handle(self, *args, file, dry_run=False, create_users=False, verbosity=1, **options):
        path = self.readable(file)
        result = api.import_cadres(data=path.read_bytes(), filename=path.name, dry_run=dry_run,
                                   create_users=create_users)
        self.refuse_if_problems(path, result.errors)
        verb = "would write" if dry_run else "wrote"
        if verbosity > 1 or dry_run:
            for organisation in result.organisations:
                state = "update" if organisation.exists else "create"
                self.stdout.write(
                    f"row {organisation.row}: organisation {organisation.code} {organisation.name} [{state}]"
                )
            for cadre in result.cadres:
                if cadre.pending:
                    who, state = cadre.full_name, "no account yet: to be invited"
                else:
                    who, state = cadre.username, "existing user" if cadre.user_exists else "new user"
                self.stdout.write(f"row {cadre.row}: cadre {who} → {cadre.organisation_code} [{state}]")
        for name, outcome in result.invitations:
            self.stdout.write(f"invitation to {name}: {outcome}")
        self.stdout.write(
            f"{path.name}: {verb} {len(result.organisations)} organisations and {len(result.cadres)} cadres "
            f"({result.users_to_create} new LMS users{self.pending_note(result, dry_run)})"
        )

    @staticmethod
    def pending_note(result, dry_run) -> str:
        if not result.pending:
            return ""
        return f", {result.pending} without an account" + ("" if dry_run else f", {result.invitations_sent} invited")
