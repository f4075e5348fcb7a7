"""
Compliance of many cadres at once: three queries (profiles, year totals, required-course
entries) for any subtree, however large, then the pure rules of ``compliance``.

Callers pass a queryset of profiles already narrowed by ``scope``; nothing here widens it.
"""
from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from django.db.models import Min, QuerySet
from django.utils import timezone

from credit_plugin import config
from credit_plugin.cadres import compliance
from credit_plugin.data import CadreCompliance, ComplianceStatus, OrganisationData, StatusCounts
from credit_plugin.ledger.policy_cache import organisation_targets
from credit_plugin.ledger.targets import province_targets, target_for_path
from credit_plugin.models import CadreStatus, LedgerEntry, Organisation, YearTotal

ZERO = Decimal("0.00")
PROFILE_FIELDS = (
    "user_id", "user__username", "user__first_name", "user__last_name", "organisation__code",
    "organisation__name", "category", "organisation__path", "took_office_on", "registered_on",
)
STATUS_FIELDS = ("user_id", "organisation__code", "organisation__path", "took_office_on", "registered_on")


def rules() -> compliance.Rules:
    return compliance.Rules(
        registration_days=int(config.get("CADRE_TRAINING_REGISTRATION_DAYS")),
        required_courses=tuple(config.required_courses()),
        required_courses_months=int(config.get("CADRE_TRAINING_REQUIRED_COURSES_MONTHS")),
        at_risk_share=Decimal(str(config.get("CADRE_TRAINING_AT_RISK_SHARE"))),
        warning_days=int(config.get("CADRE_TRAINING_DEADLINE_WARNING_DAYS")),
    )


def today_in_credit_time_zone() -> date:
    return timezone.now().astimezone(config.credit_time_zone()).date()


def assess_cadres(profiles: QuerySet, *, year: int, today: date | None = None) -> list[CadreCompliance]:
    """The compliance of every serving cadre in ``profiles`` for ``year``, in organisation order."""
    return [
        CadreCompliance(
            user_id=row[0], username=row[1], full_name=f"{row[2]}{row[3]}".strip() or row[1],
            organisation_code=row[4], organisation_name=row[5], category=row[6], year=year,
            credits=facts.credits, hours=facts.hours, credit_target=facts.credit_target,
            hour_target=facts.hour_target, expected_credits=assessment.expected_credits,
            expected_hours=assessment.expected_hours, deadlines=assessment.deadlines, status=assessment.status,
            reasons=assessment.reasons,
        )
        for row, facts, assessment in _assessments(profiles, PROFILE_FIELDS, year=year, today=today, explain=True)
    ]


class CountedCadre(NamedTuple):
    user_id: int
    organisation_code: str
    status: str


def cadre_statuses(profiles: QuerySet, *, year: int, today: date | None = None) -> list[CountedCadre]:
    """
    Each serving cadre's organisation and status, as ``assess_cadres`` finds them and in the same
    order: what counting a province (or choosing a page of it) needs, without the names, figures and
    worded reasons (a third of its time).
    """
    return [
        CountedCadre(user_id=row[0], organisation_code=row[1], status=assessment.status)
        for row, _facts, assessment in _assessments(profiles, STATUS_FIELDS, year=year, today=today, explain=False)
    ]


def _assessments(profiles: QuerySet, fields: tuple[str, ...], *, year: int, today: date | None, explain: bool):
    """(profile row, facts, assessment) of every serving cadre; ``fields`` start with user id and end with
    the organisation's path, the day they took office and the day they registered."""
    today = today or today_in_credit_time_zone()
    current_rules = rules()
    # A cadre who took office after the year has nothing to answer for in it.
    serving = profiles.filter(status=CadreStatus.SERVING, took_office_on__lte=date(year, 12, 31))
    rows = list(serving.order_by("organisation__path", "user_id").values_list(*fields))
    user_ids = serving.values("user_id")
    totals = {
        user_id: (credits, hours)
        for user_id, credits, hours in YearTotal.objects.filter(year=year, user_id__in=user_ids)
        .values_list("user_id", "credits", "hours")
    }
    finished = _required_courses_finished(user_ids, current_rules.required_courses)
    overrides, default_targets = organisation_targets(), province_targets(year=year)
    for row in rows:
        user_id, (path, took_office_on, registered_on) = row[0], row[-3:]
        credits, hours = totals.get(user_id, (ZERO, ZERO))
        credit_target, hour_target = (
            target_for_path(path=path, year=year, overrides=overrides) if overrides else None
        ) or default_targets
        facts = compliance.CadreFacts(
            took_office_on=took_office_on, registered_on=registered_on, credits=credits, hours=hours,
            credit_target=credit_target, hour_target=hour_target, required_finished_on=finished.get(user_id, {}),
        )
        yield row, facts, compliance.assess(facts, year=year, today=today, rules=current_rules, explain=explain)


def _required_courses_finished(user_ids, courses: tuple[str, ...]) -> dict:
    """{user id: {course key: first day finished}} from the courses' credit entries not reversed."""
    if not courses:
        return {}
    time_zone = config.credit_time_zone()
    finished = defaultdict(dict)
    rows = (
        LedgerEntry.objects.filter(user_id__in=user_ids, reference__in=courses, credits__gt=0, reversed_by__isnull=True)
        .values("user_id", "reference").annotate(first=Min("earned_at"))
        .values_list("user_id", "reference", "first")
    )
    for user_id, reference, first in rows:
        finished[user_id][reference] = first.astimezone(time_zone).date()
    return finished


def organisation_data(organisation: Organisation) -> OrganisationData:
    return OrganisationData(
        id=organisation.id, code=organisation.code, name=organisation.name, level=organisation.level,
        parent_code=organisation.parent.code if organisation.parent_id else None, path=organisation.path,
    )


def counts_by_child(assessed, *, organisation: Organisation) -> tuple[StatusCounts, list[StatusCounts]]:
    """Counts for ``organisation``'s whole subtree and for each child's, from cadres with an organisation and status."""
    children = list(organisation.children.select_related("parent").order_by("code"))
    child_of_code = {}
    paths = dict(Organisation.objects.filter(path__startswith=organisation.path).values_list("code", "path"))
    for code, path in paths.items():
        for child in children:
            if path.startswith(child.path):
                child_of_code[code] = child.id
                break
    tally = defaultdict(lambda: defaultdict(int))
    for cadre in assessed:
        tally[None][cadre.status] += 1
        child_id = child_of_code.get(cadre.organisation_code)
        if child_id:
            tally[child_id][cadre.status] += 1

    def counts(org, key):
        return StatusCounts(organisation=organisation_data(org), **{
            status: tally[key][status] for status in ComplianceStatus.values
        })

    return counts(organisation, None), [counts(child, child.id) for child in children]
