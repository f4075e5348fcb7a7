"""
An author builds a three-level challenge from an empty block in the devhost's Studio editor, without
typing JSON: imports a bank in "add" mode after seeing the preview, lays out the levels in the form
(seeing a problem next to its field before saving, reordering with the keyboard), and sets 2 credits
and 1 class hour for completing the block, which become the ledger's rule for it.
"""
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from tests.browser.conftest import log_in
from tests.devhost_blocks import CourseContentRuntime, usage_key
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
BANK = Path(__file__).resolve().parents[2] / "course_exports" / "examples" / "demo_bank.xlsx"  # 30 questions
USAGE = "level-challenge.level_challenge.d0.u0"


def empty_challenge(author):
    block = CourseContentRuntime(author).get_block(USAGE)
    block.set_levels([])
    block.set_bank([])
    block.save()


def author_page(chromium, live_server):
    from devhost.course_access import COURSE_STAFF_GROUP

    author = UserFactory(username="author", name="李文")
    author.groups.add(Group.objects.get_or_create(name=COURSE_STAFF_GROUP)[0])
    empty_challenge(author)
    page = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN",
                                accept_downloads=True).new_page()
    log_in(page, live_server.url, "author", DEFAULT_PASSWORD)
    page.goto(f"{live_server.url}/studio/unit/level_challenge.0/")
    page.wait_for_selector(".lc-no-levels")
    return author, page


def fill_level(page, number, *, title, count, **fields):
    page.fill(f"#lc-l{number}-title", title)
    page.fill(f"#lc-l{number}-count", str(count))
    for name, value in fields.items():
        page.fill(f"#lc-l{number}-{name}", str(value))


def import_in_add_mode(page, author, screenshot):
    """The template, right beside the import; the import in "add" mode, previewed, then confirmed."""
    with page.expect_download() as download:
        page.click(".lc-template")
    assert download.value.suggested_filename == "题库导入模板.xlsx"

    # Import in "add" mode: a preview first, nothing written until confirmed.
    page.set_input_files("#lc-bank", str(BANK))
    page.check("input[name=mode][value=add]")
    page.click(".lc-preview-import")
    page.wait_for_selector(".lc-confirm-import:not([hidden])")
    assert page.inner_text(".lc-import-preview").startswith(
        "预览：添加 30 道，修改 0 道，删除 0 道，不变 0 道；导入后题库共 30 道题。尚未保存。")
    assert CourseContentRuntime(author).get_block(USAGE).index.questions == ()
    screenshot(page, "author-builds-2-import-preview")
    page.click(".lc-confirm-import")
    page.wait_for_function("document.querySelector('.lc-import-preview').textContent.startsWith('已导入')")
    imported = page.inner_text(".lc-import-preview")
    assert imported.startswith("已导入：添加 30 道，修改 0 道，删除 0 道；题库现有 30 道题。")
    assert page.inner_text(".lc-bank-size") == "题库共有 30 道题。"
    assert page.locator(".lc-confirm-import").is_hidden()


def build_levels(page, author, screenshot):
    """Three levels, the second added from the keyboard; one of them placed wrong, then moved down."""
    page.click(".lc-add-level")
    page.focus(".lc-add-level")
    page.keyboard.press("Enter")
    page.click(".lc-add-level")
    assert page.locator(".lc-level-row").count() == 3
    fill_level(page, 0, title="第一关：基础知识", count=5, **{"quotas-easy": 3, "quotas-medium": 2})
    fill_level(page, 1, title="第三关：综合挑战", count=10, pass_percent=70, time_limit=15, attempts_allowed=3)
    fill_level(page, 2, title="第二关：工会法", count=10, tags="工会法")

    # A problem is named next to its field, in words, before anything is sent.
    assert page.inner_text("#lc-l2-count-error") == "题库中符合本关标签的题目只有 6 道。"
    assert page.get_attribute("#lc-l2-count", "aria-invalid") == "true"
    page.fill("#lc-l0-quotas-easy", "4")
    assert page.inner_text("#lc-l0-quotas-error") == "各难度题数合计 6 道，与本关题数 5 道不符。"
    screenshot(page, "author-builds-3-problems-next-to-fields")
    page.click(".lc-save")  # refused in the page: nothing is sent while a field is wrong
    assert page.inner_text(".lc-message") == "请先改正标出的问题再保存。"
    assert CourseContentRuntime(author).get_block(USAGE).levels == []
    page.fill("#lc-l0-quotas-easy", "3")
    page.fill("#lc-l2-count", "4")
    assert page.inner_text("#lc-l2-count-error") == "" and page.inner_text("#lc-l0-quotas-error") == ""

    page.focus('.lc-level-row[data-index="1"] .lc-down')
    page.keyboard.press("Enter")
    assert page.inner_text(".lc-message") == "“第三关：综合挑战”现在是第 3 关。"
    assert page.evaluate("document.activeElement.closest('.lc-level-row').dataset.index") == "2"
    assert page.input_value("#lc-l1-title") == "第二关：工会法"


def test_an_author_builds_a_three_level_challenge_without_json(live_server, chromium, screenshot):
    author, page = author_page(chromium, live_server)
    studio = page.locator(".lc-studio")
    assert studio.locator("textarea").count() == 0
    assert "题库共有 0 道题" in studio.inner_text() and "还没有关卡：请添加第一关。" in studio.inner_text()
    screenshot(page, "author-builds-1-empty")
    import_in_add_mode(page, author, screenshot)
    build_levels(page, author, screenshot)

    # Credits and hours for completing the block, checked as they are typed.
    page.fill("#lc-credits", "2.555")
    assert page.inner_text("#lc-credits-error") == "请填写不小于 0、最多两位小数的数，如 2 或 0.5。"
    page.fill("#lc-credits", "2")
    page.fill("#lc-hours", "1")
    assert page.inner_text("#lc-credits-error") == ""

    page.click(".lc-save")
    page.wait_for_function("document.querySelector('.lc-message').textContent.startsWith('已保存')")
    assert page.inner_text(".lc-message") == "已保存：30 道题。"
    screenshot(page, "author-builds-4-saved")

    block = CourseContentRuntime(author).get_block(USAGE)
    assert [(level.title, level.count, level.tags, level.quotas) for level in block.levels] == [
        ("第一关：基础知识", 5, (), {"easy": 3, "medium": 2}),
        ("第二关：工会法", 4, ("工会法",), {}),
        ("第三关：综合挑战", 10, (), {}),
    ]
    third = block.levels[2]
    assert (third.pass_percent, third.time_limit_seconds, third.attempts_allowed) == (70, 900, 3)
    assert len(block.index.questions) == 30

    from credit_plugin.ledger.models import CreditRule

    [rule] = CreditRule.objects.filter(block_key=str(usage_key(USAGE)), active=True)
    assert (rule.trigger, rule.credits, rule.hours) == ("block_completed", Decimal("2.00"), Decimal("1.00"))

    page.reload()
    page.wait_for_selector(".lc-level-row")
    assert [page.input_value(f"#lc-l{number}-title") for number in range(3)] == [
        "第一关：基础知识", "第二关：工会法", "第三关：综合挑战"]
    assert (page.input_value("#lc-credits"), page.input_value("#lc-hours")) == ("2.00", "1.00")

    page.set_viewport_size({"width": 360, "height": 740})  # the editor on a phone: nothing runs off the side
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "author-builds-5-phone")
