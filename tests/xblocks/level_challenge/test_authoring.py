"""Checking an author's edit without a runtime: every mistake refused with its code, nothing half-read."""
import json
from datetime import datetime, timedelta, timezone

import pytest

from question_bank.api import write_bank
from xblocks.handlers import Upload
from xblocks.level_challenge.authoring import edit_report, read_studio_edit, studio_context
from xblocks.level_challenge.bank import BankIndex
from xblocks.level_challenge.demo import demo_questions
from xblocks.level_challenge.levels import Level
from xblocks.level_challenge.progress import ChallengeError

pytestmark = pytest.mark.usefixtures("english")  # messages are asserted in English; zh_CN is tested apart
LABELS = {"competition_start": "Competition opens", "competition_end": "Competition closes"}
LEVELS = json.dumps([{"title": "第一关", "count": 3}])


def read(**data):
    return read_studio_edit({"levels": LEVELS, **data}, translate=str, date_labels=LABELS,
                            index=BankIndex.of(demo_questions()))


def upload(data: bytes, name="bank.csv"):
    return Upload(filename=name, content=data)


def test_a_complete_edit_is_read_with_its_bank_and_zoned_window():
    bank, _ = write_bank(demo_questions()[:5], filename="bank.xlsx")
    edit = read(display_name="新闯关", bank_file=upload(bank, "bank.xlsx"), competition_start="2026-12-01T09:00+08:00",
                show_leaderboard=True, leaderboard_names="hidden", dry_run=True)
    assert (edit.display_name, [level.title for level in edit.levels], len(edit.questions)) == ("新闯关", ["第一关"], 5)
    assert edit.competition_start == datetime(2026, 12, 1, 9, 0, tzinfo=timezone(timedelta(hours=8)))
    assert (edit.competition_end, edit.show_leaderboard, edit.leaderboard_names, edit.dry_run) == (
        None, True, "hidden", True)


def test_an_unknown_way_of_showing_names_keeps_the_current_one():
    assert read(leaderboard_names="everyone").leaderboard_names is None


@pytest.mark.parametrize(
    ("data", "code", "message"),
    [
        ({"levels": "[{"}, "bad_levels", "The levels are not valid"),
        ({"levels": '[{"title": "一", "count": "many"}]'}, "bad_levels",
         "Level 1, Number of questions: Enter a whole number from 1 to 1000."),
        ({"levels": '{"title": "一"}'}, "bad_levels", "The levels are not valid: send a list of levels"),
        ({"bank_file": "b.csv"}, "bad_file", "Send the bank as a file of the form."),
        ({"bank_file": upload("题干,答案\n问,E\n".encode())}, "bad_bank", 'row 2, column 答案: "E" is not an option'),
        ({"bank_file": upload("题干,答案\n".encode())}, "bad_bank", "the file holds no questions"),
        ({"competition_end": "2026-12-31T18:00"}, "bad_date", "Competition closes: 2026-12-31T18:00 has no time zone"),
        ({"competition_start": "next week"}, "bad_date", "Competition opens: next week is not a date and time"),
    ],
)
def test_each_mistake_is_refused_with_its_code_and_where_it_is(data, code, message):
    with pytest.raises(ChallengeError) as refused:
        read(**data)
    assert refused.value.code == code
    assert message in refused.value.message


def test_the_report_says_what_a_level_lacks_before_anything_is_saved():
    edit = read(levels=json.dumps([{"title": "太大", "count": 50, "tags": ["工会法"]}]))
    report = edit_report(edit)
    assert report["saved"] is False and report["questions"] == 303
    assert report["problems"][0].startswith("level 1 (太大) asks for 50 questions")


def test_the_editor_shows_the_window_as_written_and_what_the_levels_lack():
    context = studio_context(levels=[Level(title="第一关", count=3)], index=BankIndex.of(demo_questions()[:2]),
                             competition_start=datetime(2026, 12, 1, 9, 0, tzinfo=timezone(timedelta(hours=8))),
                             competition_end=None)
    assert (context["competition_start"], context["competition_end"]) == ("2026-12-01T09:00+08:00", "")
    assert context["question_count"] == 2 and context["problems"] == [
        "level 1 (第一关) asks for 3 questions; its part of the bank holds 2"]
    assert "gift" in context["formats"] and "xlsx" in context["formats"]
