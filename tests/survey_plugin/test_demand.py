"""Demand across surveys: ranking, filters, the privacy threshold, gaps, and concurrent first responses."""
import dataclasses
from datetime import date, timedelta

import pytest

from survey_plugin import api
from survey_plugin.models import SurveyResponse, Tally
from tests.survey_plugin.conftest import JINAN, QINGDAO, SURVEY, learner_account

pytestmark = pytest.mark.django_db


def test_topics_are_ranked_by_requests_and_gaps_are_marked(ask_for):
    for learner in range(10):
        ask_for(learner, ["finance", "basics"] if learner < 8 else ["law"])
    ranking = api.demand_ranking()
    assert ranking.respondents == 10 and not ranking.hidden
    assert [(d.topic.code, d.requests, d.first_choice, d.resources, d.gap) for d in ranking.topics] == [
        ("finance", 8, 8, 0, True),  # as many requests, more first choices, no content: a gap to fill
        ("basics", 8, 0, 2, False),
        ("law", 2, 2, 1, True),
    ]
    # Demand, like a survey's results, moves only by whole batches: one more response shows nothing of it.
    ask_for(10, ["law"])
    assert api.demand_ranking() == ranking


def test_filters_narrow_to_an_organisation_subtree_category_and_tenure(ask_for):
    for learner in range(5):
        ask_for(learner, ["basics"])
    for learner in range(5, 10):
        ask_for(learner, ["law"], lineage=QINGDAO, category="part_time", tenure="serving")
    jinan = api.demand_ranking(api.DemandFilter(organisation_code="370100"))
    assert [(d.topic.code, d.requests) for d in jinan.topics] == [("basics", 5)]
    part_time = api.demand_ranking(api.DemandFilter(cadre_category="part_time", tenure="serving"))
    assert [(d.topic.code, d.requests) for d in part_time.topics] == [("law", 5)]
    assert api.demand_ranking(api.DemandFilter(organisation_code="370000")).respondents == 10


def test_a_viewer_counts_only_the_respondents_below_the_subtrees_they_administer(ask_for):
    for learner in range(5):
        ask_for(learner, ["basics"])
    for learner in range(5, 10):
        ask_for(learner, ["law"], lineage=QINGDAO)
    qingdao = api.demand_ranking(api.DemandFilter(within=("370200",)))
    assert [(d.topic.code, d.requests) for d in qingdao.topics] == [("law", 5)]
    assert api.demand_ranking(api.DemandFilter(within=("370200",), organisation_code="370100")).respondents == 0
    assert api.demand_ranking(api.DemandFilter(within=())).respondents == 0


def test_a_filter_that_cuts_out_fewer_than_five_respondents_is_refused_and_shows_no_counts(ask_for):
    for number in range(9):
        ask_for(number, ["basics"])
    ask_for(99, ["finance"], lineage=QINGDAO)
    singled_out = api.demand_ranking(api.DemandFilter(organisation_code="370200"))
    assert (singled_out.respondents, singled_out.hidden, singled_out.refused, singled_out.topics) == (0, True, True, ())
    # Its complement would give the lone Qingdao answer away by subtraction from the whole: refused too.
    assert api.demand_ranking(api.DemandFilter(organisation_code="370100")).refused
    assert not api.demand_ranking().hidden


def test_a_group_under_five_shows_neither_counts_nor_how_many_it_has(ask_for):
    for number in range(3):
        ask_for(number, ["basics"])
    hidden = api.demand_ranking()
    assert (hidden.respondents, hidden.hidden, hidden.refused, hidden.topics) == (0, True, False, ())


def test_a_period_filter_counts_whole_months(ask_for):
    for number in range(5):
        ask_for(number, ["basics"])
    today = date.today()
    assert api.demand_ranking(api.DemandFilter(start=today - timedelta(days=1), end=today)).respondents == 5
    assert api.demand_ranking(api.DemandFilter(start=today, end=today)).respondents == 5  # this month, all of it
    last_month = today.replace(day=1) - timedelta(days=1)
    earlier = api.demand_ranking(api.DemandFilter(end=last_month))
    assert (earlier.respondents, earlier.hidden, earlier.refused) == (0, True, False)


def test_a_course_filter_counts_the_surveys_of_that_course(ask_for):
    other = dataclasses.replace(SURVEY, survey_key="block-v1:SDFTU+LAW101+2026+type@demand_survey+block@n",
                                course_key="course-v1:SDFTU+LAW101+2026")
    api.register_survey(survey=other)
    for learner in range(5):
        ask_for(learner, ["basics"])
        ask_for(learner, ["law"], info=other)
    law_course = api.demand_ranking(api.DemandFilter(course_key="course-v1:SDFTU+LAW101+2026"))
    assert [(d.topic.code, d.requests) for d in law_course.topics] == [("law", 5)]


def test_an_unknown_topic_is_refused_and_nothing_is_stored(ask_for):
    with pytest.raises(api.SurveyError) as error:
        ask_for(1, ["basics", "astrology"])
    assert error.value.code == "unknown_topic" and "astrology" in error.value.message
    assert not SurveyResponse.objects.exists() and not Tally.objects.exists()


def test_named_responses_keep_the_user_and_anonymous_ones_do_not(ask_for, learner):
    named = api.SurveyInfo(survey_key="named-survey", course_key="", title="实名调查", anonymous=False)
    api.register_survey(survey=named)
    ask_for(learner.id, ["basics"], info=named)
    ask_for(learner.id, ["basics"])
    assert sorted(SurveyResponse.objects.values_list("survey__anonymous", "user_id")) == [
        (False, learner.id), (True, None),
    ]
    assert SurveyResponse.objects.get(user=None).organisation_lineage == "/" + "/".join(JINAN[:3]) + "/"
    assert SurveyResponse.objects.get(user=learner.id).organisation_lineage == "/" + "/".join(JINAN) + "/"


@pytest.mark.django_db(transaction=True)
def test_two_first_responses_at_once_store_one(survey):
    """The keyed hash is unique per survey: a double submit (two tabs) keeps one response."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race is exercised on MySQL/MariaDB")

    api.register_survey(survey=dataclasses.replace(survey, editable=False))
    learner_id = learner_account(7)  # the account exists before the two tabs race (only the response may race)

    def first_time():
        try:
            respondent = api.Respondent(learner_id=learner_id)
            return api.submit_response(survey_key=survey.survey_key, respondent=respondent,
                                       answers=[api.SubmittedAnswer(question_id="q", choices=("a",))]).first
        except api.SurveyError as error:
            return error.code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = sorted(map(str, pool.map(lambda _: first_time(), range(2))))
    assert outcomes == ["True", "already_answered"]
    assert SurveyResponse.objects.count() == 1
    assert Tally.objects.get(question_id="q").count == 1


def test_a_cut_is_refused_when_any_cell_beside_it_is_small_not_only_its_own(ask_for):
    """Asking for the serving cadres is refused when the new ones are 1-4: the whole minus it would show them."""
    from survey_plugin.models import TopicPick

    for number in range(9):
        ask_for(number, ["basics"], tenure="serving")
    ask_for(50, ["law"], tenure="new")
    serving = api.demand_ranking(api.DemandFilter(tenure="serving"))
    assert serving.refused and serving.topics == ()
    assert not api.demand_ranking(api.DemandFilter(cadre_category="chair")).refused  # one cell of 10
    for number in range(51, 55):
        ask_for(number, ["law"], tenure="new")
    ask_for(9, ["basics"], tenure="serving")  # the fifth of the batch that publishes them
    assert [(d.topic.code, d.requests) for d in api.demand_ranking(api.DemandFilter(tenure="new")).topics] == [
        ("law", 5)]
    # A month of two: every period filter is refused, since a period's complement is the other months.
    two = list(TopicPick.objects.filter(topic__code="basics").values_list("response_id", flat=True)[:2])
    TopicPick.objects.filter(response_id__in=two).update(picked_on=date.today().replace(day=1) - timedelta(days=40))
    assert api.demand_ranking(api.DemandFilter(start=date.today())).refused
    assert not api.demand_ranking().hidden
