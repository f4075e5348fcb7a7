"""
Importing organisations and cadres from XLSX/CSV, all or nothing.

An XLSX workbook may hold an organisations sheet and a cadres sheet (in any order, told apart by
their headers); a CSV file holds one of them. Every row is checked first and every problem is
listed (row, column, what); nothing is written if there is one, or on a dry run. Rows create or
update: an organisation by its code, a cadre by username; re-importing the same file changes
nothing. LMS users are created only when asked (``create_users``).

A cadre row without a username is a cadre with no account yet (pending): name, organisation,
e-mail or phone and date of taking office. They are kept by their e-mail (else phone) and each new
one is sent an invitation once the import is written (``invitations``, docs/decisions/0024).
"""
from dataclasses import dataclass, field, replace
from datetime import date

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from cadre_common import spreadsheets
from cadre_common.chunks import chunked
from cadre_common.column_lengths import length_problem
from cadre_common.problems import RowProblem
from credit_plugin import compat, config
from credit_plugin.organisations import invitations, pending_import, people, tree
from credit_plugin.organisations.cadre_fields import (
    PHONE,
    STATUSES,
    check_employee_number,
    check_organisation_and_category,
    config_today,
    day,
    is_email,
    normalise_phone,
    pick,
)
from credit_plugin.organisations.data import (
    CadreImportResult,
    OrganisationLevel,
    PlannedCadre,
    PlannedOrganisation,
)
from credit_plugin.organisations.models import CadreProfile, Organisation, PendingCadre

ORGANISATION_ALIASES = {
    "code": {"组织代码", "组织编码", "单位代码", "code", "organisation code", "organization code"},
    "name": {"组织名称", "单位名称", "name", "organisation name", "organization name"},
    "level": {"级别", "层级", "组织级别", "level"},
    "parent_code": {"上级代码", "上级组织代码", "上级编码", "parent code", "parent"},
}
CADRE_ALIASES = {
    "username": {"用户名", "账号", "登录名", "username"},
    "name": {"姓名", "name", "full name"},
    "email": {"邮箱", "电子邮箱", "email", "e-mail"},
    "organisation_code": {"所属组织代码", "组织代码", "单位代码", "organisation code", "organization code"},
    "position": {"职务", "position"},
    "category": {"干部类别", "类别", "category"},
    "took_office_on": {"任职日期", "任职时间", "took office", "date of taking office"},
    "registered_on": {"注册日期", "registration date", "registered"},
    "employee_number": {"工号", "职工编号", "employee number", "employee no"},
    "phone": {"手机号", "手机", "联系电话", "电话", "phone", "mobile"},
    "status": {"状态", "在职状态", "status"},
}
LEVELS = {
    OrganisationLevel.PROVINCE: {"省", "省级", "省总工会", "province"},
    OrganisationLevel.CITY: {"市", "市级", "市总工会", "city"},
    OrganisationLevel.DISTRICT: {"区县", "县", "区", "县级", "区县级", "district", "county"},
    OrganisationLevel.GRASSROOTS: {"基层", "基层工会", "grassroots"},
}
@dataclass
class _Plan:
    """What an import found so far (built row by row, returned frozen)."""

    organisations: list[PlannedOrganisation] = field(default_factory=list)
    cadres: list[PlannedCadre] = field(default_factory=list)
    errors: list[RowProblem] = field(default_factory=list)

    def result(self, **flags) -> CadreImportResult:
        return CadreImportResult(organisations=tuple(self.organisations), cadres=tuple(self.cadres),
                                 errors=tuple(self.errors), **flags)


def import_cadres(*, data: bytes, filename: str, dry_run: bool, create_users: bool = False) -> CadreImportResult:
    """Check the whole file; unless ``dry_run`` or any row is wrong, write every row in one transaction."""
    result = plan(data=data, filename=filename, create_users=create_users).result(dry_run=dry_run)
    if result.errors or dry_run:
        return result
    with transaction.atomic():
        to_invite = _write(result)
    # After the commit: an e-mail cannot be taken back, so none goes out for rows that were not written.
    names = dict(PendingCadre.objects.filter(id__in=to_invite).values_list("id", "full_name"))
    outcome = invitations.invite(to_invite)
    return replace(result, written=True, invitations=tuple((names[pk], outcome[pk]) for pk in to_invite))


def _is_header(required_any: set[str]):
    return lambda found: len(found) >= 3 and bool(required_any & found)


def plan(*, data: bytes, filename: str, create_users: bool) -> _Plan:
    result = _Plan()
    try:
        sheets = spreadsheets.read_sheets(data, filename)
    except spreadsheets.UnreadableFile as error:
        result.errors.append(RowProblem(None, "", str(error)))
        return result
    organisation_sheet = cadre_sheet = None
    for rows in sheets:
        organisation_sheet = organisation_sheet or spreadsheets.find_sheet(
            rows, spreadsheets.aliases_matcher(ORGANISATION_ALIASES), _is_header({"level", "parent_code"})
        )
        cadre_sheet = cadre_sheet or spreadsheets.find_sheet(
            rows, spreadsheets.aliases_matcher(CADRE_ALIASES), _is_header({"took_office_on"})
        )
    if organisation_sheet is None and cadre_sheet is None:
        result.errors.append(RowProblem(None, "", _(
            "No header row found. Organisations need the columns 组织代码, 组织名称, 级别, 上级代码; "
            "cadres need 用户名, 姓名, 组织代码, 干部类别, 任职日期."
        )))
        return result
    parents = dict(Organisation.objects.values_list("code", "parent__code"))
    if organisation_sheet:
        _plan_organisations(organisation_sheet, parents, result)
    if cadre_sheet:
        _plan_cadres(cadre_sheet, set(parents), create_users, result)
    return result


# The model column each value is stored in: a value longer than the column holds is a problem of the
# dry run, never a database error on saving.
ORGANISATION_COLUMNS = {"code": (Organisation, "code"), "name": (Organisation, "name")}


def cadre_columns() -> dict:
    user = get_user_model()
    return {"username": (user, "username"), "email": (user, "email"),
            "name": (apps.get_model("student", "UserProfile"), "name"),  # where a new account's full name goes
            "position": (CadreProfile, "position"), "employee_number": (CadreProfile, "employee_number"),
            "phone": (CadreProfile, "phone")}


def _length_problems(columns: dict, value, problem) -> None:
    for name, (model, column) in columns.items():
        found = length_problem(model, column, value(name))
        if found:
            problem(name, found)


def _plan_organisations(sheet, parents, result):
    missing = [label for name, label in (("code", "组织代码"), ("name", "组织名称"), ("level", "级别"))
               if name not in sheet.columns]
    if missing:
        message = _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}
        result.errors.append(RowProblem(None, "", message))
        return
    seen, planned = {}, []
    for number, cells in sheet.rows:
        def problem(column, message, number=number):
            result.errors.append(RowProblem(number, sheet.columns.label(column), message))

        _length_problems(ORGANISATION_COLUMNS, lambda name, cells=cells: sheet.columns.value(cells, name), problem)
        code, name = sheet.columns.value(cells, "code"), sheet.columns.value(cells, "name")
        level = pick(sheet.columns.value(cells, "level"), LEVELS)
        parent_code = sheet.columns.value(cells, "parent_code") or None
        if not code:
            problem("code", _("the organisation code is empty"))
            continue
        if code in seen:
            problem("code", _("%(code)s is already on row %(row)s") % {"code": code, "row": seen[code]})
            continue
        seen[code] = number
        if not name:
            problem("name", _("the name is empty"))
        if level is None:
            problem("level", _("%(value)r is not a level (省, 市, 区县, 基层)") % {
                "value": sheet.columns.value(cells, "level")})
        planned.append(PlannedOrganisation(
            row=number, code=code, name=name, level=level or "", parent_code=parent_code, exists=code in parents,
        ))
    final_parents = {**parents, **{organisation.code: organisation.parent_code for organisation in planned}}
    for organisation in planned:
        if organisation.parent_code and organisation.parent_code not in final_parents:
            result.errors.append(RowProblem(organisation.row, sheet.columns.label("parent_code"), _(
                "no organisation %(code)s, neither in the file nor in the system") % {
                "code": organisation.parent_code}))
        elif _in_cycle(organisation.code, final_parents):
            result.errors.append(RowProblem(organisation.row, sheet.columns.label("parent_code"), _(
                "%(code)s would be below itself: %(chain)s") % {
                "code": organisation.code, "chain": " → ".join(_chain(organisation.code, final_parents))}))
    # Parents first, so every parent exists when its children are written.
    depth = {organisation.code: len(_chain(organisation.code, final_parents)) for organisation in planned}
    result.organisations = sorted(planned, key=lambda organisation: depth[organisation.code])


def _chain(code, parents):
    chain, current = [code], parents.get(code)
    while current and current not in chain:
        chain.append(current)
        current = parents.get(current)
    if current:
        chain.append(current)
    return chain


def _in_cycle(code, parents):
    seen, current = set(), code
    while current:
        if current in seen:
            return True
        seen.add(current)
        current = parents.get(current)
    return False


@dataclass
class _CadreContext:
    known_codes: set
    users: dict
    numbers_in_use: dict
    create_users: bool
    today: date
    seen_contacts: dict = field(default_factory=dict)
    seen_users: dict = field(default_factory=dict)
    seen_numbers: dict = field(default_factory=dict)


def _plan_cadres(sheet, known_codes, create_users, result):
    required = (
        ("organisation_code", "组织代码"),
        ("category", "干部类别"), ("took_office_on", "任职日期"),
    )
    missing = [label for name, label in required if name not in sheet.columns]
    if missing:
        message = _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}
        result.errors.append(RowProblem(None, "", message))
        return
    if "username" not in sheet.columns and "name" not in sheet.columns:
        result.errors.append(RowProblem(None, "", _(
            "Missing columns: 用户名 or 姓名 (a cadre without a username is invited by e-mail or phone).")))
        return
    usernames = {sheet.columns.value(cells, "username") for _, cells in sheet.rows} - {""}
    context = _CadreContext(
        known_codes=known_codes | {organisation.code for organisation in result.organisations},
        users=people.user_ids_by_username(usernames),
        numbers_in_use=dict(
            CadreProfile.objects.exclude(employee_number=None).values_list("employee_number", "user__username")
        ),
        create_users=create_users,
        today=config_today(),
    )
    for number, cells in sheet.rows:
        problems = []

        def problem(column, message, problems=problems, number=number):
            problems.append(RowProblem(number, sheet.columns.label(column), message))

        pending = not sheet.columns.value(cells, "username")
        _length_problems(pending_import.pending_columns() if pending else cadre_columns(),
                         lambda name, cells=cells: sheet.columns.value(cells, name), problem)
        planner = pending_import.plan_pending if pending else _plan_cadre
        planned = planner(number, lambda name, cells=cells: sheet.columns.value(cells, name), context, problem)
        result.errors.extend(problems)
        if planned and not problems:
            result.cadres.append(planned)


def _plan_cadre(number, value, context, problem):
    username = value("username")
    if not username:
        problem("username", _("the username is empty"))
        return None
    if username in context.seen_users:
        problem("username", _("%(user)s is already on row %(row)s") % {
            "user": username, "row": context.seen_users[username]})
        return None
    context.seen_users[username] = number
    if username not in context.users and not context.create_users:
        problem("username", _("no LMS user %(user)s (import with --create-users to create it)") % {"user": username})
    if username not in context.users and context.create_users and not value("name"):
        problem("name", _("a new user needs a name"))
    email = value("email")
    if email and not is_email(email):
        problem("email", _("%(value)r is not an e-mail address") % {"value": email})
    code, category = check_organisation_and_category(value, context, problem)
    took_office_on = day(value("took_office_on"), "took_office_on", context.today, problem, required=True)
    registered_on = day(value("registered_on"), "registered_on", context.today, problem, required=False)
    employee_number = check_employee_number(value("employee_number") or None, username, number, context, problem)
    phone = normalise_phone(value("phone"))
    if value("phone") and not PHONE.match(phone):
        problem("phone", _("%(value)r is not a phone number (11-digit mobile or area code and number)") % {
            "value": value("phone")})
    status = pick(value("status"), STATUSES)
    if status is None:
        problem("status", _("%(value)r is not a status (在职, 离任)") % {"value": value("status")})
    return PlannedCadre(
        row=number, username=username, full_name=value("name"), email=email, organisation_code=code,
        position=value("position"), category=category or "", took_office_on=took_office_on,
        registered_on=registered_on, employee_number=employee_number, phone=phone, status=status or "",
        user_exists=username in context.users,
    )


def _write(result: CadreImportResult) -> list[int]:
    """Write every row; the ids of the pending cadres to invite (new, or never invited)."""
    by_code = {}
    for planned in result.organisations:
        parent = by_code.get(planned.parent_code) or (
            Organisation.objects.get(code=planned.parent_code) if planned.parent_code else None
        )
        by_code[planned.code] = tree.save_organisation(
            code=planned.code, name=planned.name, level=planned.level, parent=parent
        )
    if not result.cadres:
        return []
    organisations = {organisation.code: organisation for chunk in chunked(
        {cadre.organisation_code for cadre in result.cadres}) for organisation in Organisation.objects.filter(
        code__in=chunk)}
    user_model = get_user_model()
    time_zone = config.credit_time_zone()
    to_invite = []
    for planned in result.cadres:
        if planned.pending:
            to_invite.extend(pending_import.write_pending(planned, organisations[planned.organisation_code]))
            continue
        user = user_model.objects.filter(username=planned.username).first()
        if user is None:  # an account as the platform makes one, its profile holding the full name
            user = compat.create_account(username=planned.username, email=planned.email, name=planned.full_name)
        existing = CadreProfile.objects.filter(user=user).first()
        registered_on = planned.registered_on or (
            existing.registered_on if existing else user.date_joined.astimezone(time_zone).date()
        )
        CadreProfile.objects.update_or_create(user=user, defaults={
            "organisation": organisations[planned.organisation_code], "position": planned.position,
            "category": planned.category, "took_office_on": planned.took_office_on, "registered_on": registered_on,
            "employee_number": planned.employee_number, "phone": planned.phone, "status": planned.status,
        })
    return to_invite


