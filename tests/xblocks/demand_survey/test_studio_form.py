"""The survey's Studio editor sends its questions as a form's list (no JSON typed); the server checks them the same."""
import json

import pytest

from tests.devhost_blocks import CourseContentRuntime, studio_handler
from tests.xblocks.demand_survey.test_block import USAGE

pytestmark = pytest.mark.django_db


def save(client, questions, **body):
    response = client.post(studio_handler(USAGE, "studio_submit"), content_type="application/json",
                           data=json.dumps({"questions": questions, **body}, ensure_ascii=False))
    return response.status_code, response.json()


def test_questions_built_in_the_form_are_saved_in_their_order(staff_client, staff_user):
    questions = [
        {"id": "q1", "kind": "multiple", "prompt": "您最想学哪些内容？", "required": True, "max_picks": 2,
         "options": [{"id": "a", "text": "工会法"}, {"id": "b", "text": "劳动合同"}, {"id": "o1", "text": "安全生产"}]},
        {"id": "q2", "kind": "rating", "prompt": "您对本次培训的评价", "required": False, "options": [],
         "low_label": "很不满意", "high_label": "非常满意"},
        {"id": "q3", "kind": "text", "prompt": "其他建议", "required": False, "max_length": 200, "options": []},
    ]
    assert save(staff_client, questions) == (200, {"questions": 3, "saved": True})
    block = CourseContentRuntime(staff_user).get_block(USAGE)
    assert [(question.id, question.kind.value) for question in block.questions] == [
        ("q1", "multiple"), ("q2", "rating"), ("q3", "text")]
    assert [option.text for option in block.questions[0].options] == ["工会法", "劳动合同", "安全生产"]
    assert (block.questions[0].max_picks, block.questions[1].high_label) == (2, "非常满意")


def test_a_form_with_problems_is_refused_whole_and_each_is_named(staff_client, staff_user):
    before = [question.id for question in CourseContentRuntime(staff_user).get_block(USAGE).questions]
    questions = [
        {"id": "q1", "kind": "single", "prompt": "", "options": [{"id": "a", "text": "是"}]},
        {"id": "q1", "kind": "multiple", "prompt": "多选", "max_picks": 3,
         "options": [{"id": "a", "text": "甲"}, {"id": "b", "text": "乙"}]},
    ]
    status, error = save(staff_client, questions)
    assert (status, error["error"]) == (400, "bad_questions")
    lines = error["message"].split("\n")
    assert any(line.startswith("第 1 题") for line in lines) and any(line.startswith("第 2 题") for line in lines)
    assert [question.id for question in CourseContentRuntime(staff_user).get_block(USAGE).questions] == before
