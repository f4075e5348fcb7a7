"""An author edits the challenge in its Studio view: checks a bank file, then saves it."""
from pathlib import Path

import pytest

from tests.browser.conftest import log_in
from tests.factories import DEFAULT_PASSWORD, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
BANK = Path(__file__).resolve().parents[2] / "course_exports" / "examples" / "demo_bank.xlsx"


def test_author_checks_and_saves_a_bank_in_the_studio_view(live_server, chromium, screenshot):
    StaffFactory(username="author", name="李文")
    page = chromium.new_context(viewport={"width": 1024, "height": 900}, locale="zh-CN").new_page()
    log_in(page, live_server.url, "author", DEFAULT_PASSWORD)
    page.goto(f"{live_server.url}/unit/level_challenge.0/studio_view/")
    assert "题库共有 303 道题" in page.inner_text(".lc-studio")
    page.fill("#lc-levels", '[{"title": "第一关", "count": 50}]')
    page.set_input_files("#lc-bank", str(BANK))
    page.click("button.lc-check")
    page.wait_for_selector(".lc-problems li")
    assert "第 1 (第一关) 关要抽 50 道题，但题库中符合条件的只有 30 道" in page.inner_text(".lc-problems")
    assert page.inner_text(".lc-message") == "检查完毕：30 道题，尚未保存。"
    screenshot(page, "level-challenge-studio-check")
    page.fill("#lc-levels", '[{"title": "第一关", "count": 10}]')
    page.click("button.lc-save")
    page.wait_for_function("document.querySelector('.lc-message').textContent.startsWith('已保存')")
    assert page.inner_text(".lc-message") == "已保存：30 道题。"
    page.reload()
    assert "题库共有 30 道题" in page.inner_text(".lc-studio")
    screenshot(page, "level-challenge-studio-saved")
