"""Who may read demand for which organisations: the typed scope from the provider the setting names."""
import pytest
from django.contrib.auth.models import AnonymousUser

from cadre_common.organisation_scope import NOTHING, OrganisationChoice, OrganisationScope
from survey_plugin.audience import demand_scope
from tests.factories import StaffFactory, UserFactory, administrator, union_tree
from tests.survey_plugin.conftest import SCOPES

pytestmark = pytest.mark.django_db


def test_the_provider_named_by_the_setting_decides(jinan_admin, province_admin):
    assert demand_scope(jinan_admin) == SCOPES["jinan_admin"]
    assert demand_scope(province_admin).everything


def test_visitors_and_inactive_users_read_nothing_whatever_the_provider_says(jinan_admin):
    assert demand_scope(AnonymousUser()) == NOTHING
    jinan_admin.is_active = False
    assert demand_scope(jinan_admin) == NOTHING and not demand_scope(jinan_admin).may_read


def test_without_a_provider_global_staff_read_everything_and_nobody_else_anything(settings):
    settings.CADRE_SURVEY_ORGANISATION_SCOPE = ""
    assert demand_scope(StaffFactory(username="operator")) == OrganisationScope(everything=True)
    assert demand_scope(UserFactory(username="a_learner")) == NOTHING


def test_by_default_the_cadre_records_say_which_subtrees_an_administrator_reads():
    """Integration with credit_plugin.api.report_organisations, the default provider."""
    orgs = union_tree()
    scope = demand_scope(administrator(orgs["city_a"]))
    assert (scope.everything, scope.roots) == (False, ("370100",))
    assert scope.choices == (
        OrganisationChoice(code="370100", name="济南市总工会", depth=2),
        OrganisationChoice(code="370102", name="历下区总工会", depth=3),
        OrganisationChoice(code="370102001", name="历下区某公司工会", depth=4),
    )
    assert [value for value, _label in scope.categories] == ["chair", "vice_chair", "full_time", "part_time"]
    assert scope.allows("370102001") and not scope.allows("370200")
