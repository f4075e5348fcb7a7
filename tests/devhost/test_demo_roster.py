"""The README's roster route: after the demo course, importing the demo roster completes 王小纲's year."""
import pytest
from django.test import TestCase
from django.utils import timezone

from credit_plugin import api
from devhost import built_course, lms_bridge
from devhost.demo_credits import seed_demo_credit_rules
from tests.factories import UserFactory, cadre, union_tree


@pytest.mark.django_db
def test_passing_the_demo_course_and_importing_this_years_roster_issues_the_annual_certificate(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    seed_demo_credit_rules()
    learner = cadre(union_tree()["union_a"], username="learner", name="王小纲")
    UserFactory(username="author", name="李文"), UserFactory(username="org_admin", name="张明")
    with TestCase.captureOnCommitCallbacks(execute=True):
        lms_bridge.pass_course(learner)
    roster = built_course.download_path("offline_roster.xlsx")
    with TestCase.captureOnCommitCallbacks(execute=True):
        result = api.import_offline_credits(data=roster.read_bytes(), filename=roster.name, recorded_by="admin",
                                            dry_run=False)
    year = api.credit_year(timezone.now())
    summary = api.year_summary(user_id=learner.id, year=year)
    assert (summary.credits, summary.hours) == (90, 40), result.errors
    [annual] = [c for c in api.certificates_of(user_id=learner.id) if c.kind == "annual"]
    assert annual.year == year
