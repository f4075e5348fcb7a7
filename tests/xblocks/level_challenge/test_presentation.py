"""What learners are shown, without a runtime: no answer before submitting, the time left, what opens next."""
import json
import random
from datetime import UTC, datetime, timedelta

from xblocks.level_challenge import presentation, progress
from xblocks.level_challenge.bank import BankIndex
from xblocks.level_challenge.demo import demo_questions
from xblocks.level_challenge.grading import grade_attempt
from xblocks.level_challenge.levels import Level

QUESTIONS = demo_questions()
INDEX = BankIndex.of(QUESTIONS)
LEVELS = [Level(title="一", count=3, time_limit_seconds=60), Level(title="二", count=3)]
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def started():
    return progress.start_level(LEVELS, INDEX, progress.empty_state(), 0, now=NOW, rng=random.Random(3),
                                translate=str)


def state_of(state, *, now=NOW):
    return presentation.public_state(LEVELS, state, INDEX, display_name="闯关", competition_is_open=True,
                                     show_leaderboard=False, now=now)


def test_an_attempt_in_progress_shows_its_questions_and_time_left_but_no_answer():
    state, attempt = started()
    shown = state_of(state, now=NOW + timedelta(seconds=25))
    assert [level["status"] for level in shown["levels"]] == ["open", "locked"]
    assert shown["current"]["seconds_left"] == 35
    assert [question["id"] for question in shown["current"]["questions"]] == [item["id"] for item in attempt["draw"]]
    text = json.dumps(shown, ensure_ascii=False)
    assert "answer" not in text and "explanation" not in text
    assert not any(question.explanation in text for question in QUESTIONS if question.explanation)


def test_the_options_are_shown_in_the_order_drawn():
    _state, attempt = started()
    shown = presentation.started_attempt(LEVELS, INDEX, attempt)
    assert [[option["id"] for option in question["options"]] for question in shown["questions"]] == [
        item["options"] for item in attempt["draw"]]
    assert shown["time_limit_seconds"] == 60


def test_a_graded_attempt_gives_the_answers_and_says_the_next_level_is_open():
    state, attempt = started()
    right = {item["id"]: list(INDEX.get(item["id"]).answer) for item in attempt["draw"]}
    current = progress.check_submission(LEVELS, state, attempt["attempt_id"], right, now=NOW + timedelta(seconds=30),
                                        translate=str)
    result = grade_attempt(LEVELS[0], current["draw"], right, INDEX)
    new_state = progress.record_result(state, 0, result, progress.seconds_taken(current, NOW + timedelta(seconds=30)))
    assert new_state["levels"]["0"]["best_seconds"] == 30 and new_state["current"] is None
    graded = presentation.graded_attempt(LEVELS, 0, result, new_state)
    assert (graded["percent"], graded["passed"], graded["next_open"]) == (100, True, True)
    assert all(item["answer"] == right[item["id"]] for item in graded["results"])


def test_the_review_lists_wrong_questions_with_their_answers():
    state = {**progress.empty_state(), "wrong": [QUESTIONS[0].id, "gone-from-the-bank"]}
    review = presentation.wrong_question_review(INDEX, state)["questions"]
    assert [(item["id"], item["answer"]) for item in review] == [(QUESTIONS[0].id, list(QUESTIONS[0].answer))]


def test_the_competition_is_open_only_inside_its_window():
    start, end = NOW, NOW + timedelta(days=1)
    assert not presentation.competition_open(start, end, NOW - timedelta(seconds=1))
    assert presentation.competition_open(start, end, NOW) and presentation.competition_open(None, None, NOW)
    assert not presentation.competition_open(None, end, end + timedelta(seconds=1))


def test_every_word_of_the_page_goes_through_the_translation():
    words = presentation.ui_text(lambda text: f"«{text}»")
    assert words["start"] == "«Start»" and all(value.startswith("«") for value in words.values())
