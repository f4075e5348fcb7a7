"""
A cadre on a 360-px phone (issue 17): the challenge says which question is in view and how many are
answered, keeps its timer on screen, asks before submitting blanks, marks the learner's own answer in
words, numbers the 错题本 and lets them practise it; the survey shows every problem at once.
"""
import pytest

from devhost.demo_topics import seed_demo_topics
from tests.browser.conftest import SCREENSHOTS, log_in
from tests.factories import DEFAULT_PASSWORD, UserFactory
from xblocks.level_challenge.demo import demo_questions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ANSWERS = {question.id: question.answer for question in demo_questions()}


def answer(fieldset, right: bool):
    wanted = ANSWERS[fieldset.get_attribute("data-question")]
    for box in fieldset.locator("input").all():
        if (box.get_attribute("value") in wanted) == right:
            box.check()
            if not right:
                return


def on_screen(page, selector) -> bool:
    box = page.locator(selector).bounding_box()  # relative to the viewport
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 740


def test_a_learner_plays_reviews_and_practises_on_a_phone(live_server, phone_page, screenshot):
    UserFactory(username="phone-player")
    log_in(phone_page, live_server.url, "phone-player", DEFAULT_PASSWORD)
    phone_page.goto(f"{live_server.url}/unit/level_challenge.0/")
    first_level_with_a_blank(phone_page, screenshot)
    points = timed_level_all_wrong(phone_page)
    book_practice_and_mastered(phone_page, screenshot, points)


def first_level_with_a_blank(page, screenshot):
    page.locator(".lc-start").first.click()
    page.wait_for_selector(".lc-attempt fieldset")
    sets = page.locator(".lc-attempt fieldset").all()
    assert len(sets) == 5
    assert page.inner_text(".lc-where") == "第 1/5 题"
    assert page.inner_text(".lc-count") == "已答 0/5"

    for fieldset in sets[:3]:
        answer(fieldset, right=True)
    answer(sets[3], right=False)  # the fifth stays blank
    assert page.inner_text(".lc-count") == "已答 4/5"
    sets[4].scroll_into_view_if_needed()
    page.mouse.wheel(0, 2000)
    page.wait_for_function("document.querySelector('.lc-where').textContent === '第 5/5 题'")

    # Cancelling the confirmation keeps the attempt: nothing is sent, nothing graded.
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.locator(".lc-submit").click()
    assert asked == ["还有 1 题未作答，确定提交？"]
    assert page.locator(".lc-summary").count() == 0 and page.locator(".lc-submit").is_visible()
    blank = sets[4].get_attribute("data-question")  # the learner is taken to the question left blank
    assert page.evaluate("document.activeElement.closest('fieldset').dataset.question") == blank
    assert page.inner_text(".lc-where") == "第 5/5 题"
    screenshot(page, "phone-quiz-before-submitting")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".lc-submit").click()
    page.wait_for_selector(".lc-summary")
    assert "60%" in page.inner_text(".lc-summary")  # three of five: the blank one counts as wrong

    # The review marks my own answer and the right one in words.
    wrong_set = page.locator(".lc-attempt fieldset").nth(3)
    mine = wrong_set.locator("label.lc-mine-wrong")
    assert mine.count() == 1 and "我的答案" in mine.inner_text()
    assert "正确答案" in wrong_set.locator("label.lc-is-answer").first.inner_text()
    assert "未作答" in page.locator(".lc-attempt fieldset").nth(4).inner_text()
    screenshot(page, "phone-quiz-review-my-answer")



def timed_level_all_wrong(page) -> str:
    """Level 2 has a time limit: the bar with the timer stays on screen at the bottom of the page."""
    page.locator(".lc-back").click()
    page.locator(".lc-level").nth(1).locator(".lc-start").click()
    page.wait_for_selector(".lc-attempt fieldset")
    assert page.locator(".lc-attempt fieldset").count() == 8
    assert page.locator(".lc-summary").count() == 0  # the last attempt's results are gone
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(300)
    assert page.evaluate("window.scrollY") > 500
    assert on_screen(page, ".lc-timer") and on_screen(page, ".lc-where")
    assert page.inner_text(".lc-where") == "第 8/8 题"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "phone-quiz-sticky-timer.png"))  # the viewport, scrolled down
    for fieldset in page.locator(".lc-attempt fieldset").all():
        answer(fieldset, right=False)
    page.locator(".lc-submit").click()
    page.wait_for_selector(".lc-summary")
    return page.inner_text(".lc-points")


def book_practice_and_mastered(page, screenshot, points):
    """The 错题本: numbered, with my answer, the right answer and the explanation; practice; 已掌握."""
    page.locator(".lc-back").click()
    page.locator(".lc-show-review").click()
    page.wait_for_selector(".lc-review-item")
    items = page.locator(".lc-review-item")
    assert items.count() == 10
    first = items.first.inner_text()
    assert first.startswith("1.") and "我的答案" in first and "正确答案" in first and "解析" in first
    assert items.nth(9).locator(".lc-number").inner_text() == "10."
    screenshot(page, "phone-wrong-question-book")

    # 重练错题: not graded, no points.
    page.locator(".lc-practice").click()
    page.wait_for_selector(".lc-attempt fieldset")
    assert "练习不计分" in page.inner_text(".lc-message")
    for fieldset in page.locator(".lc-attempt fieldset").all():
        answer(fieldset, right=True)
    page.locator(".lc-submit").click()
    page.wait_for_selector(".lc-attempt .lc-back")
    assert page.locator(".lc-attempt p.lc-right").count() == 10
    assert page.inner_text(".lc-points") == points
    screenshot(page, "phone-practice-checked")

    # 已掌握 takes a question out of the book.
    page.locator(".lc-attempt .lc-back").click()
    page.wait_for_selector(".lc-review-item")
    page.locator(".lc-mastered").first.click()
    page.wait_for_function("document.querySelectorAll('.lc-review-item').length === 9")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_survey_shows_every_problem_at_once_next_to_its_question(live_server, phone_page, screenshot):
    seed_demo_topics()
    UserFactory(username="phone-answerer")
    page = phone_page
    log_in(page, live_server.url, "phone-answerer", DEFAULT_PASSWORD)
    page.goto(f"{live_server.url}/unit/demand_survey.0/")
    topics = page.locator("fieldset[data-question=topics]")
    topics.locator("select[data-choice=union-basics]").select_option("1")
    topics.locator("select[data-choice=union-law]").select_option("1")  # two topics ranked first
    for value in ("video", "live", "case"):  # three where two are allowed
        page.check(f"input[name=formats][value={value}]")
    page.locator("button.ds-submit").click()  # the role and the rating are not answered either
    page.wait_for_selector(".ds-message:not(:empty)")
    errors = {fieldset.get_attribute("data-question"): fieldset.locator(".ds-error").inner_text()
              for fieldset in page.locator(".ds-question--invalid").all()}
    assert errors == {"role": "此题必答。", "topics": "每个名次只能给一项：1。", "formats": "最多选 2 项。",
                      "usefulness": "此题必答。"}
    assert "有 4 道题需要修改" in page.inner_text(".ds-message")
    screenshot(page, "phone-survey-all-problems")

    page.uncheck("input[name=formats][value=live]")  # a fixed question loses its note at once
    assert page.locator("fieldset[data-question=formats] .ds-error").is_hidden()
    page.check("input[name=role][value=chair]")
    topics.locator("select[data-choice=union-law]").select_option("2")
    page.check("input[name=usefulness][value='4']")
    page.locator("button.ds-submit").click()
    page.wait_for_selector(".ds-saved")
    assert page.locator(".ds-question--invalid").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_named_survey_says_submitted_and_offers_to_change_the_answers(live_server, phone_page, screenshot):
    from tests.devhost_blocks import CourseContentRuntime

    seed_demo_topics()
    survey = CourseContentRuntime(UserFactory(username="survey-author", is_staff=True)).get_block(
        "demand-survey.demand_survey.d0.u0")
    survey.anonymous = False
    survey.save()
    UserFactory(username="named-answerer")
    page = phone_page
    log_in(page, live_server.url, "named-answerer", DEFAULT_PASSWORD)
    page.goto(f"{live_server.url}/unit/demand_survey.0/")
    page.check("input[name=role][value=chair]")
    page.locator("fieldset[data-question=topics] select[data-choice=union-basics]").select_option("1")
    page.check("input[name=formats][value=video]")
    page.check("input[name=usefulness][value='4']")
    button = page.locator("button.ds-submit")
    assert button.inner_text() == "提交"
    button.click()
    page.wait_for_selector(".ds-saved")
    assert button.inner_text() == "修改答案" and page.inner_text(".ds-submitted") == "已提交"
    screenshot(page, "phone-survey-named-submitted")
    page.reload()
    assert page.locator("button.ds-submit").inner_text() == "修改答案"
    assert page.inner_text(".ds-submitted") == "已提交"


def test_the_leaderboard_has_headers(live_server, phone_page):
    UserFactory(username="board-player")
    page = phone_page
    log_in(page, live_server.url, "board-player", DEFAULT_PASSWORD)
    page.goto(f"{live_server.url}/unit/level_challenge.0/")
    page.locator(".lc-start").first.click()
    page.wait_for_selector(".lc-attempt fieldset")
    for fieldset in page.locator(".lc-attempt fieldset").all():
        answer(fieldset, right=True)
    page.locator(".lc-submit").click()
    page.wait_for_selector(".lc-summary")
    page.locator(".lc-show-board").click()
    page.wait_for_selector(".lc-board table")
    assert page.locator(".lc-board thead th").all_inner_texts() == ["排名", "姓名", "积分"]
    assert page.locator(".lc-board tbody tr.lc-me td").all_inner_texts()[2] == "50"
