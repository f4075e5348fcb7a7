"""A learner plays the demo challenge on a phone: passes level 1, sees level 2 unlock, reviews wrong answers."""
import pytest

from tests.browser.conftest import log_in
from tests.factories import DEFAULT_PASSWORD, UserFactory
from xblocks.level_challenge.demo import demo_questions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ANSWERS = {question.id: question.answer for question in demo_questions()}


def answer_all(page, right: bool):
    for fieldset in page.locator(".lc-attempt fieldset").all():
        question_id = fieldset.get_attribute("data-question")
        wanted = ANSWERS[question_id]
        for box in fieldset.locator("input").all():
            value = box.get_attribute("value")
            if (value in wanted) == right:
                box.check()
                if not right:
                    break


def test_learner_passes_a_level_unlocks_the_next_and_reviews_wrong_questions(live_server, phone_page, screenshot):
    UserFactory(username="player")
    log_in(phone_page, live_server.url, "player", DEFAULT_PASSWORD)
    phone_page.goto(f"{live_server.url}/unit/level_challenge.0/")
    levels = phone_page.locator(".lc-level")
    assert levels.nth(0).get_attribute("data-status") == "open"
    assert levels.nth(1).get_attribute("data-status") == "locked"
    screenshot(phone_page, "level-challenge-levels")

    phone_page.locator(".lc-start").first.click()
    phone_page.wait_for_selector(".lc-attempt fieldset")
    assert phone_page.locator(".lc-attempt fieldset").count() == 5
    drawn = [fieldset.inner_text() for fieldset in phone_page.locator(".lc-attempt fieldset").all()]
    phone_page.reload()
    phone_page.wait_for_selector(".lc-attempt fieldset")
    assert [fieldset.inner_text() for fieldset in phone_page.locator(".lc-attempt fieldset").all()] == drawn
    answer_all(phone_page, right=True)
    screenshot(phone_page, "level-challenge-attempt")
    phone_page.keyboard.press("End")
    phone_page.locator(".lc-submit").click()
    phone_page.wait_for_selector(".lc-summary")
    assert "闯关成功" in phone_page.locator(".lc-message").inner_text()
    assert "积分: 50" in phone_page.locator(".lc-points").inner_text()
    assert phone_page.locator(".lc-right").count() == 5
    screenshot(phone_page, "level-challenge-passed")

    phone_page.locator(".lc-back").click()
    assert levels.nth(1).get_attribute("data-status") == "open"
    assert "积分: 50" in phone_page.locator(".lc-points").inner_text()

    levels.nth(1).locator(".lc-start").click()
    phone_page.wait_for_selector(".lc-attempt fieldset")
    answer_all(phone_page, right=False)
    phone_page.locator(".lc-submit").click()
    phone_page.wait_for_selector(".lc-summary")
    assert "本次未通过" in phone_page.locator(".lc-message").inner_text()
    phone_page.locator(".lc-back").click()
    phone_page.locator(".lc-show-review").click()
    phone_page.wait_for_selector(".lc-review-item")
    assert phone_page.locator(".lc-review-item").count() == 8
    assert phone_page.locator(".lc-review .lc-right").count() >= 8
    screenshot(phone_page, "level-challenge-review")


def test_a_learner_whose_open_questions_left_the_bank_is_told_and_starts_again(live_server, phone_page, screenshot):
    from tests.devhost_blocks import CourseContentRuntime

    author = UserFactory(username="author-of-the-bank", is_staff=True)
    UserFactory(username="changed")
    log_in(phone_page, live_server.url, "changed", DEFAULT_PASSWORD)
    phone_page.goto(f"{live_server.url}/unit/level_challenge.0/")
    phone_page.locator(".lc-start").first.click()
    phone_page.wait_for_selector(".lc-attempt fieldset")
    drawn = {fieldset.get_attribute("data-question") for fieldset in phone_page.locator(".lc-attempt fieldset").all()}

    challenge = CourseContentRuntime(author).get_block("level-challenge.level_challenge.d0.u0")
    challenge.set_bank([question for question in demo_questions() if question.id not in drawn])
    challenge.save()

    phone_page.reload()
    phone_page.wait_for_selector(".lc-level")
    assert phone_page.locator(".lc-attempt").is_hidden()
    assert "第 1 关" in phone_page.locator(".lc-message").inner_text()
    screenshot(phone_page, "level-challenge-attempt-closed")
    phone_page.locator(".lc-start").first.click()
    phone_page.wait_for_selector(".lc-attempt fieldset")
    assert not drawn & {fieldset.get_attribute("data-question")
                        for fieldset in phone_page.locator(".lc-attempt fieldset").all()}
