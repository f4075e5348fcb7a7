"""The topic catalogue: active topics in order, the courses and units linked to them, and its cache."""
import pytest

from survey_plugin import api

pytestmark = pytest.mark.django_db


def test_resources_come_in_the_order_of_the_learners_picks_with_the_lms_pages(topic_catalogue):
    resources = api.resources_for_topics(codes=["law", "basics", "law"])
    assert [resource.title for resource in resources] == ["工会法课", "基础课", "基础课二"]
    assert resources[0] == api.ResourceData(topic_code="law", topic_name="工会法", key="course-v1:SDFTU+LAW101+2026",
                                            title="工会法课", url="/courses/course-v1:SDFTU+LAW101+2026/about")


def test_a_unit_links_to_its_page_in_the_course_and_a_given_url_wins(topic_catalogue):
    unit = "block-v1:SDFTU+CADRE101+2026+type@vertical+block@u1"
    api.link_resource(topic_code="finance", key=unit, title="第一单元")
    api.link_resource(topic_code="finance", key="course-v1:SDFTU+FIN+2026", title="外部课", url="https://example.org/fin")
    assert [(resource.title, resource.url) for resource in api.resources_for_topics(codes=["finance"])] == [
        ("外部课", "https://example.org/fin"),
        ("第一单元", f"/courses/course-v1:SDFTU+CADRE101+2026/jump_to/{unit}"),
    ]


def test_an_inactive_topic_is_no_longer_offered_nor_accepted(ask_for):
    api.save_topic(code="finance", name="经费管理", active=False)
    assert [topic.code for topic in api.topics()] == ["basics", "law"]
    assert api.topics(codes=["law", "finance"]) == [api.TopicData(code="law", name="工会法", description="")]
    with pytest.raises(api.SurveyError):
        ask_for(1, ["finance"])


def test_a_saved_topic_is_offered_at_once_although_the_catalogue_is_cached(topic_catalogue, django_assert_num_queries):
    api.topics()
    with django_assert_num_queries(0):
        assert len(api.topics()) == 3
    api.save_topic(code="media", name="新媒体宣传")
    assert [topic.code for topic in api.topics()] == ["basics", "finance", "law", "media"]
