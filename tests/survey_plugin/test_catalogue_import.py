"""Importing the topic catalogue: all or nothing, every problem by row and column, a dry run, re-imports."""
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from survey_plugin import api
from survey_plugin.models import Topic, TopicResource

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
HEADER = ["代码", "名称", "说明", "课程或单元", "资源标题", "链接"]
GOOD = [
    ["union-basics", "工会基础知识", "工会的性质与职能", "course-v1:SDFTU+CADRE101+2026", "工会基础知识 ABC", ""],
    ["union-basics", "工会基础知识", "", "block-v1:SDFTU+CADRE101+2026+type@vertical+block@u1", "第一单元", ""],
    ["union-law", "工会法", "", "", "", ""],
]


def xlsx(rows, title_rows=(), header=HEADER):
    workbook = Workbook()
    for row in [*title_rows, header, *rows]:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_topics_and_their_courses_and_units_are_imported_below_a_title_row():
    result = api.import_topic_catalogue(data=xlsx(GOOD, title_rows=[["2026 年学习主题目录"]]), filename="主题.xlsx")
    assert (result.problems, result.topics, result.resources, result.written) == ((), 2, 2, True)
    assert [r.title for r in api.resources_for_topics(codes=["union-basics"])] == ["工会基础知识 ABC", "第一单元"]
    again = api.import_topic_catalogue(data=xlsx(GOOD), filename="主题.xlsx")
    assert again.written and Topic.objects.count() == 2 and TopicResource.objects.count() == 2


def test_every_problem_is_listed_and_nothing_is_written():
    bad = [
        *GOOD,
        ["工会 法!", "名字", "", "", "", ""],
        ["union-law", "工会法律", "", "", "", ""],
        ["finance", "", "", "course-v1:nonsense", "", ""],
        ["union-basics", "工会基础知识", "", "course-v1:SDFTU+CADRE101+2026", "重复", ""],
    ]
    result = api.import_topic_catalogue(data=xlsx(bad), filename="主题.xlsx")
    assert [str(problem) for problem in result.problems] == [
        "row 5, column 代码: '工会 法!': use letters, digits and hyphens only",
        "row 6, column 名称: union-law was named '工会法' in an earlier row",
        "row 7, column 名称: the topic name is empty",
        "row 7, column 课程或单元: 'course-v1:nonsense' is neither a course key nor a unit's usage key",
        "row 7, column 资源标题: a linked course or unit needs a title",
        "row 8, column 课程或单元: this course or unit is linked to union-basics twice",
    ]
    assert not result.written and not Topic.objects.exists()


def test_a_gb18030_csv_and_a_dry_run():
    text = "\n".join(",".join(row) for row in [HEADER, *GOOD])
    result = api.import_topic_catalogue(data=text.encode("gb18030"), filename="主题.csv", dry_run=True)
    assert (result.problems, result.topics, result.written) == ((), 2, False)
    assert not Topic.objects.exists()


def test_a_file_without_the_header_says_so():
    result = api.import_topic_catalogue(data=b"a,b\n1,2\n", filename="x.csv")
    assert [problem.message for problem in result.problems] == [
        "No header row with the columns 代码 (code) and 名称 (name)."]


def test_a_missing_title_column_is_named_as_the_template_names_it():
    rows = [["代码", "名称", "课程或单元"], ["union-law", "工会法", "course-v1:SDFTU+LAW101+2026"]]
    result = api.import_topic_catalogue(data=xlsx(rows[1:], header=rows[0]), filename="主题.xlsx")
    assert [str(problem) for problem in result.problems] == [
        "row 2, column 资源标题: a linked course or unit needs a title",
    ]


def test_english_headers_in_any_case_and_width_are_understood():
    header = ["CODE", "Ｎａｍｅ", "Resource Key", "Resource Title"]
    rows = [["union-law", "工会法", "course-v1:SDFTU+LAW101+2026", "工会法课"]]
    result = api.import_topic_catalogue(data=xlsx(rows, header=header), filename="topics.xlsx")
    assert (result.problems, result.topics, result.resources, result.written) == ((), 1, 1, True)


def test_a_corrupt_workbook_is_a_problem_to_read_and_nothing_is_written(tmp_path):
    broken = xlsx(GOOD)[:2000]  # cut off in the middle: the zip's directory is missing
    result = api.import_topic_catalogue(data=broken, filename="主题.xlsx")
    assert [(problem.row, problem.message) for problem in result.problems] == [
        (None, "The file is not a readable .xlsx workbook (BadZipFile)."),
    ]
    assert not result.written and not Topic.objects.exists()
    path = tmp_path / "主题.xlsx"
    path.write_bytes(broken)
    with pytest.raises(CommandError, match="1 problems; nothing was written"):
        call_command("import_topics", str(path))
    assert not Topic.objects.exists()


def test_a_file_of_another_kind_says_which_files_can_be_read():
    result = api.import_topic_catalogue(data=b"%PDF-1.7", filename="主题.pdf")
    assert [problem.message for problem in result.problems] == ["主题.pdf is neither an .xlsx nor a .csv file."]


def test_the_command_checks_then_writes(tmp_path, capsys):
    path = tmp_path / "topics.xlsx"
    path.write_bytes(xlsx(GOOD))
    call_command("import_topics", str(path), "--dry-run")
    assert "2 topics, 2 linked courses or units: checked" in capsys.readouterr().out
    assert not Topic.objects.exists()
    call_command("import_topics", str(path))
    assert Topic.objects.count() == 2
    path.write_bytes(xlsx([["bad code", "x", "", "", "", ""]]))
    with pytest.raises(CommandError, match="1 problems; nothing was written"):
        call_command("import_topics", str(path))


def test_the_command_lists_the_first_hundred_problems_and_how_many_more(tmp_path, capsys):
    path = tmp_path / "topics.xlsx"
    path.write_bytes(xlsx([[f"bad code {number}", "x", "", "", "", ""] for number in range(150)]))
    with pytest.raises(CommandError, match="150 problems; nothing was written"):
        call_command("import_topics", str(path))
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 101 and lines[0].startswith("row 2, column 代码:")
    assert lines[-1] == "… and 50 more problems."
