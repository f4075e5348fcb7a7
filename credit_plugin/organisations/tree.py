"""
The organisation tree kept as materialised paths, so "this organisation and everything below
it" is one indexed ``path LIKE '/000001/000004/%'`` query at any depth.
"""
from django.core.cache import cache
from django.db import transaction
from django.db.models import QuerySet, Value
from django.db.models.functions import Concat, Substr

from credit_plugin.organisations.models import PATH_SEGMENT_WIDTH, Organisation


class TreeError(ValueError):
    """A change that would break the tree (a cycle, an unknown parent)."""


def segment(organisation_id: int) -> str:
    return f"{organisation_id:0{PATH_SEGMENT_WIDTH}d}/"


def subtree(path: str) -> QuerySet:
    """The organisation with ``path`` and every organisation below it."""
    return Organisation.objects.filter(path__startswith=path)


def ancestor_ids(path: str) -> list[int]:
    """Ids from the root down to (and including) the organisation with ``path``."""
    return [int(part) for part in path.strip("/").split("/") if part]


LINEAGE_CACHE_SECONDS = 24 * 3600


def lineage_codes(path: str) -> tuple[str, ...]:
    """
    Codes from the root down to the organisation with ``path``. A path names ids, and neither an
    id nor a code ever changes (a move makes a new path), so what a path stands for is cached.
    """
    key = f"credit_plugin:lineage:{path}"
    codes = cache.get(key)
    if codes is None:
        ids = ancestor_ids(path)
        found = dict(Organisation.objects.filter(id__in=ids).values_list("id", "code"))
        codes = tuple(found[pk] for pk in ids if pk in found)
        cache.set(key, codes, LINEAGE_CACHE_SECONDS)
    return codes


@transaction.atomic
def save_organisation(*, code: str, name: str, level: str, parent: Organisation | None) -> Organisation:
    """Create the organisation ``code`` or update it; moving it moves its whole subtree."""
    organisation = Organisation.objects.select_for_update().filter(code=code).first()
    if organisation and parent and parent.path.startswith(organisation.path):
        raise TreeError(f"{code}: {parent.code} is inside {code}'s own subtree")
    if organisation is None:
        organisation = Organisation.objects.create(code=code, name=name, level=level, parent=parent, path="")
        organisation.path = (parent.path if parent else "/") + segment(organisation.id)
        organisation.save(update_fields=["path"])
        return organisation
    old_path = organisation.path
    organisation.name, organisation.level, organisation.parent = name, level, parent
    organisation.path = (parent.path if parent else "/") + segment(organisation.id)
    organisation.save()
    if organisation.path != old_path:
        # Every descendant keeps its own tail and gets the new head.
        subtree(old_path).exclude(pk=organisation.pk).update(
            path=Concat(Value(organisation.path), Substr("path", len(old_path) + 1))
        )
    return organisation
