"""
Who may see and change whose records; every page, API and export asks here.

Learners see only their own record. Training administrators see and change the records of cadres
in their organisation's subtree; province administrators everyone's (``scope``).
"""
from django.core.exceptions import PermissionDenied

from credit_plugin.organisations.scope import organisation_path_of, scope_of


def is_credit_admin(user) -> bool:
    """Whether ``user`` administers any organisation (and may open the administrators' pages)."""
    return scope_of(user).is_admin


def is_province_admin(user) -> bool:
    """Whether ``user`` sees everything: province-wide imports, failed LMS events, all organisations."""
    return scope_of(user).everything


def can_view_learner(viewer, learner_id: int) -> bool:
    """The learner themself, or an administrator of their organisation."""
    if not viewer.is_authenticated:
        return False
    return viewer.id == learner_id or can_change_learner(viewer, learner_id)


def can_change_learner(viewer, learner_id: int) -> bool:
    """An administrator of the learner's organisation (a province administrator: anyone's)."""
    scope = scope_of(viewer)
    if scope.everything:
        return True
    return scope.is_admin and scope.covers(organisation_path_of(learner_id))


def require_admin(request) -> None:
    """Only administrators (of any organisation) open the administrators' pages."""
    if not is_credit_admin(request.user):
        raise PermissionDenied


def require_province_admin(request) -> None:
    """Imports and failed events span every organisation: only province administrators act on them."""
    if not is_province_admin(request.user):
        raise PermissionDenied
