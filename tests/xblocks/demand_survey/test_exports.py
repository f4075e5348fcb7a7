"""
Staff export a survey's responses: a small survey's file at once, a large one through a Celery task
(run eagerly here, as in the devhost) with a page that follows it, only for whoever asked.
"""
import re

import pytest

from survey_plugin import api as survey_api
from tests.factories import StaffFactory, UserFactory
from tests.xblocks.demand_survey.test_block import GOOD, USAGE, submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def five_responses(client, settings):
    from xblocks.demand_survey.demo import DEMO_TOPICS

    settings.CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST = 3
    for code, name, description in DEMO_TOPICS:
        survey_api.save_topic(code=code, name=name, description=description)
    for number in range(5):
        client.force_login(UserFactory(username=f"respondent{number}", email=f"r{number}@example.com"))
        assert submit(client, {**GOOD, "wish": f"第{number}条建议"})[0] == 200
    client.logout()


def staff_page_links(client):
    page = client.get("/unit/demand_survey.0/").content.decode()
    return dict(re.findall(r'<a href="([^"]+)">(Export \w+|导出 ?\w+)</a>', page))


def test_a_large_survey_is_exported_by_a_task_and_the_page_offers_the_file(client, staff_user):
    client.force_login(staff_user)
    started = client.get(f"/handler/{USAGE}/export/?format=csv")
    assert started.status_code == 303 and "/export_status/" in started["Location"]
    status = client.get(started["Location"])
    page = status.content.decode()
    assert status.status_code == 200 and "5 份答卷已写入" in page
    download = re.search(r'href="([^"]+export_download[^"]+)"', page).group(1).replace("&amp;", "&")
    file = client.get(download)
    assert file["Content-Disposition"] == 'attachment; filename="survey-responses.csv"'
    text = file.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("日期,")  # the header as the member of staff read it
    assert len(text.splitlines()) == 6 and "第4条建议" in text
    assert "respondent" not in text and "example.com" not in text  # an anonymous survey's file names nobody


def test_the_export_links_on_the_staff_view_give_the_format_they_name(client, staff_user, settings):
    settings.CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST = 100
    client.force_login(staff_user)
    links = {label: url.replace("&amp;", "&") for url, label in staff_page_links(client).items()}
    assert client.get(links["导出 CSV"]).content.decode("utf-8-sig").startswith("日期,")
    assert client.get(links["导出 XLSX"]).content[:2] == b"PK"  # a zip: the XLSX container


def test_only_whoever_asked_can_follow_or_download_an_export(client, staff_user):
    client.force_login(staff_user)
    location = client.get(f"/handler/{USAGE}/export/?format=xlsx")["Location"]
    export_id = re.search(r"id=([0-9a-f-]+)", location).group(1)
    client.force_login(StaffFactory(username="other_staff"))
    for handler in ("export_status", "export_download"):
        response = client.get(f"/handler/{USAGE}/{handler}/?id={export_id}")
        assert (response.status_code, response.json()["error"]) == (404, "no_such_export")
    assert client.get(f"/handler/{USAGE}/export_status/?id=not-a-uuid").status_code == 404
    client.force_login(UserFactory(username="a_learner"))
    assert client.get(f"/handler/{USAGE}/export_download/?id={export_id}").status_code == 403


def test_a_failed_export_says_so_and_offers_no_file(client, staff_user, monkeypatch):
    from survey_plugin import response_exports

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(response_exports, "write_table", broken)
    client.force_login(staff_user)
    location = client.get(f"/handler/{USAGE}/export/?format=xlsx")["Location"]
    page = client.get(location).content.decode()
    assert "导出失败" in page and "export_download" not in page
    export_id = re.search(r"id=([0-9a-f-]+)", location).group(1)
    assert client.get(f"/handler/{USAGE}/export_download/?id={export_id}").status_code == 404


def test_a_week_later_the_export_and_its_file_are_gone_and_the_page_says_why(client, staff_user):
    from datetime import timedelta

    from django.core.files.storage import default_storage
    from django.utils import timezone

    from survey_plugin.models import ResponseExport
    from survey_plugin.tasks import purge_expired_exports

    client.force_login(staff_user)
    location = client.get(f"/handler/{USAGE}/export/?format=csv")["Location"]
    stored = ResponseExport.objects.get().file.name
    assert default_storage.exists(stored)
    assert purge_expired_exports.delay().get() == 0  # still within the week
    ResponseExport.objects.update(created=timezone.now() - timedelta(days=7, minutes=1))
    assert purge_expired_exports.delay().get() == 1
    assert not default_storage.exists(stored) and not ResponseExport.objects.exists()
    gone = client.get(location)
    assert gone.status_code == 404 and gone.json()["error"] == "no_such_export"
    assert "7 天" in gone.json()["message"]


def test_a_download_whose_file_was_already_deleted_says_so(client, staff_user):
    from django.core.files.storage import default_storage

    from survey_plugin.models import ResponseExport

    client.force_login(staff_user)
    location = client.get(f"/handler/{USAGE}/export/?format=csv")["Location"]
    default_storage.delete(ResponseExport.objects.get().file.name)
    download = client.get(location.replace("export_status", "export_download"))
    assert (download.status_code, download.json()["error"]) == (404, "expired")
    assert "不再保存" in download.json()["message"]
