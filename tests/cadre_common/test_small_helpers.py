"""The shared layer's small helpers: masking, zoned dates, problems, canonical JSON, the organisation scope."""
from datetime import date

import pytest
from django.utils import translation

from cadre_common.canonical_json import canonical_json
from cadre_common.dates import parse_day, parse_zoned_datetime
from cadre_common.masking import mask_name, mask_phone
from cadre_common.organisation_scope import organisation_scope
from cadre_common.problems import RowProblem, listed


@pytest.mark.parametrize(("name", "masked"), [
    ("王小纲", "王*纲"), ("王明", "王*"), ("王", "*"), ("", ""), ("  ", ""), ("Wang", "W**g"), ("欧阳修文", "欧**文"),
])
def test_a_name_is_masked_the_same_everywhere(name, masked):
    assert mask_name(name) == masked


def test_a_phone_number_keeps_its_first_three_and_last_four_digits():
    assert (mask_phone("13800138000"), mask_phone("12345"), mask_phone("")) == ("138****8000", "*****", "")


def test_a_date_and_time_must_say_its_time_zone():
    assert parse_zoned_datetime("2026-12-01T09:00+08:00").utcoffset().total_seconds() == 8 * 3600
    with translation.override("en"):
        with pytest.raises(ValueError, match="has no time zone"):
            parse_zoned_datetime("2026-12-01T09:00")
        with pytest.raises(ValueError, match="is not a date and time like"):
            parse_zoned_datetime("next monday")
    with translation.override("zh-cn"), pytest.raises(ValueError, match="没有写明时区"):
        parse_zoned_datetime("2026-12-01T09:00")


@pytest.mark.parametrize("text", ["2026-05-01", "2026/5/1", "2026.5.1", "2026年5月1日", "2026-05-01 08:00"])
def test_days_are_read_as_chinese_offices_write_them(text):
    assert parse_day(text) == date(2026, 5, 1)


@pytest.mark.parametrize("text", ["", "2026-02-30", "May 1", "2026-5", "１２"])
def test_what_is_not_a_day_is_none(text):
    assert parse_day(text) is None


def test_a_problem_says_where_in_the_readers_language_and_long_lists_are_cut():
    problem = RowProblem(17, "答案", '"E" is not an option')
    with translation.override("en"):
        assert str(problem) == 'row 17, column 答案: "E" is not an option'
        assert str(RowProblem(None, "", "empty file")) == "empty file"
        lines = listed([RowProblem(row, "A", "bad") for row in range(1, 151)])
        assert len(lines) == 101 and lines[-1] == "… and 50 more problems."
    with translation.override("zh-cn"):
        assert str(problem) == '第 17 行，“答案”列："E" is not an option'


def test_canonical_json_is_sorted_compact_utf8():
    assert canonical_json({"b": 1, "a": ["王", 2]}) == '{"a":["王",2],"b":1}'.encode()


def test_without_a_provider_only_global_staff_read_every_organisation(db):
    from tests.factories import StaffFactory, UserFactory

    assert organisation_scope(StaffFactory(), provider="").everything
    assert not organisation_scope(UserFactory(), provider="").may_read
    assert not organisation_scope(None, provider="credit_plugin.api.report_organisations").may_read
