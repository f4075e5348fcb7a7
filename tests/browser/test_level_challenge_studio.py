"""An author edits the challenge in Studio's editor: a level too large for the bank, and a province's bank imported."""
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from question_bank.api import write_bank
from tests.banks import generated_bank
from tests.browser.conftest import log_in
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
BANK = Path(__file__).resolve().parents[2] / "course_exports" / "examples" / "demo_bank.xlsx"
# Every text the editor's message line shows, in order: the upload's progress is gone by the time it ends.
WATCH_MESSAGES = """
window.shownMessages = [];
new MutationObserver(function () {
  window.shownMessages.push(document.querySelector('.lc-import-preview').textContent);
}).observe(document.querySelector('.lc-import-preview'), {childList: true, characterData: true, subtree: true});
"""


def author_page(chromium, live_server):
    """A course author (the course's staff role, not global staff) in Studio's editor of the challenge."""
    from devhost.course_access import COURSE_STAFF_GROUP

    UserFactory(username="author", name="李文").groups.add(Group.objects.get_or_create(name=COURSE_STAFF_GROUP)[0])
    page = chromium.new_context(viewport={"width": 1024, "height": 900}, locale="zh-CN").new_page()
    log_in(page, live_server.url, "author", DEFAULT_PASSWORD)
    page.goto(f"{live_server.url}/studio/unit/level_challenge.0/")
    return page


def test_author_checks_a_level_too_large_for_the_bank_then_saves(live_server, chromium, screenshot):
    page = author_page(chromium, live_server)
    assert "题库共有 303 道题" in page.inner_text(".lc-studio")
    page.fill("#lc-l0-count", "500")
    assert page.inner_text("#lc-l0-count-error") == "题库中符合本关标签的题目只有 303 道。"
    page.click("button.lc-check")  # the server's check says the same
    page.wait_for_selector(".lc-problems li")
    assert "关要抽 500 道题，但题库中符合条件的只有 303 道" in page.inner_text(".lc-problems")
    assert page.inner_text(".lc-message") == "检查完毕：303 道题，尚未保存。"
    screenshot(page, "level-challenge-studio-check")
    page.fill("#lc-l0-count", "5")
    page.click("button.lc-save")
    page.wait_for_function("document.querySelector('.lc-message').textContent.startsWith('已保存')")
    assert page.inner_text(".lc-message") == "已保存：303 道题。"
    screenshot(page, "level-challenge-studio-saved")


def test_author_imports_a_5000_question_bank_and_sees_its_progress(live_server, chromium, screenshot, tmp_path):
    bank = tmp_path / "全省题库.xlsx"
    bank.write_bytes(write_bank(generated_bank(5000), filename=bank.name)[0])
    page = author_page(chromium, live_server)
    page.set_input_files("#lc-bank", str(bank))
    page.evaluate(WATCH_MESSAGES)
    page.click(".lc-preview-import")
    page.wait_for_selector(".lc-confirm-import:not([hidden])", timeout=60_000)
    shown = page.evaluate("window.shownMessages")
    assert any(text.startswith("正在上传题库文件") for text in shown), shown
    assert "正在读取并检查题库中的题目……" in shown
    assert page.inner_text(".lc-import-preview").startswith("预览：添加 5000 道，修改 0 道，删除 0 道")
    page.click(".lc-confirm-import")
    page.wait_for_function("document.querySelector('.lc-import-preview').textContent.startsWith('已导入')",
                           timeout=60_000)
    imported = page.inner_text(".lc-import-preview")
    assert imported.startswith("已导入：添加 5000 道，修改 0 道，删除 0 道；题库现有 5303 道题。")
    assert page.inner_text(".lc-bank-size") == "题库共有 5303 道题。"
    screenshot(page, "level-challenge-studio-5000-saved")
    page.reload()
    assert "题库共有 5303 道题" in page.inner_text(".lc-studio")
