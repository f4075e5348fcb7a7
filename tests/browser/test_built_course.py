"""A learner opens a unit of the course `cadre-course build` made from the example outline, on a phone."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_learner_opens_a_built_unit_with_its_video_and_text(live_server, phone_page, screenshot):
    UserFactory(username="browser_learner")
    log_in(phone_page, live_server.url, "browser_learner", DEFAULT_PASSWORD)
    phone_page.click("a[href='/unit/cadre_demo.built_c1s1u1/']")
    expect(phone_page.get_by_text("《中华人民共和国工会法》明确了工会的性质、职责和权利。")).to_be_visible()
    expect(phone_page.get_by_text("edx_video_id：union-law-essentials", exact=False)).to_be_visible()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    screenshot(phone_page, "built-course-unit")
