"""Checking a survey author's edit without a runtime: every problem listed at once, nothing half-read."""
import json
from datetime import datetime, timedelta, timezone

import pytest

from xblocks.demand_survey.answers import AnswerError
from xblocks.demand_survey.authoring import read_survey_edit, studio_context
from xblocks.demand_survey.demo import demo_questions

pytestmark = pytest.mark.usefixtures("english")  # messages are asserted in English; zh_CN is tested apart
LABELS = {"opens_at": "Opens", "closes_at": "Closes"}
TOPICS = {"union-law", "union-basics", "union-finance", "digital-union"}
QUESTIONS = json.dumps([question.to_dict() for question in demo_questions()], ensure_ascii=False)


def read(**data):
    return read_survey_edit({"questions": QUESTIONS, **data}, translate=str, topic_codes=TOPICS, date_labels=LABELS)


def test_a_complete_edit_keeps_what_the_form_left_out_unset():
    edit = read(display_name="需求调查", closes_at="2026-12-31T23:59+08:00", anonymous=False, dry_run=True)
    assert (edit.display_name, len(edit.questions), edit.intro, edit.flags, edit.dry_run) == (
        "需求调查", 6, None, {"anonymous": False}, True)
    assert edit.closes_at == datetime(2026, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=8)))
    assert edit.opens_at is None


def test_every_problem_is_listed_at_once():
    questions = json.dumps([{"id": "q", "kind": "topics", "prompt": "选主题", "topics": ["no-such-topic"]},
                            {"id": "q", "kind": "text", "prompt": ""}])
    with pytest.raises(AnswerError) as refused:
        read(questions=questions, opens_at="2026-12-01T09:00")
    lines = refused.value.message.split("\n")
    assert refused.value.code == "bad_questions"
    assert "question 2 (q): the question has no text" in lines
    assert "question ids used twice: q" in lines
    assert "question q: not topics of the catalogue: no-such-topic" in lines
    assert any(line.startswith("Opens: 2026-12-01T09:00 has no time zone") for line in lines)


@pytest.mark.parametrize("questions", ["{", '{"id": "q"}', '[{"id": "q", "kind": "essay"}]'])
def test_questions_that_cannot_be_read_are_refused(questions):
    with pytest.raises(AnswerError, match="The questions are not valid"):
        read(questions=questions)


def test_the_editor_shows_the_questions_as_json_and_the_dates_as_written():
    context = studio_context(questions=demo_questions(), opens_at=None, topics=(),
                             closes_at=datetime(2026, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=8))))
    assert len(json.loads(context["questions_text"])) == 6
    assert (context["opens_at"], context["closes_at"], context["problems"]) == ("", "2026-12-31T23:59+08:00", [])
