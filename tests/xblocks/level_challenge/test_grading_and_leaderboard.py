"""Grading an attempt, and the leaderboard's order and name masking."""

from question_bank.api import Option, Question, QuestionKind
from xblocks.level_challenge.bank import BankIndex
from xblocks.level_challenge.grading import grade_attempt
from xblocks.level_challenge.leaderboard import ranking
from xblocks.level_challenge.levels import Level

MULTI = Question(
    id="m",
    kind=QuestionKind.MULTIPLE,
    stem="选出正确的",
    options=(Option("A", "甲"), Option("B", "乙"), Option("C", "丙")),
    answer=("A", "C"),
    explanation="甲和丙",
)
SINGLE = Question(
    id="s", kind=QuestionKind.SINGLE, stem="选一个", options=(Option("A", "甲"), Option("B", "乙")), answer=("B",)
)
INDEX = BankIndex((MULTI, SINGLE), {"m": MULTI, "s": SINGLE})
DRAW = [{"id": "m", "options": ["C", "A", "B"]}, {"id": "s", "options": ["B", "A"]}]


def test_multiple_choice_needs_exactly_the_right_set_and_unanswered_is_wrong():
    level = Level(title="x", count=2, pass_percent=50, points_per_correct=10)
    result = grade_attempt(level, DRAW, {"m": ["C", "A"]}, INDEX)
    assert [item.correct for item in result.results] == [True, False]
    assert (result.percent, result.points, result.passed) == (50, 10, True)
    assert grade_attempt(level, DRAW, {"m": ["A"], "s": ["B"]}, INDEX).results[0].correct is False


def test_names_are_masked_for_others_but_not_for_me():
    standings = {
        "1": {"name": "王小纲", "points": 50, "seconds": 90},
        "2": {"name": "李红", "points": 50, "seconds": 60},
        "3": {"name": "张明", "points": 80, "seconds": 300},
    }
    board = ranking(standings, me="1", names="masked")
    assert [(row["rank"], row["name"]) for row in board["rows"]] == [(1, "张*"), (2, "李*"), (3, "王小纲")]
    assert board["me"]["rank"] == 3
    assert [row["name"] for row in ranking(standings, me="9", names="hidden")["rows"]] == ["", "", ""]


def test_a_one_letter_name_is_masked_whole_and_a_missing_name_stays_empty():
    standings = {
        "1": {"name": "欧阳明月", "points": 90, "seconds": 60},
        "2": {"name": "王", "points": 80, "seconds": 60},
        "3": {"name": "", "points": 70, "seconds": 60},
    }
    assert [row["name"] for row in ranking(standings, me="9", names="masked")["rows"]] == ["欧**月", "*", ""]
