"""The demand_survey block in the real XBlock runtime, through the devhost's handler URLs."""
import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from lxml import etree
from openpyxl import load_workbook
from xblock.test.toy_runtime import ToyRuntime

from survey_plugin import api as survey_api
from survey_plugin.models import Answer, SurveyResponse, TopicPick
from tests.devhost_blocks import lms_handler
from tests.factories import UserFactory
from xblocks.demand_survey.demo import DEMO_TOPICS, demo_survey_xml

pytestmark = pytest.mark.django_db
USAGE = "demand-survey.demand_survey.d0.u0"
GOOD = {
    "role": "chair",
    "topics": ["union-law", "union-basics"],
    "formats": ["video", "case"],
    "usefulness": 4,
    "times": ["evening", "lunch", "morning", "weekend"],
    "wish": "希望增加<b>案例</b>课",
}


@pytest.fixture(autouse=True)
def catalogue(db):
    for code, name, description in DEMO_TOPICS:
        survey_api.save_topic(code=code, name=name, description=description)
    survey_api.link_resource(topic_code="union-basics", key="course-v1:SDFTU+CADRE101+2026",
                             title="工会基础知识 ABC 课程")


def submit(client, answers):
    response = client.post(lms_handler(USAGE, "submit"), data=json.dumps({"answers": answers}),
                           content_type="application/json")
    return response.status_code, response.json()


def stored():
    return (SurveyResponse.objects.count(), Answer.objects.count(), TopicPick.objects.count())


def test_a_learner_answers_and_is_shown_resources_for_the_topics_they_picked(learner_client):
    status, data = submit(learner_client, GOOD)
    assert status == 200, data
    assert data["first"] is True
    assert data["resources"] == [{"topic": "工会基础知识 ABC", "title": "工会基础知识 ABC 课程",
                                  "url": "/courses/course-v1:SDFTU+CADRE101+2026/about"}]
    assert stored() == (1, 6, 2)
    picks = list(TopicPick.objects.order_by("rank").values_list("topic__code", "rank"))
    assert picks == [("union-law", 1), ("union-basics", 2)]


def test_the_anonymous_surveys_rows_name_nobody(learner_client, learner):
    from survey_plugin.models import Participation
    from survey_plugin.responses import respondent_key

    submit(learner_client, GOOD)
    response = SurveyResponse.objects.get()
    assert response.user_id is None and response.submitted_on.day == 1  # the month, not the day
    # The key is random: not the keyed hash the LMS's secret would recompute (tests/security has the attack).
    assert response.respondent_key != respondent_key(response.survey.survey_key, learner.id)
    assert list(Participation.objects.values_list("user_id", flat=True)) == [learner.id]  # who, never what
    stored_text = json.dumps(list(SurveyResponse.objects.values()), default=str)
    assert learner.username not in stored_text and learner.email not in stored_text
    # Answered: the learner is thanked, not shown a form to send again (nothing leads back to the answers).
    page = learner_client.get("/unit/demand_survey.0/").content.decode()
    assert '<form class="demand-survey__form' not in page
    assert "不能再向您显示" in page and "您已提交本问卷，谢谢！" in page
    status, data = submit(learner_client, {**GOOD, "role": "vice"})
    assert (status, data["error"]) == (400, "already_answered")


def test_editing_replaces_the_response_and_its_tallies(learner_client, settings, survey_settings):
    settings.CADRE_SURVEY_MIN_GROUP_SIZE = 1
    survey_settings(anonymous=False)  # a named survey: an anonymous response leads back to nobody, to edit
    submit(learner_client, GOOD)
    status, data = submit(learner_client, {**GOOD, "role": "vice", "topics": ["digital-union"]})
    assert (status, data["first"]) == (200, False)
    assert stored() == (1, 6, 1)
    results = survey_api.survey_results(survey_key=SurveyResponse.objects.get().survey.survey_key, live=True)
    assert {(t.option, t.count) for t in results.tallies["role"]} == {("vice", 1)}
    assert {(t.option, t.count) for t in results.tallies["topics"]} == {("digital-union", 1)}


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"role": None}, "required"),
        ({"formats": ["video", "case", "quiz"]}, "too_many_picks"),
        ({"topics": ["union-law", "no-such-topic"]}, "unknown_topic"),
        ({"topics": ["union-basics", "union-law", "union-finance", "digital-union"]}, "too_many_picks"),
        ({"role": "president"}, "unknown_option"),
        ({"usefulness": 6}, "bad_rating"),
        ({"usefulness": True}, "bad_rating"),
        ({"times": ["evening", "lunch"]}, "incomplete_ranking"),
        ({"formats": ["video", "video"]}, "duplicate_pick"),
        ({"wish": "长" * 501}, "too_long"),
        ({"ghost": "x"}, "unknown_question"),
    ],
)
def test_bad_answers_answer_400_and_store_nothing(learner_client, change, code):
    status, data = submit(learner_client, {**GOOD, **change})
    assert status == 400
    assert data["error"] == code and data["message"]
    assert stored() == (0, 0, 0)


def test_malformed_json_answers_400(learner_client):
    response = learner_client.post(lms_handler(USAGE, "submit"), data="{not json", content_type="application/json")
    assert response.status_code == 400 and response.json()["error"] == "malformed_json"


def _with_settings(**changes):
    def change(block):
        for name, value in changes.items():
            setattr(block, name, value)
    return change


@pytest.fixture
def survey_settings(monkeypatch):
    """Change the demo block's settings for one test (as Studio would)."""
    from xblocks.demand_survey.block import DemandSurveyBlock

    def apply(**changes):
        for name, value in changes.items():
            monkeypatch.setattr(DemandSurveyBlock, name, property(lambda self, value=value: value), raising=True)
    return apply


def test_a_closed_survey_refuses_answers(learner_client, survey_settings):
    survey_settings(closes_at=datetime.now(UTC) - timedelta(days=1))
    status, data = submit(learner_client, GOOD)
    assert (status, data["error"]) == (400, "closed")
    assert stored() == (0, 0, 0)
    assert "问卷已截止。" in learner_client.get("/unit/demand_survey.0/").content.decode()


def test_a_second_response_is_refused_where_editing_is_not_allowed(learner_client, survey_settings):
    survey_settings(editable=False)
    assert submit(learner_client, GOOD)[0] == 200
    status, data = submit(learner_client, {**GOOD, "role": "vice"})
    assert (status, data["error"]) == (400, "already_answered")
    assert SurveyResponse.objects.get().answers.get(question_id="role").choices == ["chair"]


def test_free_text_is_shown_escaped_to_staff(client, staff_user):
    for number in range(5):
        client.force_login(UserFactory(username=f"respondent{number}"))
        submit(client, GOOD)
    client.force_login(staff_user)
    page = client.get("/unit/demand_survey.0/").content.decode()
    assert "希望增加&lt;b&gt;案例&lt;/b&gt;课" in page and "<b>案例</b>" not in page
    assert "5 responses" in page or "5 份答卷" in page


def test_an_anonymous_survey_with_fewer_than_five_responses_shows_staff_no_results(client, staff_user):
    for number in range(4):
        client.force_login(UserFactory(username=f"respondent{number}"))
        submit(client, GOOD)
    client.force_login(staff_user)
    data = client.post(lms_handler(USAGE, "results"), data="{}", content_type="application/json").json()
    assert (data["responses"], data["hidden"], data["questions"]) == (0, True, [])  # not even how many


def test_learners_see_results_only_after_answering_when_the_author_allows(learner_client):
    assert learner_client.post(lms_handler(USAGE, "results"), data="{}",
                               content_type="application/json").status_code == 403
    _, data = submit(learner_client, GOOD)
    assert data["results"]["hidden"] is True  # one response of an anonymous survey shows nothing


def test_the_export_of_an_anonymous_survey_is_counts_with_option_texts(client, staff_user):
    for number in range(5):
        client.force_login(UserFactory(username=f"respondent{number}", email=f"r{number}@example.com"))
        submit(client, {**GOOD, "wish": "=HYPERLINK(\"http://x\")"})
    client.force_login(staff_user)
    response = client.get(lms_handler(USAGE, "export") + "?format=xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("问题", "答案", "人数", "平均名次") and rows[1][::2] == ("回答人数", 5)
    flat = json.dumps(rows, ensure_ascii=False, default=str)
    assert "respondent" not in flat and "example.com" not in flat and str(datetime.now(UTC).year) not in flat
    role = next(row for row in rows if row[0] == "您目前担任的工会职务是？")
    assert role[1:3] == ("工会主席", 5)  # the option's text, not its id "chair"
    assert any(row[1] == "《工会法》与《劳动法》" for row in rows)  # a topic's name, not its code
    assert ("=HYPERLINK(\"http://x\")" in [row[1] for row in rows])  # a formula in learner text is text
    csv_text = client.get(lms_handler(USAGE, "export") + "?format=csv").content.decode("utf-8-sig")
    assert "respondent" not in csv_text and "chair," not in csv_text


def test_learners_cannot_export(learner_client):
    assert learner_client.get(lms_handler(USAGE, "export") + "?format=csv").status_code == 403


def test_olx_round_trip_is_identical():
    runtime = ToyRuntime()
    block = runtime.get_block(runtime.parse_xml_string(demo_survey_xml()))
    first = etree.Element("root")
    block.add_xml_to_node(first)
    again = runtime.get_block(runtime.parse_xml_string(etree.tostring(first)))
    second = etree.Element("root")
    again.add_xml_to_node(second)
    assert etree.tostring(first) == etree.tostring(second)
    assert b"<question" in etree.tostring(first) and b'kind="topics"' in etree.tostring(first)


def test_student_view_data_for_the_mobile_apps():
    runtime = ToyRuntime()
    block = runtime.get_block(runtime.parse_xml_string(demo_survey_xml()))
    data = block.student_view_data()
    assert data["anonymous"] is True
    assert [q["kind"] for q in data["questions"]] == ["single", "topics", "multiple", "rating", "ranking", "text"]


def test_a_cadres_organisation_category_and_tenure_come_from_the_cadre_records(client, survey_settings):
    from datetime import date

    from tests.factories import cadre, union_tree

    survey_settings(anonymous=False)
    orgs = union_tree()
    client.force_login(cadre(orgs["union_a"], username="new_chair", took_office_on=date.today() - timedelta(days=30),
                             category="vice_chair"))
    assert submit(client, GOOD)[0] == 200
    pick = TopicPick.objects.first()
    assert (pick.organisation_lineage, pick.cadre_category, pick.tenure) == (
        "/370000/370100/370102/370102001/", "vice_chair", "new",
    )


def test_an_anonymous_response_keeps_the_cadres_facts_only_as_fine_as_five_respondents_share(client):
    """
    Five chairs of a union answer, then its one new vice-chair: each response keeps what at least five
    of those who answered so far share, never below the district (CADRE_SURVEY_ANONYMOUS_ORGANISATION_DEPTH).
    """
    from datetime import date

    from tests.factories import cadre, union_tree

    orgs = union_tree()
    long_ago = date.today() - timedelta(days=3000)
    chairs = [cadre(orgs["union_a"], took_office_on=long_ago, category="chair") for _number in range(5)]
    newcomer = cadre(orgs["union_a"], took_office_on=date.today() - timedelta(days=30), category="vice_chair")
    for user in (*chairs, newcomer):
        client.force_login(user)
        assert submit(client, GOOD)[0] == 200
    kept = sorted(SurveyResponse.objects.values_list("organisation_lineage", "cadre_category", "tenure"))
    assert kept == [("", "", "")] * 4 + [  # the first four: fewer than five had answered at all
        ("/370000/370100/370102/", "", ""),  # the newcomer: six in the district, one vice-chair
        ("/370000/370100/370102/", "chair", "serving"),  # the fifth chair
    ]


def test_olx_with_a_closing_time_without_a_zone_is_refused_naming_the_attribute(english):
    xml = demo_survey_xml().replace("<demand_survey ", '<demand_survey closes_at="2026-12-31T23:59" ', 1)
    with pytest.raises(ValueError, match="closes_at: 2026-12-31T23:59 has no time zone"):
        ToyRuntime().parse_xml_string(xml)


def test_the_survey_dates_keep_their_offset_in_olx_and_for_the_mobile_apps():
    xml = demo_survey_xml().replace("<demand_survey ", '<demand_survey opens_at="2026-12-01T09:00+08:00" ', 1)
    runtime = ToyRuntime()
    block = runtime.get_block(runtime.parse_xml_string(xml))
    node = etree.Element("root")
    block.add_xml_to_node(node)
    assert node.get("opens_at") == "2026-12-01T09:00+08:00"
    assert block.student_view_data()["opens_at"] == "2026-12-01T09:00+08:00"
