"""The topic catalogue: the topics a survey's topic menu offers and the content linked to each."""
from django.db import models

from survey_plugin.data import ResourceData, TopicData
from survey_plugin.models import Topic, TopicResource


def topics(*, codes: list[str] | None = None) -> list[TopicData]:
    """Active topics, all or those of ``codes`` (in catalogue order)."""
    rows = Topic.objects.filter(active=True)
    if codes is not None:
        rows = rows.filter(code__in=codes)
    return [TopicData(code=t.code, name=t.name, description=t.description) for t in rows]


def resources_for_topics(*, codes: list[str]) -> list[ResourceData]:
    """The courses and units linked to the topics, in the order of ``codes`` (a learner's picks)."""
    order = {code: position for position, code in enumerate(codes)}
    rows = TopicResource.objects.filter(topic__code__in=codes, topic__active=True).select_related("topic")
    found = [
        ResourceData(topic_code=row.topic.code, topic_name=row.topic.name, key=row.key, title=row.title,
                     url=row.url or default_url(row.key))
        for row in rows
    ]
    return sorted(found, key=lambda resource: (order[resource.topic_code], resource.title))


def save_topic(*, code: str, name: str, description: str = "", active: bool = True) -> TopicData:
    topic, _ = Topic.objects.update_or_create(code=code, defaults={"name": name, "description": description,
                                                                   "active": active})
    return TopicData(code=topic.code, name=topic.name, description=topic.description)


def link_resource(*, topic_code: str, key: str, title: str, url: str = "") -> None:
    topic = Topic.objects.get(code=topic_code)
    TopicResource.objects.update_or_create(topic=topic, key=key, defaults={"title": title, "url": url})


def default_url(key: str) -> str:
    """The LMS page of a course (its about page) or of a unit (``jump_to``), as edx-platform routes them."""
    if key.startswith("course-v1:"):
        return f"/courses/{key}/about"
    if key.startswith("block-v1:"):
        course = "course-v1:" + key.removeprefix("block-v1:").split("+type@", 1)[0]
        return f"/courses/{course}/jump_to/{key}"
    return ""


def course_topic_codes(*, course_key: str) -> set[str]:
    """Codes of the topics linked to the course itself or to one of its units."""
    unit_prefix = "block-v1:" + course_key.removeprefix("course-v1:") + "+type@"
    rows = TopicResource.objects.filter(models.Q(key=course_key) | models.Q(key__startswith=unit_prefix))
    return set(rows.values_list("topic__code", flat=True))
