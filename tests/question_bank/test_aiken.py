"""Aiken: single-choice questions in and out; everything else reported, never dropped silently."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank.api import QuestionKind, read_bank, write_bank

pytestmark = pytest.mark.usefixtures("english")  # messages are asserted in English; zh_CN is tested apart


def read_aiken(data):
    return read_bank(data, filename="bank.aiken")


def write_aiken(questions):
    return write_bank(questions, filename="bank.aiken")



AIKEN = """基层工会委员会每届任期为？
A. 一年
B) 二年
C、三年或五年
ANSWER: C

工会经费拨缴比例是？
A. 百分之一
B. 百分之二
ANSWER: E
"""


def test_options_in_each_common_style_are_read():
    questions, _problems = read_aiken(AIKEN.encode())
    (question,) = questions
    assert question.kind == QuestionKind.SINGLE
    assert [option.text for option in question.options] == ["一年", "二年", "三年或五年"]
    assert question.answer == ("C",)


def test_an_answer_naming_a_missing_option_is_reported_on_its_line():
    _questions, problems = read_aiken(AIKEN.encode())
    assert [str(problem) for problem in problems] == ['row 10: "E" is not an option']


def test_a_question_without_answer_line_is_reported():
    _questions, problems = read_aiken("问？\nA. 甲\nB. 乙\n".encode())
    assert "no ANSWER: line" in problems[0].message


def test_only_single_choice_is_written_and_the_rest_reported_as_skipped(example_questions):
    data, skipped = write_aiken(example_questions)
    singles = [question for question in example_questions if question.kind == QuestionKind.SINGLE]
    again, problems = read_aiken(data)
    assert problems == []
    assert [(q.stem, q.options, q.answer) for q in again] == [(q.stem, q.options, q.answer) for q in singles]
    assert len(skipped) == len(example_questions) - len(singles)
    assert all(problem.skipped for problem in skipped)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ABCDEFGHI.)、 \nANSWER:工z") + ["ANSWER: ", "\nA. "]), max_size=120).map("".join))
def test_no_text_makes_the_reader_crash(text):
    read_aiken(text.encode())
