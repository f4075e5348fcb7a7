"""The ledger through credit_plugin.api: append-only entries, idempotent writes, reversals, year totals."""

import dataclasses
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from credit_plugin import api
from credit_plugin.ledger.signals import YEAR_TARGET_MET
from credit_plugin.models import LedgerEntry, YearTotal
from tests.factories import YearlyCapFactory, YearlyPolicyFactory

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def record(user, credits="10", hours="4", when=datetime(2026, 5, 1, 2, 0, tzinfo=UTC), key=None, **extra):
    values = {
        "user_id": user.id,
        "credits": credits,
        "hours": hours,
        "earned_at": when,
        "source_kind": api.SourceKind.OFFLINE_TRAINING,
        "reference": "2026 春季集中培训",
        "recorded_by": "test",
        "idempotency_key": key or str(uuid.uuid4()),
    }
    values.update(extra)
    return api.record_entry(**values)


def test_an_entry_adds_to_the_year_and_a_replay_adds_nothing(learner):
    first = record(learner, "10.005", "4", key="k1")
    replay = record(learner, "10", "4", key="k1")
    assert first.newly_recorded and not replay.newly_recorded
    assert replay.id == first.id
    assert replay == dataclasses.replace(first, newly_recorded=False)  # the same entry, read back exactly
    assert first.credits == Decimal("10.01")
    summary = api.year_summary(user_id=learner.id, year=2026)
    assert (summary.credits, summary.hours, summary.entry_count) == (Decimal("10.01"), Decimal("4.00"), 1)
    assert LedgerEntry.objects.count() == 1


def test_the_year_is_the_calendar_year_in_shanghai(learner):
    late = record(learner, when=datetime(2026, 12, 31, 23, 30, tzinfo=SHANGHAI).astimezone(UTC))
    early = record(learner, when=datetime(2027, 1, 1, 0, 10, tzinfo=SHANGHAI).astimezone(UTC))
    assert (late.year, early.year) == (2026, 2027)
    assert api.year_summary(user_id=learner.id, year=2026).entry_count == 1
    assert api.year_summary(user_id=learner.id, year=2027).entry_count == 1


def test_a_reversal_brings_the_totals_back_and_cannot_be_repeated(learner):
    entry = record(learner, "30", "12")
    reversal = api.reverse_entry(entry_id=entry.id, reason="录入错误", recorded_by="org_admin")
    assert reversal.reverses_id == entry.id
    assert (reversal.credits, reversal.source_kind) == (Decimal("-30.00"), "reversal")
    summary = api.year_summary(user_id=learner.id, year=2026)
    assert (summary.credits, summary.hours, summary.entry_count) == (Decimal("0.00"), Decimal("0.00"), 2)
    with pytest.raises(api.AlreadyReversed):
        api.reverse_entry(entry_id=entry.id, reason="again", recorded_by="org_admin")
    with pytest.raises(api.InvalidEntry):
        api.reverse_entry(entry_id=reversal.id, reason="undo the undo", recorded_by="org_admin")
    assert [e.reversed_by_id for e in api.entries(user_id=learner.id, year=2026) if e.id == entry.id] == [reversal.id]


def test_reversal_needs_a_reason_and_an_existing_entry(learner):
    entry = record(learner)
    with pytest.raises(api.InvalidEntry):
        api.reverse_entry(entry_id=entry.id, reason=" ", recorded_by="x")
    with pytest.raises(api.EntryNotFound):
        api.reverse_entry(entry_id=999999, reason="no such", recorded_by="x")


@pytest.mark.parametrize(
    ("credits", "kind", "reason"),
    [
        ("-5", api.SourceKind.OFFLINE_TRAINING, ""),
        ("abc", api.SourceKind.OFFLINE_TRAINING, ""),
        ("5", api.SourceKind.MANUAL_ADJUSTMENT, ""),
        ("5", api.SourceKind.REVERSAL, "x"),
        ("5", "bonus", ""),
    ],
)
def test_bad_entries_are_refused_and_nothing_is_written(learner, credits, kind, reason):
    with pytest.raises(api.InvalidEntry):
        record(learner, credits, source_kind=kind, reason=reason)
    assert not LedgerEntry.objects.exists()
    assert not YearTotal.objects.exists()


def test_a_manual_adjustment_with_a_reason_may_deduct(learner):
    record(learner, "20", "8")
    record(learner, "-5", "-2", source_kind=api.SourceKind.MANUAL_ADJUSTMENT, reason="重复登记，扣回")
    assert api.year_summary(user_id=learner.id, year=2026).credits == Decimal("15.00")


def test_yearly_cap_limits_a_source_kind(learner):
    YearlyCapFactory(source_kind=api.SourceKind.OFFLINE_TRAINING, max_credits=25, max_hours=10)
    record(learner, "20", "8")
    capped = record(learner, "20", "8")
    assert (capped.credits, capped.hours) == (Decimal("5.00"), Decimal("2.00"))
    assert "Capped" in capped.reason or "上限" in capped.reason


def test_targets_come_from_settings_or_the_years_policy(learner):
    summary = api.year_summary(user_id=learner.id, year=2026)
    assert (summary.credit_target, summary.hour_target, summary.target_met) == (90, 40, False)
    YearlyPolicyFactory(year=2027, credit_target=100, hour_target=45)
    assert api.year_summary(user_id=learner.id, year=2027).credit_target == 100


def test_reaching_both_targets_signals_once_after_commit(learner, django_capture_on_commit_callbacks):
    met = []

    def listener(sender, user_id, year, **kwargs):
        met.append((user_id, year))

    YEAR_TARGET_MET.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            record(learner, "60", "30")
            record(learner, "30", "9")  # 90 credits, 39 hours: not yet
        assert met == []
        with django_capture_on_commit_callbacks(execute=True):
            record(learner, "5", "1")
            record(learner, "5", "1")
        assert met == [(learner.id, 2026)]
        assert api.year_summary(user_id=learner.id, year=2026).target_met
    finally:
        YEAR_TARGET_MET.disconnect(listener)


def test_bulk_recording_skips_keys_already_recorded(learner, staff_user):
    record(learner, key="offline:1")
    new = [
        api.NewLedgerEntry(
            user_id=user.id,
            credits=Decimal(4),
            hours=Decimal(2),
            earned_at=datetime(2026, 3, 1, tzinfo=UTC),
            source_kind=api.SourceKind.OFFLINE_TRAINING,
            reference="r",
            recorded_by="import",
            idempotency_key=key,
        )
        for user, key in ((learner, "offline:1"), (learner, "offline:2"), (staff_user, "offline:3"))
    ]
    result = api.bulk_record_entries(entries=new)
    assert (result.recorded, result.already_recorded) == (2, 1)
    assert api.year_totals(year=2026) == {
        learner.id: api.YearTotals(Decimal("14.00"), Decimal("6.00"), 2),
        staff_user.id: api.YearTotals(Decimal("4.00"), Decimal("2.00"), 1),
    }
    assert api.bulk_record_entries(entries=new).recorded == 0


def test_ledger_drift_finds_totals_that_do_not_match_the_entries(learner):
    record(learner, "10", "4")
    assert api.ledger_drift() == []
    YearTotal.objects.filter(user=learner).update(credits=Decimal("99"))
    drift = api.ledger_drift(year=2026)
    assert [(d.user_id, d.stored.credits, d.computed.credits) for d in drift] == [
        (learner.id, Decimal("99.00"), Decimal("10.00"))
    ]
