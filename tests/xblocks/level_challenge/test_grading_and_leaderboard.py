"""Grading an attempt, and the leaderboard's order and name masking."""

from credit_plugin.api import Leaderboard, Standing
from question_bank.api import Option, Question, QuestionKind
from xblocks.level_challenge.bank import BankIndex
from xblocks.level_challenge.grading import grade_attempt
from xblocks.level_challenge.leaderboard import legacy_standings, shown_board
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


def board(*rows, me=None):
    standings = tuple(Standing(rank=rank, user_id=user_id, full_name=name, points=points, seconds=seconds,
                               organisation_code="") for rank, (user_id, name, points, seconds) in enumerate(rows, 1))
    mine = next((standing for standing in standings if standing.user_id == me), None)
    return Leaderboard(rows=standings, me=mine, total=len(standings))


def test_names_are_masked_for_others_but_not_for_me():
    rows = ((3, "张明", 80, 300), (2, "李红", 50, 60), (1, "王小纲", 50, 90))
    shown = shown_board(board(*rows, me=1), me=1, names="masked")
    assert [(row["rank"], row["name"]) for row in shown["rows"]] == [(1, "张*"), (2, "李*"), (3, "王小纲")]
    assert shown["me"]["rank"] == 3 and shown["me"]["me"]
    assert [row["name"] for row in shown_board(board(*rows), me=9, names="hidden")["rows"]] == ["", "", ""]
    assert shown_board(board(*rows), me=9, names="full")["rows"][0]["name"] == "张明"


def test_a_one_letter_name_is_masked_whole_and_a_missing_name_stays_empty():
    rows = ((1, "欧阳明月", 90, 60), (2, "王", 80, 60), (3, "", 70, 60))
    assert [row["name"] for row in shown_board(board(*rows), me=9, names="masked")["rows"]] == ["欧**月", "*", ""]


def test_standings_kept_before_the_table_are_read_leaving_out_what_is_not_a_learners_score():
    kept = {"7": {"name": "张明", "points": 80, "seconds": 300}, "x": {"points": 1, "seconds": 1},
            "8": {"points": "80", "seconds": 1}, "9": {"points": True, "seconds": 1}, "10": {"points": 5}}
    assert legacy_standings(kept) == {7: (80, 300)}
    assert legacy_standings(None) == {}
