"""A person logs in to the devhost and opens each block's unit, in a real browser."""
import pytest

from tests.browser.conftest import log_in
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("scenario_id", "title"), [("level_challenge.0", "工会基础知识闯关"), ("demand_survey.0", "工会干部学习需求调查")]
)
def test_learner_logs_in_and_opens_each_block(live_server, phone_page, screenshot, scenario_id, title):
    UserFactory(username="browser_learner")
    log_in(phone_page, live_server.url, "browser_learner", DEFAULT_PASSWORD)
    phone_page.click(f"a[href='/unit/{scenario_id}/']")
    heading = phone_page.locator(".xblock-v1 h2")
    assert heading.inner_text() == title
    assert phone_page.locator("header.devhost .who").inner_text() == "王小纲"
    path = screenshot(phone_page, f"unit-{scenario_id}")
    assert path.stat().st_size > 1000


def test_language_switch_shows_english(live_server, phone_page, screenshot):
    UserFactory(username="browser_learner")
    log_in(phone_page, live_server.url, "browser_learner", DEFAULT_PASSWORD)
    with phone_page.expect_navigation():  # the switch submits a form; wait for the page it leads to
        phone_page.select_option("#language-select", "en")
    assert phone_page.locator("a.brand").inner_text() == "Union cadre training"
    screenshot(phone_page, "home-english")
