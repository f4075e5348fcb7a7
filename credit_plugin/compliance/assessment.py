"""
Assessing many cadres at once: their rows (one query for any subtree, however large), their year
totals and the days they finished the required courses (one query each), then the pure rules.

Callers pass rows already narrowed by the viewer's scope; nothing here widens them.
"""
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from django.utils import timezone

from credit_plugin import config
from credit_plugin.compliance import rules
from credit_plugin.compliance.data import CadreCompliance, PendingRegistration
from credit_plugin.ledger import api as ledger_api
from credit_plugin.organisations.data import CadreDates, CadreRow, PendingRow

ZERO = Decimal("0.00")


def current_rules() -> rules.Rules:
    return rules.Rules(
        registration_days=int(config.get("CADRE_TRAINING_REGISTRATION_DAYS")),
        required_courses=tuple(config.required_courses()),
        required_courses_months=int(config.get("CADRE_TRAINING_REQUIRED_COURSES_MONTHS")),
        at_risk_share=Decimal(str(config.get("CADRE_TRAINING_AT_RISK_SHARE"))),
        warning_days=int(config.get("CADRE_TRAINING_DEADLINE_WARNING_DAYS")),
    )


def today_in_credit_time_zone() -> date:
    return timezone.now().astimezone(config.credit_time_zone()).date()


class CountedCadre(NamedTuple):
    user_id: int | None  # None: an appointed cadre without an account (counted, never listed with figures)
    organisation_code: str
    status: str


def assess_cadres(rows: Sequence[CadreRow], user_ids, *, year: int, today: date | None = None) -> list[CadreCompliance]:
    """
    The compliance of the cadres of ``rows`` for ``year``, in their order. ``user_ids`` are the
    same cadres' ids: a list, or the lazy query the rows came from (a province's ids stay in SQL).
    """
    return [
        CadreCompliance(
            user_id=row.user_id, username=row.username, full_name=row.full_name,
            organisation_code=row.organisation_code, organisation_name=row.organisation_name, category=row.category,
            year=year, credits=facts.credits, hours=facts.hours, credit_target=facts.credit_target,
            hour_target=facts.hour_target, expected_credits=assessment.expected_credits,
            expected_hours=assessment.expected_hours, deadlines=assessment.deadlines, status=assessment.status,
            reasons=assessment.reasons,
        )
        for row, facts, assessment in _assessments(rows, user_ids, year=year, today=today, explain=True)
    ]


def cadre_statuses(rows: Sequence[CadreDates], user_ids, *, year: int, today: date | None = None) -> list[CountedCadre]:
    """
    Each cadre's organisation and status, as ``assess_cadres`` finds them: what counting a province
    (or choosing a page of it) needs, without names, figures or worded reasons (a third of the time).
    """
    return [
        CountedCadre(user_id=row.user_id, organisation_code=row.organisation_code, status=assessment.status)
        for row, _facts, assessment in _assessments(rows, user_ids, year=year, today=today, explain=False)
    ]


def _assessments(rows, user_ids, *, year: int, today: date | None, explain: bool):
    """(row, facts, assessment) of every row."""
    today = today or today_in_credit_time_zone()
    rules_now = current_rules()
    totals = ledger_api.year_totals(year=year, user_ids=user_ids)
    finished = ledger_api.first_credited_days(user_ids=user_ids, references=rules_now.required_courses,
                                              time_zone=config.credit_time_zone())
    targets = ledger_api.targets_by_path(year=year)
    empty = ledger_api.YearTotals(ZERO, ZERO, 0)
    for row in rows:
        total = totals.get(row.user_id, empty)
        credit_target, hour_target = targets(row.organisation_path)
        facts = rules.CadreFacts(
            took_office_on=row.took_office_on, registered_on=row.registered_on, credits=total.credits,
            hours=total.hours, credit_target=credit_target, hour_target=hour_target,
            required_finished_on=finished.get(row.user_id, {}),
        )
        yield row, facts, rules.assess(facts, year=year, today=today, rules=rules_now, explain=explain)


def assess_pending(rows: Sequence[PendingRow], *, today: date | None = None) -> list[PendingRegistration]:
    """Appointed cadres without an account, each with their registration deadline, days left and status."""
    today = today or today_in_credit_time_zone()
    rules_now = current_rules()
    assessed = []
    for row in rows:
        status, due_on, days_left = rules.pending_registration(took_office_on=row.took_office_on, today=today,
                                                               rules=rules_now)
        assessed.append(PendingRegistration(
            pending_id=row.pending_id, full_name=row.full_name, organisation_code=row.organisation_code,
            organisation_name=row.organisation_name, category=row.category, took_office_on=row.took_office_on,
            due_on=due_on, days_left=days_left, status=status, masked_contact=row.masked_contact,
            invited_on=row.invited_on,
        ))
    return assessed
