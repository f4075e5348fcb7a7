"""Recording responses: the tallies a response adds and a changed one corrects, and the settings it is held to."""
import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from survey_plugin import api
from tests.survey_plugin.conftest import SURVEY, learner_account

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def registered(survey, settings):
    settings.CADRE_SURVEY_MIN_GROUP_SIZE = 1


def respond(learner_id, *, order=("a", "b", "c"), rating=4, text=""):
    answers = [
        api.SubmittedAnswer(question_id="order", choices=order, ranked=True),
        api.SubmittedAnswer(question_id="score", rating=rating),
    ]
    if text:
        answers.append(api.SubmittedAnswer(question_id="wish", text=text))
    respondent = api.Respondent(learner_id=learner_account(learner_id))
    return api.submit_response(survey_key=SURVEY.survey_key, respondent=respondent, answers=answers)


def counts(question_id):
    """The counts as course staff see them: a named survey's running tallies, an anonymous one's published ones."""
    results = api.survey_results(survey_key=SURVEY.survey_key, live=True)
    return {tally.option: (tally.count, tally.average_rank) for tally in results.tallies.get(question_id, ())}


def test_rankings_add_up_to_average_places():
    respond(1, order=("a", "b", "c"))
    respond(2, order=("b", "a", "c"))
    assert {option: str(average) for option, (_count, average) in counts("order").items()} == {
        "a": "1.50", "b": "1.50", "c": "3.00",
    }
    assert api.survey_results(survey_key=SURVEY.survey_key).responses == 2


def test_a_changed_response_moves_its_counts_and_places_and_counts_once():
    api.register_survey(survey=dataclasses.replace(SURVEY, anonymous=False))
    respond(1, order=("a", "b", "c"), rating=4, text="多些案例")
    respond(2, order=("a", "b", "c"), rating=4)
    recorded = respond(1, order=("c", "b", "a"), rating=2)
    assert recorded.first is False
    assert counts("score") == {"4": (1, None), "2": (1, None)}
    assert {option: str(average) for option, (_count, average) in counts("order").items()} == {
        "a": "2.00", "b": "2.00", "c": "2.00",
    }
    results = api.survey_results(survey_key=SURVEY.survey_key, text_questions=["wish"], live=True)
    assert (results.responses, results.text_answers, results.texts) == (2, {}, {})


def test_an_anonymous_response_cannot_be_changed_or_given_twice_and_is_not_shown_back():
    """Nothing leads from the learner to their anonymous answers, so there is nothing to edit."""
    respond(1, rating=4)
    assert api.has_responded(survey_key=SURVEY.survey_key, learner_id=learner_account(1))
    assert api.my_answers(survey_key=SURVEY.survey_key, learner_id=learner_account(1)) == {}
    assert api.my_answers(survey_key=SURVEY.survey_key, learner_id=learner_account(2)) is None
    with pytest.raises(api.SurveyError) as refused:
        respond(1, rating=2)
    assert refused.value.code == "already_answered"
    assert counts("score") == {"4": (1, None)}


def test_free_text_is_counted_and_given_only_when_asked_for():
    respond(1, text="工会经费怎么审")
    respond(2, text="")
    plain = api.survey_results(survey_key=SURVEY.survey_key)
    assert (plain.text_answers, plain.texts) == ({"wish": 1}, {})
    assert api.survey_results(survey_key=SURVEY.survey_key, text_questions=["wish"]).texts == {
        "wish": ("工会经费怎么审",)
    }


def test_a_survey_never_registered_is_refused_so_its_block_can_register_it():
    with pytest.raises(api.SurveyError) as refused:
        api.submit_response(survey_key="block-v1:SDFTU+X+2026+type@demand_survey+block@new",
                            respondent=api.Respondent(learner_id=1), answers=[])
    assert refused.value.code == "unknown_survey"


@pytest.mark.parametrize(("change", "code"), [
    ({"closes_at": datetime.now(UTC) - timedelta(hours=1)}, "closed"),
    ({"opens_at": datetime.now(UTC) + timedelta(hours=1)}, "not_open"),
])
def test_the_registered_dates_are_enforced_and_nothing_is_stored(change, code):
    api.register_survey(survey=dataclasses.replace(SURVEY, **change))
    with pytest.raises(api.SurveyError) as refused:
        respond(1)
    assert refused.value.code == code
    assert api.survey_results(survey_key=SURVEY.survey_key).responses == 0


def test_registering_unchanged_settings_writes_nothing(django_assert_num_queries):
    with django_assert_num_queries(1):
        api.register_survey(survey=SURVEY)


def test_the_response_says_whether_learners_are_shown_the_results():
    assert respond(1).show_results is False
    api.register_survey(survey=dataclasses.replace(SURVEY, show_results=True))
    assert respond(2).show_results is True


@pytest.mark.django_db(transaction=True)
def test_many_learners_answering_at_once_are_all_counted_exactly():
    """One survey's submits queue on its row: no deadlock on the tallies they share, no count lost."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    def answer_for(first_learner):
        try:
            for learner_id in range(first_learner, first_learner + 5):
                respond(learner_id, order=("c", "a", "b") if learner_id % 2 else ("a", "b", "c"), rating=5)
        finally:
            connection.close()

    for first in [100, 200, 300, 400]:
        for learner_id in range(first, first + 5):
            learner_account(learner_id)
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(answer_for, [100, 200, 300, 400]))
    assert api.survey_results(survey_key=SURVEY.survey_key).responses == 20
    assert counts("score") == {"5": (20, None)}
    assert {option: count for option, (count, _average) in counts("order").items()} == {"a": 20, "b": 20, "c": 20}


def test_learners_read_results_a_batch_behind_and_the_staff_of_a_named_survey_read_them_live(settings):
    settings.CADRE_SURVEY_MIN_GROUP_SIZE = 3
    api.register_survey(survey=dataclasses.replace(SURVEY, anonymous=False))
    for learner_id in (1, 2, 3, 4):
        respond(learner_id, rating=learner_id)
    learners = api.survey_results(survey_key=SURVEY.survey_key)
    assert learners.responses == 3 and sum(tally.count for tally in learners.tallies["score"]) == 3
    assert api.survey_results(survey_key=SURVEY.survey_key, live=True).responses == 4
    respond(1, rating=5)  # an edit publishes nothing: it would show what one learner changed
    assert api.survey_results(survey_key=SURVEY.survey_key) == learners
