"""
STANDS IN FOR THE OPEN EDX LMS. Nothing in the shipped packages imports this module.

The LMS cannot run here (it is not on PyPI and needs MongoDB), so this module does what the
LMS would do around our code, with real Open edX parts:

* ``DevhostRuntime`` is the XBlock SDK's ``WorkbenchRuntime`` with the services and keys the
  LMS gives a block: the logged-in Django user, the ``completion`` service from edx-completion,
  the ``i18n`` service made per block as the platform makes it (``devhost.xblock_services``),
  a real ``CourseKey`` and ``UsageKey``; published ``grade`` and ``completion`` events are
  stored the way the LMS stores them.
* ``pass_course``, ``create_certificate`` and ``revoke_certificate`` update the platform's own
  tables (``devhost.platform_tables``: grades and certificates, under their app labels) and send
  the real ``openedx_events`` signals with their real data classes, as edx-platform's grades and
  certificates apps do: again on every update.
* A learner's full name is their ``UserProfile.name`` (``user.profile``), as in the LMS.
"""
import logging

from completion.models import BlockCompletion
from completion.services import CompletionService
from django.contrib.auth import get_user_model
from opaque_keys.edx.keys import CourseKey, UsageKey
from openedx_events.learning.data import (
    CertificateData,
    CourseData,
    CoursePassingStatusData,
    UserData,
    UserPersonalData,
)
from openedx_events.learning.signals import (
    CERTIFICATE_CREATED,
    CERTIFICATE_REVOKED,
    COURSE_PASSING_STATUS_UPDATED,
)
from workbench.runtime import WorkbenchRuntime
from xblock.reference.user_service import UserService, XBlockUser

from devhost.models import BridgeBlockScore
from devhost.platform_tables.certificates.models import DOWNLOADABLE, UNAVAILABLE, GeneratedCertificate
from devhost.platform_tables.grades.models import PersistentCourseGrade
from devhost.platform_tables.student.models import UserProfile
from devhost.xblock_services.i18n import LmsI18nServiceMixin

log = logging.getLogger(__name__)

DEMO_COURSE_KEY = CourseKey.from_string("course-v1:SDFTU+CADRE101+2026")
DEMO_COURSE_NAME = "工会干部应知应会基础 (demo)"


# --- The XBlock runtime as the LMS offers it -------------------------------------------------

# Members of this group are the demo course's staff (the LMS's CourseStaffRole): they author the
# course in Studio without being global staff, who administer every organisation's cadres.
COURSE_STAFF_GROUP = "demo course staff"


def course_role(user) -> str:
    """The user's role in the demo course, as the LMS's runtime reports it to XBlocks."""
    if user.is_staff:
        return "staff"
    if user.is_authenticated and user.groups.filter(name=COURSE_STAFF_GROUP).exists():
        return "instructor"
    return "student"


def profile_name(user) -> str:
    """The account's full name as the LMS keeps it (``UserProfile.name``; empty when there is no profile)."""
    return UserProfile.objects.filter(user_id=user.id).values_list("name", flat=True).first() or ""


def set_full_name(user, name: str) -> None:
    """Give the account its profile, holding ``name``, as registration does."""
    UserProfile.objects.update_or_create(user=user, defaults={"name": name})


class DjangoUserService(UserService):
    """The ``user`` service with the logged-in user, carrying the attributes the LMS sets."""

    def __init__(self, user):
        xblock_user = XBlockUser(
            is_current_user=True,
            emails=[user.email] if user.email else [],
            full_name=profile_name(user),  # DjangoXBlockUserService: user.profile.name
        )
        xblock_user.opt_attrs.update(
            {
                "edx-platform.is_authenticated": True,
                "edx-platform.user_id": user.id,
                "edx-platform.username": user.get_username(),
                "edx-platform.user_is_staff": user.is_staff,
                "edx-platform.user_role": course_role(user),
            }
        )
        super().__init__(user=xblock_user)

    def get_current_user(self):
        return self._user


def usage_key_for(usage_id: str, block_type: str, course_key: CourseKey = DEMO_COURSE_KEY) -> UsageKey:
    """The real ``UsageKey`` a workbench usage id stands for inside the demo course."""
    return course_key.make_usage_key(block_type, usage_id)


class DevhostRuntime(LmsI18nServiceMixin, WorkbenchRuntime):
    """
    The workbench runtime for one request of one logged-in user, in the demo course; the ``i18n``
    service is the platform's (``devhost.xblock_services.i18n``).
    """

    def __init__(self, user, course_key: CourseKey = DEMO_COURSE_KEY):
        super().__init__(str(user.id))
        self.django_user = user
        self.course_id = course_key
        self._services["user"] = DjangoUserService(user)
        self._services["completion"] = CompletionService(user, course_key)

    def get_user_role(self):
        return course_role(self.django_user)

    def _patch_xblock(self, block):
        """Give the block the real keys the LMS gives it, not the workbench's mocks."""
        block.location = usage_key_for(block.scope_ids.usage_id, block.scope_ids.block_type, self.course_id)
        block.course_id = self.course_id

    def publish(self, block, event_type, event_data):
        usage_key = usage_key_for(block.scope_ids.usage_id, block.scope_ids.block_type, self.course_id)
        if event_type == "completion":
            BlockCompletion.objects.submit_completion(
                user=self.django_user, block_key=usage_key, completion=float(event_data["completion"])
            )
        elif event_type == "grade":
            BridgeBlockScore.objects.update_or_create(
                user=self.django_user,
                usage_key=str(usage_key),
                defaults={"earned": float(event_data["value"]), "possible": float(event_data["max_value"])},
            )
        else:
            super().publish(block, event_type, event_data)


# --- The LMS's grades and certificates apps -----------------------------------------------------

def user_data(user) -> UserData:
    return UserData(
        id=user.id,
        is_active=user.is_active,
        pii=UserPersonalData(username=user.get_username(), email=user.email, name=profile_name(user)),
    )


def course_data(course_key: CourseKey = DEMO_COURSE_KEY) -> CourseData:
    return CourseData(course_key=course_key, display_name=DEMO_COURSE_NAME)


def _persist_grade(user, course_key: CourseKey, percent_grade: float, passed: bool):
    return PersistentCourseGrade.update_or_create(
        user_id=user.id, course_id=course_key, course_version="", grading_policy_hash="devhost",
        percent_grade=percent_grade, letter_grade="Pass" if passed else "", passed=passed,
    )


def pass_course(user, course_key: CourseKey = DEMO_COURSE_KEY, percent_grade: float = 0.9):
    """Record a passing course grade and send COURSE_PASSING_STATUS_UPDATED, as every regrade does."""
    grade = _persist_grade(user, course_key, percent_grade, passed=True)
    COURSE_PASSING_STATUS_UPDATED.send_event(
        course_passing_status=CoursePassingStatusData(
            is_passing=True, course=course_data(course_key), user=user_data(user)
        )
    )
    return grade


def _certificate_data(certificate, previous_status: str) -> CertificateData:
    return CertificateData(
        user=user_data(certificate.user),
        course=course_data(certificate.course_id),
        mode=certificate.mode,
        grade=certificate.grade,
        download_url="",
        name=profile_name(certificate.user),
        current_status=certificate.status,
        previous_status=previous_status,
    )


def create_certificate(user, course_key: CourseKey = DEMO_COURSE_KEY, grade: str = "0.9"):
    """Save a passing certificate and send CERTIFICATE_CREATED, as every such save in the LMS does."""
    certificate, created = GeneratedCertificate.objects.get_or_create(user=user, course_id=course_key)
    previous_status = "" if created else certificate.status
    certificate.status, certificate.grade, certificate.name = DOWNLOADABLE, grade, profile_name(user)
    certificate.save()
    CERTIFICATE_CREATED.send_event(certificate=_certificate_data(certificate, previous_status))
    return certificate


def revoke_certificate(user, course_key: CourseKey = DEMO_COURSE_KEY):
    """Make a certificate unavailable and send CERTIFICATE_REVOKED."""
    certificate = GeneratedCertificate.objects.get(user=user, course_id=course_key)
    previous_status = certificate.status
    certificate.status = UNAVAILABLE
    certificate.save()
    CERTIFICATE_REVOKED.send_event(certificate=_certificate_data(certificate, previous_status))
    return certificate


def record_passing_grade_silently(user, course_key: CourseKey = DEMO_COURSE_KEY):
    """A passing grade whose event the LMS never sent (a lost event), for reconcile_credits to find."""
    return _persist_grade(user, course_key, 0.9, passed=True)


def learners():
    """Active learners the bridge page can act for."""
    return get_user_model().objects.filter(is_active=True).order_by("username")


def core_component_as_workbench_xml(block_type: str, element) -> str:
    """
    The LMS's own HTML and video components as the workbench's ``html_demo`` (the SDK has neither).

    Used only to show a course built by course_exports in the devhost; our blocks go in unchanged.
    """
    from html import escape

    import nh3

    if block_type == "html":
        return f"<html_demo><div>{nh3.clean(element.text or '')}</div></html_demo>"
    youtube, source = element.get("youtube_id_1_0"), element.find("source")
    link = escape(f"https://www.youtube.com/watch?v={youtube}" if youtube else element.get("edx_video_id") or (
        source.get("src", "") if source is not None else ""))
    title = escape(element.get("display_name", ""))
    return f"<html_demo><p class='video-stand-in'>▶ {title}: <a href='{link}'>{link}</a></p></html_demo>"
