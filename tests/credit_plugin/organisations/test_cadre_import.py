"""Importing organisations and cadres: every problem listed with its row and column, nothing half-written."""
import io
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from credit_plugin import api
from credit_plugin.models import CadreProfile, Organisation
from tests.factories import UserFactory, cadre, union_tree

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ORGANISATIONS = [
    ["组织代码", "组织名称", "级别", "上级代码"],
    ["370000", "山东省总工会", "省", ""],
    ["370100", "济南市总工会", "市", "370000"],
    ["370102", "历下区总工会", "区县", "370100"],
    ["370102001", "历下区某公司工会", "基层", "370102"],
]
CADRES = [
    ["用户名", "姓名", "组织代码", "职务", "干部类别", "任职日期", "注册日期", "工号", "手机号"],
    ["wangxg", "王小纲", "370102001", "工会主席", "主席", "2026-03-01", "2026-03-05", "E001", "138 0013 8000"],
    ["lisi", "李四", "370102", "副主席", "副主席", "2025/7/1", "", "E002", ""],
]


def workbook(*sheets):
    book = Workbook()
    book.remove(book.active)
    for index, rows in enumerate(sheets):
        sheet = book.create_sheet(f"sheet{index}")
        sheet.append(["山东省工会干部名册"])  # a title row above the header
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows, encoding="utf-8-sig"):
    return "\n".join(",".join(row) for row in rows).encode(encoding)


def run(data, filename="干部.xlsx", dry_run=False, create_users=True):
    return api.import_cadres(data=data, filename=filename, dry_run=dry_run, create_users=create_users)


def messages(result):
    return [str(problem) for problem in result.errors]


def test_a_workbook_with_organisations_and_cadres_creates_both():
    result = run(workbook(CADRES, ORGANISATIONS))
    assert messages(result) == []
    assert Organisation.objects.get(code="370102001").path.startswith(Organisation.objects.get(code="370000").path)
    profile = CadreProfile.objects.get(user__username="wangxg")
    assert (profile.organisation.code, profile.category) == ("370102001", "chair")
    assert profile.took_office_on == date(2026, 3, 1)
    assert profile.phone == "13800138000"
    assert api.cadre_profile(user_id=profile.user_id).masked_phone == "138****8000"
    created = get_user_model().objects.get(username="wangxg")  # an account as the platform makes one
    assert (created.profile.name, created.first_name, created.has_usable_password()) == ("王小纲", "", False)


def test_registration_defaults_to_the_lms_account_creation():
    run(workbook(ORGANISATIONS, CADRES))
    user = get_user_model().objects.get(username="lisi")
    # The day the account was made, in the credit time zone (Asia/Shanghai), not in UTC.
    assert CadreProfile.objects.get(user=user).registered_on == user.date_joined.astimezone(
        ZoneInfo("Asia/Shanghai")).date()


def test_a_dry_run_writes_nothing_and_a_second_import_duplicates_nothing():
    preview = run(workbook(ORGANISATIONS, CADRES), dry_run=True)
    assert (len(preview.organisations), len(preview.cadres), preview.users_to_create) == (4, 2, 2)
    assert not Organisation.objects.exists() and not get_user_model().objects.exists()
    run(workbook(ORGANISATIONS, CADRES))
    run(workbook(ORGANISATIONS, CADRES))
    assert Organisation.objects.count() == 4
    assert CadreProfile.objects.count() == 2 and get_user_model().objects.count() == 2


def test_users_are_created_only_when_asked():
    run(workbook(ORGANISATIONS))
    result = run(csv_bytes(CADRES), "cadres.csv", create_users=False)
    assert messages(result) == [
        "row 2, column 用户名: no LMS user wangxg (import with --create-users to create it)",
        "row 3, column 用户名: no LMS user lisi (import with --create-users to create it)",
    ]
    UserFactory(username="wangxg"), UserFactory(username="lisi")
    assert messages(run(csv_bytes(CADRES, "gb18030"), "cadres.csv", create_users=False)) == []


def test_cycles_and_unknown_parents_are_listed_and_nothing_is_written():
    rows = [ORGANISATIONS[0], ["A", "甲", "市", "B"], ["B", "乙", "区县", "A"], ["C", "丙", "基层", "ZZZ"],
            ["D", "丁", "镇", ""], ["A", "甲2", "市", ""]]
    assert messages(run(workbook(rows))) == [
        'row 6, column 级别: \'镇\' is not a level (省, 市, 区县, 基层)',
        "row 7, column 组织代码: A is already on row 3",
        "row 3, column 上级代码: A would be below itself: A → B → A",
        "row 4, column 上级代码: B would be below itself: B → A → B",
        "row 5, column 上级代码: no organisation ZZZ, neither in the file nor in the system",
    ]
    assert not Organisation.objects.exists()


def test_a_cycle_through_organisations_already_in_the_system_is_refused():
    union_tree()
    rows = [ORGANISATIONS[0], ["370100", "济南市总工会", "市", "370102001"]]
    assert messages(run(workbook(rows))) == [
        "row 3, column 上级代码: 370100 would be below itself: 370100 → 370102001 → 370102 → 370100"
    ]


def test_bad_cadre_rows_are_listed_by_row_and_column():
    orgs = union_tree()
    cadre(orgs["union_a"], username="taken", employee_number="E009")
    future = (date.today() + timedelta(days=30)).isoformat()
    rows = [
        CADRES[0],
        ["a1", "甲", "999999", "主席", "主席", "2026-01-01", "", "", ""],
        ["a2", "乙", "370102", "主席", "组长", future, "", "E001", ""],
        ["a3", "丙", "370102", "主席", "兼职", "2026-13-01", "", "E001", "12345"],
        ["a4", "丁", "370102", "主席", "兼职", "2026-01-01", "", "E009", "+86 139-0000-0000"],
        ["a1", "甲", "370102", "主席", "主席", "2026-01-01", "", "", ""],
    ]
    assert messages(run(workbook(rows))) == [
        "row 3, column 组织代码: no organisation 999999",
        "row 4, column 干部类别: '组长' is not a cadre category (主席, 副主席, 专职, 兼职)",
        f"row 4, column 任职日期: {future} is in the future",
        "row 5, column 任职日期: '2026-13-01' is not a date (write it as 2026-05-01)",
        "row 5, column 工号: employee number E001 is already on row 4",
        "row 5, column 手机号: '12345' is not a phone number (11-digit mobile or area code and number)",
        "row 6, column 工号: employee number E009 belongs to taken",
        "row 7, column 用户名: a1 is already on row 3",
    ]
    assert CadreProfile.objects.count() == 1


def test_an_unreadable_file_and_a_file_without_a_header_say_so():
    assert "neither an .xlsx nor a .csv" in messages(run(b"x", "cadres.pdf"))[0]
    assert "No header row found" in messages(run(csv_bytes([["a", "b"], ["1", "2"]]), "x.csv"))[0]


def test_the_command_imports_and_its_dry_run_lists_what_it_would_write(tmp_path, capsys):
    path = tmp_path / "干部.xlsx"
    path.write_bytes(workbook(ORGANISATIONS, CADRES))
    call_command("import_cadres", str(path), "--dry-run", "--create-users")
    out = capsys.readouterr().out
    assert "row 3: cadre wangxg → 370102001 [new user]" in out
    assert "would write 4 organisations and 2 cadres (2 new LMS users)" in out
    assert not Organisation.objects.exists()
    call_command("import_cadres", str(path), "--create-users")
    assert CadreProfile.objects.count() == 2


def test_the_command_fails_with_every_problem(tmp_path, capsys):
    path = tmp_path / "cadres.csv"
    path.write_bytes(csv_bytes(CADRES))
    with pytest.raises(CommandError, match="4 problems; nothing was written"):
        call_command("import_cadres", str(path))
    assert "no organisation 370102001" in capsys.readouterr().err
