"""Which format a bank file is in: by its extension, by its content, or by another package's entry point."""

import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank import formats
from question_bank.api import (
    ENTRY_POINT_GROUP,
    UnknownFormat,
    format_of,
    read_bank,
    readable_extensions,
    write_bank,
)

pytestmark = pytest.mark.usefixtures("english")  # messages are asserted in English; zh_CN is tested apart

GIFT = "::q1::工会会员有退会的自由。 {TRUE}\n".encode()
AIKEN = "基层工会委员会每届任期为？\nA. 一年\nB. 三年或五年\nANSWER: B\n".encode()


def test_every_built_in_format_is_offered():
    assert {"xlsx", "xlsm", "csv", "gift", "aiken", "txt", "xml", "olx"} <= set(readable_extensions())


def test_an_upper_case_extension_is_read_as_its_format():
    questions, problems = read_bank(GIFT, filename="题库.GIFT")
    assert problems == []
    assert [(question.id, question.answer) for question in questions] == [("q1", ("T",))]


def test_a_txt_file_is_gift_or_aiken_by_its_content():
    assert [question.answer for question in read_bank(GIFT, filename="bank.txt")[0]] == [("T",)]
    assert [question.answer for question in read_bank(AIKEN, filename="bank.txt")[0]] == [("B",)]


def test_an_xml_file_is_moodle_or_olx_by_its_root(example_questions):
    moodle, _ = write_bank(example_questions[:2], filename="bank.xml")
    olx, _ = write_bank(example_questions[:2], filename="bank.olx")
    assert format_of("bank.xml", moodle).name == "moodle"
    assert format_of("bank.xml", olx).name == "olx"
    assert read_bank(olx, filename="export.xml") == (example_questions[:2], [])


def test_a_format_named_explicitly_wins_over_the_extension(example_questions):
    data, _ = write_bank(example_questions, filename="bank.dat", format_name="csv")
    assert data.startswith("\ufeff题号,题型,题干".encode())
    assert read_bank(data, filename="bank.dat", format_name="csv") == (example_questions, [])


def test_an_unknown_extension_is_a_clear_problem_not_an_exception():
    questions, problems = read_bank(b"x", filename="bank.docx")
    assert questions == []
    assert problems[0].message.startswith('cannot tell the format of "bank.docx"; name it .aiken, .csv, .gift')
    with pytest.raises(UnknownFormat):
        write_bank([], filename="bank.docx")


@pytest.fixture
def installed_plugin(tmp_path, monkeypatch):
    """A real distribution on sys.path registering a reader for .exam files (and one for .csv, which loses)."""
    (tmp_path / "exam_bank.py").write_text(textwrap.dedent('''
        from question_bank.api import Option, Question, QuestionKind, RowProblem

        def read(data, filename):
            if data == b"boom":
                raise RuntimeError("a bug in the plugin")
            if not data.strip():
                return [], [RowProblem(1, "", "empty exam file")]
            stem = data.decode().strip()
            return [Question(id="e-1", kind=QuestionKind.SINGLE, stem=stem,
                             options=(Option("A", "对"), Option("B", "错")), answer=("A",))], []
    '''), encoding="utf-8")
    info = tmp_path / "exam_bank-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: exam-bank\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        f"[{ENTRY_POINT_GROUP}]\nexam = exam_bank:read\ncsv = exam_bank:read\nbroken = exam_bank:missing\n",
        encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    formats.plugin_formats.cache_clear()
    yield
    formats.plugin_formats.cache_clear()
    sys.modules.pop("exam_bank", None)


@pytest.mark.usefixtures("installed_plugin")
def test_another_packages_format_is_found_through_its_entry_point():
    assert "exam" in readable_extensions() and "broken" not in readable_extensions()
    questions, problems = read_bank("工会是什么组织？".encode(), filename="期末.exam")
    assert problems == [] and questions[0].stem == "工会是什么组织？"
    assert read_bank(b" ", filename="b.exam")[1][0].message == "empty exam file"


@pytest.mark.usefixtures("installed_plugin")
def test_a_plugin_cannot_take_over_a_built_in_format_nor_break_the_import():
    assert format_of("bank.csv").name == "csv"
    questions, problems = read_bank(b"boom", filename="b.exam")
    assert questions == [] and problems[0].message == "the .exam reader failed on this file"
    with pytest.raises(UnknownFormat, match="can be read but not written"):
        write_bank([], filename="b.exam")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["b.xml", "b.txt", "b.olx", "b.aiken", "b.gift", "b.csv", "b.zip"]))
def test_no_file_of_any_name_makes_read_bank_crash(data, filename):
    questions, problems = read_bank(data, filename=filename)
    assert questions or problems
