"""
Who may see and change whose credits; every page, API and export asks here.

Learners see only their own record. Training administrators see and change the records of cadres
in their organisation's subtree; province administrators everyone's (credit_plugin.cadres.scope).
"""
from credit_plugin.cadres.scope import organisation_path_of, scope_of


def is_credit_admin(user) -> bool:
    """Whether ``user`` administers any organisation (and may open the administrators' pages)."""
    return scope_of(user).is_admin


def is_province_admin(user) -> bool:
    """Whether ``user`` sees everything: province-wide imports, failed LMS events, all organisations."""
    return scope_of(user).everything


def can_view_learner(viewer, learner_id: int) -> bool:
    if not viewer.is_authenticated:
        return False
    return viewer.id == learner_id or can_change_learner(viewer, learner_id)


def can_change_learner(viewer, learner_id: int) -> bool:
    scope = scope_of(viewer)
    if scope.everything:
        return True
    return scope.is_admin and scope.covers(organisation_path_of(learner_id))


def can_change_entry(viewer, entry_id: int) -> bool:
    """Whether ``viewer`` may reverse ledger entry ``entry_id`` (an unknown entry: no)."""
    from credit_plugin.models import LedgerEntry

    owner = LedgerEntry.objects.filter(pk=entry_id).values_list("user_id", flat=True).first()
    return owner is not None and can_change_learner(viewer, owner)
