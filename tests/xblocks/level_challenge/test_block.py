"""The level_challenge block in the real XBlock runtime, through the devhost's handler URLs as a learner."""

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.contrib.auth.models import User
from lxml import etree
from xblock.test.toy_runtime import ToyRuntime

from tests.devhost_blocks import CourseContentRuntime, lms_handler
from xblocks.level_challenge import block as block_module
from xblocks.level_challenge.demo import demo_questions, demo_scenario_xml

pytestmark = pytest.mark.django_db
USAGE = "level-challenge.level_challenge.d0.u0"
ANSWERS = {question.id: list(question.answer) for question in demo_questions()}
EXPLANATIONS = [question.explanation for question in demo_questions()]


def call(client, handler, body=None, raw=None):
    data = raw if raw is not None else json.dumps(body or {})
    response = client.post(lms_handler(USAGE, handler), data=data, content_type="application/json")
    return response.status_code, response.json()


def play(client, level, right=True):
    status, attempt = call(client, "start_level", {"level": level})
    assert status == 200, attempt
    answers = {
        q["id"]: ANSWERS[q["id"]] if right else [o["id"] for o in q["options"] if o["id"] not in ANSWERS[q["id"]]][:1]
        for q in attempt["questions"]
    }
    return attempt, call(client, "submit_level", {"attempt_id": attempt["attempt_id"], "answers": answers})


def test_the_page_and_the_draw_carry_no_answers_or_explanations(learner_client):
    page = learner_client.get("/unit/level_challenge.0/").content.decode()
    init = json.loads(page.split('class="xblock_json_init_args">')[1].split("</script>")[0])
    assert init["state"]["levels"][0]["title"] == "第一关：工会基础知识"
    assert "answer" not in json.dumps(init["state"])
    assert not any(text in page for text in EXPLANATIONS[:20])
    status, attempt = call(learner_client, "start_level", {"level": 0})
    assert status == 200
    assert len(attempt["questions"]) == 5
    payload = json.dumps(attempt, ensure_ascii=False)
    assert "answer" not in payload and "explanation" not in payload
    assert not any(text in payload for text in EXPLANATIONS)


def test_passing_a_level_scores_points_and_opens_the_next(learner_client):
    status, state = call(learner_client, "get_state")
    assert [level["status"] for level in state["levels"]] == ["open", "locked", "locked"]
    _, (status, result) = play(learner_client, 0)
    assert status == 200
    assert (result["percent"], result["points"], result["passed"], result["next_open"]) == (100, 50, True, True)
    assert all(item["answer"] == ANSWERS[item["id"]] for item in result["results"])
    assert [level["status"] for level in result["state"]["levels"]] == ["passed", "open", "locked"]
    assert result["state"]["points"] == 50


def test_a_reload_shows_the_same_draw_until_submitted_and_repeats_are_avoided(learner_client):
    _, first = call(learner_client, "start_level", {"level": 0})
    ids = [q["id"] for q in first["questions"]]
    assert len(set(ids)) == len(ids)
    _, (_, result) = play(learner_client, 0, right=False)
    assert result["passed"] is False
    _, review = call(learner_client, "wrong_questions")
    assert {q["id"] for q in review["questions"]} >= {item["id"] for item in result["results"]}
    assert all(q["answer"] for q in review["questions"])


@pytest.mark.parametrize(
    ("handler", "body", "code"),
    [
        ("start_level", {"level": 7}, "unknown_level"),
        ("start_level", {"level": "0"}, "unknown_level"),
        ("start_level", {"level": 1}, "level_locked"),
        ("submit_level", {"attempt_id": "not-mine", "answers": {}}, "not_current_attempt"),
    ],
)
def test_bad_requests_answer_400_and_change_nothing(learner_client, handler, body, code):
    _, before = call(learner_client, "get_state")
    status, error = call(learner_client, handler, body)
    assert (status, error["error"]) == (400, code)
    assert error["message"]
    assert call(learner_client, "get_state")[1] == before


@pytest.mark.parametrize(
    ("raw", "status", "code"),
    [
        ("{not json", 400, "malformed_json"),
        ("[1, 2]", 400, "malformed_json"),
        ("", 400, "malformed_json"),
        (json.dumps({"level": 0, "pad": "x" * 70000}), 413, "too_large"),
    ],
)
def test_malformed_and_oversized_bodies_are_refused(learner_client, raw, status, code):
    answered, error = call(learner_client, "start_level", raw=raw)
    assert (answered, error["error"]) == (status, code)
    assert error["message"]
    assert call(learner_client, "get_state")[1]["current"] is None  # no attempt was started


@pytest.mark.parametrize(
    ("tamper", "code"),
    [
        (lambda attempt, answers: {**answers, "demo-999-s": ["A"]}, "unknown_question"),
        (lambda attempt, answers: {attempt["questions"][0]["id"]: ["Z"]}, "unknown_option"),
        (lambda attempt, answers: {attempt["questions"][0]["id"]: "A"}, "bad_answers"),
    ],
)
def test_crafted_answers_are_refused_and_the_attempt_stays_open(learner_client, tamper, code):
    _, attempt = call(learner_client, "start_level", {"level": 0})
    answers = {q["id"]: ANSWERS[q["id"]] for q in attempt["questions"]}
    status, error = call(
        learner_client, "submit_level", {"attempt_id": attempt["attempt_id"], "answers": tamper(attempt, answers)}
    )
    assert (status, error["error"]) == (400, code)
    status, result = call(learner_client, "submit_level", {"attempt_id": attempt["attempt_id"], "answers": answers})
    assert status == 200 and result["passed"]


def test_a_submission_after_the_time_limit_is_refused(learner_client, monkeypatch):
    play(learner_client, 0)
    _, attempt = call(learner_client, "start_level", {"level": 1})  # 600-second limit
    later = datetime.now(UTC) + timedelta(seconds=700)
    monkeypatch.setattr(block_module, "_now", lambda: later)
    status, error = call(learner_client, "submit_level", {"attempt_id": attempt["attempt_id"], "answers": {}})
    assert (status, error["error"]) == (400, "time_up")


def test_submitting_twice_answers_with_the_first_grade(learner_client):
    attempt, (status, first) = play(learner_client, 0)
    again = call(learner_client, "submit_level", {"attempt_id": attempt["attempt_id"], "answers": {}})
    assert again[0] == 200 and again[1]["already_graded"]
    assert (again[1]["percent"], again[1]["results"]) == (first["percent"], first["results"])


def test_attempts_run_out(learner_client):
    play(learner_client, 0)
    for _ in range(2):
        play(learner_client, 1)
    for _ in range(3):
        play(learner_client, 2, right=False)
    status, error = call(learner_client, "start_level", {"level": 2})
    assert (status, error["error"]) == (400, "no_attempts_left")


def test_the_competition_closes(learner_client, monkeypatch):
    monkeypatch.setattr(block_module, "_now", lambda: datetime(2030, 1, 1, tzinfo=UTC))
    monkeypatch.setattr(block_module.LevelChallengeBlock, "competition_end",
                        datetime(2029, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=8))))
    status, error = call(learner_client, "start_level", {"level": 0})
    assert (status, error["error"]) == (400, "competition_closed")


def test_passing_every_level_completes_the_block_and_earns_its_credits(learner_client, learner, completion_tracking):
    from credit_plugin import api
    from devhost.demo_credits import seed_demo_credit_rules

    seed_demo_credit_rules()
    for level in range(3):
        play(learner_client, level)
    by_completion = [entry.credits for entry in api.entries(user_id=learner.id) if entry.recorded_by == "completion"]
    assert by_completion == [2]  # the demo rule for completing the challenge (its points also pass the course)


def test_leaderboard_masks_other_names_and_shows_my_rank(learner_client, staff_user):
    from django.test import Client

    play(learner_client, 0)
    other = Client()
    other.force_login(staff_user)
    status, board = call(other, "leaderboard")
    assert status == 200
    assert board["rows"][0]["name"] == "王*纲"
    status, mine = call(learner_client, "leaderboard")
    assert mine["me"]["rank"] == 1 and mine["me"]["name"] == "王小纲"


def test_hostile_html_in_questions_is_sanitised():
    xml = demo_scenario_xml().replace(
        "<stem>", "<stem>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;", 1
    )
    runtime = ToyRuntime("s")
    challenge = runtime.get_block(runtime.parse_xml_string(xml))
    stem = challenge.index.questions[0].stem
    assert "<script" not in stem and "onerror" not in stem


def test_olx_round_trip_is_byte_identical():
    runtime = ToyRuntime("author")
    first = runtime.get_block(runtime.parse_xml_string(demo_scenario_xml()))
    exported = _export(first)
    second = runtime.get_block(runtime.parse_xml_string(exported))
    assert _export(second) == exported
    assert len(second.index.questions) == 303 and len(second.levels) == 3


def _export(block):
    node = etree.Element("level_challenge")
    block.add_xml_to_node(node)
    return etree.tostring(node, encoding="unicode")


def test_student_view_data_for_the_mobile_apps_has_no_questions():
    runtime = ToyRuntime("s")
    challenge = runtime.get_block(runtime.parse_xml_string(demo_scenario_xml()))
    data = challenge.student_view_data()
    assert [level["title"] for level in data["levels"]][0] == "第一关：工会基础知识"
    assert "questions" not in json.dumps(data)


def test_a_reload_resumes_the_same_attempt_without_answers(learner_client):
    _, attempt = call(learner_client, "start_level", {"level": 0})
    status, state = call(learner_client, "get_state")
    current = state["current"]
    assert current["attempt_id"] == attempt["attempt_id"]
    assert [q["id"] for q in current["questions"]] == [q["id"] for q in attempt["questions"]]
    assert [q["options"] for q in current["questions"]] == [q["options"] for q in attempt["questions"]]
    assert "answer" not in json.dumps(current) and "explanation" not in json.dumps(current)
    page = learner_client.get("/unit/level_challenge.0/").content.decode()
    assert attempt["attempt_id"] in page


def test_olx_with_a_competition_time_without_a_zone_is_refused_naming_the_attribute(english):
    xml = demo_scenario_xml().replace("<level_challenge ", '<level_challenge competition_end="2026-12-31T18:00" ', 1)
    runtime = ToyRuntime("author")
    with pytest.raises(ValueError, match="competition_end: 2026-12-31T18:00 has no time zone"):
        runtime.parse_xml_string(xml)


def test_olx_competition_times_keep_their_offset_through_a_round_trip():
    xml = demo_scenario_xml().replace(
        "<level_challenge ", '<level_challenge competition_start="2026-12-01T09:00+08:00" ', 1)
    runtime = ToyRuntime("author")
    challenge = runtime.get_block(runtime.parse_xml_string(xml))
    assert challenge.competition_start == datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    assert 'competition_start="2026-12-01T09:00+08:00"' in _export(challenge)


@pytest.mark.usefixtures("learner")
def test_a_time_stored_without_a_zone_before_zones_were_required_is_read_as_utc(learner_client):
    runtime = CourseContentRuntime(User.objects.get(username="learner1"))
    challenge = runtime.get_block(USAGE)
    challenge._field_data.set(challenge, "competition_end", "2020-01-01T09:00")  # as the text field kept it
    assert runtime.get_block(USAGE).competition_end == datetime(2020, 1, 1, 9, 0, tzinfo=UTC)
    status, error = call(learner_client, "start_level", {"level": 0})
    assert (status, error["error"]) == (400, "competition_closed")  # not a server error
