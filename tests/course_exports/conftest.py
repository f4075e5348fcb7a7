"""The example bank and outline that course_exports ships."""

from pathlib import Path

import pytest

import course_exports

EXAMPLES = Path(course_exports.__file__).parent / "examples"


@pytest.fixture
def example_bank_bytes():
    return (EXAMPLES / "demo_bank.xlsx").read_bytes()


@pytest.fixture
def example_questions(example_bank_bytes):
    from course_exports.api import read_bank

    questions, problems = read_bank(example_bank_bytes, "demo_bank.xlsx")
    assert problems == []
    return questions
