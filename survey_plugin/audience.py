"""
Who may read demand, and for which organisations. The cadre records know the organisation tree
and its administrators; this plugin asks them through ``CADRE_SURVEY_ORGANISATION_SCOPE`` (a
dotted path, like the LMS's pluggable backends) so that it does not depend on them.
"""
from dataclasses import dataclass

from django.utils.module_loading import import_string

from survey_plugin import config


@dataclass(frozen=True)
class DemandScope:
    """``everything``, or the organisation subtrees (their root codes) a viewer may read."""

    everything: bool
    roots: tuple[str, ...]
    choices: tuple[tuple[str, str, int], ...]  # (code, name, depth) for the organisation filter
    categories: tuple[tuple[str, str], ...] = ()  # (value, label) for the cadre category filter

    @property
    def may_read(self) -> bool:
        return self.everything or bool(self.roots)


def demand_scope(viewer) -> DemandScope:
    if not (viewer and viewer.is_authenticated and viewer.is_active):
        return DemandScope(everything=False, roots=(), choices=())
    provider = config.organisation_scope_provider()
    if not provider:
        return DemandScope(everything=bool(viewer.is_staff or viewer.is_superuser), roots=(), choices=())
    found = import_string(provider)(viewer=viewer)
    return DemandScope(
        everything=bool(found["everything"]), roots=tuple(found["roots"]),
        choices=tuple(tuple(choice) for choice in found["choices"]),
        categories=tuple(tuple(category) for category in found.get("categories", ())),
    )
