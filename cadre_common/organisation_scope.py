"""
What a viewer may see of the organisation tree, as plain data that any app's reports can filter by.

The cadre records (credit_plugin) know the tree and its administrators; another app (survey
demand) must not depend on them, so it names a provider in a setting, like the LMS's pluggable
backends: a function ``(viewer) -> OrganisationScope``. Without one, global staff see everything
and nobody else anything.
"""
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import import_string


@dataclass(frozen=True)
class OrganisationChoice:
    """An organisation a viewer may filter by: its code, name and depth in the tree (1: a root)."""

    code: str
    name: str
    depth: int


@dataclass(frozen=True)
class OrganisationScope:
    """
    ``everything`` for a province administrator; otherwise the codes of the subtrees' ``roots``
    the viewer administers. ``choices`` are every organisation they see (for a filter), and
    ``categories`` the cadre categories (value, label) reports may be cut by.
    """

    everything: bool
    roots: tuple[str, ...] = ()
    choices: tuple[OrganisationChoice, ...] = ()
    categories: tuple[tuple[str, str], ...] = ()

    @property
    def may_read(self) -> bool:
        return self.everything or bool(self.roots)

    def allows(self, code: str) -> bool:
        """Whether ``code`` is an organisation the viewer may see."""
        return self.everything or code in {choice.code for choice in self.choices}


NOTHING = OrganisationScope(everything=False)


def organisation_scope(viewer, *, provider: str) -> OrganisationScope:
    """The scope of ``viewer`` from the provider named by its dotted path (empty: staff see everything)."""
    if not (viewer and viewer.is_authenticated and viewer.is_active):
        return NOTHING
    if not provider:
        return OrganisationScope(everything=bool(viewer.is_staff or viewer.is_superuser))
    find: Callable[..., OrganisationScope] = import_string(provider)
    return find(viewer=viewer)
