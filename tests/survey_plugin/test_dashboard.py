"""The demand dashboard, its exports, REST figures and the Studio page, each narrowed to who is asking."""
import io

import pytest
from openpyxl import load_workbook

from survey_plugin import api
from tests.factories import UserFactory, administrator, union_tree

pytestmark = pytest.mark.django_db
SURVEY = api.SurveyInfo(survey_key="block-v1:SDFTU+CADRE101+2026+type@demand_survey+block@needs",
                        course_key="course-v1:SDFTU+CADRE101+2026", title="学习需求调查", anonymous=True)
JINAN = ("370000", "370100", "370102", "370102001")
QINGDAO = ("370000", "370200", "370202", "370202001")


@pytest.fixture
def demand():
    orgs = union_tree()
    api.save_topic(code="basics", name="工会基础")
    api.save_topic(code="law", name="工会法")
    api.save_topic(code="finance", name="经费管理")
    api.link_resource(topic_code="basics", key="course-v1:SDFTU+CADRE101+2026", title="基础课")
    api.link_resource(topic_code="basics", key="block-v1:SDFTU+CADRE101+2026+type@vertical+block@u2", title="基础单元")
    api.register_survey(survey=SURVEY)
    learner = 0
    for lineage, topics, count in [(JINAN, ["finance", "basics"], 6), (QINGDAO, ["law"], 7)]:
        for _ in range(count):
            learner += 1
            api.submit_response(survey_key=SURVEY.survey_key, respondent=api.Respondent(
                learner_id=learner, organisation_lineage=lineage, cadre_category="chair", tenure="new",
            ), answers=[api.SubmittedAnswer(question_id="topics", choices=tuple(topics), ranked=True,
                                                           topics=True)])
    return orgs


def topics_on(page: str) -> list[str]:
    return [part.split('"')[0] for part in page.split('data-topic="')[1:]]


def test_a_training_administrator_sees_the_demand_of_their_subtree_only(client, demand):
    client.force_login(administrator(demand["city_a"]))
    page = client.get("/cadre-surveys/demand/").content.decode()
    assert topics_on(page) == ["finance", "basics"]  # Qingdao's "law" requests are not theirs
    assert "6 名答题人" in page
    assert "青岛市总工会" not in page


def test_gaps_are_highlighted(client, demand):
    client.force_login(administrator(demand["province"]))
    page = client.get("/cadre-surveys/demand/").content.decode()
    assert topics_on(page) == ["law", "finance", "basics"]
    gaps = page.split('class="gaps"')[1].split("</div>")[0]
    assert "经费管理" in gaps and "工会法" in gaps and "工会基础" not in gaps


def test_an_organisation_outside_the_subtree_is_404_and_a_learner_is_403(client, demand):
    client.force_login(administrator(demand["city_a"]))
    assert client.get("/cadre-surveys/demand/?org=370200").status_code == 404
    assert client.get("/api/cadre-surveys/v1/demand/?org=370200").status_code == 404
    client.force_login(UserFactory(username="just_a_learner"))
    assert client.get("/cadre-surveys/demand/").status_code == 403
    assert client.get("/api/cadre-surveys/v1/demand/").status_code == 403


@pytest.mark.parametrize("query", ["start=2026-13-01", "end=yesterday", "tenure=old", "category=boss"])
def test_bad_filters_answer_400(client, demand, query):
    client.force_login(administrator(demand["province"]))
    assert client.get(f"/cadre-surveys/demand/?{query}").status_code == 400
    response = client.get(f"/api/cadre-surveys/v1/demand/?{query}")
    assert response.status_code == 400 and response.json()["error"] == "bad_filter"


def test_a_filter_down_to_fewer_than_five_shows_nothing(client, demand):
    client.force_login(administrator(demand["province"]))
    api.submit_response(survey_key=SURVEY.survey_key, respondent=api.Respondent(
        learner_id=999, organisation_lineage=JINAN, cadre_category="part_time", tenure="serving",
    ), answers=[api.SubmittedAnswer(question_id="topics", choices=("law",), topics=True)])
    data = client.get("/api/cadre-surveys/v1/demand/?category=part_time").json()
    assert (data["respondents"], data["hidden"], data["topics"]) == (1, True, [])
    page = client.get("/cadre-surveys/demand/?category=part_time").content.decode()
    assert topics_on(page) == []


def test_the_rest_endpoint_gives_the_ranking(client, demand):
    client.force_login(administrator(demand["city_a"]))
    data = client.get("/api/cadre-surveys/v1/demand/?tenure=new").json()
    assert [(t["code"], t["requests"], t["first_choice"], t["gap"]) for t in data["topics"]] == [
        ("finance", 6, 6, True), ("basics", 6, 0, False),
    ]


def test_the_export_has_the_ranking_and_no_one_who_answered(client, demand):
    client.force_login(administrator(demand["province"]))
    response = client.get("/cadre-surveys/demand/export/?format=xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [row[1] for row in rows[1:]] == ["law", "finance", "basics"]
    assert client.get("/cadre-surveys/demand/export/?format=pdf").status_code == 400


def test_the_studio_page_shows_authors_the_demand_for_their_courses_topics(client, demand, staff_user):
    client.force_login(staff_user)
    page = client.get("/cadre-surveys/courses/course-v1:SDFTU+CADRE101+2026/demand/").content.decode()
    taught = page.split("</h2>")[1].split("<h2>")[0]
    assert "工会基础" in taught and "经费管理" not in taught
    untaught = page.split('class="gaps"')[1]
    assert "经费管理" in untaught and "工会法" in untaught
    client.force_login(UserFactory(username="not_an_author"))
    assert client.get("/cadre-surveys/courses/course-v1:SDFTU+CADRE101+2026/demand/").status_code == 403
