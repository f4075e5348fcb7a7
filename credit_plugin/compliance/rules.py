"""
The compliance rules, as pure functions of a cadre's facts: no database here.

- Year target: at least the credit and hour targets within the calendar year. Before the year
  ends, a cadre is measured against the pace: the share of the year gone since they could
  start (1 January, or the day they took office) times the target. Less than
  ``CADRE_TRAINING_AT_RISK_SHARE`` of that is "at risk" — long before December.
- Onboarding: registered within ``REGISTRATION_DAYS`` of taking office; the required courses
  finished within ``REQUIRED_COURSES_MONTHS``. Each rule counts in the year its deadline falls in.
- Status, worst first: overdue (a deadline passed unmet, or the year ended short), at risk,
  met (both targets reached), on track.
"""
import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from credit_plugin.compliance.data import ComplianceStatus, Deadline

TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class Rules:
    registration_days: int
    required_courses: tuple[str, ...]
    required_courses_months: int
    at_risk_share: Decimal
    warning_days: int


@dataclass(frozen=True)
class CadreFacts:
    took_office_on: date
    registered_on: date
    credits: Decimal
    hours: Decimal
    credit_target: Decimal
    hour_target: Decimal
    required_finished_on: dict  # course key -> first day it was finished (credit time zone)


@dataclass(frozen=True)
class Assessment:
    status: str
    reasons: tuple[str, ...]
    expected_credits: Decimal
    expected_hours: Decimal
    deadlines: tuple[Deadline, ...]


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def year_share_elapsed(*, year: int, today: date, started_on: date) -> Decimal:
    """Share of ``year`` (from ``started_on`` or 1 January) gone by the end of ``today``."""
    first, last = max(date(year, 1, 1), started_on), date(year, 12, 31)
    if today >= last or first > last:
        return Decimal(1) if today >= last else Decimal(0)
    if today < first:
        return Decimal(0)
    return Decimal((today - first).days + 1) / Decimal((last - first).days + 1)


def onboarding_deadlines(facts: CadreFacts, rules: Rules) -> tuple[Deadline, ...]:
    deadlines = [
        Deadline(
            rule="registration",
            due_on=facts.took_office_on + timedelta(days=rules.registration_days),
            met_on=facts.registered_on,
        )
    ]
    if rules.required_courses:
        finished = [facts.required_finished_on.get(course) for course in rules.required_courses]
        deadlines.append(
            Deadline(
                rule="required_courses",
                due_on=add_months(facts.took_office_on, rules.required_courses_months),
                met_on=max(finished) if all(finished) else None,
            )
        )
    return tuple(deadlines)


def pending_registration(*, took_office_on: date, today: date, rules: Rules) -> tuple[str, date, int]:
    """
    An appointed cadre without an account: (status, registration deadline, days left, negative once
    past). Overdue after the deadline, at risk until then: nobody unregistered is on track.
    """
    due_on = took_office_on + timedelta(days=rules.registration_days)
    status = ComplianceStatus.OVERDUE if due_on < today else ComplianceStatus.AT_RISK
    return str(status), due_on, (due_on - today).days


def assess(facts: CadreFacts, *, year: int, today: date, rules: Rules, explain: bool = True) -> Assessment:
    """
    The cadre's status for ``year`` as of ``today``, with the reasons a person reads; ``explain=False``
    leaves the reasons unworded (counting statuses for a province needs none of them).
    """
    share = year_share_elapsed(year=year, today=today, started_on=facts.took_office_on)
    expected_credits = (facts.credit_target * share).quantize(TWO_PLACES, ROUND_HALF_UP)
    expected_hours = (facts.hour_target * share).quantize(TWO_PLACES, ROUND_HALF_UP)
    deadlines = onboarding_deadlines(facts, rules)
    overdue, at_risk = [], []

    for deadline in deadlines:
        if deadline.due_on.year != year or deadline.met:
            continue
        if deadline.due_on < today:
            overdue.append(_deadline_missed(deadline) if explain else deadline.rule)
        elif (deadline.due_on - today).days <= rules.warning_days:
            at_risk.append(_deadline_near(deadline) if explain else deadline.rule)

    met = facts.credits >= facts.credit_target and facts.hours >= facts.hour_target
    year_over = today > date(year, 12, 31)
    if not met and year_over:
        overdue.append(_year_short(facts) if explain else "year")
    elif not met and (facts.credits < expected_credits * rules.at_risk_share
                      or facts.hours < expected_hours * rules.at_risk_share):
        at_risk.append(_behind_pace(facts, expected_credits, expected_hours) if explain else "pace")

    if overdue:
        status = ComplianceStatus.OVERDUE
    elif at_risk:
        status = ComplianceStatus.AT_RISK
    elif met:
        status = ComplianceStatus.MET
    else:
        status = ComplianceStatus.ON_TRACK
    return Assessment(
        status=str(status), reasons=tuple(overdue + at_risk) if explain else (), expected_credits=expected_credits,
        expected_hours=expected_hours, deadlines=deadlines,
    )


def _year_short(facts: CadreFacts) -> str:
    return _("The year ended with %(credits)s of %(target)s credits and %(hours)s of %(hour_target)s hours.") % {
        "credits": facts.credits, "target": facts.credit_target, "hours": facts.hours,
        "hour_target": facts.hour_target,
    }


def _behind_pace(facts: CadreFacts, expected_credits: Decimal, expected_hours: Decimal) -> str:
    return _(
        "Behind pace: %(credits)s credits and %(hours)s hours, "
        "%(expected)s credits and %(expected_hours)s hours expected by now."
    ) % {"credits": facts.credits, "hours": facts.hours, "expected": expected_credits, "expected_hours": expected_hours}


def _deadline_missed(deadline: Deadline) -> str:
    if deadline.rule == "registration":
        if deadline.met_on:
            return _("Registered on %(met)s, after the deadline %(due)s.") % {
                "met": deadline.met_on, "due": deadline.due_on,
            }
        return _("Not registered by the deadline %(due)s.") % {"due": deadline.due_on}
    return _("The required courses were not finished by %(due)s.") % {"due": deadline.due_on}


def _deadline_near(deadline: Deadline) -> str:
    return _("The required courses are due by %(due)s.") % {"due": deadline.due_on}
