"""A survey's responses as a file: who answered (named surveys only), the day, each answer, in a safe order."""
import dataclasses
import io

import pytest
from openpyxl import load_workbook

from survey_plugin import api
from survey_plugin.response_exports import response_rows
from tests.factories import UserFactory
from tests.survey_plugin.conftest import SURVEY, learner_account

pytestmark = pytest.mark.django_db
QUESTIONS = ["role", "score", "wish"]


def answer(info, learner_id, *, role="chair", score=4, wish=""):
    answers = [api.SubmittedAnswer(question_id="role", choices=(role,)),
               api.SubmittedAnswer(question_id="score", rating=score)]
    if wish:
        answers.append(api.SubmittedAnswer(question_id="wish", text=wish))
    api.submit_response(survey_key=info.survey_key, respondent=api.Respondent(learner_id=learner_account(learner_id)),
                        answers=answers)


def test_a_named_surveys_rows_say_who_answered_in_the_order_they_came():
    named = dataclasses.replace(SURVEY, anonymous=False)
    api.register_survey(survey=named)
    for username, wish in [("wang", "多些案例"), ("li", "")]:
        answer(named, UserFactory(username=username, name="王小纲" if username == "wang" else "李明").id,
               wish=wish)
    rows = list(response_rows(survey_key=named.survey_key, question_ids=QUESTIONS))
    assert [row[:2] for row in rows] == [["wang", "王小纲"], ["li", "李明"]]
    assert rows[0][3:] == ["chair", "4", "多些案例"] and rows[1][3:] == ["chair", "4", ""]


def test_an_anonymous_surveys_rows_name_nobody_and_do_not_follow_the_order_they_came(survey):
    from survey_plugin.responses import respondent_key

    learners = [UserFactory(username=f"respondent{number}") for number in range(6)]
    for learner in learners:
        answer(survey, learner.id, score=learner.id % 5 + 1)
    rows = list(response_rows(survey_key=survey.survey_key, question_ids=QUESTIONS))
    by_key = sorted(learners, key=lambda learner: respondent_key(survey.survey_key, learner.id))
    assert [row[2] for row in rows] == [str(learner.id % 5 + 1) for learner in by_key]
    assert all(len(row) == 1 + len(QUESTIONS) for row in rows)  # the day and the answers, nothing else


def test_the_file_has_the_header_it_was_given_and_every_response(survey):
    for learner_id in range(3):
        answer(survey, learner_id, wish="@SUM(A1)")
    header = ["日期", "角色", "评分", "建议"]
    content = api.response_file(survey_key=survey.survey_key, file_format="xlsx", header=header,
                                question_ids=QUESTIONS, title="学习需求调查")
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.title == "学习需求调查" and [cell.value for cell in sheet[1]] == header
    assert [(cell.value, cell.data_type) for cell in sheet["D"][1:]] == [("@SUM(A1)", "s")] * 3
    csv = api.response_file(survey_key=survey.survey_key, file_format="csv", header=header, question_ids=QUESTIONS,
                            title="学习需求调查").decode("utf-8-sig")
    assert csv.splitlines()[0] == "日期,角色,评分,建议" and csv.count("'@SUM(A1)") == 3


def test_a_survey_nobody_answered_exports_its_header_only():
    content = api.response_file(survey_key="block-v1:SDFTU+X+2026+type@demand_survey+block@none", file_format="csv",
                                header=["日期"], question_ids=[], title="空")
    assert content.decode("utf-8-sig") == "日期\r\n"
