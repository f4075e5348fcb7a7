"""
A learner's page in zh-cn shows the Chinese the blocks' scripts write: from the platform's
JavaScript catalog once compile_xblock_translations made one, and from the server's words without it.
"""
import pytest

from tests.browser.conftest import log_in
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CATALOG = "/static/js/xblock.v1-i18n/xblocks/zh_CN.js"


def open_challenge(page, base_url):
    UserFactory(username="reader")
    loaded = []
    page.on("response", lambda response: loaded.append((response.url, response.status)))
    log_in(page, base_url, "reader", DEFAULT_PASSWORD)
    page.goto(f"{base_url}/unit/level_challenge.0/")
    page.wait_for_selector(".lc-level .lc-badge")
    return loaded


def test_the_scripts_write_chinese_from_the_platform_s_javascript_catalog(
        live_server, phone_page, screenshot, pulled_xblock_catalogs):
    loaded = open_challenge(phone_page, live_server.url)
    assert (f"{live_server.url}{CATALOG}", 200) in loaded
    assert phone_page.evaluate("window.CadreTrainingI18N.gettext('Points')") == "积分"
    assert phone_page.locator(".lc-points").inner_text().startswith("积分: 0 /")
    assert phone_page.locator(".lc-level .lc-badge").first.inner_text() == "可闯关"
    assert phone_page.locator(".lc-start").first.inner_text() == "开始闯关"
    screenshot(phone_page, "level-challenge-javascript-catalog")


def test_without_a_javascript_catalog_the_scripts_write_the_server_s_chinese(live_server, phone_page):
    loaded = open_challenge(phone_page, live_server.url)
    assert not any(CATALOG in url for url, _status in loaded)
    assert phone_page.evaluate("typeof window.CadreTrainingI18N") == "undefined"
    assert phone_page.locator(".lc-points").inner_text().startswith("积分: 0 /")
    assert phone_page.locator(".lc-start").first.inner_text() == "开始闯关"
