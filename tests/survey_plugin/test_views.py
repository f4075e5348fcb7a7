"""The demand dashboard, its export and the Studio page of a course's demand, each narrowed to who is asking."""
import io

import pytest
from openpyxl import load_workbook

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def topics_on(page: str) -> list[str]:
    return [part.split('"')[0] for part in page.split('data-topic="')[1:]]


def test_a_training_administrator_sees_the_demand_of_their_subtree_only(client, demand, jinan_admin):
    client.force_login(jinan_admin)
    page = client.get("/cadre-surveys/demand/").content.decode()
    assert topics_on(page) == ["finance", "basics"]  # Qingdao's "law" requests are not theirs
    assert "6 名答题人" in page
    assert "青岛市总工会" not in page and "济南市总工会" in page


def test_the_organisation_filter_lists_the_tree_indented_and_narrows_the_ranking(client, demand, province_admin):
    client.force_login(province_admin)
    page = client.get("/cadre-surveys/demand/?org=370200").content.decode()
    assert '<option value="370102">\u3000\u3000历下区总工会</option>' in page
    assert '<option value="370200" selected>\u3000青岛市总工会</option>' in page
    assert topics_on(page) == ["law"]


def test_gaps_are_highlighted(client, demand, province_admin):
    client.force_login(province_admin)
    page = client.get("/cadre-surveys/demand/").content.decode()
    assert topics_on(page) == ["law", "finance", "basics"]
    gaps = page.split('class="gaps"')[1].split("</div>")[0]
    assert "经费管理" in gaps and "工会法" in gaps and "工会基础" not in gaps


def test_an_organisation_outside_the_subtree_is_404_and_a_learner_is_403(client, demand, jinan_admin):
    client.force_login(jinan_admin)
    assert client.get("/cadre-surveys/demand/?org=370200").status_code == 404
    assert client.get("/cadre-surveys/demand/export/?org=370200").status_code == 404
    client.force_login(UserFactory(username="just_a_learner"))
    assert client.get("/cadre-surveys/demand/").status_code == 403
    assert client.get("/cadre-surveys/demand/export/").status_code == 403


@pytest.mark.parametrize(("query", "named"), [
    ("start=2026-13-01", "start"), ("end=yesterday", "end"), ("tenure=old", "tenure"), ("category=boss", "category"),
])
def test_a_bad_filter_answers_400_naming_it(client, demand, province_admin, query, named):
    client.force_login(province_admin)
    response = client.get(f"/cadre-surveys/demand/?{query}")
    assert response.status_code == 400 and response.content.decode().startswith(f"{named}: ")


def test_empty_filters_from_the_form_filter_nothing(client, demand, province_admin):
    client.force_login(province_admin)
    page = client.get("/cadre-surveys/demand/?org=&start=&end=&category=&tenure=").content.decode()
    assert topics_on(page) == ["law", "finance", "basics"]


def test_a_filter_down_to_fewer_than_five_shows_nothing(client, demand, province_admin, ask_for):
    ask_for(999, ["law"], category="part_time", tenure="serving")
    for learner in range(1000, 1004):  # the batch of five that publishes it
        ask_for(learner, ["law"])
    client.force_login(province_admin)
    page = client.get("/cadre-surveys/demand/?category=part_time").content.decode()
    assert topics_on(page) == [] and "此筛选不予执行" in page
    assert client.get("/cadre-surveys/demand/export/?category=part_time&format=csv").status_code == 400


def test_the_export_has_the_ranking_and_no_one_who_answered(client, demand, province_admin):
    client.force_login(province_admin)
    response = client.get("/cadre-surveys/demand/export/?format=xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="learning-demand.xlsx"'
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("排名", "主题代码", "学习主题", "需求人次", "首选人次", "关联课程与单元", "缺口")
    assert [row[1] for row in rows[1:]] == ["law", "finance", "basics"]
    assert client.get("/cadre-surveys/demand/export/?format=pdf").status_code == 400


def test_the_csv_export_keeps_topic_names_that_look_like_formulas_as_text(client, demand, province_admin):
    from survey_plugin import api

    api.save_topic(code="law", name="=HYPERLINK(\"http://evil.example\")")
    client.force_login(province_admin)
    text = client.get("/cadre-surveys/demand/export/?format=csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and text.splitlines()[1].startswith("1,law,")


def test_the_studio_page_shows_authors_the_demand_for_their_courses_topics(client, demand, staff_user):
    client.force_login(staff_user)
    page = client.get("/cadre-surveys/courses/course-v1:SDFTU+CADRE101+2026/demand/").content.decode()
    taught = page.split("</h2>")[1].split("<h2>")[0]
    assert "工会基础" in taught and "经费管理" not in taught
    untaught = page.split('class="gaps"')[1]
    assert "经费管理" in untaught and "工会法" not in untaught  # 工会法 has a course, if not this one
    client.force_login(UserFactory(username="not_an_author"))
    assert client.get("/cadre-surveys/courses/course-v1:SDFTU+CADRE101+2026/demand/").status_code == 403
