"""Authors import a bank file the way they choose (add, update, replace): a preview first, then all or nothing."""
import json
from dataclasses import replace
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from question_bank.api import read_bank, write_bank
from tests.devhost_blocks import CourseContentRuntime, studio_handler
from xblocks.level_challenge.demo import demo_questions

pytestmark = pytest.mark.django_db
USAGE = "level-challenge.level_challenge.d0.u0"


def send(client, questions, **body):
    data = {"json": json.dumps(body)}
    if questions is not None:
        data["bank_file"] = SimpleUploadedFile("bank.xlsx", write_bank(questions, filename="bank.xlsx")[0])
    response = client.post(studio_handler(USAGE, "import_bank"), data=data)
    return response.status_code, response.json()


def bank_ids(user):
    return [question.id for question in CourseContentRuntime(user).get_block(USAGE).index.questions]


def new_questions(count):
    return [replace(question, id=f"new-{number}", stem=f"新题 {number}：{question.stem}")
            for number, question in enumerate(demo_questions()[:count])]


def test_adding_previews_the_counts_then_adds_only_the_new_questions_once_confirmed(staff_client, staff_user):
    before = bank_ids(staff_user)
    file = new_questions(5) + demo_questions()[:3]  # three already in the bank
    status, preview = send(staff_client, file, mode="add")
    assert status == 200 and preview["saved"] is False
    assert {key: preview[key] for key in ("added", "changed", "removed", "unchanged", "total")} == {
        "added": 5, "changed": 0, "removed": 0, "unchanged": 3, "total": 308}
    assert preview["summary"] == "预览：添加 5 道，修改 0 道，删除 0 道，不变 3 道；导入后题库共 308 道题。尚未保存。"
    assert bank_ids(staff_user) == before
    status, done = send(staff_client, file, mode="add", confirm=True, bank_version=preview["bank_version"])
    assert (status, done["saved"], done["bank_size"]) == (200, True, "题库共有 308 道题。")
    assert bank_ids(staff_user) == [*before, *(f"new-{number}" for number in range(5))]


def test_updating_changes_the_matching_questions_and_keeps_the_rest(staff_client, staff_user):
    changed = [replace(question, explanation="新的解析") for question in demo_questions()[:2]]
    status, preview = send(staff_client, changed, mode="update")
    assert (preview["added"], preview["changed"], preview["removed"], preview["total"]) == (0, 2, 0, 303)
    assert any("不计入作答次数" in note for note in preview["notes"])
    send(staff_client, changed, mode="update", confirm=True, bank_version=preview["bank_version"])
    block = CourseContentRuntime(staff_user).get_block(USAGE)
    assert block.index.get(changed[0].id).explanation == "新的解析" and len(block.index.questions) == 303


def test_replacing_that_leaves_a_level_without_questions_is_shown_and_refused(staff_client, staff_user):
    before = bank_ids(staff_user)
    status, preview = send(staff_client, demo_questions()[:10], mode="replace")
    assert (preview["removed"], preview["total"]) == (293, 10)
    assert preview["levels_affected"] == [0, 1, 2]
    assert preview["notes"][0].startswith("题目有变化的关卡：第 1 关（")
    assert preview["fields"]
    assert all(problem["field"].startswith(("count", "quotas", "tags")) for problem in preview["fields"])
    status, error = send(staff_client, demo_questions()[:10], mode="replace", confirm=True,
                         bank_version=preview["bank_version"])
    assert (status, error["error"]) == (400, "bad_levels")
    assert error["message"].startswith("未导入：换成这个题库后，有关卡抽不到足够的题目。")
    assert bank_ids(staff_user) == before


def test_a_confirmation_after_the_bank_changed_is_refused(staff_client, staff_user):
    status, preview = send(staff_client, new_questions(2), mode="add")
    send(staff_client, new_questions(1), mode="add", confirm=True, bank_version=preview["bank_version"])
    status, error = send(staff_client, new_questions(2), mode="add", confirm=True, bank_version=preview["bank_version"])
    assert (status, error["error"]) == (409, "stale_preview")
    assert len(bank_ids(staff_user)) == 304


@pytest.mark.parametrize(("questions", "body", "code"), [
    (None, {"mode": "add"}, "no_file"),
    (demo_questions()[:2], {"mode": "merge"}, "bad_mode"),
])
def test_an_import_without_a_file_or_a_mode_is_refused(staff_client, questions, body, code):
    status, error = send(staff_client, questions, **body)
    assert (status, error["error"]) == (400, code)


def test_learners_cannot_import(learner_client):
    status, error = send(learner_client, demo_questions()[:2], mode="replace", confirm=True)
    assert (status, error["error"]) == (403, "forbidden")


def test_the_template_is_an_xlsx_with_chinese_headers_examples_and_instructions_that_imports_as_is(staff_client):
    response = staff_client.get(studio_handler(USAGE, "bank_template"))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames == ["题库", "填写说明"]
    header = [cell.value for cell in next(workbook["题库"].iter_rows(max_row=1))]
    assert {"题型", "题干", "答案", "难度", "知识点"} <= set(header)
    questions, problems = read_bank(response.content, filename="template.xlsx")
    assert len(questions) == 4 and not [problem for problem in problems if not problem.skipped]


def test_a_file_with_a_bad_row_imports_nothing_and_says_where(staff_client, staff_user):
    before = bank_ids(staff_user)
    bad = SimpleUploadedFile("bank.csv", "题型,题干,选项A,选项B,答案\n单选,题目,甲,乙,E\n".encode())
    response = staff_client.post(studio_handler(USAGE, "import_bank"),
                                 data={"json": json.dumps({"mode": "add", "confirm": True}), "bank_file": bad})
    assert (response.status_code, response.json()["error"]) == (400, "bad_bank")
    assert "E" in response.json()["message"]
    assert bank_ids(staff_user) == before
