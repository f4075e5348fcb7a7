"""The learner's training record page and the administrators' pages."""
import io
import uuid
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from credit_plugin import api
from credit_plugin.models import LedgerEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
THIS_YEAR = datetime.now(UTC).year


def grant(user, credits="12", title="工会法专题培训", when=None):
    return api.record_entry(
        user_id=user.id, credits=credits, hours="5", earned_at=when or datetime.now(UTC),
        source_kind=api.SourceKind.OFFLINE_TRAINING, reference=title, title=title, recorded_by="t",
        idempotency_key=str(uuid.uuid4()),
    )


def test_my_record_shows_progress_and_entries_in_chinese(learner_client, learner):
    grant(learner)
    page = learner_client.get("/cadre-credits/my-record/").content.decode()
    assert "我的培训档案" in page
    assert "工会法专题培训" in page
    assert 'aria-valuenow="13"' in page  # 12 of 90 credits
    assert "还差 78.00 学分" in page


def test_my_record_shows_only_my_own_entries(learner_client, learner):
    other = UserFactory(username="other")
    grant(other, title="别人的培训")
    assert "别人的培训" not in learner_client.get("/cadre-credits/my-record/").content.decode()


def test_other_years_and_a_bad_year(learner_client, learner):
    grant(learner, title="去年的培训", when=datetime(THIS_YEAR - 1, 6, 1, tzinfo=UTC))
    page = learner_client.get("/cadre-credits/my-record/").content.decode()
    assert f'href="?year={THIS_YEAR - 1}"' in page
    assert "去年的培训" in learner_client.get(f"/cadre-credits/my-record/?year={THIS_YEAR - 1}").content.decode()
    assert learner_client.get("/cadre-credits/my-record/?year=abc").status_code == 400


def test_my_record_downloads_as_xlsx(learner_client, learner):
    grant(learner)
    response = learner_client.get(f"/cadre-credits/my-record/export.xlsx?year={THIS_YEAR}")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:2] == ("学分", 12.0)
    assert rows[5][1:5] == ("工会法专题培训", "线下培训", 12.0, 5.0)


def test_record_page_needs_login(client):
    assert client.get("/cadre-credits/my-record/").status_code == 302


def test_rest_summary_and_entries_for_the_learner_and_invalid_year(learner_client, learner):
    grant(learner)
    summary = learner_client.get("/api/cadre-credits/v1/me/summary/").json()
    assert (summary["credits"], summary["credit_target"], summary["target_met"]) == ("12.00", "90.00", False)
    entries = learner_client.get(f"/api/cadre-credits/v1/me/entries/?year={THIS_YEAR}").json()["results"]
    assert [e["title"] for e in entries] == ["工会法专题培训"]
    bad = learner_client.get("/api/cadre-credits/v1/me/summary/?year=20x6")
    assert bad.status_code == 400
    assert bad.json()["error"] == "invalid_year"


def test_a_learner_cannot_read_another_learners_record_but_an_administrator_can(learner_client, staff_user, client):
    other = UserFactory(username="other")
    grant(other)
    assert learner_client.get("/api/cadre-credits/v1/learners/other/summary/").status_code == 404
    client.force_login(staff_user)
    assert client.get("/api/cadre-credits/v1/learners/other/summary/").json()["credits"] == "12.00"
    assert client.get("/api/cadre-credits/v1/learners/nobody/summary/").status_code == 404


def test_admin_pages_are_for_administrators_only(learner_client):
    assert learner_client.get("/cadre-credits/admin/").status_code == 403
    assert learner_client.post("/cadre-credits/admin/reverse/", {"entry_id": 1, "reason": "x"}).status_code == 403


def test_administrator_adjusts_with_a_reason_once_and_reverses(staff_client, learner):
    page = staff_client.get("/cadre-credits/admin/?username=learner1").content.decode()
    assert "手工调整" in page
    form = {"username": "learner1", "credits": "6", "hours": "2", "day": f"{THIS_YEAR}-03-01",
            "reason": "补录集中学习", "request_id": str(uuid.uuid4())}
    staff_client.post("/cadre-credits/admin/adjust/", form)
    staff_client.post("/cadre-credits/admin/adjust/", form)  # a double submit records once
    entry = LedgerEntry.objects.get()
    assert (entry.source_kind, entry.recorded_by, entry.reason) == ("manual_adjustment", "staff1", "补录集中学习")
    staff_client.post("/cadre-credits/admin/adjust/", {**form, "reason": "", "request_id": str(uuid.uuid4())})
    assert LedgerEntry.objects.count() == 1
    staff_client.post("/cadre-credits/admin/reverse/", {"entry_id": entry.id, "reason": "重复", "username": "learner1"})
    assert api.year_summary(user_id=learner.id, year=THIS_YEAR).credits == 0


def test_upload_page_previews_then_records(staff_client, learner):
    from django.core.files.uploadedfile import SimpleUploadedFile

    csv = "用户名,培训名称,培训日期,学分,学时\nlearner1,集中培训,2026-03-01,8,4\n".encode("gb18030")
    preview = staff_client.post("/cadre-credits/admin/import/",
                                {"roster": SimpleUploadedFile("r.csv", csv), "dry_run": "on"})
    assert "预览" in preview.content.decode()
    assert not LedgerEntry.objects.exists()
    done = staff_client.post("/cadre-credits/admin/import/", {"roster": SimpleUploadedFile("r.csv", csv)})
    assert LedgerEntry.objects.count() == 1
    assert "已记录 1 条" in done.content.decode()


def test_the_administrator_reads_who_recorded_each_entry_in_words(staff_client, learner):
    from devhost import lms_bridge
    from tests.factories import credit_rule

    credit_rule()
    lms_bridge.pass_course(learner)  # recorded by the LMS's event
    staff_client.post("/cadre-credits/admin/adjust/", {
        "username": "learner1", "credits": "6", "hours": "2", "day": f"{THIS_YEAR}-03-01", "reason": "补录集中学习",
        "request_id": str(uuid.uuid4())})
    page = staff_client.get("/cadre-credits/admin/?username=learner1").content.decode()
    assert "平台：课程合格" in page and "由 staff1 录入" in page
    assert "lms:org.openedx" not in page
