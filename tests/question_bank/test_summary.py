"""A bank's summary: what an author checks before using it, counted by type, difficulty and tag."""
import pytest

from question_bank.api import bank_summary


def test_the_example_bank_is_counted_by_type_difficulty_and_tag(example_questions):
    summary = bank_summary(example_questions)
    assert summary.questions == 30
    assert dict(summary.by_kind) == {"multiple": 9, "single": 14, "true_false": 7}
    assert sum(count for _difficulty, count in summary.by_difficulty) == 30
    counts = [count for _tag, count in summary.by_tag]
    assert counts == sorted(counts, reverse=True)  # the most used tags first


@pytest.mark.usefixtures("english")
def test_the_lines_name_each_count(example_questions):
    lines = bank_summary(example_questions).lines()
    assert lines[:5] == ["30 questions", "By type:", "  多选 multiple: 9", "  单选 single: 14", "  判断 true/false: 7"]
    assert "By difficulty:" in lines and "By tag:" in lines


def test_an_empty_bank_has_nothing_to_count():
    summary = bank_summary([])
    assert (summary.questions, summary.by_kind, summary.by_tag) == (0, (), ())
