"""REST API v1 of the survey plugin (``/api/cadre-surveys/v1/``), mounted by the plugin framework."""
import pytest
from django.test import override_settings

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
DEMAND = "/api/cadre-surveys/v1/demand/"


def test_privacy_policy_needs_a_logged_in_user(client):
    assert client.get("/api/cadre-surveys/v1/privacy/").status_code == 403


@override_settings(CADRE_SURVEY_MIN_GROUP_SIZE=8)
def test_privacy_policy_shows_the_configured_threshold(learner_client):
    response = learner_client.get("/api/cadre-surveys/v1/privacy/")
    assert response.json() == {"min_group_size": 8, "max_text_length": 2000}


def test_the_demand_of_an_administrators_subtree_with_the_filters_as_given(client, demand, jinan_admin):
    client.force_login(jinan_admin)
    assert client.get(f"{DEMAND}?tenure=new").json() == {
        "filters": {"start": "", "end": "", "org": "", "category": "", "tenure": "new"},
        "respondents": 6,
        "hidden": False,
        "topics": [
            {"code": "finance", "name": "经费管理", "requests": 6, "first_choice": 6, "resources": 0, "gap": True},
            {"code": "basics", "name": "工会基础", "requests": 6, "first_choice": 0, "resources": 2, "gap": False},
        ],
    }


def test_a_filter_down_to_fewer_than_five_gives_no_counts(client, demand, province_admin, ask_for):
    ask_for(999, ["law"], category="part_time", tenure="serving")
    for learner in range(1000, 1004):  # the batch of five that publishes it
        ask_for(learner, ["law"])
    client.force_login(province_admin)
    response = client.get(f"{DEMAND}?category=part_time")
    assert response.status_code == 400 and response.json()["error"] == "group_too_small"
    assert "不足 5 人" in response.json()["message"] and "respondents" not in response.json()


def test_an_organisation_outside_the_subtree_is_404_and_a_learner_is_403(client, demand, jinan_admin):
    client.force_login(jinan_admin)
    response = client.get(f"{DEMAND}?org=370200")
    assert response.status_code == 404
    assert response.json() == {"error": "unknown_organisation", "parameter": "org",
                               "message": "org: 您管理的组织中没有 370200。"}
    client.force_login(UserFactory(username="just_a_learner"))
    response = client.get(DEMAND)
    assert (response.status_code, response.json()["error"]) == (403, "forbidden")
    client.logout()
    assert client.get(DEMAND).status_code in (401, 403)


@pytest.mark.parametrize(("query", "parameter", "says"), [
    ("start=2026-13-01", "start", "start: 日期格式错误。请从这些格式中选择：YYYY-MM-DD。"),
    ("end=yesterday", "end", "end: 日期格式错误。请从这些格式中选择：YYYY-MM-DD。"),
    ("tenure=old", "tenure", "tenure: “old” 不是合法选项。"),
    ("category=boss", "category", "category: “boss” 不是合法选项。"),
    (f"org={'9' * 65}", "org", "org: 请确保这个字段不能超过 64 个字符。"),
])
def test_a_bad_filter_answers_400_naming_the_parameter(client, demand, province_admin, query, parameter, says):
    client.force_login(province_admin)
    response = client.get(f"{DEMAND}?{query}")
    assert response.status_code == 400
    assert response.json() == {"error": "bad_filter", "parameter": parameter, "message": says}


def test_empty_filters_filter_nothing(client, demand, province_admin):
    client.force_login(province_admin)
    data = client.get(f"{DEMAND}?start=&end=&org=&category=&tenure=").json()
    assert (data["respondents"], [topic["code"] for topic in data["topics"]]) == (15, ["law", "finance", "basics"])


def test_a_period_counts_the_responses_of_those_days(client, demand, province_admin):
    from datetime import date, timedelta

    client.force_login(province_admin)
    today = date.today()
    assert client.get(f"{DEMAND}?start={today - timedelta(days=1)}&end={today}").json()["respondents"] == 15
    last_month = today.replace(day=1) - timedelta(days=1)
    assert client.get(f"{DEMAND}?end={last_month}").json()["hidden"] is True
