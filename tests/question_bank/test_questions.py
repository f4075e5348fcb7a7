"""The question model: what a valid bank question is, and its lossless dict form."""
import pytest

from question_bank.api import Difficulty, Option, Question, QuestionKind


def single(**overrides):
    values = {
        "id": "q1",
        "kind": QuestionKind.SINGLE,
        "stem": "工会会员大会每几年召开一次？",
        "options": (Option("A", "三年"), Option("B", "五年"), Option("C", "十年")),
        "answer": ("B",),
        "explanation": "依据《中国工会章程》。",
        "difficulty": Difficulty.EASY,
        "tags": ("工会章程",),
    }
    values.update(overrides)
    return Question(**values)


def test_a_complete_question_has_no_problems_and_round_trips_through_its_dict():
    question = single()
    assert question.problems() == []
    assert Question.from_dict(question.to_dict()) == question


@pytest.mark.parametrize(
    ("overrides", "problem"),
    [
        ({"stem": "  "}, "the stem is empty"),
        ({"answer": ("E",)}, "the answer names options that do not exist: E"),
        ({"answer": ("A", "B")}, "a single question has exactly one answer, not 2"),
        ({"options": (Option("A", "only"),), "answer": ("A",)}, "a choice question has 2 to 8 options, not 1"),
        ({"kind": QuestionKind.MULTIPLE, "answer": ()}, "a multiple-choice question has at least one answer"),
        ({"kind": QuestionKind.TRUE_FALSE}, "a true/false question has exactly the options T and F"),
    ],
)
def test_problems_say_what_is_wrong(overrides, problem, english):
    assert problem in [message for _part, message in single(**overrides).problems()]


def test_true_false_questions_use_options_t_and_f():
    question = single(kind=QuestionKind.TRUE_FALSE, options=(Option("T", "正确"), Option("F", "错误")), answer=("F",))
    assert question.problems() == []
