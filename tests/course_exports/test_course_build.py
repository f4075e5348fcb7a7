"""`build_course`: a demo outline becomes an OLX archive that olxcleaner accepts; bad outlines write nothing."""

import contextlib
import shutil
import tarfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from olxcleaner import validate
from olxcleaner.exceptions import ErrorLevel

from course_exports.api import (
    BuildError,
    ExtractError,
    OutlineError,
    build_course,
    extract_course,
    read_outline,
)
from question_bank.api import read_bank
from tests.course_exports.conftest import EXAMPLES

pytestmark = pytest.mark.usefixtures("english")  # messages are asserted in English; zh_CN is tested apart


@pytest.fixture
def outline_dir(tmp_path):
    shutil.copy(EXAMPLES / "demo_outline.yaml", tmp_path)
    shutil.copy(EXAMPLES / "demo_bank.xlsx", tmp_path)
    shutil.copy(EXAMPLES / "demo_survey.xml", tmp_path)
    return tmp_path


def olx_errors(archive, tmp_path):
    with tarfile.open(archive) as opened:
        opened.extractall(tmp_path / "unpacked", filter="data")
    _course, errorstore, _names = validate(
        str(tmp_path / "unpacked" / "course"), allowed_xblocks=["level_challenge", "demand_survey"]
    )
    return [
        f"{type(error).__name__}: {error.description}"
        for error in errorstore.errors
        if error.level.value >= ErrorLevel.ERROR.value
    ]


def test_demo_outline_builds_a_course_olxcleaner_accepts(outline_dir, tmp_path):
    files = build_course(outline_dir / "demo_outline.yaml", tmp_path / "course.tar.gz")
    assert "course.xml" in files and "level_challenge/c1s1u2_level_challenge1.xml" in files
    assert olx_errors(tmp_path / "course.tar.gz", tmp_path) == []


def test_a_challenge_holds_only_the_questions_its_filter_selects(outline_dir, tmp_path):
    build_course(outline_dir / "demo_outline.yaml", tmp_path / "course.tar.gz")
    extracted = {item.url_name: item for item in extract_course(tmp_path / "course.tar.gz", tmp_path / "out")}
    questions, problems = read_bank((tmp_path / "out" / "c2s1u1_level_challenge2.xlsx").read_bytes(), filename="x.xlsx")
    assert problems == []
    assert questions and all({"工会经费", "民主管理"} & set(question.tags) for question in questions)
    assert all(question.difficulty in ("easy", "medium") for question in questions)
    assert extracted["c2s1u2_demand_survey1"].display_name == "2026年培训需求调查"


def test_building_twice_gives_the_same_archive(outline_dir, tmp_path):
    build_course(outline_dir / "demo_outline.yaml", tmp_path / "a.tar.gz")
    build_course(outline_dir / "demo_outline.yaml", tmp_path / "b.tar.gz")
    assert (tmp_path / "a.tar.gz").read_bytes() == (tmp_path / "b.tar.gz").read_bytes()


def test_a_malformed_outline_lists_every_problem_by_path_and_writes_nothing(tmp_path):
    (tmp_path / "outline.yaml").write_text(
        """
course: {org: "bad org", number: N1}
chapters:
  - title: 第一章
    sections:
      - title: 节
        units:
          - title: 单元
            components:
              - video: {youtube: short}
              - quiz: {}
              - level_challenge: {filter: {difficulty: [insane]}}
""",
        encoding="utf-8",
    )
    with pytest.raises(BuildError) as raised:
        build_course(tmp_path / "outline.yaml", tmp_path / "course.tar.gz")
    problems = [problem.split(": ", 1)[1] for problem in raised.value.problems]
    assert problems == [
        'course.org: "bad org" may hold only letters, digits, _ . and -',
        "course.run: missing",
        'chapters[0].sections[0].units[0].components[0].video.youtube: "short" is not an 11-character YouTube id',
        "chapters[0].sections[0].units[0].components[1]: name exactly one of video, html, level_challenge, "
        "demand_survey",
        "chapters[0].sections[0].units[0].components[2].level_challenge.bank: missing (the question bank file)",
        'chapters[0].sections[0].units[0].components[2].level_challenge.filter.difficulty: "insane" is not easy, '
        "medium or hard",
        "course.display_name: missing",
    ]
    assert list(tmp_path.iterdir()) == [tmp_path / "outline.yaml"]


def test_a_bad_bank_stops_the_build_with_its_rows(outline_dir, tmp_path):
    (outline_dir / "demo_bank.xlsx").write_bytes("题干,答案\n问,E\n,A\n".encode())
    with pytest.raises(BuildError) as raised:
        build_course(outline_dir / "demo_outline.yaml", tmp_path / "course.tar.gz")
    assert raised.value.problems == ["demo_bank.xlsx: The file is not a readable .xlsx workbook (BadZipFile)."]
    assert not (tmp_path / "course.tar.gz").exists()


def test_invalid_yaml_says_the_line():
    with pytest.raises(OutlineError) as raised:
        read_outline("course:\n  org: [unclosed\n")
    assert raised.value.problems[0].startswith("line ")


@settings(max_examples=150, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "course",
                        "org",
                        "number",
                        "run",
                        "display_name",
                        "chapters",
                        "title",
                        "sections",
                        "units",
                        "components",
                        "video",
                        "html",
                        "level_challenge",
                        "demand_survey",
                        "youtube",
                        "url",
                        "bank",
                        "filter",
                        "levels",
                        "tags",
                    ]
                ),
                children,
                max_size=4,
            )
        ),
        max_leaves=20,
    )
)
def test_no_outline_makes_the_reader_crash(data):
    import yaml

    with contextlib.suppress(OutlineError):
        read_outline(yaml.safe_dump(data, allow_unicode=True))


def test_extract_then_build_gives_the_same_course_back(outline_dir, tmp_path):
    build_course(outline_dir / "demo_outline.yaml", tmp_path / "first.tar.gz")
    extract_course(tmp_path / "first.tar.gz", tmp_path / "edit")
    build_course(tmp_path / "edit" / "outline.yaml", tmp_path / "again.tar.gz")
    assert (tmp_path / "again.tar.gz").read_bytes() == (tmp_path / "first.tar.gz").read_bytes()


def test_extract_of_an_archive_without_a_course(tmp_path):
    import io

    with tarfile.open(tmp_path / "x.tar.gz", "w:gz") as archive:
        data = b"<level_challenge><bank/></level_challenge>"
        info = tarfile.TarInfo("level_challenge/a.xml")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    with pytest.raises(ExtractError) as raised:
        extract_course(tmp_path / "x.tar.gz", tmp_path / "out")
    assert "not an OLX course" in raised.value.problems[0]
    assert not (tmp_path / "out").exists()


def test_the_demo_survey_travels_with_its_questions(outline_dir, tmp_path):
    files = build_course(outline_dir / "demo_outline.yaml", tmp_path / "course.tar.gz")
    survey = etree.fromstring(files["demand_survey/c2s1u2_demand_survey1.xml"])
    assert survey.get("display_name") == "2026年培训需求调查"
    assert [q.get("kind") for q in survey.iterfind("question")] == [
        "single", "topics", "multiple", "rating", "ranking", "text"]


def test_a_broken_survey_file_is_named_and_nothing_is_built(outline_dir, tmp_path):
    (outline_dir / "demo_survey.xml").write_text(
        '<demand_survey><question id="q" kind="single"><prompt>只有一个选项</prompt>'
        '<option id="a">甲</option></question></demand_survey>', encoding="utf-8")
    with pytest.raises(BuildError) as error:
        build_course(outline_dir / "demo_outline.yaml", tmp_path / "course.tar.gz")
    assert any("question 1 (q): give at least two options" in problem for problem in error.value.problems)
    assert not (tmp_path / "course.tar.gz").exists()
