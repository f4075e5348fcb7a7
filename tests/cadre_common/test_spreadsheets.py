"""The one spreadsheet reader and writer: bounded and robust in, formulas never run out, and back again."""
import csv
import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from cadre_common import spreadsheets
from cadre_common.spreadsheets import reading

pytestmark = pytest.mark.usefixtures("english")
FORMULA_STARTS = ["=1+1", "+86", "-5", "@SUM(A1)", "\tTAB", "\rCR"]


@pytest.mark.parametrize("text", FORMULA_STARTS)
def test_text_that_a_spreadsheet_would_run_is_written_as_text_in_xlsx(text):
    data = spreadsheets.table_bytes("xlsx", [["备注"], [text]], title="t")
    cell = load_workbook(io.BytesIO(data)).active.cell(row=2, column=1)
    assert (cell.value, cell.data_type) == (text, "s")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")


@pytest.mark.parametrize("text", FORMULA_STARTS)
def test_text_that_a_spreadsheet_would_run_gets_an_apostrophe_in_csv(text):
    data = spreadsheets.table_bytes("csv", [["备注"], [text]], title="t")
    assert data.startswith("\ufeff".encode())
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))[1] == ["'" + text]


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_what_the_writer_guarded_reads_back_as_it_was_written(file_format):
    rows = [["题干", "答案"], ["=1+1 等于几？", "A"], ["-5 的绝对值", "B"], ["'引号开头", "C"]]
    data = spreadsheets.table_bytes(file_format, rows, title="题库")
    assert spreadsheets.read_sheets(data, f"bank.{file_format}")[0] == rows


def test_numbers_and_dates_are_not_text_and_not_guarded():
    data = spreadsheets.table_bytes("xlsx", [["n"], [-5], [1.5]], title="t")
    assert [cell.value for cell in load_workbook(io.BytesIO(data)).active["A"]] == ["n", -5, 1.5]


def test_csv_in_the_encodings_chinese_excel_writes_and_any_separator():
    for encoding in ("utf-8", "utf-8-sig", "gb18030", "gbk"):
        for separator in (",", "\t", ";"):
            data = f"姓名{separator}学分\n王小纲{separator}2.5".encode(encoding)
            assert spreadsheets.read_sheets(data, "名单.csv")[0] == [["姓名", "学分"], ["王小纲", "2.5"]]


@pytest.mark.parametrize(("data", "name", "reason"), [
    (b"PK\x03\x04broken", "a.xlsx", "not a readable .xlsx workbook"),
    (b"\xff\xfe\x00\x00", "a.csv", "neither UTF-8 nor GB18030"),
    (b"a,b\x00c", "a.csv", "binary"),
    (b"x", "a.pdf", "neither an .xlsx nor a .csv"),
])
def test_a_file_that_is_not_a_spreadsheet_is_refused_with_the_reason(data, name, reason):
    with pytest.raises(spreadsheets.UnreadableFile, match=reason):
        spreadsheets.read_sheets(data, name)


def test_a_hostile_file_is_refused_before_it_costs_much():
    with pytest.raises(spreadsheets.UnreadableFile, match="more than 10 rows"):
        spreadsheets.read_sheets(b"a\n" * 11, "a.csv", max_rows=10)
    with pytest.raises(spreadsheets.UnreadableFile, match="up to 1 MB"):
        spreadsheets.read_sheets(b"a" * (1024 * 1024 + 1), "a.csv", max_bytes=1024 * 1024)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("s")
    for _ in range(11):
        sheet.append(["x"])
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(spreadsheets.UnreadableFile, match="more than 10 rows"):
        spreadsheets.read_sheets(out.getvalue(), "a.xlsx", max_rows=10)


def test_a_zip_bomb_is_refused_without_unpacking_it(monkeypatch):
    monkeypatch.setattr(reading, "MAX_UNCOMPRESSED_BYTES", 1000)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "0" * 100_000)
    with pytest.raises(spreadsheets.UnreadableFile, match="unpacks to more than"):
        spreadsheets.read_sheets(out.getvalue(), "bomb.xlsx")


def test_the_header_is_found_below_title_rows_by_any_spelling():
    rows = [["山东省工会干部名册"], [], ["姓 名", "E-mail", "学分（学时）"], ["王小纲", "w@example.org", "3"]]
    matcher = spreadsheets.aliases_matcher({"name": ["姓名"], "email": ["email"], "credits": ["学分(学时)"]})
    sheet = spreadsheets.find_sheet(rows, matcher, lambda found: "name" in found)
    assert sheet.header_row == 3 and sheet.rows == [(4, ["王小纲", "w@example.org", "3"])]
    assert sheet.columns.value(sheet.rows[0][1], "credits") == "3" and sheet.columns.label("email") == "E-mail"
    assert spreadsheets.find_sheet(rows, matcher, lambda found: "phone" in found) is None


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4096), st.sampled_from(["a.csv", "a.xlsx"]))
def test_any_bytes_are_read_or_refused_with_a_reason_never_a_crash(data, name):
    try:
        sheets = spreadsheets.read_sheets(data, name)
    except spreadsheets.UnreadableFile as error:
        assert str(error)
    else:
        assert all(isinstance(cell, str) for sheet in sheets for row in sheet for cell in row)
