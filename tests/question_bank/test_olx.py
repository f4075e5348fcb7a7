"""The level_challenge block's OLX: the bank travels inside <level_challenge>, losslessly."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from question_bank.api import level_challenge_element, read_bank, write_bank

pytestmark = pytest.mark.usefixtures("english")  # messages are asserted in English; zh_CN is tested apart


def read_olx(data):
    return read_bank(data, filename="bank.olx")


def test_the_bank_reads_back_from_olx_unchanged(example_questions):
    data, skipped = write_bank(example_questions, filename="bank.olx")
    assert skipped == []
    assert data.startswith(b"<level_challenge>\n  <bank>\n    <question ")
    assert read_olx(data) == (example_questions, [])


def test_an_olx_file_saved_as_xml_is_told_from_moodle_xml_by_its_root(example_questions):
    data = etree.tostring(level_challenge_element(example_questions[:3], display_name="工会法闯关"), encoding="utf-8")
    assert read_bank(data, filename="bank.xml") == (example_questions[:3], [])


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
