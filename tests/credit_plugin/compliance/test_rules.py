"""The compliance rules: pace, year end, onboarding deadlines, and the status a person reads."""
from datetime import date
from decimal import Decimal

import pytest

from credit_plugin.compliance.rules import CadreFacts, Rules, add_months, assess, year_share_elapsed

RULES = Rules(registration_days=15, required_courses=("course-v1:SDFTU+BASICS+2026",), required_courses_months=3,
              at_risk_share=Decimal("0.8"), warning_days=14)


def facts(credits="0", hours="0", took_office_on=date(2020, 1, 1), registered_on=None, finished=None):
    return CadreFacts(
        took_office_on=took_office_on, registered_on=registered_on or took_office_on, credits=Decimal(credits),
        hours=Decimal(hours), credit_target=Decimal("90"), hour_target=Decimal("40"),
        required_finished_on=finished or {},
    )


def test_ten_credits_in_october_is_at_risk_long_before_december():
    result = assess(facts("10", "5"), year=2026, today=date(2026, 10, 1), rules=RULES)
    assert result.status == "at_risk"
    assert result.expected_credits == Decimal("67.56")  # 274 of 365 days
    assert "Behind pace" in result.reasons[0] or "进度" in result.reasons[0]


def test_keeping_pace_is_on_track_and_reaching_both_targets_is_met():
    assert assess(facts("60", "27"), year=2026, today=date(2026, 10, 1), rules=RULES).status == "on_track"
    assert assess(facts("90", "40"), year=2026, today=date(2026, 3, 1), rules=RULES).status == "met"
    # Credits enough but hours short is not met.
    assert assess(facts("95", "10"), year=2026, today=date(2026, 12, 30), rules=RULES).status == "at_risk"


def test_a_year_that_ended_short_is_overdue_with_the_figures():
    result = assess(facts("80", "40"), year=2025, today=date(2026, 1, 3), rules=RULES)
    assert result.status == "overdue"
    assert "80" in result.reasons[0] and "90" in result.reasons[0]


def test_pace_counts_from_the_day_a_cadre_took_office():
    # Took office on 1 July: by 1 October a quarter of the 184 days left are gone, not three quarters.
    share = year_share_elapsed(year=2026, today=date(2026, 10, 1), started_on=date(2026, 7, 1))
    assert share == Decimal(93) / Decimal(184)
    without_courses = Rules(**{**RULES.__dict__, "required_courses": ()})
    result = assess(facts("40", "18", took_office_on=date(2026, 7, 1)), year=2026, today=date(2026, 10, 1),
                    rules=without_courses)
    assert result.status == "on_track"


def test_registering_after_fifteen_days_is_overdue_in_that_year_only():
    late = facts("90", "40", took_office_on=date(2026, 3, 1), registered_on=date(2026, 3, 20),
                 finished={"course-v1:SDFTU+BASICS+2026": date(2026, 4, 1)})
    result = assess(late, year=2026, today=date(2026, 6, 1), rules=RULES)
    assert result.status == "overdue"
    assert "2026-03-16" in result.reasons[0]
    assert assess(late, year=2027, today=date(2027, 6, 1), rules=RULES).status != "overdue"


def test_required_courses_due_soon_put_a_cadre_at_risk_then_overdue():
    newcomer = facts("30", "10", took_office_on=date(2026, 3, 1), registered_on=date(2026, 3, 5))
    assert assess(newcomer, year=2026, today=date(2026, 4, 1), rules=RULES).status == "on_track"
    near = assess(newcomer, year=2026, today=date(2026, 5, 25), rules=RULES)
    assert near.status == "at_risk" and "2026-06-01" in near.reasons[0]
    assert assess(newcomer, year=2026, today=date(2026, 6, 2), rules=RULES).status == "overdue"


def test_required_courses_finished_in_time_meet_the_deadline():
    done = facts("30", "12", took_office_on=date(2026, 3, 1), registered_on=date(2026, 3, 5),
                 finished={"course-v1:SDFTU+BASICS+2026": date(2026, 5, 31)})
    result = assess(done, year=2026, today=date(2026, 6, 10), rules=RULES)
    assert result.status == "on_track"
    assert [deadline.met for deadline in result.deadlines] == [True, True]


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2026, 11, 30), 3, date(2027, 2, 28)), (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2026, 3, 15), 3, date(2026, 6, 15)),
])
def test_months_are_calendar_months(day, months, expected):
    assert add_months(day, months) == expected
