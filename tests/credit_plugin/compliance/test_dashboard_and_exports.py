"""The organisation dashboard, its exports (in the request and as a Celery task) and the REST figures."""
import io
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from user_tasks.models import UserTaskStatus

from credit_plugin import api
from credit_plugin.api import NewLedgerEntry, SourceKind
from tests.factories import OrganisationTargetFactory, administrator, cadre, union_tree

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
YEAR = datetime.now(UTC).year


def grant(user, credits, hours, key):
    api.bulk_record_entries(entries=[NewLedgerEntry(
        user_id=user.id, credits=Decimal(credits), hours=Decimal(hours),
        earned_at=datetime.now(UTC) - timedelta(hours=1), source_kind=SourceKind.MANUAL_ADJUSTMENT,
        reference="", title="补录", recorded_by="test", reason="test", idempotency_key=key,
    )])


@pytest.fixture
def city():
    """City A with a met cadre and a behind one; city B with one more behind cadre."""
    orgs = union_tree()
    met = cadre(orgs["union_a"], username="met_one")
    grant(met, "90", "40", "k1")
    behind = cadre(orgs["district_a"], username="behind_one", category="part_time")
    cadre(orgs["union_b"], username="other_city")
    cadre(orgs["union_a"], username="gone", status="left")
    return orgs, met, behind


def test_counts_for_the_organisation_and_each_child(city):
    orgs, _, _ = city
    admin = administrator(orgs["province"])
    overall, children = api.compliance_overview(viewer=admin, organisation_code="370000", year=YEAR)
    assert overall.total == 3  # the cadre who left office is not counted
    assert overall.met == 1
    by_code = {child.organisation.code: child for child in children}
    assert (by_code["370100"].total, by_code["370100"].met) == (2, 1)
    assert by_code["370200"].total == 1


def test_an_organisation_target_overrides_the_province_target_for_its_subtree(city):
    orgs, met, _ = city
    OrganisationTargetFactory(organisation=orgs["city_a"], credit_target=100, hour_target=40)
    status = api.compliance_status(user_id=met.id, year=YEAR)
    assert (status.credit_target, status.status != "met") == (Decimal("100"), True)
    assert api.year_summary(user_id=met.id, year=YEAR).credit_target == Decimal("100")


def test_a_user_without_a_profile_is_not_a_registered_cadre(client, learner):
    assert api.compliance_status(user_id=learner.id, year=YEAR) is None
    assert api.cadre_profile(user_id=learner.id) is None
    client.force_login(learner)
    response = client.get("/api/cadre-credits/v1/me/compliance/")
    assert response.status_code == 404
    assert response.json() == {"error": "not_a_cadre", "message": "您不是已登记的干部。"}  # the LMS's language


def test_a_cadre_reads_their_own_compliance(client, city):
    _, met, _ = city
    client.force_login(met)
    data = client.get(f"/api/cadre-credits/v1/me/compliance/?year={YEAR}").json()
    assert (data["status"], data["credits"], data["organisation_code"]) == ("met", "90.00", "370102001")


def test_the_dashboard_drills_down_and_filters(client, city):
    orgs, _, _ = city
    client.force_login(administrator(orgs["city_a"]))
    page = client.get("/cadre-credits/compliance/").content.decode()
    assert "济南市总工会" in page and "历下区总工会" in page and "青岛" not in page
    assert 'data-username="met_one"' in page and 'data-username="behind_one"' in page
    only_part_time = client.get("/cadre-credits/compliance/?org=370102&category=part_time").content.decode()
    assert 'data-username="behind_one"' in only_part_time and "met_one" not in only_part_time
    only_met = client.get("/cadre-credits/compliance/?org=370100&status=met").content.decode()
    assert 'data-username="met_one"' in only_met and 'data-username="behind_one"' not in only_met


@pytest.mark.parametrize("query", ["year=abc", "status=late", "category=boss"])
def test_bad_filters_answer_400(client, city, query):
    orgs, _, _ = city
    client.force_login(administrator(orgs["city_a"]))
    assert client.get(f"/cadre-credits/compliance/?{query}").status_code == 400
    assert client.get(f"/api/cadre-credits/v1/organisations/370100/cadres/?{query}").status_code == 400


def test_the_rest_list_of_cadres_comes_a_page_at_a_time(client, city):
    orgs, _, _ = city
    client.force_login(administrator(orgs["city_a"]))
    url = "/api/cadre-credits/v1/organisations/370100/cadres/"
    first = client.get(f"{url}?page_size=1&year={YEAR}").json()
    assert (first["count"], first["num_pages"], first["current_page"], first["previous"]) == (2, 2, 1, None)
    assert first["next"] == f"http://testserver{url}?page=2&page_size=1&year={YEAR}"
    second = client.get(first["next"]).json()
    assert second["next"] is None and second["previous"] == f"http://testserver{url}?page_size=1&year={YEAR}"
    assert {cadre["username"] for cadre in first["results"] + second["results"]} == {"met_one", "behind_one"}
    assert client.get(f"{url}?status=met").json()["count"] == 1
    # Paged as every Open edX API paged by edx-drf-extensions' DefaultPagination: a page that is not
    # there (or not a number) is a 404, and a page size over the most (1,000) is that most.
    for bad in ("page=3&page_size=1", "page=0", "page=x", "page=²"):
        response = client.get(f"{url}?{bad}")
        assert response.status_code == 404 and "detail" in response.json(), bad
    assert client.get(f"{url}?page_size=1001").json()["num_pages"] == 1
    assert client.get(f"{url}?page_size=-5").json()["count"] == 2


def test_a_small_export_is_the_response(client, city):
    orgs, _, _ = city
    client.force_login(administrator(orgs["city_a"]))
    response = client.post("/cadre-credits/compliance/export/", {"format": "xlsx"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[1][:2] == ("姓名", "用户名")  # the page's language: Chinese first
    assert sorted(row[1] for row in rows[2:]) == ["behind_one", "met_one"]
    met_only = client.post("/cadre-credits/compliance/export/", {"format": "csv", "status": "met"})
    csv_text = met_only.content.decode("utf-8-sig")
    assert "met_one" in csv_text and "behind_one" not in csv_text


def test_a_large_export_runs_as_a_task_with_progress_and_a_download_only_for_its_owner(client, city, settings):
    settings.CADRE_TRAINING_EXPORT_ROWS_IN_REQUEST = 1
    orgs, _, _ = city
    owner = administrator(orgs["province"])
    client.force_login(owner)
    response = client.post("/cadre-credits/compliance/export/", {"format": "csv"})
    assert response.status_code == 302
    status_page = client.get(response.url).content.decode()
    assert "山东省总工会" in status_page and "download/" in status_page
    download = client.get(f"{response.url}download/")
    assert "other_city" in b"".join(download.streaming_content).decode("utf-8-sig")
    assert download["Content-Disposition"].endswith(f'filename="compliance-370000-{YEAR}.csv"')
    client.force_login(administrator(orgs["province"], username="another_admin"))
    assert client.get(response.url).status_code == 404
    assert client.get(f"{response.url}download/").status_code == 404


def test_an_administrator_moved_elsewhere_keeps_no_access_to_the_file(client, city, settings):
    from credit_plugin.models import TrainingAdministrator

    settings.CADRE_TRAINING_EXPORT_ROWS_IN_REQUEST = 1
    orgs, _, _ = city
    admin = administrator(orgs["city_a"])
    client.force_login(admin)
    status_url = client.post("/cadre-credits/compliance/export/", {"format": "csv"}).url
    TrainingAdministrator.objects.filter(user=admin).update(organisation=orgs["city_b"])
    assert client.get(f"{status_url}download/").status_code == 404


def test_exports_and_their_files_are_deleted_after_the_retention_period(client, city, settings):
    from django.utils import timezone

    from cadre_common.private_files import private_storage
    from credit_plugin.tasks import purge_expired_exports

    settings.CADRE_TRAINING_EXPORT_ROWS_IN_REQUEST = 1
    orgs, _, _ = city
    client.force_login(administrator(orgs["province"]))
    old_url = client.post("/cadre-credits/compliance/export/", {"format": "xlsx"}).url
    recent_url = client.post("/cadre-credits/compliance/export/", {"format": "csv"}).url
    old, recent = UserTaskStatus.objects.order_by("created")
    old_file, recent_file = (status.artifacts.get(name="Output").text for status in (old, recent))
    UserTaskStatus.objects.filter(pk=old.pk).update(created=timezone.now() - timedelta(days=8))
    assert purge_expired_exports.delay().get() == 1
    assert not private_storage().exists(old_file) and private_storage().exists(recent_file)
    assert list(UserTaskStatus.objects.all()) == [recent]
    assert client.get(old_url).status_code == 404
    private_storage().delete(recent_file)  # gone from storage between the status page and the click
    assert client.get(f"{recent_url}download/").status_code == 404
    settings.CADRE_TRAINING_EXPORT_RETENTION_DAYS = 0  # kept for good
    UserTaskStatus.objects.update(created=timezone.now() - timedelta(days=800))
    assert purge_expired_exports.delay().get() == 0 and UserTaskStatus.objects.count() == 1


def test_the_file_names_are_not_guessable(client, city, settings):
    settings.CADRE_TRAINING_EXPORT_ROWS_IN_REQUEST = 1
    orgs, _, _ = city
    client.force_login(administrator(orgs["province"]))
    client.post("/cadre-credits/compliance/export/", {"format": "csv"})
    client.post("/cadre-credits/compliance/export/", {"format": "csv"})
    stored = [status.artifacts.get(name="Output").text for status in UserTaskStatus.objects.all()]
    folders = {name.rsplit("/", 2)[-2] for name in stored}
    assert len(folders) == 2 and all(len(folder) >= 20 for folder in folders)


def test_the_cadre_import_page_previews_then_writes(client, staff_user):
    from tests.credit_plugin.organisations.test_cadre_import import CADRES, ORGANISATIONS, workbook

    client.force_login(staff_user)
    upload = io.BytesIO(workbook(ORGANISATIONS, CADRES))
    upload.name = "干部.xlsx"
    preview = client.post("/cadre-credits/admin/cadres/import/", {"roster": upload, "dry_run": "on",
                                                                  "create_users": "on"})
    assert "4 个组织，2 名干部，2 个新 LMS 用户。" in preview.content.decode()
    assert api.cadre_profile(user_id=staff_user.id) is None
    upload.seek(0)
    client.post("/cadre-credits/admin/cadres/import/", {"roster": upload, "create_users": "on"})
    assert len(api.visible_organisations(viewer=staff_user)) == 4


def test_an_export_starts_only_by_post(client, city):
    orgs, _, _ = city
    client.force_login(administrator(orgs["city_a"]))
    assert client.get("/cadre-credits/compliance/export/?format=csv").status_code == 405
    page = client.get("/cadre-credits/compliance/").content.decode()
    assert 'method="post" action="/cadre-credits/compliance/export/"' in page and 'value="csv"' in page
