"""
The topic catalogue: the topics a survey's topic menu offers and the content linked to each.

Every survey page and every submit reads it, and it changes a few times a year, so the active
topics and their links are cached for a minute. Saving or deleting a topic or a link clears the
cache of the process that saved it (and at once everywhere where the cache is shared, as the LMS's is).
"""
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from survey_plugin.data import ResourceData, TopicData
from survey_plugin.models import Topic, TopicResource

CACHE_KEY = "survey_plugin:catalogue"
_UNSAFE_IN_LINKS = set("\"'<>`\\ ")
CACHE_SECONDS = 60


@dataclass(frozen=True)
class _Catalogue:
    topics: tuple[TopicData, ...]  # active, in catalogue order
    ids: dict  # code -> Topic id, active topics only
    resources: dict  # code -> tuple[ResourceData, ...], by title


def _load() -> _Catalogue:
    active = list(Topic.objects.filter(active=True))
    resources: dict[str, list[ResourceData]] = {}
    for row in TopicResource.objects.filter(topic__active=True).select_related("topic").order_by("title", "key"):
        resources.setdefault(row.topic.code, []).append(ResourceData(
            topic_code=row.topic.code, topic_name=row.topic.name, key=row.key, title=row.title,
            url=_link(row),
        ))
    return _Catalogue(
        topics=tuple(TopicData(code=t.code, name=t.name, description=t.description) for t in active),
        ids={t.code: t.id for t in active},
        resources={code: tuple(found) for code, found in resources.items()},
    )


def _catalogue() -> _Catalogue:
    return cache.get_or_set(CACHE_KEY, _load, CACHE_SECONDS)


@receiver([post_save, post_delete], sender=Topic, dispatch_uid="survey_plugin.topic_changed")
@receiver([post_save, post_delete], sender=TopicResource, dispatch_uid="survey_plugin.topic_resource_changed")
def _catalogue_changed(**kwargs) -> None:
    cache.delete(CACHE_KEY)
    # A process that reads between the change and its commit would cache the old catalogue again.
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def topics(*, codes: list[str] | None = None) -> list[TopicData]:
    """Active topics, all or those of ``codes`` (in catalogue order)."""
    found = _catalogue().topics
    if codes is not None:
        wanted = set(codes)
        found = tuple(topic for topic in found if topic.code in wanted)
    return list(found)


def active_topic_ids(*, codes) -> dict[str, int]:
    """{code: id} of those of ``codes`` that are active topics (an unknown or retired code is missing)."""
    ids = _catalogue().ids
    return {code: ids[code] for code in codes if code in ids}


def resources_for_topics(*, codes: list[str]) -> list[ResourceData]:
    """The courses and units linked to the topics, in the order of ``codes`` (a learner's picks)."""
    resources = _catalogue().resources
    seen, found = set(), []
    for code in codes:
        if code not in seen:
            seen.add(code)
            found.extend(resources.get(code, ()))
    return found


def save_topic(*, code: str, name: str, description: str = "", active: bool = True) -> TopicData:
    topic, _ = Topic.objects.update_or_create(code=code, defaults={"name": name, "description": description,
                                                                   "active": active})
    return TopicData(code=topic.code, name=topic.name, description=topic.description)


def link_resource(*, topic_code: str, key: str, title: str, url: str = "") -> None:
    topic = Topic.objects.get(code=topic_code)
    TopicResource.objects.update_or_create(topic=topic, key=key, defaults={"title": title, "url": url})


def _link(row: TopicResource) -> str:
    """The resource's own link when it is a safe one, else the LMS's page of its key (when that is safe)."""
    for url in (row.url, default_url(row.key)):
        if url and is_safe_link(url):
            return url
    return ""


def is_safe_link(url: str) -> bool:
    """
    Whether ``url`` may be a link learners follow: http(s) or a path on this site, with no quote,
    angle bracket, space or control character (no ``javascript:``, no breaking out of an attribute).
    """
    if not url or any(char in _UNSAFE_IN_LINKS or ord(char) < 32 or ord(char) == 127 for char in url):
        return False
    if url.startswith("/"):
        return not url.startswith("//")
    parts = urlsplit(url)
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


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
