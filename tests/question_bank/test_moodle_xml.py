"""Moodle XML: multichoice and truefalse in and out; other types skipped with their line."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank.api import QuestionKind, read_bank, write_bank

pytestmark = pytest.mark.usefixtures("english")  # messages are asserted in English; zh_CN is tested apart


def read_moodle_xml(data):
    return read_bank(data, filename="bank.xml")


def write_moodle_xml(questions):
    return write_bank(questions, filename="bank.xml")


QUIZ = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/工会法</text></category></question>
  <question type="multichoice">
    <name><text>m-1</text></name>
    <questiontext format="html"><text><![CDATA[<p>哪些是工会职责？</p>]]></text></questiontext>
    <single>false</single>
    <answer fraction="50"><text>维权</text></answer>
    <answer fraction="50"><text>服务</text></answer>
    <answer fraction="-100"><text>经营</text></answer>
  </question>
  <question type="essay">
    <name><text>e-1</text></name>
    <questiontext format="html"><text>论述</text></questiontext>
  </question>
  <question type="truefalse">
    <questiontext format="html"><text>会员可以退会。</text></questiontext>
    <answer fraction="0"><text>true</text></answer>
    <answer fraction="100"><text>false</text></answer>
  </question>
</quiz>
"""


def test_multichoice_and_truefalse_are_read_with_the_category_as_tag():
    questions, problems = read_moodle_xml(QUIZ.encode())
    multiple, true_false = questions
    assert (multiple.id, multiple.kind, multiple.answer, multiple.tags) == (
        "m-1",
        QuestionKind.MULTIPLE,
        ("A", "B"),
        ("工会法",),
    )
    assert multiple.stem == "<p>哪些是工会职责？</p>"
    assert (true_false.kind, true_false.answer) == (QuestionKind.TRUE_FALSE, ("F",))


def test_an_essay_is_reported_as_skipped_with_its_line():
    _questions, problems = read_moodle_xml(QUIZ.encode())
    assert [(problem.row, problem.skipped, problem.message) for problem in problems] == [
        (12, True, "skipped: essay questions are not supported")
    ]


def test_malformed_xml_is_reported_with_its_line():
    _questions, problems = read_moodle_xml(b"<quiz>\n<question type='multichoice'>\n</quiz>")
    assert problems[0].row == 3 and "not well-formed XML" in problems[0].message


def test_entities_are_not_expanded():
    bomb = b'<?xml version="1.0"?><!DOCTYPE q [<!ENTITY x SYSTEM "file:///etc/passwd">]><quiz>&x;</quiz>'
    questions, problems = read_moodle_xml(bomb)
    assert questions == [] and "root:" not in str(problems)


def test_written_file_reads_back_to_the_same_questions(example_questions):
    again, problems = read_moodle_xml(write_moodle_xml(example_questions)[0])
    assert problems == []
    assert again == example_questions


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<quiz>",
                "</quiz>",
                "<question type='multichoice'>",
                "</question>",
                "<answer fraction='x'>",
                "<answer fraction='100'>",
                "</answer>",
                "<text>",
                "</text>",
                "<single>false</single>",
                "<questiontext>",
                "</questiontext>",
                "<tags><tag><text>difficulty:zz</text></tag></tags>",
                "a",
                "&amp;",
                "<",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_no_xml_makes_the_reader_crash(text):
    read_moodle_xml(text.encode())
