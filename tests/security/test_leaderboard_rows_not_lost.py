"""
The leaderboard is the plugin's rows, one per learner and competition: learners finishing together
all get their row, a learner's best survives writes racing for it, and each row names the
learner's organisation. The block shows it only when its author turned it on.
"""
import pytest
from django.contrib.auth.models import User

from credit_plugin import api as credit_api
from tests.devhost_blocks import CourseContentRuntime, usage_key
from tests.factories import UserFactory, cadre, union_tree
from tests.security.conftest import USAGE, answers_for, call, client_of, together

LEARNERS = 20
BLOCK_KEY = str(usage_key(USAGE))


def test_twenty_learners_finishing_together_get_twenty_rows(concurrent_db):
    learners = [UserFactory(username=f"finisher{number}", name=f"选手{number}") for number in range(LEARNERS)]
    clients = [client_of(learner) for learner in learners]
    attempts = [call(client, "start_level", {"level": 0})[1] for client in clients]
    jobs = [
        (lambda client=client, attempt=attempt, right=number % 6: call(client, "submit_level", {
            "attempt_id": attempt["attempt_id"], "answers": answers_for(attempt, right)}))
        for number, (client, attempt) in enumerate(zip(clients, attempts, strict=True))
    ]
    outcomes = together(jobs)
    assert [outcome[0] if isinstance(outcome, tuple) else outcome for outcome in outcomes] == [200] * LEARNERS
    board = credit_api.leaderboard(competition_key=BLOCK_KEY, user_id=None, limit=LEARNERS)
    assert board.total == LEARNERS
    assert sorted(standing.points for standing in board.rows) == sorted(result["points"] for _, result in outcomes)
    status, shown = call(clients[0], "leaderboard")
    assert (status, shown["total"], shown["me"]["name"]) == (200, LEARNERS, "选手0")


def test_a_learners_best_survives_racing_writes(concurrent_db):
    learner = UserFactory(username="best")
    standings = [(points, seconds) for points in (10, 50, 30, 50, 20) for seconds in (90, 60, 120)]
    outcomes = together([
        (lambda points=points, seconds=seconds: credit_api.record_standing(
            competition_key=BLOCK_KEY, user_id=learner.id, points=points, seconds=seconds))
        for points, seconds in standings
    ])
    assert outcomes == [None] * len(standings)
    board = credit_api.leaderboard(competition_key=BLOCK_KEY, user_id=learner.id)
    assert (board.total, board.me.points, board.me.seconds) == (1, 50, 60)
    credit_api.record_standing(competition_key=BLOCK_KEY, user_id=learner.id, points=40, seconds=10)
    assert credit_api.leaderboard(competition_key=BLOCK_KEY, user_id=learner.id).me.points == 50


@pytest.mark.django_db
def test_each_row_records_the_learners_organisation_for_rankings_by_organisation():
    tree = union_tree()
    member = cadre(tree["union_a"], username="member", name="李红")
    client = client_of(member)
    _, attempt = call(client, "start_level", {"level": 0})
    call(client, "submit_level", {"attempt_id": attempt["attempt_id"], "answers": answers_for(attempt, 5)})
    board = credit_api.leaderboard(competition_key=BLOCK_KEY, user_id=member.id)
    assert (board.me.organisation_code, board.me.points) == ("370102001", 50)


@pytest.mark.django_db
def test_the_leaderboard_is_refused_when_the_author_turned_it_off(learner):
    runtime = CourseContentRuntime(User.objects.get(pk=learner.pk))
    challenge = runtime.get_block(USAGE)
    challenge.show_leaderboard = False
    challenge.save()
    status, error = call(client_of(learner), "leaderboard")
    assert (status, error["error"]) == (403, "no_leaderboard")
    assert error["message"]


@pytest.mark.django_db
def test_standings_kept_in_the_block_before_the_table_are_imported_once(learner):
    other = UserFactory(username="earlier", name="张明")
    runtime = CourseContentRuntime(User.objects.get(pk=learner.pk))
    challenge = runtime.get_block(USAGE)
    challenge.standings = {str(other.id): {"name": "张明", "points": 80, "seconds": 300},
                           "999999": {"name": "已注销", "points": 90, "seconds": 10}, "bad": {"points": "x"}}
    challenge.save()
    client = client_of(learner)
    status, board = call(client, "leaderboard")
    assert (status, board["total"], board["rows"][0]["name"], board["rows"][0]["points"]) == (200, 1, "张*", 80)
    assert CourseContentRuntime(User.objects.get(pk=learner.pk)).get_block(USAGE).standings == {}
    assert call(client, "leaderboard")[1]["total"] == 1
