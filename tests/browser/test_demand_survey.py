"""A cadre answers the demand survey on a phone and is shown resources; an administrator reads the demand."""
import pytest

from credit_plugin import api as credit_api
from devhost.demo_topics import seed_demo_demand, seed_demo_topics
from tests.browser.conftest import log_in
from tests.factories import DEFAULT_PASSWORD, administrator, cadre, union_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_cadre_answers_by_keyboard_and_is_shown_the_courses_for_their_topics(live_server, phone_page, screenshot):
    seed_demo_topics()
    orgs = union_tree()
    cadre(orgs["union_a"], username="wangxg")
    log_in(phone_page, live_server.url, "wangxg", DEFAULT_PASSWORD)
    phone_page.goto(f"{live_server.url}/unit/demand_survey.0/")
    assert "匿名问卷" in phone_page.inner_text(".demand-survey__privacy")
    submit = phone_page.locator("button.ds-submit")
    submit.click()  # nothing answered yet: the first required question is named
    phone_page.wait_for_selector(".ds-message:not(:empty)")
    assert "题目“您目前担任的工会职务是？”为必答题。" in phone_page.inner_text(".ds-message")

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
    for number in range(12):
        cadre(orgs["union_a"] if number < 8 else orgs["union_b"], username=f"cadre{number:02d}")
    seed_demo_demand()
    admin = administrator(orgs["city_a"], username="jinan_admin")
    assert credit_api.report_organisations(viewer=admin)["roots"] == ["370100"]
    page = chromium.new_context(viewport={"width": 1024, "height": 900}, locale="zh-CN").new_page()
    log_in(page, live_server.url, "jinan_admin", DEFAULT_PASSWORD)
    page.goto(f"{live_server.url}/cadre-surveys/demand/")
    assert "8 名答题人" in page.inner_text("main")  # Qingdao's four cadres are not theirs
    ranked = page.locator("table.ranking tbody tr")
    assert ranked.count() >= 3
    gaps = page.inner_text(".gaps")
    assert "工会经费与财务管理" in gaps
    screenshot(page, "demand-dashboard")
    page.select_option("select[name=tenure]", "new")
    page.click(".filters button[type=submit]")
    assert "不予显示" in page.inner_text("main")  # no newly appointed cadres among them: too few to show
