"""The learner's side of issue 17 through the LMS handler URLs: empty submissions, the 错题本 and practice."""

import json

import pytest

from tests.devhost_blocks import lms_handler
from xblocks.level_challenge.demo import demo_questions

pytestmark = pytest.mark.django_db
USAGE = "level-challenge.level_challenge.d0.u0"
ANSWERS = {question.id: list(question.answer) for question in demo_questions()}


def call(client, handler, body=None):
    response = client.post(lms_handler(USAGE, handler), data=json.dumps(body or {}), content_type="application/json")
    return response.status_code, response.json()


def wrong_choice(question):
    return [o["id"] for o in question["options"] if o["id"] not in ANSWERS[question["id"]]][:1]


def fail_level_zero(client):
    """Level 0 answered all wrong: five questions in the 错题本, with what was chosen."""
    _, attempt = call(client, "start_level", {"level": 0})
    answers = {q["id"]: wrong_choice(q) for q in attempt["questions"]}
    status, result = call(client, "submit_level", {"attempt_id": attempt["attempt_id"], "answers": answers})
    assert status == 200 and not result["passed"]
    return attempt, answers


@pytest.mark.parametrize("form", ["no keys", "every list empty"])
def test_an_empty_submission_is_refused_and_the_attempt_stays_open(learner_client, form):
    _, attempt = call(learner_client, "start_level", {"level": 0})
    answers = {q["id"]: [] for q in attempt["questions"]} if form == "every list empty" else {}
    status, error = call(learner_client, "submit_level", {"attempt_id": attempt["attempt_id"], "answers": answers})
    assert (status, error["error"]) == (400, "no_answers")
    assert "至少作答一题" in error["message"] or "Answer at least one" in error["message"]
    _, state = call(learner_client, "get_state")
    assert state["current"]["attempt_id"] == attempt["attempt_id"]  # still open, same draw
    assert state["levels"][0]["best_percent"] is None and state["points"] == 0  # nothing graded
    assert state["levels"][0]["attempts"] == 1  # the one start, no more
    one = attempt["questions"][0]
    status, result = call(learner_client, "submit_level",
                          {"attempt_id": attempt["attempt_id"], "answers": {one["id"]: ANSWERS[one["id"]]}})
    assert status == 200 and result["correct_count"] == 1  # a partly answered form is graded


def test_the_wrong_question_book_is_numbered_with_my_answer_the_right_one_and_why(learner_client):
    _, answers = fail_level_zero(learner_client)
    _, review = call(learner_client, "wrong_questions")
    assert [q["number"] for q in review["questions"]] == [1, 2, 3, 4, 5]
    for question in review["questions"]:
        assert question["chosen"] == answers[question["id"]]
        assert question["answer"] == ANSWERS[question["id"]]
        assert question["chosen"] != question["answer"]


def test_practice_draws_from_the_wrong_questions_without_answers_and_earns_nothing(learner_client):
    fail_level_zero(learner_client)
    _, before = call(learner_client, "get_state")
    status, practice = call(learner_client, "practice_questions")
    assert status == 200
    _, review = call(learner_client, "wrong_questions")
    assert {q["id"] for q in practice["questions"]} == {q["id"] for q in review["questions"]}
    payload = json.dumps(practice, ensure_ascii=False)
    assert "answer" not in payload and "explanation" not in payload
    answers = {q["id"]: ANSWERS[q["id"]] for q in practice["questions"]}
    status, checked = call(learner_client, "check_practice", {"answers": answers})
    assert status == 200 and checked["points"] == 0
    assert all(item["correct"] and item["explanation"] for item in checked["results"])
    _, after = call(learner_client, "get_state")
    assert after == before  # no points, no attempt, the 错题本 unchanged
    assert after["wrong_count"] == 5


def test_practice_refuses_questions_not_in_the_book(learner_client):
    fail_level_zero(learner_client)
    book = {q["id"] for q in call(learner_client, "wrong_questions")[1]["questions"]}
    other = next(question_id for question_id in ANSWERS if question_id not in book)
    status, error = call(learner_client, "check_practice", {"answers": {other: ANSWERS[other]}})
    assert (status, error["error"]) == (400, "not_in_review")  # no answer keys for questions not yet answered
    assert (call(learner_client, "check_practice", {"answers": {}})[0]) == 400


def test_mastered_removes_a_question_from_the_book(learner_client):
    fail_level_zero(learner_client)
    _, review = call(learner_client, "wrong_questions")
    first = review["questions"][0]["id"]
    status, after = call(learner_client, "mark_mastered", {"id": first})
    assert status == 200
    assert first not in [q["id"] for q in after["questions"]] and len(after["questions"]) == 4
    assert [q["number"] for q in after["questions"]] == [1, 2, 3, 4]
    assert call(learner_client, "get_state")[1]["wrong_count"] == 4
    status, error = call(learner_client, "mark_mastered", {"id": first})
    assert (status, error["error"]) == (400, "not_in_review")
