"""Demand across surveys: ranking, filters, the privacy threshold, gaps, and concurrent first responses."""
import dataclasses
from datetime import date, timedelta

import pytest

from survey_plugin import api
from survey_plugin.models import SurveyResponse, Tally

pytestmark = pytest.mark.django_db
SURVEY = api.SurveyInfo(survey_key="block-v1:SDFTU+CADRE101+2026+type@demand_survey+block@needs",
                        course_key="course-v1:SDFTU+CADRE101+2026", title="学习需求调查", anonymous=True)
JINAN = ("370000", "370100", "370102")
QINGDAO = ("370000", "370200", "370202")


@pytest.fixture(autouse=True)
def catalogue():
    api.register_survey(survey=SURVEY)
    for code, name in [("basics", "工会基础"), ("law", "工会法"), ("finance", "经费管理")]:
        api.save_topic(code=code, name=name)
    api.link_resource(topic_code="basics", key="course-v1:SDFTU+CADRE101+2026", title="基础课")
    api.link_resource(topic_code="basics", key="course-v1:SDFTU+CADRE102+2026", title="基础课二")
    api.link_resource(topic_code="law", key="course-v1:SDFTU+LAW101+2026", title="工会法课")


def answer(learner_id, topics, *, lineage=JINAN, category="chair", tenure="new", survey=SURVEY):
    respondent = api.Respondent(learner_id=learner_id, organisation_lineage=lineage, cadre_category=category,
                                tenure=tenure)
    return api.submit_response(survey_key=survey.survey_key, respondent=respondent, answers=[
        api.SubmittedAnswer(question_id="topics", choices=tuple(topics), ranked=True, topics=True),
    ])


def test_topics_are_ranked_by_requests_and_gaps_are_marked():
    for learner in range(6):
        answer(learner, ["finance", "basics"] if learner < 4 else ["law"])
    ranking = api.demand_ranking()
    assert ranking.respondents == 6 and not ranking.hidden
    assert [(d.topic.code, d.requests, d.first_choice, d.resources, d.gap) for d in ranking.topics] == [
        ("finance", 4, 4, 0, True),  # as many requests, more first choices, no content: a gap to fill
        ("basics", 4, 0, 2, False),
        ("law", 2, 2, 1, True),
    ]


def test_filters_narrow_to_an_organisation_subtree_category_and_tenure():
    for learner in range(5):
        answer(learner, ["basics"])
    for learner in range(5, 11):
        answer(learner, ["law"], lineage=QINGDAO, category="part_time", tenure="serving")
    jinan = api.demand_ranking(api.DemandFilter(organisation_code="370100"))
    assert [(d.topic.code, d.requests) for d in jinan.topics] == [("basics", 5)]
    part_time = api.demand_ranking(api.DemandFilter(cadre_category="part_time", tenure="serving"))
    assert [(d.topic.code, d.requests) for d in part_time.topics] == [("law", 6)]
    province = api.demand_ranking(api.DemandFilter(organisation_code="370000"))
    assert province.respondents == 11


def test_a_filter_that_leaves_fewer_than_five_respondents_shows_no_counts():
    for learner in range(6):
        answer(learner, ["basics"])
    answer(99, ["finance"], lineage=QINGDAO)
    singled_out = api.demand_ranking(api.DemandFilter(organisation_code="370200"))
    assert (singled_out.respondents, singled_out.hidden, singled_out.topics) == (1, True, ())
    assert not api.demand_ranking().hidden


def test_a_period_filter_counts_the_responses_of_those_days():
    for learner in range(5):
        answer(learner, ["basics"])
    today = date.today()
    assert api.demand_ranking(api.DemandFilter(start=today - timedelta(days=1), end=today)).respondents == 5
    assert api.demand_ranking(api.DemandFilter(end=today - timedelta(days=1))).hidden


def test_an_unknown_topic_is_refused_and_nothing_is_stored():
    with pytest.raises(api.SurveyError) as error:
        answer(1, ["basics", "astrology"])
    assert error.value.code == "unknown_topic" and "astrology" in error.value.message
    assert not SurveyResponse.objects.exists() and not Tally.objects.exists()


def test_an_inactive_topic_is_no_longer_offered():
    api.save_topic(code="finance", name="经费管理", active=False)
    assert [topic.code for topic in api.topics()] == ["basics", "law"]
    with pytest.raises(api.SurveyError):
        answer(1, ["finance"])


def test_named_responses_keep_the_user_and_anonymous_ones_do_not(learner):
    named = api.SurveyInfo(survey_key="named-survey", course_key="", title="实名调查", anonymous=False)
    api.register_survey(survey=named)
    answer(learner.id, ["basics"], survey=named)
    answer(learner.id, ["basics"])
    assert sorted(SurveyResponse.objects.values_list("survey__anonymous", "user_id")) == [
        (False, learner.id), (True, None),
    ]


def test_resources_come_in_the_order_of_the_learners_picks():
    resources = api.resources_for_topics(codes=["law", "basics"])
    assert [resource.title for resource in resources] == ["工会法课", "基础课", "基础课二"]
    assert resources[0].url == "/courses/course-v1:SDFTU+LAW101+2026/about"


def test_tenure_is_new_within_twelve_months_of_taking_office():
    assert api.tenure(took_office_on=date(2026, 1, 15), today=date(2026, 12, 2)) == "new"
    assert api.tenure(took_office_on=date(2025, 12, 2), today=date(2026, 12, 2)) == "serving"
    assert api.tenure(took_office_on=None, today=date(2026, 12, 2)) == ""


@pytest.mark.django_db(transaction=True)
def test_two_first_responses_at_once_store_one(django_db_blocker):
    """The keyed hash is unique per survey: a double submit (two tabs) keeps one response."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race is exercised on MySQL/MariaDB")

    api.register_survey(survey=dataclasses.replace(SURVEY, editable=False))

    def first_time():
        try:
            return api.submit_response(survey_key=SURVEY.survey_key, respondent=api.Respondent(learner_id=7),
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
