"""GIFT: our three types read and written; other GIFT types reported as skipped with their line."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank.api import Difficulty, QuestionKind, read_bank, write_bank

pytestmark = pytest.mark.usefixtures("english")  # messages are asserted in English; zh_CN is tested apart


def read_gift(data):
    return read_bank(data, filename="bank.gift")


def write_gift(questions):
    return write_bank(questions, filename="bank.gift")


GIFT = """// 工会知识题库
// [id:g-1] [tag:工会法] [difficulty:hard]
::g-1::工会是职工自愿结合的什么组织？ {
  =工人阶级的群众组织#对
  ~行政机关
  ####见工会法第二条。
}

工会会员有退会的自由。 {TRUE}

::多选::工会经费来源包括 {~%50%会费 ~%50%拨缴经费 ~%-100%罚款}

::匹配::配对 {=工会 -> 群众组织 =法院 -> 司法机关}

填空：职工代表大会是{=基本形式}
"""


def test_single_true_false_and_weighted_multiple_are_read():
    questions, problems = read_gift(GIFT.encode())
    single, true_false, multiple = questions
    assert (single.id, single.kind, single.answer, single.tags, single.difficulty) == (
        "g-1",
        QuestionKind.SINGLE,
        ("A",),
        ("工会法",),
        Difficulty.HARD,
    )
    assert [option.text for option in single.options] == ["工人阶级的群众组织", "行政机关"]
    assert single.explanation == "见工会法第二条。"
    assert (true_false.kind, true_false.answer) == (QuestionKind.TRUE_FALSE, ("T",))
    assert (multiple.kind, multiple.answer) == (QuestionKind.MULTIPLE, ("A", "B"))
    # A title that is not a safe id (::多选::) names nothing: the id comes from the content.
    assert multiple.id.startswith("q-")


def test_matching_and_short_answer_are_reported_as_skipped_with_their_line():
    _questions, problems = read_gift(GIFT.encode())
    assert [(problem.row, problem.skipped, problem.message) for problem in problems] == [
        (13, True, "skipped: matching questions are not supported"),
        (15, True, "skipped: short-answer questions are not supported"),
    ]


def test_special_characters_survive_writing_and_reading(example_questions):
    questions, _ = read_gift(GIFT.encode())
    tricky = questions[0].__class__(**{**questions[0].__dict__, "stem": "a=b ~c #d {e} :f: \\g"})
    again, problems = read_gift(write_gift([tricky, *example_questions])[0])
    assert problems == []
    assert again == [tricky, *example_questions]


def test_a_missing_closing_brace_is_an_error_with_its_line():
    _questions, problems = read_gift("\n\n问题 {=对 ~错\n".encode())
    assert [(problem.row, problem.skipped) for problem in problems] == [(3, False)]
    assert "no closing }" in problems[0].message


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(list("{}=~#%:/\\-> \nTFab工[]") + ["::", "####", "//", "[id:", "\n\n"]), max_size=120).map(
        "".join
    )
)
def test_no_text_makes_the_reader_crash(text):
    read_gift(text.encode())


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_no_bytes_make_the_reader_crash(data):
    read_gift(data)
