"""What the survey shows, without a runtime: whether it is open, the learner's answers, the topics picked."""
from datetime import UTC, datetime, timedelta

from survey_plugin.api import SubmittedAnswer
from xblocks.demand_survey import presentation
from xblocks.demand_survey.demo import demo_questions

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
TOPIC_NAMES = {"union-law": "工会法", "union-basics": "工会基础知识", "digital-union": "数字工会"}


def test_the_survey_is_open_only_between_its_dates():
    day = timedelta(days=1)
    assert presentation.window(NOW + day, None, NOW) == "not_open"
    assert presentation.window(None, NOW - day, NOW) == "closed"
    assert presentation.window(NOW - day, NOW + day, NOW) == presentation.window(None, None, NOW) == "open"


def test_the_topics_picked_are_read_from_the_topic_menus_only_in_order():
    answers = {"topics": SubmittedAnswer(question_id="topics", choices=("union-law", "digital-union"), ranked=True,
                                         topics=True),
               "role": SubmittedAnswer(question_id="role", choices=("chair",))}
    assert presentation.picked_topics(demo_questions(), answers) == ["union-law", "digital-union"]
    assert presentation.picked_topics(demo_questions(), {}) == []


def test_the_form_shows_the_learners_earlier_answer():
    answers = {"topics": SubmittedAnswer(question_id="topics", choices=("digital-union", "union-law"), ranked=True,
                                         topics=True)}
    form = {question["id"]: question for question in presentation.form_questions(demo_questions(), TOPIC_NAMES,
                                                                                  answers)}
    ranks = {choice["id"]: choice["rank"] for choice in form["topics"]["choices"] if choice["checked"]}
    assert ranks == {"digital-union": 1, "union-law": 2}


def test_every_word_of_the_page_goes_through_the_translation():
    words = presentation.ui_text(lambda text: f"«{text}»")
    assert words["saved"] == "«Thank you: your answers are saved.»"
    assert all(value.startswith("«") for value in words.values())
