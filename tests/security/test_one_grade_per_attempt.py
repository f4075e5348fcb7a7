"""
An attempt at a level is graded once, however many requests submit it and however they race:
the first grades and stores, every other one gets that stored grade and never a new one.
"""
import pytest

from credit_plugin import api as credit_api
from credit_plugin.models import GradedAttempt
from tests.factories import UserFactory
from tests.security.conftest import answers_for, call, client_of, together

PARALLEL = 16


def test_sixteen_parallel_submits_of_one_attempt_grade_it_once(concurrent_db):
    learner = UserFactory(username="racer")
    status, attempt = call(client_of(learner), "start_level", {"level": 0})
    assert status == 200
    # Each request answers a different number of questions right: two grades could not agree.
    clients = [client_of(learner) for _ in range(PARALLEL)]
    jobs = [
        (lambda client=client, right=number % 6: call(client, "submit_level", {
            "attempt_id": attempt["attempt_id"], "answers": answers_for(attempt, right)}))
        for number, client in enumerate(clients)
    ]
    outcomes = together(jobs)
    assert all(not isinstance(outcome, Exception) for outcome in outcomes), outcomes
    assert [status for status, _ in outcomes] == [200] * PARALLEL, outcomes
    graded = [result for _, result in outcomes]
    assert sum(not result["already_graded"] for result in graded) == 1
    first = graded[0]
    assert all((result["percent"], result["points"], result["results"]) ==
               (first["percent"], first["points"], first["results"]) for result in graded)
    assert GradedAttempt.objects.filter(user=learner).count() == 1
    _, state = call(client_of(learner), "get_state")
    assert state["levels"][0]["attempts"] == 1
    assert state["levels"][0]["best_percent"] == first["percent"]
    assert state["points"] == first["points"] and state["current"] is None
    board = credit_api.leaderboard(competition_key=_block_key(), user_id=learner.id)
    assert (board.total, board.me.points) == (1, first["points"])


def _block_key():
    from tests.devhost_blocks import usage_key

    return str(usage_key("level-challenge.level_challenge.d0.u0"))


@pytest.mark.django_db
def test_a_repeated_submit_gets_the_stored_grade_not_a_new_one():
    client = client_of(UserFactory(username="twice"))
    _, attempt = call(client, "start_level", {"level": 0})
    status, first = call(client, "submit_level", {"attempt_id": attempt["attempt_id"],
                                                  "answers": answers_for(attempt, 5)})
    assert (status, first["percent"], first["already_graded"]) == (200, 100, False)
    status, again = call(client, "submit_level", {"attempt_id": attempt["attempt_id"],
                                                  "answers": answers_for(attempt, 0)})
    assert (status, again["percent"], again["points"], again["already_graded"]) == (200, 100, 50, True)
    assert again["results"] == first["results"]
    assert call(client, "get_state")[1]["levels"][0]["attempts"] == 1


@pytest.mark.django_db
def test_another_learners_attempt_id_gets_no_grade_and_no_answers():
    owner, other = client_of(UserFactory(username="owner")), client_of(UserFactory(username="other"))
    _, attempt = call(owner, "start_level", {"level": 0})
    call(owner, "submit_level", {"attempt_id": attempt["attempt_id"], "answers": answers_for(attempt, 5)})
    status, error = call(other, "submit_level", {"attempt_id": attempt["attempt_id"], "answers": {}})
    assert (status, error["error"]) == (400, "not_current_attempt")
    assert "results" not in error


@pytest.mark.django_db
def test_a_grade_stored_by_a_request_that_died_before_saving_closes_the_attempt_on_the_next():
    learner = UserFactory(username="interrupted")
    client = client_of(learner)
    _, attempt = call(client, "start_level", {"level": 0})
    # The request that graded stored its grade, then died before the learner's state was saved.
    credit_api.claim_attempt_grade(user_id=learner.id, block_key=_block_key(), attempt_id=attempt["attempt_id"],
                                   grade=credit_api.AttemptGrade(level=0, percent=40, points=20, passed=False,
                                                                 seconds=30, details={"correct_count": 2}))
    status, result = call(client, "submit_level", {"attempt_id": attempt["attempt_id"],
                                                   "answers": answers_for(attempt, 5)})
    assert (status, result["percent"], result["points"], result["already_graded"]) == (200, 40, 20, True)
    _, state = call(client, "get_state")
    assert state["current"] is None and state["levels"][0]["best_percent"] == 40
