"""The competitions applet through its public API: claims, replays and how a leaderboard ranks."""
import pytest

from credit_plugin import api
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
BOARD = "block-v1:SDFTU+CADRE101+2026+type@level_challenge+block@quiz"
GRADE = api.AttemptGrade(level=0, percent=80, points=40, passed=True, seconds=75, details={"correct_count": 4})


def test_the_first_claim_stores_the_grade_and_later_ones_get_it_back_unchanged():
    learner = UserFactory()
    first = api.claim_attempt_grade(user_id=learner.id, block_key=BOARD, attempt_id="a1", grade=GRADE)
    assert first.newly_graded and first.grade == GRADE
    other = api.AttemptGrade(level=0, percent=0, points=0, passed=False, seconds=5)
    again = api.claim_attempt_grade(user_id=learner.id, block_key=BOARD, attempt_id="a1", grade=other)
    assert not again.newly_graded and again.grade == GRADE
    assert api.attempt_grade(user_id=learner.id, block_key=BOARD, attempt_id="a1").grade == GRADE
    assert api.attempt_grade(user_id=UserFactory().id, block_key=BOARD, attempt_id="a1") is None


def test_learners_rank_by_points_then_less_time_and_each_sees_their_own_rank_beyond_the_top():
    learners = [UserFactory(name=name) for name in ("甲一", "乙二", "丙三", "丁四")]
    for learner, (points, seconds) in zip(learners, [(50, 90), (80, 300), (50, 60), (10, 10)], strict=True):
        api.record_standing(competition_key=BOARD, user_id=learner.id, points=points, seconds=seconds)
    board = api.leaderboard(competition_key=BOARD, user_id=learners[3].id, limit=2)
    assert [(row.rank, row.full_name, row.points) for row in board.rows] == [(1, "乙二", 80), (2, "丙三", 50)]
    assert (board.me.rank, board.me.full_name, board.total) == (4, "丁四", 4)
    assert api.leaderboard(competition_key=BOARD, user_id=learners[0].id, limit=2).me.rank == 3
    assert api.leaderboard(competition_key="another board", user_id=learners[0].id).total == 0


def test_a_standing_never_gets_worse():
    learner = UserFactory()
    for points, seconds in [(50, 90), (40, 10), (50, 120), (50, 80)]:
        api.record_standing(competition_key=BOARD, user_id=learner.id, points=points, seconds=seconds)
    me = api.leaderboard(competition_key=BOARD, user_id=learner.id).me
    assert (me.points, me.seconds) == (50, 80)


def test_importing_old_standings_twice_records_each_known_learner_once():
    learner = UserFactory()
    standings = {learner.id: (70, 200), 987654: (90, 10)}
    assert api.import_standings(competition_key=BOARD, standings=standings) == 1
    api.import_standings(competition_key=BOARD, standings=standings)
    board = api.leaderboard(competition_key=BOARD, user_id=learner.id)
    assert (board.total, board.me.points) == (1, 70)
