"""
Playing a course's blocks goes the platform's way: a published grade is stored in
courseware_studentmodule, PROBLEM_WEIGHTED_SCORE_CHANGED reaches edx-completion's real receiver, and
the recalculated course grade sends COURSE_PASSING_STATUS_UPDATED, every time, as the LMS does.
"""
from decimal import Decimal

import pytest
from completion.models import BlockCompletion
from lms.djangoapps.grades.signals.signals import PROBLEM_WEIGHTED_SCORE_CHANGED
from openedx_events.learning.signals import COURSE_PASSING_STATUS_UPDATED

from credit_plugin import api
from devhost.course_structure import DEMO_COURSE_KEY
from devhost.demo_credits import seed_demo_credit_rules
from devhost.lms_grades import update_course_grade
from devhost.platform_tables.courseware.models import StudentModule
from devhost.platform_tables.grades.models import PersistentCourseGrade
from tests.devhost_blocks import usage_key
from tests.xblocks.level_challenge.test_block import USAGE, play

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("completion_tracking")]
WEIGHTED_SCORE_ARGUMENTS = {"weighted_earned", "weighted_possible", "user_id", "course_id", "usage_id",
                            "only_if_higher", "score_deleted", "modified", "score_db_table", "grader_response"}


@pytest.fixture
def sent():
    """What the LMS's signals carried during the test."""
    received = {"weighted": [], "passing": []}

    def on_weighted(sender, **kwargs):
        received["weighted"].append(kwargs)

    def on_passing(sender, course_passing_status, **kwargs):
        received["passing"].append(course_passing_status)

    PROBLEM_WEIGHTED_SCORE_CHANGED.connect(on_weighted, dispatch_uid="test-weighted")
    COURSE_PASSING_STATUS_UPDATED.connect(on_passing, dispatch_uid="test-passing")
    yield received
    PROBLEM_WEIGHTED_SCORE_CHANGED.disconnect(dispatch_uid="test-weighted")
    COURSE_PASSING_STATUS_UPDATED.disconnect(dispatch_uid="test-passing")


def test_a_failed_level_is_scored_but_leaves_the_block_incomplete(learner_client, learner, sent):
    play(learner_client, 0, right=False)
    score = StudentModule.objects.get(student=learner, module_state_key=usage_key(USAGE))
    assert (score.grade, score.max_grade, score.course_id) == (0, 330, DEMO_COURSE_KEY)
    assert set(sent["weighted"][-1]) >= WEIGHTED_SCORE_ARGUMENTS
    assert sent["weighted"][-1]["usage_id"] == str(usage_key(USAGE))
    assert not BlockCompletion.objects.filter(user=learner).exists()  # the receiver ran, the block said "not yet"


def test_passing_every_level_completes_the_block(learner_client, learner):
    for level in range(2):
        play(learner_client, level)
    assert not BlockCompletion.objects.filter(user=learner).exists()
    play(learner_client, 2)
    completion = BlockCompletion.objects.get(user=learner)
    assert (completion.block_key, completion.completion) == (usage_key(USAGE), 1.0)


def test_passing_the_course_by_playing_it_sends_the_passing_event_and_credits_the_course_once(
        learner_client, learner, sent):
    seed_demo_credit_rules()
    play(learner_client, 0)
    assert sent["passing"][-1].is_passing is False  # sent after every regrade, failing ones too
    for level in (1, 2):
        play(learner_client, level)
    assert [status.is_passing for status in sent["passing"]] == [False, False, True]  # 330 of 430 points
    assert sent["passing"][-1].course.course_key == DEMO_COURSE_KEY
    assert sent["passing"][-1].user.pii.name == "王小纲"
    update_course_grade(learner, DEMO_COURSE_KEY)  # a later regrade (another block scored, a policy change)
    assert [status.is_passing for status in sent["passing"]][-1] is True
    grade = PersistentCourseGrade.objects.get(user_id=learner.id, course_id=DEMO_COURSE_KEY)
    assert grade.passed_timestamp is not None and grade.letter_grade == "Pass"
    course_entries = [entry for entry in api.entries(user_id=learner.id) if entry.reference == str(DEMO_COURSE_KEY)]
    assert [(entry.credits, entry.hours) for entry in course_entries] == [(Decimal(30), Decimal(13))]


def test_a_course_nobody_attempted_is_not_persisted_but_still_announced(learner, sent):
    assert update_course_grade(learner, DEMO_COURSE_KEY) == (0.0, False)
    assert not PersistentCourseGrade.objects.exists()
    assert [status.is_passing for status in sent["passing"]] == [False]
