"""Importing offline training and exam credits: encodings, headers, all-or-nothing, idempotent."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from credit_plugin import api
from credit_plugin.ledger.signals import OFFLINE_EXAM_PASSED
from credit_plugin.models import LedgerEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HEADER = ["姓名", "用户名", "培训名称", "培训日期", "学分", "学时"]


def csv_bytes(rows, encoding="utf-8"):
    return "\n".join(",".join(str(cell) for cell in row) for row in rows).encode(encoding)


def xlsx_bytes(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def cadres(db):
    return [
        UserFactory(username="wang", name="王小纲"),
        UserFactory(username="li", name="李红", email="li@x.cn"),
    ]


def run(data, filename="roster.csv", dry_run=False):
    return api.import_offline_credits(data=data, filename=filename, recorded_by="tester", dry_run=dry_run)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_csv_in_every_encoding_chinese_excel_writes_is_imported(cadres, encoding):
    data = csv_bytes([HEADER, ["王小纲", "wang", "2026年春季工会干部集中培训", "2026-03-15", "12", "6"]], encoding)
    result = run(data)
    assert (result.errors, result.recorded) == ((), 1)
    entry = LedgerEntry.objects.get()
    assert (entry.source_kind, entry.title, entry.credits, entry.year) == (
        "offline_training",
        "2026年春季工会干部集中培训",
        Decimal("12.00"),
        2026,
    )


def test_xlsx_with_title_rows_english_headers_and_exam_results(cadres):
    data = xlsx_bytes(
        [
            ["山东省总工会 2026 年度线下考试成绩"],
            [],
            ["Name", "E-mail", "Training name", "Date", "Credits", "Hours", "Score", "Passed"],
            ["李红", "li@x.cn", "工会法知识考试", "2026/4/20", 5, 2, 92, "是"],
            ["王小纲", "wang@example.com", "工会法知识考试", "2026/4/20", 5, 2, 48, "否"],
        ]
    )
    exams = []
    OFFLINE_EXAM_PASSED.connect(receiver := lambda sender, **kw: exams.append(kw["exam_name"]))
    try:
        result = run(data, "scores.xlsx")
    finally:
        OFFLINE_EXAM_PASSED.disconnect(receiver)
    assert result.errors == ()
    assert result.recorded == 1
    assert [str(s) for s in result.skipped] in (
        ["row 5, column Passed: not passed: no credits"],
        ["第 5 行，“Passed”列：未合格：不计学分"],
    )
    assert LedgerEntry.objects.get().source_kind == "offline_exam"


def test_every_bad_row_is_listed_and_nothing_is_recorded(cadres, english):
    data = csv_bytes(
        [
            HEADER,
            ["王小纲", "wang", "集中培训", "2026-03-15", "12", "6"],
            ["张三", "nobody", "集中培训", "2026-03-15", "12", "6"],
            ["王小纲", "wang", "专题培训", "2026-02-30", "-1", "abc"],
            ["李红", "li", "集中培训", "2099-01-01", "3", "1"],
            ["王小纲", "wang", "集中培训", "2026-03-15", "12", "6"],
            ["李四", "li", "学习", "2026-01-02", "1", "1"],
        ]
    )
    result = run(data)
    messages = [str(problem) for problem in result.errors]
    assert messages == [
        "row 3, column 用户名: no learner 'nobody'",
        "row 4, column 培训日期: '2026-02-30' is not a date (write it as 2026-05-01)",
        "row 4, column 学分: -1 is negative",
        "row 4, column 学时: 'abc' is not a number",
        "row 5, column 培训日期: 2099-01-01 is in the future",
        "row 6, column 培训名称: repeats row 2 (same learner, training and date)",
        "row 7, column 姓名: '李四' is not the name of li (李红)",
    ]
    assert not LedgerEntry.objects.exists()


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"\xff\xfe\x00garbage\x81\x30", "roster.csv", "neither UTF-8 nor GB18030"),
        (b"not a zip", "roster.xlsx", "not a readable .xlsx"),
        (
            csv_bytes([["姓名", "用户名", "学分", "学时"], ["王小纲", "wang", "1", "1"]]),
            "r.csv",
            "Missing columns: 培训名称, 培训日期",
        ),
        (csv_bytes([["a", "b"], ["1", "2"]]), "r.csv", "No header row found"),
        (b"x", "roster.pdf", "neither an .xlsx nor a .csv"),
    ],
)
def test_unreadable_files_say_why(cadres, english, data, filename, message):
    result = run(data, filename)
    assert message in str(result.errors[0])
    assert not LedgerEntry.objects.exists()


def test_dry_run_records_nothing_and_a_second_import_records_nothing_new(cadres):
    data = csv_bytes(
        [
            HEADER,
            ["王小纲", "wang", "集中培训", "2026-03-15", "12", "6"],
            ["李红", "li", "集中培训", "2026-03-15", "12", "6"],
        ]
    )
    preview = run(data, dry_run=True)
    assert (len(preview.planned), preview.recorded, LedgerEntry.objects.count()) == (2, 0, 0)
    assert run(data).recorded == 2
    again = run(data)
    assert (again.recorded, again.already_recorded) == (0, 2)
    assert api.year_summary(user_id=cadres[0].id, year=2026).credits == Decimal("12.00")


def test_the_command_lists_problems_and_exits_non_zero(cadres, tmp_path, capsys, english):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([HEADER, ["王小纲", "wang", "集中培训", "2026-03-15", "x", "6"]]))
    with pytest.raises(CommandError, match="1 problems; nothing was recorded"):
        call_command("import_offline_credits", str(bad), verbosity=0)
    assert "row 2, column 学分: 'x' is not a number" in capsys.readouterr().err
    good = tmp_path / "good.csv"
    good.write_bytes(csv_bytes([HEADER, ["王小纲", "wang", "集中培训", "2026-03-15", "8", "6"]], "gb18030"))
    call_command("import_offline_credits", str(good), "--dry-run", verbosity=0)
    assert not LedgerEntry.objects.exists()
    call_command("import_offline_credits", str(good), verbosity=0)
    assert LedgerEntry.objects.count() == 1
