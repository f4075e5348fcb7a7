"""
Every reader of files people send, given arbitrary bytes (and well-formed files with bytes changed),
gives a result or its own error, never another exception, each example in bounded time:

- the spreadsheet reader (CSV and XLSX): rows, or UnreadableFile;
- the question-bank readers (template CSV/XLSX, GIFT, Aiken, Moodle XML, level_challenge OLX):
  ``read_bank`` never raises; what it cannot read is a listed problem;
- the survey OLX reader: questions, or ValueError (and lxml's XMLSyntaxError for the XML itself);
- the course archive reader and the outline reader of course_exports: a result, or InputProblems.
"""
import io
import tarfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from cadre_common.safe_ids import is_safe_id
from cadre_common.spreadsheets import UnreadableFile, read_sheets
from course_exports.course_units import archive_files
from course_exports.errors import InputProblems
from course_exports.outline import read_outline
from question_bank.api import RowProblem, read_bank, write_bank
from tests.course_exports.conftest import EXAMPLES
from xblocks.demand_survey import olx as survey_olx
from xblocks.level_challenge.demo import demo_questions

FUZZ = settings(max_examples=200, deadline=2000, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
SAMPLE = demo_questions()[:6]
WELL_FORMED = {name: write_bank(SAMPLE, filename=name)[0] for name in ("bank.xlsx", "bank.csv", "bank.gift",
                                                                        "bank.aiken", "bank.xml", "bank.olx")}


def mutated(original: bytes):
    """``original`` with a few bytes replaced, cut short or with bytes put in: almost right, as broken files are."""
    return st.one_of(
        st.lists(st.tuples(st.integers(0, len(original) - 1), st.integers(0, 255)), min_size=1, max_size=8).map(
            lambda changes: _replaced(original, changes)),
        st.integers(0, len(original)).map(lambda cut: original[:cut]),
        st.tuples(st.integers(0, len(original)), st.binary(min_size=1, max_size=64)).map(
            lambda insert: original[:insert[0]] + insert[1] + original[insert[0]:]),
    )


def _replaced(original: bytes, changes) -> bytes:
    data = bytearray(original)
    for position, value in changes:
        data[position] = value
    return bytes(data)


def hostile(original: bytes):
    return st.one_of(st.binary(max_size=4096), mutated(original))


# -- the spreadsheet reader ----------------------------------------------------------------------------

@pytest.mark.parametrize("filename", ["rows.csv", "rows.xlsx"])
@FUZZ
@given(data=st.data())
@example(data=None)
def test_the_spreadsheet_reader_gives_rows_or_unreadable_file(filename, data):
    original = WELL_FORMED["bank." + filename.rsplit(".", 1)[1]]
    content = original if data is None else data.draw(hostile(original))
    try:
        sheets = read_sheets(content, filename)
    except UnreadableFile as error:
        assert str(error)
        return
    assert all(isinstance(cell, str) for sheet in sheets for row in sheet for cell in row)


def _with_sheet(workbook: bytes, sheet: bytes) -> bytes:
    """``workbook`` with its first sheet's XML replaced by ``sheet`` (the package itself intact)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            target.writestr(name, sheet if name == "xl/worksheets/sheet1.xml" else source.read(name))
    return buffer.getvalue()


with zipfile.ZipFile(io.BytesIO(WELL_FORMED["bank.xlsx"])) as _workbook:
    SHEET = _workbook.read("xl/worksheets/sheet1.xml")


@FUZZ
@given(sheet=hostile(SHEET))
def test_a_workbook_with_a_damaged_sheet_gives_rows_or_unreadable_file(sheet):
    try:
        sheets = read_sheets(_with_sheet(WELL_FORMED["bank.xlsx"], sheet), "bank.xlsx")
    except UnreadableFile as error:
        assert str(error)
        return
    assert all(isinstance(cell, str) for sheet_rows in sheets for row in sheet_rows for cell in row)


# -- the question-bank readers -------------------------------------------------------------------------

@pytest.mark.parametrize("filename", sorted(WELL_FORMED))
@FUZZ
@given(data=st.data())
def test_every_bank_reader_gives_questions_or_listed_problems(filename, data):
    questions, problems = read_bank(data.draw(hostile(WELL_FORMED[filename])), filename=filename)
    assert all(isinstance(problem, RowProblem) and str(problem) for problem in problems)
    if questions and not [problem for problem in problems if not problem.skipped]:
        # What is read without a problem is safe to show: every id is of the safe alphabet.
        assert all(is_safe_id(question.id) and all(map(is_safe_id, (option.id for option in question.options)))
                   for question in questions)


# -- the survey OLX reader -----------------------------------------------------------------------------

SURVEY = (EXAMPLES / "demo_survey.xml").read_bytes()


@FUZZ
@given(content=hostile(SURVEY))
@example(content=b"<demand_survey>" + b"<q>" * 20_000 + b"</demand_survey>")
def test_the_survey_olx_reader_gives_questions_or_its_errors(content):
    try:
        node = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except (etree.XMLSyntaxError, ValueError):
        return
    try:
        _intro, questions = survey_olx.read_children(node)
    except ValueError as error:
        assert str(error)
        return
    assert all(isinstance(question.id, str) for question in questions)


# -- course_exports: the archive and the outline -------------------------------------------------------

def _course_archive() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, content in (("course/course.xml", b'<course url_name="r" org="o" course="c"/>'),
                              ("course/course/r.xml", b'<course display_name="d"><chapter url_name="c1"/></course>'),
                              ("course/chapter/c1.xml", b'<chapter display_name="c"/>')):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


ARCHIVE = _course_archive()


@FUZZ
@given(content=hostile(ARCHIVE))
def test_the_course_archive_reader_gives_files_or_input_problems(tmp_path_factory, content):
    path = Path(tmp_path_factory.mktemp("fuzz")) / "course.tar.gz"
    path.write_bytes(content)
    try:
        files = archive_files(path)
    except InputProblems as error:
        assert error.problems
        return
    assert all(isinstance(value, bytes) for value in files.values())


OUTLINE = (EXAMPLES / "demo_outline.yaml").read_bytes()


@settings(FUZZ, deadline=10_000)  # PyYAML is pure Python: a deeply nested document takes seconds to refuse
@given(content=hostile(OUTLINE))
@example(content=b"chapters: " + b"[" * 3_000)  # deeper than PyYAML can recurse
@example(content=b"a: &a [*a]")  # an alias of itself
def test_the_outline_reader_gives_an_outline_or_input_problems(content):
    text = content.decode("utf-8", errors="replace")
    try:
        outline = read_outline(text)
    except InputProblems as error:
        assert error.problems
        return
    assert outline.run


@settings(FUZZ, deadline=10_000)
@given(content=mutated(OUTLINE))
@example(content=OUTLINE.replace(b"demo_bank.xlsx", b'"a\\0b.xlsx"'))
def test_building_from_a_damaged_outline_gives_an_archive_or_input_problems(tmp_path_factory, content):
    from course_exports.course_build import build_course

    folder = Path(tmp_path_factory.mktemp("outline"))
    for name in ("demo_bank.xlsx", "demo_survey.xml"):
        (folder / name).write_bytes((EXAMPLES / name).read_bytes())
    (folder / "outline.yaml").write_bytes(content)
    try:
        files = build_course(folder / "outline.yaml", folder / "course.tar.gz")
    except InputProblems as error:
        assert error.problems and not (folder / "course.tar.gz").exists()
        return
    assert files and (folder / "course.tar.gz").exists()
