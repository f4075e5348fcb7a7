"""Credits for completing a block (edx-completion), and reconciling what the LMS's events missed."""
from decimal import Decimal

import pytest
from completion.models import BlockCompletion
from django.core.management import call_command
from django.utils import timezone

from credit_plugin import api
from credit_plugin.api import Trigger
from credit_plugin.models import LedgerEntry
from devhost import lms_bridge
from tests.factories import credit_rule

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
