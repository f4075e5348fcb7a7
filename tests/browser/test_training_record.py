"""Credits flow end to end in a browser: the LMS passes a learner, an administrator imports and reverses."""
import pytest
from django.utils import timezone

from credit_plugin.api import credit_year
from devhost import demo_roster
from devhost.demo_credits import seed_demo_credit_rules
from tests.browser.conftest import log_in
from tests.factories import DEFAULT_PASSWORD, StaffFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_passing_the_demo_course_shows_on_the_learners_training_record(live_server, phone_page, screenshot):
    seed_demo_credit_rules()
    UserFactory(username="learner")
    StaffFactory(username="org_admin", name="张明")
    log_in(phone_page, live_server.url, "org_admin", DEFAULT_PASSWORD)
    phone_page.goto(f"{live_server.url}/lms-bridge/")
    phone_page.select_option("#bridge-learner", "learner")
    phone_page.click("text=课程合格")
    phone_page.click("header.devhost button:has-text('退出')")

    log_in(phone_page, live_server.url, "learner", DEFAULT_PASSWORD)
    phone_page.click("text=我的本年度学分")
    assert phone_page.locator(".credits-earned").inner_text() == "30.00"
    assert phone_page.locator(".hours-earned").inner_text() == "13.00"
    assert "还差 60.00 学分、27.00 学时" in phone_page.locator(".status").inner_text()
    assert "工会干部应知应会基础" in phone_page.locator("ol.entries").inner_text()
    screenshot(phone_page, "training-record-after-passing")


def test_administrator_imports_the_demo_roster_and_reverses_an_entry(live_server, chromium, screenshot, tmp_path):
    roster = demo_roster.write_demo_roster(tmp_path, credit_year(timezone.now()))
    UserFactory(username="learner")
    UserFactory(username="author", name="李文")
    UserFactory(username="org_admin", name="张明")
    StaffFactory(username="province_admin", name="赵华")
    page = chromium.new_context(viewport={"width": 1024, "height": 900}, locale="zh-CN").new_page()
    log_in(page, live_server.url, "province_admin", DEFAULT_PASSWORD)
    page.goto(f"{live_server.url}/cadre-credits/admin/import/")
    page.set_input_files("#id_roster", str(roster))
    page.click("button:has-text('上传')")
    assert "预览：尚未记录" in page.inner_text("main")
    screenshot(page, "offline-import-preview")
    page.set_input_files("#id_roster", str(roster))
    page.uncheck("#id_dry_run")
    page.click("button:has-text('上传')")
    assert "已记录 3 条" in page.inner_text("main")
    assert "第 7 行，“是否合格”列：未合格：不计学分" in page.inner_text("main")

    page.goto(f"{live_server.url}/cadre-credits/admin/?username=learner")
    assert "60.00" in page.inner_text("main")  # 48 + 12: with the demo course's 30, the year's 90
    page.locator("tr", has_text="集中轮训").locator("input[name=reason]").fill("重复登记")
    page.locator("tr", has_text="集中轮训").locator("button:has-text('冲销')").click()
    assert "已冲销" in page.inner_text(".messages")
    assert "学分: 12.00 / 90" in page.inner_text("main").replace("：", ": ")
    screenshot(page, "credits-admin-after-reversal")
