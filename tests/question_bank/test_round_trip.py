"""Converting the example bank XLSX → GIFT → Moodle XML → XLSX loses nothing our model holds."""

import pytest

from question_bank.api import read_bank, write_bank

pytestmark = pytest.mark.usefixtures("english")  # messages are asserted in English; zh_CN is tested apart


def convert(questions, filename):
    data, skipped = write_bank(questions, filename=filename)
    assert skipped == []
    again, problems = read_bank(data, filename=filename)
    assert problems == []
    return again


def test_example_bank_survives_gift_then_moodle_xml_then_xlsx(example_questions):
    assert {question.kind for question in example_questions} == {"single", "multiple", "true_false"}
    result = convert(convert(convert(example_questions, "bank.gift"), "bank.xml"), "bank.xlsx")
    assert [question.to_dict() for question in result] == [question.to_dict() for question in example_questions]


def test_example_bank_survives_level_challenge_olx_and_csv(example_questions):
    assert convert(convert(example_questions, "bank.olx"), "bank.csv") == example_questions
