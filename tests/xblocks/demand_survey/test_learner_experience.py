"""The survey's learner side of issue 17: every problem reported at once, per question, and the saved state."""
import json

import pytest

from survey_plugin import api as survey_api
from survey_plugin.models import SurveyResponse
from tests.devhost_blocks import lms_handler
from tests.xblocks.demand_survey.test_block import GOOD, USAGE, survey_settings  # noqa: F401 (a fixture)
from xblocks.demand_survey.demo import DEMO_TOPICS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def catalogue(db):
    for code, name, description in DEMO_TOPICS:
        survey_api.save_topic(code=code, name=name, description=description)


def submit(client, answers):
    response = client.post(lms_handler(USAGE, "submit"), data=json.dumps({"answers": answers}),
                           content_type="application/json")
    return response.status_code, response.json()


def test_every_problem_comes_back_at_once_each_with_its_question(learner_client):
    status, data = submit(learner_client, {**GOOD, "role": None, "formats": ["video", "case", "quiz"],
                                           "usefulness": 9, "times": ["evening", "lunch"]})
    assert status == 400
    assert {question: error["error"] for question, error in data["errors"].items()} == {
        "role": "required", "formats": "too_many_picks", "usefulness": "bad_rating", "times": "incomplete_ranking"}
    assert all(error["message"] for error in data["errors"].values())
    assert "4" in data["message"]  # the summary counts them
    assert SurveyResponse.objects.count() == 0  # all or nothing


def test_one_problem_keeps_its_own_message_and_is_named_too(learner_client):
    status, data = submit(learner_client, {**GOOD, "formats": ["video", "case", "quiz"]})
    assert (status, data["error"], list(data["errors"])) == (400, "too_many_picks", ["formats"])
    assert data["message"] == data["errors"]["formats"]["message"]


def test_a_named_survey_says_submitted_and_offers_to_change(learner_client, survey_settings):  # noqa: F811
    survey_settings(anonymous=False)
    page = learner_client.get("/unit/demand_survey.0/").content.decode()
    assert '<span class="ds-submitted">已提交</span>' not in page and "修改答案</button>" not in page
    assert submit(learner_client, GOOD)[0] == 200
    page = learner_client.get("/unit/demand_survey.0/").content.decode()
    assert '<span class="ds-submitted">已提交</span>' in page and 'data-answered="true"' in page
    assert "修改答案</button>" in page


def test_an_anonymous_survey_once_answered_offers_no_change(learner_client):
    assert submit(learner_client, GOOD)[0] == 200
    page = learner_client.get("/unit/demand_survey.0/").content.decode()
    assert '<form class="demand-survey__form"' not in page and '<button type="submit" class="ds-submit">' not in page
