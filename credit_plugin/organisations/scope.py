"""
Who may see which organisations and cadres. Every page, API and export narrows its queries here.

- Superusers, global staff and administrators of a root organisation are province administrators:
  they see everything.
- A training administrator sees the organisations they are assigned to and everything below.
- Anyone else sees no organisation, and only their own record.
"""
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from credit_plugin.organisations.models import CadreProfile, Organisation, TrainingAdministrator


@dataclass(frozen=True)
class Scope:
    """The subtrees a user administers; ``everything`` for province administrators."""

    everything: bool
    paths: tuple[str, ...]

    @property
    def is_admin(self) -> bool:
        return self.everything or bool(self.paths)

    def covers(self, path: str | None) -> bool:
        if path is None:
            return self.everything
        return self.everything or any(path.startswith(own) for own in self.paths)

    def organisations(self) -> QuerySet:
        return self._narrowed(Organisation.objects.all(), "path")

    def cadres(self) -> QuerySet:
        return self._narrowed(CadreProfile.objects.all(), "organisation__path")

    def _narrowed(self, rows: QuerySet, path_field: str) -> QuerySet:
        """``rows`` whose ``path_field`` lies in the scope's subtrees."""
        if self.everything:
            return rows
        if not self.paths:
            return rows.none()
        return rows.filter(_path_filter(path_field, self.paths))


def _path_filter(field: str, paths: tuple[str, ...]) -> Q:
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{field}__startswith": path})
    return condition


def scope_of(user) -> Scope:
    """The scope of ``user`` (an anonymous or inactive user administers nothing)."""
    if not (user and user.is_authenticated and user.is_active):
        return Scope(everything=False, paths=())
    if user.is_superuser or user.is_staff:
        return Scope(everything=True, paths=())
    paths = tuple(
        TrainingAdministrator.objects.filter(user_id=user.id).values_list("organisation__path", flat=True)
    )
    if any(path.count("/") == 2 for path in paths):  # "/000001/" is a root
        return Scope(everything=True, paths=())
    # An assignment below another of the same user's adds nothing.
    kept = tuple(path for path in paths if not any(path != other and path.startswith(other) for other in paths))
    return Scope(everything=False, paths=kept)


def organisation_path_of(user_id: int) -> str | None:
    """The path of the organisation ``user_id`` serves in, or None for a user who is not a cadre."""
    return CadreProfile.objects.filter(user_id=user_id).values_list("organisation__path", flat=True).first()
