"""Credits for completing a block (edx-completion), and reconciling what the LMS's events missed."""
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from completion.models import BlockCompletion
from django.apps import apps
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from credit_plugin import api, compat
from credit_plugin.api import Trigger
from credit_plugin.models import LedgerEntry, ReconcileWatermark
from devhost import lms_bridge
from tests.factories import UserFactory, credit_rule

pytestmark = pytest.mark.django_db
BLOCK = lms_bridge.DEMO_COURSE_KEY.make_usage_key("level_challenge", "unit1-challenge")


def test_completing_a_block_with_a_rule_grants_its_credits_once(learner, completion_tracking):
    credit_rule(course_key="", block_key=str(BLOCK), trigger=Trigger.BLOCK_COMPLETED, credits="2", hours="1")
    BlockCompletion.objects.submit_completion(user=learner, block_key=BLOCK, completion=0.5)
    assert not LedgerEntry.objects.exists()
    BlockCompletion.objects.submit_completion(user=learner, block_key=BLOCK, completion=1.0)
    BlockCompletion.objects.submit_completion(user=learner, block_key=BLOCK, completion=1.0)
    entry = LedgerEntry.objects.get()
    assert (entry.source_kind, entry.reference, entry.credits) == ("course_block", str(BLOCK), Decimal("2.00"))


def test_a_block_without_a_rule_grants_nothing(learner, completion_tracking):
    BlockCompletion.objects.submit_completion(user=learner, block_key=BLOCK, completion=1.0)
    assert not LedgerEntry.objects.exists()


def test_reconcile_grants_what_the_events_missed_and_nothing_twice(learner, staff_user):
    credit_rule()
    lms_bridge.pass_course(staff_user)  # the event arrived
    lms_bridge.record_passing_grade_silently(learner)  # the event was lost
    assert api.year_summary(user_id=learner.id, year=timezone.now().year).credits == 0
    call_command("reconcile_credits", verbosity=0)
    call_command("reconcile_credits", verbosity=0)
    assert LedgerEntry.objects.filter(user=learner).count() == 1
    assert LedgerEntry.objects.filter(user=staff_user).count() == 1
    assert LedgerEntry.objects.get(user=learner).recorded_by == "reconcile_credits"


def _reconciled(**options):
    out = io.StringIO()
    call_command("reconcile_credits", verbosity=1, stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


@override_settings(CADRE_TRAINING_RECONCILE_OVERLAP=0)
def test_a_scheduled_reconcile_reads_only_the_records_changed_since_the_last_run(learner, staff_user):
    credit_rule()
    lms_bridge.record_passing_grade_silently(learner)
    assert "examined 1 records (all records), granted 1" in _reconciled()  # the first run reads everything
    assert "examined 0 records (changed since" in _reconciled()  # nothing changed since
    lms_bridge.record_passing_grade_silently(staff_user)
    assert "examined 1 records (changed since" in _reconciled()
    assert LedgerEntry.objects.filter(recorded_by="reconcile_credits").count() == 2
    assert "examined 2 records (all records), granted 0" in _reconciled(full=True)


def test_the_overlap_reads_the_last_hour_again_and_grants_nothing_twice(learner):
    credit_rule()
    lms_bridge.record_passing_grade_silently(learner)
    _reconciled()
    watermark = ReconcileWatermark.objects.get()
    assert "examined 1 records (changed since" in _reconciled()  # modified within the hour's overlap
    assert ReconcileWatermark.objects.get().covered_until > watermark.covered_until
    assert LedgerEntry.objects.count() == 1


def test_a_run_with_since_keeps_the_watermark(learner):
    credit_rule()
    lms_bridge.record_passing_grade_silently(learner)
    assert "granted 1" in _reconciled(since="2020-01-01T00:00:00+00:00")
    assert not ReconcileWatermark.objects.exists()
    with pytest.raises(CommandError, match="is not an ISO date-time"):
        _reconciled(since="yesterday")


def test_records_are_read_in_pages_without_losing_rows_that_changed_at_the_same_moment(monkeypatch):
    credit_rule()
    learners = [UserFactory() for _ in range(7)]
    for user in learners:
        lms_bridge.record_passing_grade_silently(user)
    same_moment = timezone.now() - timedelta(minutes=5)
    apps.get_model("grades", "PersistentCourseGrade").objects.update(modified=same_moment)
    monkeypatch.setattr(compat, "PAGE", 3)
    assert "examined 7 records" in _reconciled()
    assert set(LedgerEntry.objects.values_list("user_id", flat=True)) == {user.id for user in learners}


def test_reconcile_grants_a_finished_blocks_credits_that_the_receiver_missed(learner):
    credit_rule(course_key="", block_key=str(BLOCK), trigger=Trigger.BLOCK_COMPLETED, credits="2", hours="1")
    # bulk_create sends no post_save: the completion is in edx-completion's table, its receiver never ran.
    BlockCompletion.objects.bulk_create([
        BlockCompletion(user=learner, context_key=BLOCK.course_key, block_key=BLOCK, block_type="level_challenge",
                        completion=1.0),
        BlockCompletion(user=learner, context_key=BLOCK.course_key, block_type="level_challenge", completion=0.5,
                        block_key=BLOCK.course_key.make_usage_key("level_challenge", "other")),
    ])
    _reconciled()
    _reconciled(full=True)
    entry = LedgerEntry.objects.get()
    assert (entry.reference, entry.credits, entry.recorded_by) == (str(BLOCK), Decimal("2.00"), "reconcile_credits")
