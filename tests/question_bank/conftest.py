"""The example bank course_exports ships: 30 questions of every type, read through the public API."""

import pytest

from question_bank.api import read_bank
from tests.course_exports.conftest import EXAMPLES


@pytest.fixture
def example_bank_bytes():
    return (EXAMPLES / "demo_bank.xlsx").read_bytes()


@pytest.fixture
def example_questions(example_bank_bytes):
    questions, problems = read_bank(example_bank_bytes, filename="demo_bank.xlsx")
    assert problems == []
    return questions
