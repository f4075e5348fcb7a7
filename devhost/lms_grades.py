"""
STANDS IN FOR the LMS's grades app, from a block's published grade to the course's passing event.

The platform's path, step by step (docs/platform-contract.rst names the files):

1. The publish service turns a block's ``"grade"`` event into ``SCORE_PUBLISHED``.
2. ``score_published_handler`` stores the score in ``courseware_studentmodule`` (unless
   ``only_if_higher`` and the stored one is higher) and sends ``PROBLEM_RAW_SCORE_CHANGED``.
3. ``problem_raw_score_changed_handler`` weighs it and sends ``PROBLEM_WEIGHTED_SCORE_CHANGED``,
   to which edx-completion's ``scorable_block_completion`` is connected through its plugin config.
4. ``enqueue_subsection_update`` starts a Celery task that recalculates the grades.
5. ``CourseGradeFactory.update`` persists the course grade (when attempted) and, on every update,
   sends ``COURSE_PASSING_STATUS_UPDATED`` (or the CCX variant) through ``events.py``.

The devhost's course grade is the platform's under one grading policy: the course is one graded
subsection holding every scored block, so its percentage is the sum of the weighted scores earned
over the sum possible (as a subsection's grade is), passing at the platform's default cutoff 0.5.
"""
import logging

from celery import shared_task
from django.contrib.auth import get_user_model
from lms.djangoapps.grades.signals.signals import (
    PROBLEM_RAW_SCORE_CHANGED,
    PROBLEM_WEIGHTED_SCORE_CHANGED,
    SCORE_PUBLISHED,
)
from opaque_keys.edx.keys import CourseKey
from openedx_events.learning.data import (
    CcxCourseData,
    CcxCoursePassingStatusData,
    CourseData,
    CoursePassingStatusData,
    UserData,
    UserPersonalData,
)
from openedx_events.learning.signals import CCX_COURSE_PASSING_STATUS_UPDATED, COURSE_PASSING_STATUS_UPDATED

from devhost import course_structure
from devhost.platform_tables.courseware.models import StudentModule, get_score, set_score
from devhost.platform_tables.grades.models import PersistentCourseGrade
from devhost.platform_tables.student.models import UserProfile

log = logging.getLogger(__name__)

PASS_CUTOFF = 0.5  # the platform's default GRADE_CUTOFFS {"Pass": 0.5}
GRADING_POLICY_HASH = "devhost-one-subsection"
SCORE_DB_TABLE = "csm"  # ScoreDatabaseTableEnum.courseware_student_module
RECALCULATE_GRADE_DELAY_SECONDS = 2  # the platform's countdown before the regrade task


def weighted_score(raw_earned, raw_possible, weight):
    """The platform's ``weighted_score``: unweighted when there is no weight or nothing possible."""
    if weight is None or raw_possible == 0:
        return raw_earned, raw_possible
    return float(raw_earned) * weight / raw_possible, float(weight)


def _is_score_higher_or_equal(earned_1, possible_1, earned_2, possible_2) -> bool:
    """Whether the first score is at least the second (the platform compares the fractions)."""
    return (earned_1 / possible_1 if possible_1 else 0) >= (earned_2 / possible_2 if possible_2 else 0)


def score_published_handler(sender, block, user, raw_earned, raw_possible, only_if_higher, **kwargs):
    """Store the score unless a higher one must be kept, then announce the raw score."""
    if only_if_higher:
        previous = get_score(user.id, block.location)
        if previous is not None and previous.grade is not None and _is_score_higher_or_equal(
                previous.grade, previous.max_grade, raw_earned, raw_possible):
            return
    modified = set_score(user.id, block.location, raw_earned, raw_possible)
    PROBLEM_RAW_SCORE_CHANGED.send(
        sender=None, raw_earned=raw_earned, raw_possible=raw_possible, weight=getattr(block, "weight", None),
        user_id=user.id, course_id=str(block.location.context_key), usage_id=str(block.location),
        only_if_higher=only_if_higher, modified=modified, score_db_table=SCORE_DB_TABLE,
        score_deleted=kwargs.get("score_deleted", False), grader_response=kwargs.get("grader_response", False),
    )


def problem_raw_score_changed_handler(sender, **kwargs):
    """Weigh the raw score and send PROBLEM_WEIGHTED_SCORE_CHANGED, as the platform's handler does."""
    earned, possible = weighted_score(kwargs["raw_earned"], kwargs["raw_possible"], kwargs["weight"])
    PROBLEM_WEIGHTED_SCORE_CHANGED.send(
        sender=None, weighted_earned=earned, weighted_possible=possible, user_id=kwargs["user_id"],
        course_id=kwargs["course_id"], usage_id=kwargs["usage_id"], only_if_higher=kwargs["only_if_higher"],
        score_deleted=kwargs.get("score_deleted", False), modified=kwargs["modified"],
        score_db_table=kwargs["score_db_table"], grader_response=kwargs.get("grader_response", False),
    )


def enqueue_subsection_update(sender, **kwargs):
    """Recalculate the learner's grades in a Celery task (eager in the devhost, after the countdown in the LMS)."""
    recalculate_course_grade.apply_async(
        kwargs={"user_id": kwargs["user_id"], "course_id": kwargs["course_id"]},
        countdown=RECALCULATE_GRADE_DELAY_SECONDS,
    )


def connect():
    """Connect the grades app's receivers, with the platform's dispatch uids."""
    SCORE_PUBLISHED.connect(score_published_handler, dispatch_uid="score_published_handler")
    PROBLEM_RAW_SCORE_CHANGED.connect(problem_raw_score_changed_handler,
                                      dispatch_uid="problem_raw_score_changed_handler")
    PROBLEM_WEIGHTED_SCORE_CHANGED.connect(enqueue_subsection_update, dispatch_uid="enqueue_subsection_update")


@shared_task(name="devhost.lms_grades.recalculate_course_grade")
def recalculate_course_grade(user_id: int, course_id: str):
    """The regrade task: recompute the course grade and announce its passing status."""
    user = get_user_model().objects.get(pk=user_id)
    update_course_grade(user, CourseKey.from_string(course_id))


def course_percent(user, course_key: CourseKey) -> tuple[float, bool]:
    """(percent, attempted): the points earned over the points possible of the course's scored blocks."""
    possible = course_structure.scored_blocks(course_key)
    total = sum(possible.values())
    if not total:
        return 0.0, False
    earned = {
        row.module_state_key: min(row.grade, possible.get(row.module_state_key, 0.0))
        for row in StudentModule.objects.filter(student=user, course_id=course_key, grade__isnull=False)
        if row.module_state_key in possible
    }
    return sum(earned.values()) / total, bool(earned)


def update_course_grade(user, course_key: CourseKey):
    """``CourseGradeFactory.update``: persist the grade when attempted; announce the status every time."""
    percent, attempted = course_percent(user, course_key)
    passed = percent >= PASS_CUTOFF
    if attempted:
        PersistentCourseGrade.update_or_create(
            user_id=user.id, course_id=course_key, course_version="", course_edited_timestamp=None,
            grading_policy_hash=GRADING_POLICY_HASH, percent_grade=percent,
            letter_grade="Pass" if passed else "", passed=passed,
        )
    send_passing_status(user, course_key, passed)
    return percent, passed


def user_data(user) -> UserData:
    """``UserData`` as the grades app's events build it (``name``: the full name, else the profile's)."""
    name = user.get_full_name() or UserProfile.objects.filter(user=user).values_list("name", flat=True).first() or ""
    return UserData(id=user.id, is_active=user.is_active,
                    pii=UserPersonalData(username=user.username, email=user.email, name=name))


def send_passing_status(user, course_key, passed: bool):
    """``grades/events.py``: the CCX event for a CCX course, the course event otherwise."""
    if hasattr(course_key, "ccx"):
        CCX_COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=CcxCoursePassingStatusData(
            is_passing=passed, user=user_data(user),
            course=CcxCourseData(ccx_course_key=course_key, master_course_key=course_key.to_course_locator()),
        ))
        return
    COURSE_PASSING_STATUS_UPDATED.send_event(course_passing_status=CoursePassingStatusData(
        is_passing=passed, user=user_data(user), course=CourseData(course_key=course_key),
    ))
