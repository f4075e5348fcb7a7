"""
STANDS IN FOR THE OPEN EDX LMS where the devhost has no page for what the LMS does. Nothing in
the shipped packages imports this module.

Playing the course's blocks already goes the platform's way (``devhost.runtimes``,
``devhost.lms_grades``). The bridge page does what is left, with real Open edX parts:

* ``pass_course`` stores a passing course grade as an instructor's override would and sends the
  real ``COURSE_PASSING_STATUS_UPDATED``, as the grades app does on every regrade;
* ``create_certificate`` and ``revoke_certificate`` update the platform's certificates table
  (``devhost.platform_tables``) and send the real ``openedx_events`` signals with their real
  data classes, as edx-platform's certificates app does: again on every update.

A learner's full name is their ``UserProfile.name`` (``user.profile``), as in the LMS.
"""
import logging

from django.contrib.auth import get_user_model
from django.db.models import Q
from opaque_keys.edx.keys import CourseKey
from openedx_events.learning.data import CertificateData, CourseData, UserData, UserPersonalData
from openedx_events.learning.signals import CERTIFICATE_CREATED, CERTIFICATE_REVOKED

from devhost.course_structure import DEMO_COURSE_KEY, DEMO_COURSE_NAME
from devhost.lms_grades import send_passing_status
from devhost.platform_tables.certificates.models import DOWNLOADABLE, UNAVAILABLE, GeneratedCertificate
from devhost.platform_tables.grades.models import PersistentCourseGrade
from devhost.platform_tables.student.models import UserProfile

log = logging.getLogger(__name__)


def profile_name(user) -> str:
    """The account's full name as the LMS keeps it (``UserProfile.name``; empty when there is no profile)."""
    return UserProfile.objects.filter(user_id=user.id).values_list("name", flat=True).first() or ""


def set_full_name(user, name: str) -> None:
    """Give the account its profile, holding ``name``, as registration does."""
    UserProfile.objects.update_or_create(user=user, defaults={"name": name})


def certificate_user(user) -> UserData:
    """The certificate's ``UserData`` as the certificates app builds it (``name``: ``user.profile.name``)."""
    return UserData(id=user.id, is_active=user.is_active,
                    pii=UserPersonalData(username=user.username, email=user.email, name=profile_name(user)))


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
    send_passing_status(user, course_key, passed=True)
    return grade


def _certificate_data(certificate, previous_status: str) -> CertificateData:
    return CertificateData(
        user=certificate_user(certificate.user),
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


def learners(search: str = ""):
    """Active learners the bridge page can act for, those whose name or username contains ``search``."""
    found = get_user_model().objects.filter(is_active=True).select_related("profile").order_by("username")
    search = search.strip()
    if search:
        found = found.filter(Q(username__icontains=search) | Q(profile__name__icontains=search))
    return found
