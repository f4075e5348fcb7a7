"""The level_challenge block's OLX: the bank travels inside <level_challenge>, losslessly."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course_exports.api import read_bank
from course_exports.olx_bank import read_olx, write_olx

pytestmark = pytest.mark.usefixtures("english")  # messages are asserted in English; zh_CN is tested apart


def test_the_bank_reads_back_from_olx_unchanged(example_questions):
    data, skipped = write_olx(example_questions, display_name="工会法闯关")
    assert skipped == []
    assert b'<level_challenge display_name="' in data
    assert read_olx(data) == (example_questions, [])


def test_an_unknown_question_type_is_reported_with_its_line():
    data = (
        b'<level_challenge>\n<bank>\n<question id="x" kind="essay"><stem>s</stem></question>\n</bank>\n'
        b"</level_challenge>"
    )
    questions, problems = read_olx(data)
    assert questions == []
    assert problems[0].row == 3 and "not a question" in problems[0].message


def test_another_root_is_refused():
    _questions, problems = read_olx(b"<quiz/>")
    assert problems[0].message == "the root element is <quiz>, not <level_challenge>"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<level_challenge>",
                "</level_challenge>",
                "<bank>",
                "</bank>",
                '<question id="q" kind="single">',
                '<question kind="true_false" difficulty="zz">',
                "</question>",
                "<stem>",
                "</stem>",
                '<option id="A">',
                "<option>",
                "</option>",
                "<answer>",
                "</answer>",
                "<tag>",
                "</tag>",
                "A",
                "&lt;",
                "<",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_no_olx_makes_the_reader_crash(text):
    read_olx(text.encode())


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["b.xml", "b.txt", "b.olx", "b.aiken", "b.gift", "b.csv", "b.zip"]))
def test_no_file_of_any_name_makes_read_bank_crash(data, filename):
    questions, problems = read_bank(data, filename)
    assert questions or problems
