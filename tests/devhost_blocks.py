"""Devhost blocks in tests: the platform's URLs of their handlers, and their course content to change."""
from devhost.course_structure import DEMO_COURSE_KEY
from devhost.runtimes.field_data import stored_field_data
from devhost.runtimes.lms import LmsRuntime


def usage_key(workbench_usage_id: str):
    """The demo course's UsageKey of a workbench usage id (``<scenario>.<block type>.d0.u0``)."""
    return DEMO_COURSE_KEY.make_usage_key(workbench_usage_id.split(".")[1], workbench_usage_id)


def lms_handler(workbench_usage_id: str, handler: str) -> str:
    """The LMS's ``xblock_handler`` URL."""
    return f"/courses/{DEMO_COURSE_KEY}/xblock/{usage_key(workbench_usage_id)}/handler/{handler}"


def studio_handler(workbench_usage_id: str, handler: str) -> str:
    """Studio's ``component_handler`` URL (the editor's handlers)."""
    return f"/xblock/{usage_key(workbench_usage_id)}/handler/{handler}"


def preview_handler(workbench_usage_id: str, handler: str) -> str:
    """Studio's ``preview_handler`` URL (the unit preview's handlers)."""
    return f"/preview/xblock/{usage_key(workbench_usage_id)}/handler/{handler}"


class CourseContentRuntime(LmsRuntime):
    """
    The LMS's runtime for ``user``, over field data that writes authored fields too: for tests that
    change a course's content (as an author's save in Studio would) and then look at it as a learner.
    """

    def __init__(self, user, course_key=DEMO_COURSE_KEY):
        super().__init__(user, course_key)
        self._services["field-data"] = stored_field_data()
