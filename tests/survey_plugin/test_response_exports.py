"""
A survey's responses as a file: a named survey's say who answered what, when, with option texts; an
anonymous survey's are its published counts, with no row of one response.
"""
import dataclasses
import io

import pytest
from openpyxl import load_workbook

from survey_plugin import api
from survey_plugin.response_exports import response_rows
from tests.factories import UserFactory
from tests.survey_plugin.conftest import SURVEY, learner_account

pytestmark = pytest.mark.django_db
QUESTIONS = [api.ExportQuestion(question_id="role", prompt="角色", options={"chair": "工会主席", "member": "会员"}),
             api.ExportQuestion(question_id="score", prompt="评分"),
             api.ExportQuestion(question_id="wish", prompt="建议")]


def answer(info, learner_id, *, role="chair", score=4, wish=""):
    answers = [api.SubmittedAnswer(question_id="role", choices=(role,)),
               api.SubmittedAnswer(question_id="score", rating=score)]
    if wish:
        answers.append(api.SubmittedAnswer(question_id="wish", text=wish))
    api.submit_response(survey_key=info.survey_key, respondent=api.Respondent(learner_id=learner_account(learner_id)),
                        answers=answers)


def test_a_named_surveys_rows_say_who_answered_by_day_and_username():
    named = dataclasses.replace(SURVEY, anonymous=False)
    api.register_survey(survey=named)
    for username, wish in [("wang", "多些案例"), ("li", "")]:
        answer(named, UserFactory(username=username, name="王小纲" if username == "wang" else "李明").id,
               wish=wish)
    rows = list(response_rows(survey_key=named.survey_key, questions=QUESTIONS))
    assert [row[:2] for row in rows] == [["li", "李明"], ["wang", "王小纲"]]
    assert rows[1][3:] == ["工会主席", "4", "多些案例"] and rows[0][3:] == ["工会主席", "4", ""]  # texts, not ids


def test_an_anonymous_surveys_file_is_its_published_counts_with_option_texts(survey):
    learners = [UserFactory(username=f"respondent{number}") for number in range(6)]
    for number, learner in enumerate(learners):
        answer(survey, learner.id, role="member" if number == 0 else "chair", score=number % 2 + 3,
               wish="多些案例" if number == 1 else "")
    rows = list(response_rows(survey_key=survey.survey_key, questions=QUESTIONS))
    # The first five are published; the sixth waits for a batch of its own.
    assert rows == [["回答人数", "", 5, ""], ["角色", "工会主席", 4, ""], ["角色", "会员", 1, ""],
                    ["评分", "3", 3, ""], ["评分", "4", 2, ""],
                    ["建议", "填写了回答", 1, ""], ["建议", "多些案例", "", ""]]
    assert not any("respondent" in str(cell) for row in rows for cell in row)


def test_an_anonymous_survey_under_five_exports_no_answer(survey):
    for learner_id in range(4):
        answer(survey, learner_id, wish="只有我写了")
    rows = list(response_rows(survey_key=survey.survey_key, questions=QUESTIONS))
    assert len(rows) == 1 and "不足 5 份" in rows[0][0] and "只有我写了" not in str(rows)


def test_the_file_has_the_header_it_was_given_and_every_response(survey):
    named = dataclasses.replace(SURVEY, anonymous=False)
    api.register_survey(survey=named)
    for learner_id in range(3):
        answer(named, learner_account(learner_id + 1), wish="@SUM(A1)")
    header = ["用户名", "姓名", "日期", "角色", "评分", "建议"]
    content = api.response_file(survey_key=named.survey_key, file_format="xlsx", header=header,
                                questions=QUESTIONS, title="学习需求调查")
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.title == "学习需求调查" and [cell.value for cell in sheet[1]] == header
    assert [(cell.value, cell.data_type) for cell in sheet["F"][1:]] == [("@SUM(A1)", "s")] * 3
    csv = api.response_file(survey_key=named.survey_key, file_format="csv", header=header, questions=QUESTIONS,
                            title="学习需求调查").decode("utf-8-sig")
    assert csv.splitlines()[0] == "用户名,姓名,日期,角色,评分,建议" and csv.count("'@SUM(A1)") == 3


def test_an_anonymous_surveys_file_has_its_own_header_and_neutralised_text(survey):
    for learner_id in range(5):
        answer(survey, learner_account(learner_id + 1), wish="@SUM(A1)")
    csv = api.response_file(survey_key=survey.survey_key, file_format="csv", header=["用户名"], questions=QUESTIONS,
                            title="学习需求调查").decode("utf-8-sig")
    assert csv.splitlines()[0] == "问题,答案,人数,平均名次" and "'@SUM(A1)" in csv


def test_a_survey_nobody_answered_exports_its_header_only():
    content = api.response_file(survey_key="block-v1:SDFTU+X+2026+type@demand_survey+block@none", file_format="csv",
                                header=["日期"], questions=[], title="空")
    assert content.decode("utf-8-sig") == "日期\r\n"


def test_an_anonymous_surveys_file_has_every_published_text_not_only_the_first_hundred(survey, monkeypatch):
    from survey_plugin import results

    monkeypatch.setattr(results, "MAX_TEXTS_SHOWN", 2)  # what the page shows; the file has them all
    for learner_id in range(5):
        answer(survey, learner_id + 1, wish=f"建议{learner_id}")
    rows = list(response_rows(survey_key=survey.survey_key, questions=QUESTIONS))
    assert [row[1] for row in rows if row[0] == "建议"][1:] == [f"建议{number}" for number in range(5)]
