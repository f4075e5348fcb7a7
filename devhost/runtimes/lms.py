"""
STANDS IN FOR the LMS's runtime (``lms/djangoapps/courseware/block_render.py``: services of
``prepare_runtime_for_user``; ``xmodule/services.py``: the publish service).
"""
import logging

from completion.services import CompletionService
from django.contrib.auth.models import AnonymousUser
from lms.djangoapps.grades.signals.signals import SCORE_PUBLISHED
from opaque_keys.edx.keys import CourseKey

from devhost import course_access
from devhost.runtimes.base import PlatformRuntime
from devhost.runtimes.field_data import lms_field_data, stored_field_data
from devhost.runtimes.services import DjangoXBlockUserService

log = logging.getLogger(__name__)


def lms_user_service(user, course_key: CourseKey) -> DjangoXBlockUserService:
    """The user service as the LMS builds it for a learner or staff member of the course."""
    return DjangoXBlockUserService(
        user,
        user_is_beta_tester=False,
        user_is_staff=course_access.is_course_staff(user, course_key),
        user_is_global_staff=bool(user.is_authenticated and user.is_staff),
        user_role=course_access.lms_user_role(user, course_key),
        anonymous_user_id=None,
        deprecated_anonymous_user_id=None,
        request_country_code=None,
    )


class LmsRuntime(PlatformRuntime):
    """A learner's (or staff member's) runtime in the LMS: authored fields read-only, scores to the grades app."""

    handler_url_name = "xblock_handler"
    js_runtime_class = "LmsRuntime"

    def __init__(self, user, course_key: CourseKey):
        stored = stored_field_data()
        services = {"user": lms_user_service(user, course_key)}
        if user.is_authenticated:
            services["completion"] = CompletionService(user=user, context_key=course_key)
        super().__init__(user, course_key, field_data=lms_field_data(stored, stored), services=services)

    def handler_url_kwargs(self, block, handler_name, suffix):
        return {"course_id": str(self.course_id), "usage_id": str(block.scope_ids.usage_id),
                "handler": handler_name, "suffix": suffix}

    def publish(self, block, event_type, event):
        """The LMS's ``EventPublishingService.publish``: grade and completion handled, the rest tracked."""
        completion = self.service(block, "completion") if block.service_declaration("completion") else None
        if event_type == "grade":
            self._handle_grade_event(block, event)
        elif event_type == "completion" and completion is not None and completion.completion_tracking_enabled():
            completion.submit_completion(block.scope_ids.usage_id, event["completion"])
        else:
            log.info("tracking event %s from %s: %s", event_type, block.scope_ids.usage_id, event)

    def _handle_grade_event(self, block, event):
        if self.django_user.is_anonymous:
            return
        SCORE_PUBLISHED.send(
            sender=None, block=block, user=self.django_user, raw_earned=event["value"],
            raw_possible=event["max_value"], only_if_higher=event.get("only_if_higher"),
            score_deleted=event.get("score_deleted"), grader_response=event.get("grader_response"),
        )


def structure_runtime(course_key: CourseKey) -> LmsRuntime:
    """A runtime with no learner, to read the course's blocks as the block structure does."""
    return LmsRuntime(AnonymousUser(), course_key)
