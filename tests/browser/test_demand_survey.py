"""A cadre answers the demand survey on a phone and is shown resources; an administrator reads the demand."""
import pytest

from credit_plugin import api as credit_api
from devhost.demo_topics import seed_demo_demand, seed_demo_topics
from tests.browser.conftest import log_in
from tests.devhost_blocks import lms_handler
from tests.factories import DEFAULT_PASSWORD, UserFactory, administrator, cadre, union_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_cadre_answers_by_keyboard_and_is_shown_the_courses_for_their_topics(live_server, phone_page, screenshot):
    seed_demo_topics()
    orgs = union_tree()
    cadre(orgs["union_a"], username="wangxg")
    log_in(phone_page, live_server.url, "wangxg", DEFAULT_PASSWORD)
    phone_page.goto(f"{live_server.url}/unit/demand_survey.0/")
    assert "匿名问卷" in phone_page.inner_text(".demand-survey__privacy")
    submit = phone_page.locator("button.ds-submit")
    submit.click()  # nothing answered yet: every required question is named at once, under itself
    phone_page.wait_for_selector(".ds-message:not(:empty)")
    assert "有 4 道题需要修改" in phone_page.inner_text(".ds-message")
    assert "此题必答。" in phone_page.inner_text("fieldset[data-question=role] .ds-error")

    phone_page.check("input[name=role][value=chair]")
    topics = phone_page.locator("fieldset[data-question=topics]")
    topics.locator("select[data-choice=union-basics]").select_option("1")
    topics.locator("select[data-choice=union-finance]").select_option("2")
    phone_page.check("input[name=formats][value=video]")
    phone_page.check("input[name=usefulness][value='4']")
    phone_page.fill("textarea[name=wish]", "希望多一些案例")
    screenshot(phone_page, "demand-survey-answering")
    submit.focus()
    phone_page.keyboard.press("Enter")
    phone_page.wait_for_selector(".ds-saved")
    after = phone_page.inner_text(".ds-after")
    assert "谢谢！您的答卷已保存。" in after
    assert "工会基础知识 ABC（新任干部必修）" in after  # union-basics is taught; union-finance is not
    assert phone_page.evaluate("document.activeElement.className") == "ds-saved"
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone_page, "demand-survey-resources")


def test_the_administrators_dashboard_ranks_demand_and_shows_the_gaps(live_server, chromium, screenshot):
    seed_demo_topics()
    orgs = union_tree()
    for number in range(20):
        cadre(orgs["union_a"] if number < 16 else orgs["union_b"], username=f"cadre{number:02d}")
    seed_demo_demand()
    admin = administrator(orgs["city_a"], username="jinan_admin")
    assert credit_api.report_organisations(viewer=admin).roots == ("370100",)
    page = chromium.new_context(viewport={"width": 1024, "height": 900}, locale="zh-CN").new_page()
    log_in(page, live_server.url, "jinan_admin", DEFAULT_PASSWORD)
    page.goto(f"{live_server.url}/cadre-surveys/demand/")
    # Qingdao's four cadres are not theirs, nor the first four who answered: fewer than five had
    # answered then, so their responses keep no organisation at all (decision 0016).
    assert "12 名答题人" in page.inner_text("main")
    ranked = page.locator("table.ranking tbody tr")
    assert ranked.count() >= 3
    gaps = page.inner_text(".gaps")
    assert "工会经费与财务管理" in gaps
    screenshot(page, "demand-dashboard")
    page.select_option("select[name=tenure]", "new")
    page.click(".filters button[type=submit]")
    assert "不予显示" in page.inner_text("main")  # no newly appointed cadres among them: too few to show


def test_staff_read_the_results_and_export_a_large_survey_through_its_progress_page(
    live_server, chromium, screenshot, settings, tmp_path
):
    from tests.factories import StaffFactory
    from tests.xblocks.demand_survey.test_block import GOOD, USAGE

    settings.CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST = 4  # five responses: the export runs as a task
    seed_demo_topics()
    page = chromium.new_context(viewport={"width": 1024, "height": 900}, locale="zh-CN").new_page()
    wishes = ["希望多讲讲集体协商", "案例课再多一些", "<b>经费</b>审查怎么做", "想学新媒体宣传", "工会法条文解读"]
    for number, wish in enumerate(wishes):
        UserFactory(username=f"respondent{number}")
        log_in(page, live_server.url, f"respondent{number}", DEFAULT_PASSWORD)
        page.goto(f"{live_server.url}/unit/demand_survey.0/")
        answer = page.request.post(
            live_server.url + lms_handler(USAGE, "submit"), data={"answers": {**GOOD, "wish": wish}},
            headers={"X-CSRFToken": next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")},
        )
        assert answer.ok, answer.text()
        page.context.clear_cookies()
    StaffFactory(username="teacher")
    log_in(page, live_server.url, "teacher", DEFAULT_PASSWORD)
    page.goto(f"{live_server.url}/unit/demand_survey.0/")
    staff = page.locator(".ds-staff")
    assert "5 份答卷" in staff.inner_text()
    texts = staff.locator("[data-question=wish] .ds-texts li").all_inner_texts()
    assert texts == sorted(texts) and "<b>经费</b>审查怎么做" in texts  # escaped, in the text's own order
    screenshot(page, "demand-survey-staff-results")
    page.click("text=导出 CSV")
    page.wait_for_selector(".file-task__download")
    assert "文件已生成。" in page.inner_text("main")
    screenshot(page, "demand-survey-export-ready")
    with page.expect_download() as download:
        page.click(".file-task__download")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    lines = saved.read_text(encoding="utf-8-sig").splitlines()
    # An anonymous survey's file: its published counts, with option texts, no row of one response.
    assert saved.name == "survey-responses.csv" and lines[0] == "问题,答案,人数,平均名次"
    assert lines[1] == "回答人数,,5," and "工会主席" in "\n".join(lines)
