"""credit_plugin.organisations through its public API: the tree, cadres, administrators and what reports may show."""
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cadre_common.organisation_scope import OrganisationChoice, OrganisationScope
from credit_plugin import api
from credit_plugin.models import TrainingAdministrator
from tests.credit_plugin.organisations.test_cadre_import import csv_bytes, workbook
from tests.factories import StaffFactory, UserFactory, administrator, cadre, union_tree

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_an_organisation_saved_below_another_gets_a_path_below_it_and_moves_with_its_subtree():
    province = api.save_organisation(code="370000", name="山东省总工会", level="province")
    city = api.save_organisation(code="370100", name="济南市总工会", level="city", parent_code="370000")
    district = api.save_organisation(code="370102", name="历下区总工会", level="district", parent_code="370100")
    assert isinstance(district, api.OrganisationData)
    assert district.path.startswith(city.path) and city.path.startswith(province.path)
    assert (district.parent_code, district.depth) == ("370100", 3)
    other = api.save_organisation(code="370200", name="青岛市总工会", level="city", parent_code="370000")
    api.save_organisation(code="370100", name="济南市总工会", level="city", parent_code="370200")
    assert api.organisation_lineage(code="370102") == ("370000", "370200", "370100", "370102")
    assert api.organisation(code="370102").path.startswith(other.path)


def test_reports_of_other_apps_get_a_typed_scope_of_what_the_viewer_administers():
    orgs = union_tree()
    scope = api.report_organisations(viewer=administrator(orgs["city_a"]))
    assert isinstance(scope, OrganisationScope) and not scope.everything and scope.may_read
    assert scope.roots == ("370100",)
    assert scope.choices[:2] == (OrganisationChoice("370100", "济南市总工会", 2),
                                 OrganisationChoice("370102", "历下区总工会", 3))
    assert scope.allows("370102001") and not scope.allows("370200")
    assert ("chair", "Chair") in scope.categories
    assert api.report_organisations(viewer=StaffFactory()).everything
    learner = api.report_organisations(viewer=UserFactory())
    assert (learner.may_read, learner.choices) == (False, ())


def test_a_cadres_profile_shows_the_phone_masked_and_their_lineage():
    orgs = union_tree()
    user = cadre(orgs["union_a"], username="wangxg", phone="13800138000", employee_number="E001")
    profile = api.cadre_profile(user_id=user.id)
    assert (profile.full_name, profile.masked_phone, profile.employee_number) == ("王小纲", "138****8000", "E001")
    assert profile.organisation_lineage == ("370000", "370100", "370102", "370102001")
    assert api.cadre_profile(user_id=UserFactory().id) is None


def test_serving_cadres_of_a_subtree_come_in_tree_order_and_leave_out_who_left_or_came_later():
    orgs = union_tree()
    first = cadre(orgs["union_b"], username="qingdao")
    second = cadre(orgs["union_a"], username="jinan")
    cadre(orgs["union_a"], username="left_office", status="left")
    cadre(orgs["union_a"], username="next_year", took_office_on=date(2099, 1, 1))
    rows = api.serving_cadres(organisation_path=orgs["province"].path, in_year=2026)
    assert [row.username for row in rows] == ["jinan", "qingdao"]
    assert rows[0].organisation_path == orgs["union_a"].path and rows[0].full_name == "王小纲"
    assert list(api.serving_cadre_ids(organisation_path=orgs["city_a"].path, in_year=2026)) == [second.id]
    assert [row.user_id for row in api.serving_cadre_dates(in_year=2026)] == [second.id, first.id]


ADMINISTRATORS = [["用户名", "组织代码"], ["jinan_admin", "370100"], ["qingdao_admin", "370200"]]


def test_administrators_are_assigned_from_a_file_all_or_nothing():
    orgs = union_tree()
    UserFactory(username="jinan_admin"), UserFactory(username="qingdao_admin")
    preview = api.import_training_administrators(data=workbook(ADMINISTRATORS), filename="管理员.xlsx", dry_run=True)
    assert [a.organisation_code for a in preview.assignments] == ["370100", "370200"] and not preview.written
    assert not TrainingAdministrator.objects.exists()
    written = api.import_training_administrators(data=csv_bytes(ADMINISTRATORS), filename="管理员.csv",
                                                 dry_run=False)
    assert written.written and TrainingAdministrator.objects.count() == 2
    jinan = api.report_organisations(viewer=api_user("jinan_admin"))
    assert jinan.roots == ("370100",) and not jinan.allows(orgs["city_b"].code)
    again = api.import_training_administrators(data=csv_bytes(ADMINISTRATORS), filename="管理员.csv", dry_run=False)
    assert all(a.exists for a in again.assignments) and TrainingAdministrator.objects.count() == 2


def test_a_bad_administrators_file_says_what_and_where_and_assigns_no_one():
    union_tree()
    UserFactory(username="jinan_admin")
    rows = [*ADMINISTRATORS, ["jinan_admin", "370100"], ["nobody", "999999"]]
    result = api.import_training_administrators(data=csv_bytes(rows), filename="管理员.csv", dry_run=False)
    assert [str(problem) for problem in result.errors] == [
        "row 3, column 用户名: no LMS user 'qingdao_admin'",
        "row 4, column 用户名: repeats row 2",
        "row 5, column 用户名: no LMS user 'nobody'",
        "row 5, column 组织代码: no organisation '999999'",
    ]
    assert not result.written and not TrainingAdministrator.objects.exists()
    unreadable = api.import_training_administrators(data=b"PK\x03\x04", filename="管理员.xlsx", dry_run=False)
    assert "not a readable .xlsx workbook" in str(unreadable.errors[0])


def test_the_command_assigns_administrators_and_fails_with_every_problem(tmp_path, capsys):
    union_tree()
    UserFactory(username="jinan_admin"), UserFactory(username="qingdao_admin")
    good = tmp_path / "administrators.csv"
    good.write_bytes(csv_bytes(ADMINISTRATORS))
    call_command("assign_training_administrators", str(good), "--dry-run")
    assert not TrainingAdministrator.objects.exists() and "would assign 2 new administrators" in capsys.readouterr().out
    call_command("assign_training_administrators", str(good))
    assert TrainingAdministrator.objects.count() == 2
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([["用户名", "组织代码"], ["ghost", "370100"]]))
    with pytest.raises(CommandError, match="1 problems; nothing was written"):
        call_command("assign_training_administrators", str(bad))


def api_user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)
