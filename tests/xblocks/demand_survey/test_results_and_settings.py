"""
Who sees which results, and the survey settings a response is held to: the settings learners were
shown when the LMS rendered the survey (never a draft in Studio's preview).
"""
import json
from datetime import UTC, datetime, timedelta

import pytest

from devhost.course_structure import DEMO_COURSE_KEY
from devhost.runtimes.studio import StudioPreviewRuntime
from survey_plugin import api as survey_api
from survey_plugin.models import Survey, SurveyResponse
from tests.devhost_blocks import CourseContentRuntime, lms_handler, studio_handler
from tests.factories import UserFactory
from tests.xblocks.demand_survey.test_block import GOOD, USAGE, submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def catalogue(db):
    from xblocks.demand_survey.demo import DEMO_TOPICS

    for code, name, description in DEMO_TOPICS:
        survey_api.save_topic(code=code, name=name, description=description)


def answer_as(client, number, wish):
    client.force_login(UserFactory(username=f"respondent{number}"))
    status, data = submit(client, {**GOOD, "wish": wish})
    assert status == 200, data
    return data


def block_for(user, *, author_mode=False):
    """The survey as the learner's LMS runtime shows it (its content changeable), or in Studio's preview."""
    runtime = StudioPreviewRuntime(user, DEMO_COURSE_KEY, session={}) if author_mode else CourseContentRuntime(user)
    return runtime, runtime.get_block(USAGE)


def test_learners_see_the_counts_but_never_other_learners_free_text(client, settings):
    settings.CADRE_SURVEY_MIN_GROUP_SIZE = 2
    answer_as(client, 1, "第一位学员的私下建议")
    data = answer_as(client, 2, "第二位学员的私下建议")
    wish = next(question for question in data["results"]["questions"] if question["id"] == "wish")
    assert (wish["text_answers"], wish["texts"]) == (2, [])
    assert "私下建议" not in data["results_html"] and "2 条文字回答" in data["results_html"]
    page = client.get("/unit/demand_survey.0/").content.decode()  # a learner who answered comes back
    assert "目前的调查结果" in page
    assert "第一位学员的私下建议" not in page
    # Nor their own: an anonymous answer leads back to nobody, so it is not shown back, or offered to change.
    assert "第二位学员的私下建议" not in page and "不能再向您显示" in page


def test_staff_read_the_free_text_in_alphabetical_order_not_in_the_order_it_came(client, staff_user, settings):
    settings.CADRE_SURVEY_MIN_GROUP_SIZE = 1
    for number, wish in enumerate(["C 最后到的", "A 中间到的", "B 最先到的"][::-1]):
        answer_as(client, number, wish)
    client.force_login(staff_user)
    data = client.post(lms_handler(USAGE, "results"), data="{}", content_type="application/json").json()
    wish = next(question for question in data["questions"] if question["id"] == "wish")
    assert wish["texts"] == ["A 中间到的", "B 最先到的", "C 最后到的"]
    assert (wish["text_answers"], wish["texts_cut"]) == (3, False)


def test_staff_are_told_when_only_the_first_answers_are_shown(client, staff_user, settings, monkeypatch):
    from survey_plugin import results

    settings.CADRE_SURVEY_MIN_GROUP_SIZE = 1
    monkeypatch.setattr(results, "MAX_TEXTS_SHOWN", 2)
    for number, wish in enumerate(["丙", "甲", "乙"]):
        answer_as(client, number, wish)
    client.force_login(staff_user)
    page = client.get("/unit/demand_survey.0/").content.decode()
    assert "3 条文字回答" in page
    assert "按字母顺序显示前 2 条；导出文件包含全部回答" in page
    data = client.post(lms_handler(USAGE, "results"), data="{}", content_type="application/json").json()
    assert next(q for q in data["questions"] if q["id"] == "wish")["texts"] == sorted(["丙", "甲", "乙"])[:2]


def test_rendering_for_learners_registers_the_settings_they_are_shown(learner):
    runtime, block = block_for(learner)
    block.closes_at = "2030-06-30T18:00:00+08:00"
    block.editable = False
    runtime.render(block, "student_view")
    survey = Survey.objects.get()
    assert (survey.anonymous, survey.editable) == (True, False)
    assert survey.closes_at == datetime(2030, 6, 30, 10, tzinfo=UTC)


def test_studios_preview_of_a_draft_registers_nothing(learner):
    runtime, block = block_for(learner, author_mode=True)
    runtime.render(block, "student_view")
    assert not Survey.objects.exists()


def test_a_response_is_held_to_the_settings_learners_were_shown(learner_client, learner):
    """An author's later change reaches learners when the page is next shown, and then holds at once."""
    runtime, block = block_for(learner)
    block.anonymous = False  # a named survey: an anonymous response cannot be changed at all
    block.save()
    assert learner_client.get("/unit/demand_survey.0/").status_code == 200  # open, editable
    assert submit(learner_client, GOOD)[0] == 200
    runtime, block = block_for(learner)
    block.closes_at = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    block.save()
    assert submit(learner_client, {**GOOD, "role": "vice"})[0] == 200  # the page they have still said "open"
    assert "问卷已截止。" in learner_client.get("/unit/demand_survey.0/").content.decode()
    status, data = submit(learner_client, {**GOOD, "role": "staff"})
    assert (status, data["error"]) == (400, "closed")
    assert SurveyResponse.objects.get().answers.get(question_id="role").choices == ["vice"]


def test_a_survey_answered_before_any_page_was_shown_is_registered_by_its_first_response(learner_client):
    assert not Survey.objects.exists()
    assert submit(learner_client, GOOD)[0] == 200
    assert survey_api.response_count(survey_key=Survey.objects.get().survey_key) == 1


def test_studio_refuses_a_date_without_a_time_zone(client, staff_user):
    client.force_login(staff_user)
    questions = json.dumps([{"id": "q", "kind": "text", "prompt": "您的建议"}], ensure_ascii=False)
    response = client.post(studio_handler(USAGE, "studio_submit"), content_type="application/json",
                           data=json.dumps({"questions": questions, "closes_at": "2026-12-31T18:00"}))
    assert response.status_code == 400
    assert "2026-12-31T18:00" in response.json()["message"]


def test_answers_are_refused_when_the_privacy_changed_after_the_page_was_shown(learner_client, learner):
    """A learner told "anonymous" never has their answer kept with their name, nor the other way round."""
    assert learner_client.get("/unit/demand_survey.0/").status_code == 200  # anonymous, as the demo survey is
    runtime, block = block_for(learner)
    block.anonymous = False
    block.save()
    runtime.render(block, "student_view")  # someone opens the survey, now named: that registers it
    response = learner_client.post(lms_handler(USAGE, "submit"), content_type="application/json",
                                   data=json.dumps({"answers": GOOD, "anonymous": True}))
    assert (response.status_code, response.json()["error"]) == (400, "privacy_changed")
    assert not SurveyResponse.objects.exists()
    response = learner_client.post(lms_handler(USAGE, "submit"), content_type="application/json",
                                   data=json.dumps({"answers": GOOD, "anonymous": False}))
    assert response.status_code == 200
    assert SurveyResponse.objects.get().user_id == learner.id


def test_a_privacy_flag_that_is_not_true_or_false_is_refused_and_nothing_stored(learner_client):
    response = learner_client.post(lms_handler(USAGE, "submit"), content_type="application/json",
                                   data=json.dumps({"answers": GOOD, "anonymous": "yes"}))
    assert (response.status_code, response.json()["error"]) == (400, "malformed")
    assert "anonymous" in response.json()["message"]
    assert not SurveyResponse.objects.exists()


def test_a_survey_saved_before_the_list_field_keeps_its_questions_until_its_next_save(client, staff_user, learner):
    """Version 0.1 kept the questions as JSON text; renaming the field must not lose them."""
    runtime, block = block_for(learner)
    questions = [question.to_dict() for question in block.questions]
    block._field_data.delete(block, "question_list")
    block._field_data.set(block, "questions_json", json.dumps(questions, ensure_ascii=False))
    _runtime, old = block_for(learner)
    assert old.question_list == [] and [question.to_dict() for question in old.questions] == questions
    client.force_login(learner)
    assert submit(client, GOOD)[0] == 200
    client.force_login(staff_user)
    response = client.post(studio_handler(USAGE, "studio_submit"), content_type="application/json",
                           data=json.dumps({"questions": json.dumps(questions, ensure_ascii=False)}))
    assert response.json()["saved"] is True
    _runtime, saved = block_for(learner)
    assert len(saved.question_list) == 6 and not saved.fields["questions_json"].is_set_on(saved)
