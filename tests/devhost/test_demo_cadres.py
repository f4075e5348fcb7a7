"""The devhost's demo union tree and cadres: every status well represented, scopes narrowed, seeding idempotent."""
import io
from collections import Counter
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from credit_plugin import api
from credit_plugin.compliance import rules as compliance
from credit_plugin.compliance.assessment import current_rules
from devhost import demo_cadres

STATUSES = ("met", "on_track", "at_risk", "overdue")
JINAN = "370100"


def _today():
    return timezone.now().astimezone(ZoneInfo(api.credit_policy().time_zone)).date()


def _seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def _user(username):
    return get_user_model().objects.get(username=username)


def _snapshot():
    """Everything the seed writes, as plain values; password hashes too (a new hash logs the demo users out)."""
    users = get_user_model().objects.order_by("username")
    province_admin, today = _user("province_admin"), _today()
    return {
        "users": list(users.values_list("username", "profile__name", "email", "is_staff", "is_superuser", "is_active",
                                        "password")),
        "organisations": api.visible_organisations(viewer=province_admin),
        "scopes": {name: api.visible_organisations(viewer=_user(name)) for name in ("org_admin", "learner")},
        "profiles": [api.cadre_profile(user_id=user_id) for user_id in users.values_list("id", flat=True)],
        "totals": {year: api.year_totals(year=year) for year in (today.year - 1, today.year)},
        "compliance": api.compliance_list(viewer=province_admin, organisation_code="370000", year=today.year),
    }


@pytest.fixture
def media(settings, tmp_path):
    # Cadres who reach the year's targets get their annual certificate's PDF: keep those out of devhost/var.
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.django_db
def test_the_demo_has_a_province_of_cadres_in_every_status_and_seeding_again_changes_nothing(media):
    output = _seed()
    today = _today()
    province_admin, org_admin = _user("province_admin"), _user("org_admin")

    organisations = api.visible_organisations(viewer=province_admin)
    levels = Counter(organisation.level for organisation in organisations)
    assert levels["province"] == 1 and 3 <= levels["city"] <= 4
    children = Counter(organisation.parent_code for organisation in organisations)
    for organisation in organisations:
        if organisation.level in ("city", "district"):
            assert 2 <= children[organisation.code] <= 3, organisation

    report = api.compliance_report(viewer=province_admin, organisation_code="370000", year=today.year)
    overall, cities = report.overall, report.children
    assert 250 <= overall.total <= 400
    cadres = api.compliance_list(viewer=province_admin, organisation_code="370000", year=today.year)
    counts = Counter(cadre.status for cadre in cadres)
    assert all(counts[status] >= 20 for status in STATUSES), counts
    # A page of the report's roster is that stretch of the full list, assessed the same, of the status asked for.
    # The appointed cadres without an account are counted, and listed apart (they have no figures).
    assert len(report.cadres) == len(cadres) == overall.total - len(report.pending)
    assert {cadre.status for cadre in report.pending} == {"at_risk", "overdue"}
    assert report.cadres[:100] == cadres[:100]
    at_risk_report = api.compliance_report(viewer=province_admin, organisation_code="370000", year=today.year,
                                           status="at_risk")
    at_risk = at_risk_report.cadres
    assert len(at_risk) + len(at_risk_report.pending) == overall.at_risk
    assert at_risk[10:20] == [cadre for cadre in cadres if cadre.status == "at_risk"][10:20]
    assert {city.organisation.name for city in cities} >= {"济南市总工会", "青岛市总工会"}
    # The dashboard's counts (statuses only, reasons unworded) are the report's, cadre for cadre.
    assert api.compliance_overview(viewer=province_admin, organisation_code="370000", year=today.year) == (
        overall, cities
    )
    last_year = Counter(cadre.status for cadre in api.compliance_list(
        viewer=province_admin, organisation_code="370000", year=today.year - 1))
    assert last_year["met"] >= 100

    # org_admin is no longer staff: they administer 济南市总工会 and see only its subtree.
    assert not org_admin.is_staff and not org_admin.is_superuser
    jinan = next(organisation for organisation in organisations if organisation.code == JINAN)
    subtree = {organisation.code for organisation in organisations if organisation.path.startswith(jinan.path)}
    assert {organisation.code for organisation in api.visible_organisations(viewer=org_admin)} == subtree
    assert [organisation.code for organisation in api.top_organisations(viewer=org_admin)] == [JINAN]
    for elsewhere in ("370000", "370200"):
        with pytest.raises(api.UnknownOrganisation):
            api.compliance_list(viewer=org_admin, organisation_code=elsewhere, year=today.year)
    own = api.compliance_list(viewer=org_admin, organisation_code=JINAN, year=today.year)
    assert own and {cadre.organisation_code for cadre in own} <= subtree
    assert len(own) < overall.total
    # …and the demo learner 王小纲 serves in a grassroots union of that city.
    learner = api.cadre_profile(user_id=_user("learner").id)
    assert learner.full_name == "王小纲" and learner.organisation_code in subtree
    assert "learner" in {cadre.username for cadre in own}
    assert api.top_organisations(viewer=province_admin)[0].code == "370000"
    assert "济南市总工会" in output and "org_admin" in output

    before = _snapshot()
    again = _seed()
    assert _snapshot() == before
    assert "0 cadres and 0 ledger entries added" in again
    assert api.ledger_drift() == []


@pytest.mark.parametrize("today", [date(2026, 1, 2), date(2026, 3, 15), date(2026, 7, 1), date(2026, 12, 2),
                                   date(2026, 12, 31)])
def test_each_cadres_planned_year_reaches_the_status_aimed_at_on_any_day(today):
    """The plan, put through the plugin's own compliance rules, gives each cadre the status it aims at."""
    policy, rules = api.credit_policy(), current_rules()
    time_zone = ZoneInfo(policy.time_zone)
    ratio = policy.yearly_hours / policy.yearly_credits
    reached = Counter()
    for cadre in demo_cadres.demo_cadres():
        took_office, registered_on = demo_cadres.office_dates(cadre, today)
        rng = demo_cadres.random.Random(f"{demo_cadres.SEED}:{cadre.username}:{today.year}")
        credits = demo_cadres.year_credits(cadre, took_office=took_office, year=today.year, today=today,
                                           target=policy.yearly_credits, rng=rng)
        start = datetime.combine(max(date(today.year, 1, 1), took_office), time(8), time_zone)
        entries = demo_cadres.year_entries(
            user_id=0, username=cadre.username, credits=credits, year=today.year, start=start,
            end=datetime.combine(today, time(20), time_zone), hour_ratio=ratio, rng=rng,
        ) if credits > 0 else []
        assert all(start <= entry.earned_at <= datetime.combine(today, time(20), time_zone) for entry in entries)
        facts = compliance.CadreFacts(
            took_office_on=took_office, registered_on=registered_on, credits=sum(e.credits for e in entries) or 0,
            hours=sum(e.hours for e in entries) or 0, credit_target=policy.yearly_credits,
            hour_target=policy.yearly_hours, required_finished_on={},
        )
        status = compliance.assess(facts, year=today.year, today=today, rules=rules).status
        assert status == cadre.status, (cadre, credits, facts)
        assert registered_on <= today and took_office < today
        reached[status] += 1
    assert all(reached[status] >= 20 for status in STATUSES), reached
