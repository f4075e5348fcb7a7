"""
Who may see and change whose credits; every page, API and export asks here.

Learners see only their own record. Administrators are staff users; once cadre records exist,
a training administrator is limited to their organisation's subtree (issue 5).
"""


def is_credit_admin(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def can_view_learner(viewer, learner_id: int) -> bool:
    return bool(viewer.is_authenticated and (viewer.id == learner_id or is_credit_admin(viewer)))


def can_change_learner(viewer, learner_id: int) -> bool:
    return is_credit_admin(viewer)
