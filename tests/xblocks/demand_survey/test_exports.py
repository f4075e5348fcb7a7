"""
Staff export a survey's responses: a small survey's file at once; a large one through survey_plugin's
export task (run eagerly here, as in the devhost), whose page follows it and offers the file to
whoever started it, and nobody else, until the purge deletes the file and then its record.
"""
import re
from datetime import timedelta

import pytest
from django.db.models.signals import pre_delete
from django.utils import timezone
from user_tasks.models import UserTaskArtifact, UserTaskStatus

from cadre_common.file_tasks import FileTask
from cadre_common.private_files import private_storage
from cadre_common.spreadsheets import writing
from survey_plugin import api as survey_api
from tests.devhost_blocks import lms_handler
from tests.factories import StaffFactory, UserFactory
from tests.xblocks.demand_survey.test_block import GOOD, USAGE, submit

pytestmark = pytest.mark.django_db
EXPORT_PAGE = re.compile(r"^/cadre-surveys/exports/([0-9a-f-]{36})/$")


@pytest.fixture(autouse=True)
def five_responses(client, settings, monkeypatch):
    """Five responses to the demo survey made named: a row per response (an anonymous one's file is counts)."""
    from xblocks.demand_survey.block import DemandSurveyBlock
    from xblocks.demand_survey.demo import DEMO_TOPICS

    monkeypatch.setattr(DemandSurveyBlock, "anonymous", property(lambda self: False))
    settings.CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST = 3
    for code, name, description in DEMO_TOPICS:
        survey_api.save_topic(code=code, name=name, description=description)
    for number in range(5):
        client.force_login(UserFactory(username=f"respondent{number}", email=f"r{number}@example.com"))
        assert submit(client, {**GOOD, "wish": f"第{number}条建议"})[0] == 200
    client.logout()


def start_export(client, file_format="csv") -> str:
    """Ask the block for a large export; the address of the page it redirects to."""
    started = client.get(lms_handler(USAGE, "export") + f"?format={file_format}")
    assert started.status_code == 303 and EXPORT_PAGE.match(started["Location"]), started
    return started["Location"]


def download_link(page: str) -> str:
    return re.search(r'href="([^"]+/download/)"', page).group(1)


def test_a_small_survey_is_exported_at_once_in_the_format_its_link_names(client, staff_user, settings):
    settings.CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST = 100
    client.force_login(staff_user)
    page = client.get("/unit/demand_survey.0/").content.decode()
    links = {label: url.replace("&amp;", "&") for url, label in re.findall(r'<a href="([^"]+)">(导出 ?\w+)</a>', page)}
    csv = client.get(links["导出 CSV"])
    assert csv["Content-Disposition"] == 'attachment; filename="survey-responses.csv"'
    assert csv.content.decode("utf-8-sig").startswith("用户名,姓名,日期,")
    assert client.get(links["导出 XLSX"]).content[:2] == b"PK"  # a zip: the XLSX container
    assert not UserTaskStatus.objects.exists()


def test_a_large_survey_is_exported_by_a_task_whose_page_offers_the_file(client, staff_user):
    client.force_login(staff_user)
    location = start_export(client)
    page = client.get(location)
    text = page.content.decode()
    assert page.status_code == 200 and "文件已生成" in text and "学习需求调查" in text
    assert 'http-equiv="refresh"' not in text  # finished: the page stops refreshing
    file = client.get(download_link(text))
    assert file["Content-Disposition"] == 'attachment; filename="survey-responses.csv"'
    lines = b"".join(file.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("用户名,姓名,日期,")  # the header as the member of staff read it
    assert len(lines) == 6 and "第4条建议" in "\n".join(lines) and "respondent4" in "\n".join(lines)
    assert "example.com" not in "\n".join(lines)  # who, by username and name: no contact details
    assert "工会主席" in lines[1] and ",chair," not in lines[1]  # option texts, not ids


def test_the_page_shows_how_far_the_task_has_written_and_refreshes_until_done(client, staff_user, monkeypatch):
    seen = []
    report_progress = FileTask.report_progress

    def report_and_look(task, done, total):
        report_progress(task, done, total)
        seen.append(client.get(survey_api.response_export_url(task_id=str(task.status.uuid))).content.decode())

    monkeypatch.setattr(writing, "PROGRESS_EVERY", 2)  # the header and five rows: progress at 2, 4 and 6
    monkeypatch.setattr(FileTask, "report_progress", report_and_look)
    client.force_login(staff_user)
    start_export(client, "xlsx")
    assert [re.search(r"正在生成：(\d+)%", page).group(1) for page in seen] == ["33", "66", "100"]
    assert all('http-equiv="refresh"' in page and "/download/" not in page for page in seen)


def test_only_whoever_started_an_export_can_follow_or_download_it(client, staff_user):
    client.force_login(staff_user)
    location = start_export(client)
    download = download_link(client.get(location).content.decode())
    for stranger in (StaffFactory(username="other_staff"), UserFactory(username="a_learner")):
        client.force_login(stranger)
        assert (client.get(location).status_code, client.get(download).status_code) == (404, 404)
    client.logout()
    assert (client.get(location).status_code, client.get(download).status_code) == (404, 404)
    client.force_login(UserFactory(username="a_learner"))
    assert client.get(lms_handler(USAGE, "export") + "?format=csv").status_code == 403  # no export for learners
    assert client.get("/cadre-surveys/exports/not-a-uuid/").status_code == 404


def test_a_failed_export_says_so_and_offers_no_file(client, staff_user, monkeypatch):
    from survey_plugin import tasks

    def broken(**kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(tasks, "response_file", broken)
    client.force_login(staff_user)
    location = start_export(client, "xlsx")
    page = client.get(location).content.decode()
    assert "生成失败" in page and "/download/" not in page
    assert client.get(f"{location}download/").status_code == 404


def test_a_week_later_the_purge_deletes_the_file_before_its_record(client, staff_user):
    client.force_login(staff_user)
    location = start_export(client)
    download = download_link(client.get(location).content.decode())
    stored = UserTaskArtifact.objects.get(name="Output").text
    file_left_when_its_record_went = []

    def record_going(instance, **kwargs):
        if instance.name == "Output":
            file_left_when_its_record_went.append(private_storage().exists(instance.text))

    pre_delete.connect(record_going, sender=UserTaskArtifact)
    try:
        assert survey_api_purge() == 0  # still within the week
        UserTaskStatus.objects.update(created=timezone.now() - timedelta(days=7, minutes=1))
        assert survey_api_purge() == 1
    finally:
        pre_delete.disconnect(record_going, sender=UserTaskArtifact)
    assert file_left_when_its_record_went == [False]
    assert not private_storage().exists(stored) and not UserTaskStatus.objects.exists()
    assert (client.get(location).status_code, client.get(download).status_code) == (404, 404)


def test_with_a_retention_of_zero_exports_are_kept(client, staff_user, settings):
    settings.CADRE_SURVEY_EXPORT_RETENTION_DAYS = 0
    client.force_login(staff_user)
    start_export(client)
    UserTaskStatus.objects.update(created=timezone.now() - timedelta(days=365))
    assert survey_api_purge() == 0 and UserTaskArtifact.objects.filter(name="Output").count() == 1


def test_a_download_whose_file_was_already_deleted_is_a_404(client, staff_user):
    client.force_login(staff_user)
    location = start_export(client)
    private_storage().delete(UserTaskArtifact.objects.get(name="Output").text)
    assert client.get(f"{location}download/").status_code == 404


def survey_api_purge() -> int:
    """The daily purge, as the Celery beat runs it."""
    from survey_plugin.tasks import purge_expired_exports

    return purge_expired_exports.delay().get()


def test_learner_text_that_looks_like_a_formula_never_runs(client, staff_user, settings):
    import io

    from openpyxl import load_workbook

    settings.CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST = 100
    client.force_login(UserFactory(username="mischief"))
    submit(client, {**GOOD, "wish": '=HYPERLINK("http://evil.example")'})
    client.force_login(staff_user)
    sheet = load_workbook(io.BytesIO(client.get(lms_handler(USAGE, "export") + "?format=xlsx").content)).active
    cells = [row[-1] for row in sheet.iter_rows(min_row=2) if row[-1].value.startswith("=")]
    assert [(cell.value, cell.data_type) for cell in cells] == [('=HYPERLINK("http://evil.example")', "s")]
    csv = client.get(lms_handler(USAGE, "export") + "?format=csv").content.decode("utf-8-sig")
    assert """'=HYPERLINK(""http://evil.example"")""" in csv


def test_a_queued_export_waits_for_a_worker_then_offers_the_file_it_wrote(client, staff_user, monkeypatch):
    """As on the LMS: the task is published to the broker, and a worker takes it from there later."""
    from survey_plugin.tasks import export_survey_responses

    app = export_survey_responses.app
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    client.force_login(staff_user)
    location = start_export(client)
    waiting = client.get(location).content.decode()
    assert "正在排队等待处理" in waiting and 'http-equiv="refresh"' in waiting and "/download/" not in waiting
    status = UserTaskStatus.objects.get()
    assert status.task_class == "survey_plugin.tasks.export_survey_responses"  # what the purge looks for
    with app.connection_for_read() as connection:  # the worker's side
        message = connection.SimpleQueue(app.conf.task_default_queue).get(timeout=1)
        args, kwargs, _embed = message.decode()
        assert message.headers["id"] == status.task_id and kwargs["user_id"] == staff_user.id
        export_survey_responses.apply(args=args, kwargs=kwargs, task_id=status.task_id)
        message.ack()
    done = client.get(location).content.decode()
    assert "文件已生成" in done and client.get(download_link(done)).status_code == 200
