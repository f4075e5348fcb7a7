"""
The course team may change the bank while learners play: ids say nothing about answers, an open
attempt whose questions left the bank is closed with a message (never a server error), the
wrong-question review (错题本) keeps the questions that still exist, and levels that cannot be
read are refused naming the level and field, with nothing saved.
"""
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from lxml import etree
from xblock.test.toy_runtime import ToyRuntime

from question_bank.api import QuestionKind, stable_question_id, write_bank
from tests.devhost_blocks import studio_handler
from tests.security.conftest import USAGE, answers_for, call
from xblocks.level_challenge.demo import demo_questions, demo_scenario_xml

pytestmark = pytest.mark.django_db
QUESTIONS = demo_questions()
LEVELS = [{"title": "第一关", "count": 5, "pass_percent": 60}]


def import_bank(client, questions, levels=LEVELS):
    """An author's import in Studio's editor: the levels and the bank file as a real upload."""
    bank = SimpleUploadedFile("bank.xlsx", write_bank(questions, filename="bank.xlsx")[0])
    response = client.post(studio_handler(USAGE, "studio_submit"), data={"json": json.dumps({"levels": json.dumps(
        levels)}), "bank_file": bank})
    return response.status_code, response.json()


def save_levels(client, levels):
    response = client.post(studio_handler(USAGE, "studio_submit"), data=json.dumps({"levels": json.dumps(levels)}),
                           content_type="application/json")
    return response.status_code, response.json()


def test_demo_question_ids_come_only_from_what_the_learner_sees():
    assert len({question.id for question in QUESTIONS}) == len(QUESTIONS)
    for question in QUESTIONS:
        assert question.id == stable_question_id(question.kind.value, question.stem,
                                                 [option.text for option in question.options])
    # A learner reading the ids could once answer every true/false question: -t true, -f false.
    true_false = [question for question in QUESTIONS if question.kind == QuestionKind.TRUE_FALSE]
    assert {question.answer for question in true_false} == {("T",), ("F",)}
    assert not any(question.id.endswith(("-t", "-f", "-s")) for question in QUESTIONS)
    assert [question.id for question in demo_questions()] == [question.id for question in QUESTIONS]


def test_an_open_attempt_whose_questions_left_the_bank_is_closed_with_a_message(learner_client, staff_client):
    _, attempt = call(learner_client, "start_level", {"level": 0})
    drawn = {question["id"] for question in attempt["questions"]}
    status, _ = import_bank(staff_client, [question for question in QUESTIONS if question.id not in drawn][:40])
    assert status == 200
    page = learner_client.get("/unit/level_challenge.0/")
    assert page.status_code == 200
    _, state = call(learner_client, "get_state")
    assert state["current"] is None
    assert "第 1 关" in state["notice"] and state["levels"][0]["attempts"] == 0  # it does not count
    status, error = call(learner_client, "submit_level", {"attempt_id": attempt["attempt_id"],
                                                          "answers": answers_for(attempt, 5)})
    assert (status, error["error"]) == (400, "attempt_closed")
    assert error["message"] == state["notice"]
    status, again = call(learner_client, "start_level", {"level": 0})
    assert status == 200 and not drawn & {question["id"] for question in again["questions"]}
    assert call(learner_client, "get_state")[1]["notice"] == ""


def test_an_attempt_at_a_level_that_was_removed_is_closed_too(learner_client, staff_client):
    call(learner_client, "start_level", {"level": 0})
    import_bank(staff_client, QUESTIONS[:40], levels=[])
    assert learner_client.get("/unit/level_challenge.0/").status_code == 200
    assert call(learner_client, "get_state")[1]["current"] is None


def test_a_new_bank_keeps_the_wrong_question_review_of_questions_that_still_exist(learner_client, staff_client):
    _, attempt = call(learner_client, "start_level", {"level": 0})
    call(learner_client, "submit_level", {"attempt_id": attempt["attempt_id"], "answers": answers_for(attempt, 0)})
    wrong = [question["id"] for question in call(learner_client, "wrong_questions")[1]["questions"]]
    assert len(wrong) == 5
    kept = [question for question in QUESTIONS if question.id not in wrong[:2]]
    assert import_bank(staff_client, kept)[0] == 200
    review = call(learner_client, "wrong_questions")[1]["questions"]
    assert [question["id"] for question in review] == wrong[2:]
    assert call(learner_client, "get_state")[1]["wrong_count"] == 3


@pytest.mark.parametrize(("field", "value", "shown"), [
    ("count", 1e999, "题数：请填写 1 到 1000 之间的整数"),
    ("count", 10 ** 30, "题数：请填写 1 到 1000 之间的整数"),
    ("count", "ten", "题数：请填写 1 到 1000 之间的整数"),
    ("pass_percent", 60.5, "及格线：请填写 0 到 100 之间的整数"),
    ("time_limit_seconds", -5, "限时：请填写 0 到 1440 之间的整数分钟"),
    ("attempts_allowed", True, "可答次数：请填写 0 到 1000 之间的整数"),
    ("points_per_correct", None, "每答对一题得分：请填写 0 到 1000 之间的整数"),
])
def test_a_level_number_that_is_not_a_usable_whole_number_is_refused_naming_level_and_field(
        staff_client, staff_user, field, value, shown):
    from tests.devhost_blocks import CourseContentRuntime

    levels = [{"title": "新的一关", "count": 3}, {"title": "新的二关", "count": 3, field: value}]
    status, error = save_levels(staff_client, levels)
    assert (status, error["error"]) == (400, "bad_levels")
    assert f"第 2 关，{shown}" in error["message"]
    assert [(problem["level"], problem["field"]) for problem in error["fields"]] == [(1, field)]
    titles = [level.title for level in CourseContentRuntime(staff_user).get_block(USAGE).levels]
    assert titles[0] == "第一关：工会基础知识" and "新的一关" not in titles


def test_a_difficulty_quota_that_is_not_a_number_is_refused(staff_client):
    levels = [{"title": "一", "count": 3, "quotas": {"easy": 1e999}}]
    status, error = save_levels(staff_client, levels)
    assert (status, error["error"]) == (400, "bad_levels")
    assert "第 1 关，各难度题数：请填写 0 到 1000 之间的整数" in error["message"]
    assert error["fields"][0]["field"] == "quotas.easy"


def test_olx_with_a_level_count_that_is_not_a_number_is_refused_naming_the_level(english):
    node = etree.fromstring(demo_scenario_xml())
    node.findall("level")[2].set("count", "1e999")
    with pytest.raises(ValueError, match="Level 3, count: 1e999 is not a whole number"):
        ToyRuntime("author").parse_xml_string(etree.tostring(node, encoding="unicode"))
