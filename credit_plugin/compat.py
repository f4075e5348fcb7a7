"""
Everything the credit plugin reads from edx-platform, in one place.

The platform's records are reached through a "platform records" class named by the setting
``CADRE_TRAINING_PLATFORM_RECORDS``. The default reads edx-platform's grades and certificates
apps; a host without edx-platform (the devhost) names its own class with the same methods.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from django.utils.module_loading import import_string

from credit_plugin import config


@dataclass(frozen=True)
class PassingGrade:
    user_id: int
    course_key: str
    passed_at: datetime


@dataclass(frozen=True)
class CourseCertificate:
    user_id: int
    course_key: str
    status: str
    created: datetime


class EdxPlatformRecords:
    """edx-platform's PersistentCourseGrade and GeneratedCertificate tables (import only inside the LMS)."""

    def passing_grades(self, since: datetime | None = None) -> Iterator[PassingGrade]:
        from lms.djangoapps.grades.models import PersistentCourseGrade  # noqa: PLC0415 - only exists in the LMS

        rows = PersistentCourseGrade.objects.filter(passed_timestamp__isnull=False)
        if since:
            rows = rows.filter(modified__gte=since)
        for user_id, course_id, passed in rows.values_list("user_id", "course_id", "passed_timestamp").iterator():
            yield PassingGrade(user_id, str(course_id), passed)

    def certificates(self, since: datetime | None = None) -> Iterator[CourseCertificate]:
        from lms.djangoapps.certificates.models import GeneratedCertificate  # noqa: PLC0415

        rows = GeneratedCertificate.objects.all()
        if since:
            rows = rows.filter(modified_date__gte=since)
        for row in rows.values_list("user_id", "course_id", "status", "created_date").iterator():
            yield CourseCertificate(row[0], str(row[1]), row[2], row[3])


def add_advanced_modules(block_types: list[str]) -> list[str]:
    """Add ``block_types`` to every course's Advanced Module List in Studio; return the courses changed."""
    from openedx.core.djangoapps.content.course_overviews.models import CourseOverview  # noqa: PLC0415 - Studio only
    from xmodule.modulestore import ModuleStoreEnum  # noqa: PLC0415
    from xmodule.modulestore.django import modulestore  # noqa: PLC0415

    store, changed = modulestore(), []
    for course_key in CourseOverview.objects.values_list("id", flat=True):
        course = store.get_course(course_key)
        missing = [block_type for block_type in block_types if course and block_type not in course.advanced_modules]
        if missing:
            course.advanced_modules = [*course.advanced_modules, *missing]
            store.update_item(course, ModuleStoreEnum.UserID.mgmt_command)
            changed.append(str(course_key))
    return changed


def platform_records():
    """The configured platform records (edx-platform's by default)."""
    return import_string(config.get("CADRE_TRAINING_PLATFORM_RECORDS"))()
