"""
Training administrators: who administers which organisation (and so its whole subtree), assigned
one at a time or from a file of (用户名, 组织代码) rows, all or nothing.
"""
from django.db import transaction
from django.utils.translation import gettext as _

from cadre_common import spreadsheets
from cadre_common.chunks import chunked
from cadre_common.problems import RowProblem
from credit_plugin.organisations import people, tree
from credit_plugin.organisations.data import AdministratorImportResult, PlannedAssignment
from credit_plugin.organisations.models import CadreProfile, Organisation, TrainingAdministrator

ALIASES = {
    "username": ("用户名", "账号", "登录名", "username"),
    "organisation_code": ("组织代码", "单位代码", "所属组织代码", "organisation code", "organization code"),
}


def assign_training_administrator(*, user_id: int, organisation_code: str) -> None:
    """Make ``user_id`` a training administrator of the organisation (and so of its subtree)."""
    organisation = Organisation.objects.get(code=organisation_code)
    TrainingAdministrator.objects.get_or_create(user_id=user_id, organisation=organisation)


def administrators_of(*, user_id: int) -> list[int]:
    """User ids of the training administrators of the cadre's organisation or any organisation above it."""
    path = CadreProfile.objects.filter(user_id=user_id).values_list("organisation__path", flat=True).first()
    if not path:
        return []
    return sorted(set(TrainingAdministrator.objects.filter(organisation_id__in=tree.ancestor_ids(path))
                      .values_list("user_id", flat=True)))


def administered_subtrees() -> dict[int, list[tuple[str, str]]]:
    """{administrator's user id: [(path, name) of each organisation they administer]}."""
    subtrees: dict[int, list[tuple[str, str]]] = {}
    rows = TrainingAdministrator.objects.values_list("user_id", "organisation__path", "organisation__name")
    for user_id, path, name in rows.order_by("user_id", "organisation__path"):
        subtrees.setdefault(user_id, []).append((path, name))
    return subtrees


def import_training_administrators(*, data: bytes, filename: str, dry_run: bool) -> AdministratorImportResult:
    """Check every row (user and organisation exist); unless ``dry_run`` or any is wrong, assign them all."""
    try:
        rows = spreadsheets.read_sheets(data, filename, first_only=True)[0]
    except spreadsheets.UnreadableFile as error:
        return AdministratorImportResult(errors=(RowProblem(None, "", str(error)),), dry_run=dry_run)
    sheet = spreadsheets.find_sheet(rows, spreadsheets.aliases_matcher(ALIASES), lambda found: found == set(ALIASES))
    if sheet is None:
        message = _("No header row with the columns 用户名 and 组织代码.")
        return AdministratorImportResult(errors=(RowProblem(None, "", message),), dry_run=dry_run)
    planned, errors = _plan(sheet)
    result = AdministratorImportResult(assignments=tuple(planned), errors=tuple(errors), dry_run=dry_run)
    if errors or dry_run:
        return result
    with transaction.atomic():
        organisations = {code: organisation_id for chunk in chunked({item.organisation_code for item in planned})
                         for code, organisation_id in Organisation.objects.filter(code__in=chunk).values_list(
                             "code", "id")}
        users = people.user_ids_by_username({item.username for item in planned})
        for item in planned:
            TrainingAdministrator.objects.get_or_create(user_id=users[item.username],
                                                        organisation_id=organisations[item.organisation_code])
    return AdministratorImportResult(assignments=tuple(planned), dry_run=False, written=True)


def _plan(sheet) -> tuple[list[PlannedAssignment], list[RowProblem]]:
    columns = sheet.columns
    usernames = {columns.value(cells, "username") for _, cells in sheet.rows}
    codes = {columns.value(cells, "organisation_code") for _, cells in sheet.rows}
    users = people.user_ids_by_username(usernames)
    organisations = {code: organisation_id for chunk in chunked(codes) for code, organisation_id in
                     Organisation.objects.filter(code__in=chunk).values_list("code", "id")}
    existing = {pair for chunk in chunked(users.values()) for pair in TrainingAdministrator.objects.filter(
        user_id__in=chunk).values_list("user__username", "organisation__code")}
    planned, errors, seen = [], [], {}
    for number, cells in sheet.rows:
        username, code = columns.value(cells, "username"), columns.value(cells, "organisation_code")
        row_errors = []
        if username not in users:
            row_errors.append(RowProblem(number, columns.label("username"), _("no LMS user %(user)r") % {
                "user": username}))
        if code not in organisations:
            row_errors.append(RowProblem(number, columns.label("organisation_code"), _("no organisation %(code)r") % {
                "code": code}))
        if (username, code) in seen:
            row_errors.append(RowProblem(number, columns.label("username"), _("repeats row %(row)s") % {
                "row": seen[(username, code)]}))
        seen.setdefault((username, code), number)
        errors.extend(row_errors)
        if not row_errors:
            planned.append(PlannedAssignment(row=number, username=username, organisation_code=code,
                                             exists=(username, code) in existing))
    return planned, errors
