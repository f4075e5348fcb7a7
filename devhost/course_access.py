"""
STANDS IN FOR the platform's course roles: who is staff of the demo course, and what the LMS and
Studio report about it (``lms.djangoapps.courseware.access.get_user_role``,
``cms.djangoapps.contentstore.views.access.get_user_role``, ``common.djangoapps.student.auth``'s
``has_studio_write_access``/``has_studio_read_access``).

The devhost has one role table: global staff, and members of the demo course's staff group (the
platform's CourseStaffRole), who author the course in Studio without being global staff.
"""
from opaque_keys.edx.keys import CourseKey

COURSE_STAFF_GROUP = "demo course staff"


def is_course_staff(user, course_key: CourseKey) -> bool:
    """Global staff, or a member of the course's staff role (the devhost's only course has one group)."""
    if not user.is_authenticated:
        return False
    return user.is_staff or user.groups.filter(name=COURSE_STAFF_GROUP).exists()


def lms_user_role(user, course_key: CourseKey) -> str:
    """
    The LMS's ``get_user_role``: 'instructor' where ``has_access(user, 'instructor', course)`` (global
    staff pass every role check), 'staff' for the course's staff role, else 'student'.
    """
    if user.is_authenticated and user.is_staff:
        return "instructor"
    return "staff" if is_course_staff(user, course_key) else "student"


def studio_user_role(user, course_key: CourseKey) -> str:
    """Studio's ``get_user_role``: 'instructor' for instructors and global staff, else 'staff'; never 'student'."""
    return "instructor" if user.is_staff else "staff"


def has_studio_write_access(user, course_key: CourseKey) -> bool:
    """``STUDIO_EDIT_CONTENT`` on the course: global staff and the course's staff and instructors."""
    return is_course_staff(user, course_key)


def has_studio_read_access(user, course_key: CourseKey) -> bool:
    """``STUDIO_VIEW_CONTENT``: the same people here (the devhost has no read-only course role)."""
    return is_course_staff(user, course_key)
