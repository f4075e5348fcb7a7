"""
Everything the credit plugin reads from or writes to edx-platform, in one place.

The platform's tables are reached through Django's app registry under the platform's own app
labels (``grades.PersistentCourseGrade``, ``certificates.GeneratedCertificate``,
``student.UserProfile``), so nothing here imports edx-platform and the same code runs against the
devhost's tables of the same shape (docs/platform-contract.rst). Studio's modulestore is imported
only inside the one Studio command that needs it.
"""
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.module_loading import import_string

from credit_plugin import config

# Where the LMS keeps a learner's full name: UserProfile.name, reached from the account as user.profile.
PROFILE_NAME = "profile__name"


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


@dataclass(frozen=True)
class FinishedBlock:
    user_id: int
    block_key: str
    completed_at: datetime


class EdxPlatformRecords:
    """
    The LMS's PersistentCourseGrade and GeneratedCertificate tables (grades and certificates apps),
    and edx-completion's BlockCompletion, read in pages in key order.
    """

    def passing_grades(self, since: datetime | None = None) -> Iterator[PassingGrade]:
        rows = apps.get_model("grades", "PersistentCourseGrade").objects.filter(passed_timestamp__isnull=False)
        for user_id, course_id, passed in _changed_since(rows, "modified", since,
                                                         ("user_id", "course_id", "passed_timestamp")):
            yield PassingGrade(user_id, str(course_id), passed)

    def certificates(self, since: datetime | None = None) -> Iterator[CourseCertificate]:
        rows = apps.get_model("certificates", "GeneratedCertificate").objects.all()
        for row in _changed_since(rows, "modified_date", since, ("user_id", "course_id", "status", "created_date")):
            yield CourseCertificate(row[0], str(row[1]), row[2], row[3])

    def finished_blocks(self, block_keys: list[str], since: datetime | None = None) -> Iterator[FinishedBlock]:
        """Completions (1.0) of ``block_keys``; the LMS installs edx-completion, whose table this is."""
        rows = apps.get_model("completion", "BlockCompletion").objects.filter(
            block_key__in=block_keys, completion__gte=1.0)
        for user_id, block_key, modified in _changed_since(rows, "modified", since,
                                                           ("user_id", "block_key", "modified")):
            yield FinishedBlock(user_id, str(block_key), modified)


PAGE = 2000


def _changed_since(rows, changed: str, since: datetime | None, fields: tuple[str, ...]) -> Iterator[tuple]:
    """
    ``fields`` of ``rows`` changed at or after ``since``, a page at a time in primary-key order.
    Keyset pages, not one cursor: MySQL's driver would load a whole result set into memory. By key,
    not by change time: a bulk update gives thousands of rows one ``modified``, and paging through
    such a tie would re-read it for every page.
    """
    if since:
        rows = rows.filter(**{f"{changed}__gte": since})
    rows = rows.order_by("pk").values_list("pk", *fields)
    after = None
    while True:
        page = list((rows.filter(pk__gt=after) if after is not None else rows)[:PAGE])
        for row in page:
            yield row[1:]
        if len(page) < PAGE:
            return
        after = page[-1][0]


def platform_records():
    """The configured platform records (edx-platform's by default)."""
    return import_string(config.get("CADRE_TRAINING_PLATFORM_RECORDS"))()


@transaction.atomic
def create_account(*, username: str, email: str, name: str, password: str | None = None):
    """
    An LMS account as the platform's ``manage_user`` makes one, with its ``UserProfile``, whose
    ``name`` is the full name (registration copies it from the form; an import, from the roster).
    Without ``password`` (an import) the cadre sets one through the platform's password reset; an
    accepted invitation gives the one the cadre chose, checked by the platform's password validators.
    """
    user = get_user_model()(username=username, email=email)
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    user.save()
    apps.get_model("student", "UserProfile").objects.create(user=user, name=name)
    return user


def username_taken(username: str) -> bool:
    """Whether an LMS account already has ``username`` (the platform compares usernames case-insensitively)."""
    return get_user_model().objects.filter(username__iexact=username).exists()


def email_taken(email: str) -> bool:
    """Whether an LMS account already has ``email`` (the platform allows one account an address)."""
    return bool(email) and get_user_model().objects.filter(email__iexact=email).exists()


def log_in(request, user) -> None:
    """
    Sign ``user`` in on this request, as the LMS does after registration: through the first configured
    backend that checks passwords against the account table (the LMS's rate-limited ModelBackend).
    """
    from django.conf import settings  # noqa: PLC0415 - only the invitation page signs anyone in
    from django.contrib.auth import login  # noqa: PLC0415
    from django.contrib.auth.backends import ModelBackend  # noqa: PLC0415

    paths = getattr(settings, "AUTHENTICATION_BACKENDS", ["django.contrib.auth.backends.ModelBackend"])
    backend = next((path for path in paths if issubclass(import_string(path), ModelBackend)),
                   "django.contrib.auth.backends.ModelBackend")
    login(request, user, backend=backend)


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
