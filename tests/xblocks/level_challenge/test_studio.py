"""Authors edit the challenge: levels, settings and a bank import that is all or nothing, checked first."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from question_bank.api import write_bank
from tests.devhost_blocks import CourseContentRuntime, lms_handler, studio_handler
from xblocks.level_challenge.demo import demo_questions

pytestmark = pytest.mark.django_db
USAGE = "level-challenge.level_challenge.d0.u0"


def submit(client, bank_file=None, **body):
    """The editor's form as Studio's editor sends it: JSON, or a multipart form when a bank file comes with it."""
    url = studio_handler(USAGE, "studio_submit")
    if bank_file is None:
        response = client.post(url, data=json.dumps(body), content_type="application/json")
    else:
        response = client.post(url, data={"json": json.dumps(body), "bank_file": bank_file})
    return response.status_code, response.json()


def level_titles(user):
    """The titles of the levels as stored (what the Studio editor's form starts from)."""
    return [level.title for level in CourseContentRuntime(user).get_block(USAGE).levels]


def upload(questions, name="bank.xlsx"):
    return SimpleUploadedFile(name, write_bank(questions, filename=name)[0])


LEVELS = json.dumps([{"title": "新关卡", "count": 3, "pass_percent": 60}])


def test_learners_cannot_edit(learner_client):
    status, error = submit(learner_client, levels=LEVELS)
    assert (status, error["error"]) == (403, "forbidden")


def test_a_dry_run_reports_and_saves_nothing_then_save_imports_the_bank(staff_client, staff_user):
    questions = demo_questions()[:12]
    status, report = submit(staff_client, levels=LEVELS, dry_run=True, bank_file=upload(questions))
    assert (status, report["questions"], report["saved"]) == (200, 12, False)
    assert "新关卡" not in level_titles(staff_user)
    status, report = submit(staff_client, levels=LEVELS, display_name="新闯关", bank_file=upload(questions, "bank.csv"))
    assert (status, report["saved"], report["problems"]) == (200, True, [])
    assert level_titles(staff_user) == ["新关卡"]
    assert "题库共有 12 道题" in staff_client.get("/studio/unit/level_challenge.0/").content.decode()


def test_a_level_larger_than_its_part_of_the_bank_is_reported_by_a_check_and_refused_on_save(staff_client, staff_user):
    big = [{"title": "太大", "count": 500}]
    status, report = submit(staff_client, levels=big, dry_run=True)
    assert status == 200
    assert report["problems"] == ["第 1 (太大) 关要抽 500 道题，但题库中符合条件的只有 303 道"]
    assert report["fields"] == [{"level": 0, "field": "count", "message": "题库中符合本关标签的题目只有 303 道。"}]
    status, error = submit(staff_client, levels=big, display_name="不该保存")
    assert (status, error["error"]) == (400, "bad_levels")
    assert error["fields"] == report["fields"]
    assert error["message"].split("\n") == [
        "未保存：请先改正标出的问题。", "第 1 关，题数：题库中符合本关标签的题目只有 303 道。"]
    assert len(level_titles(staff_user)) == 3  # the demo's levels, untouched


def test_each_problem_of_the_form_is_named_by_level_and_field(staff_client, staff_user):
    levels = [
        {"title": "第一关", "count": 5, "quotas": {"easy": 3, "hard": 1}},  # adds up to 4
        {"title": " ", "count": 3, "tags": ["没有这个标签"]},
        {"title": "第三关", "count": 3, "pass_percent": 101, "time_limit_seconds": 90, "quotas": {"medium": "许多"}},
    ]
    status, error = submit(staff_client, levels=levels)
    assert (status, error["error"]) == (400, "bad_levels")
    assert {(item["level"], item["field"]): item["message"] for item in error["fields"]} == {
        (0, "quotas"): "各难度题数合计 4 道，与本关题数 5 道不符。",
        (1, "title"): "请填写关卡名称。",
        (1, "tags"): "题库中没有带这些标签的题目。",
        (1, "count"): "题库中符合本关标签的题目只有 0 道。",
        (2, "pass_percent"): "请填写 0 到 100 之间的整数。",
        (2, "time_limit_seconds"): "请填写 0 到 1440 之间的整数分钟。",
        (2, "quotas.medium"): "请填写 0 到 1000 之间的整数。",
    }
    assert len(level_titles(staff_user)) == 3


def test_a_quota_the_bank_cannot_fill_is_named_on_its_difficulty(staff_client):
    status, report = submit(staff_client, levels=[{"title": "难题关", "count": 300, "quotas": {"hard": 300}}],
                            dry_run=True)
    assert status == 200
    [problem] = report["fields"]
    assert problem["field"] == "quotas.hard" and problem["message"].startswith("题库中符合本关标签的该难度题目只有")


def test_levels_sent_by_the_form_are_stored_in_their_order_as_the_list_field(staff_client, staff_user):
    levels = [{"title": title, "count": 3, "tags": [], "quotas": {}, "pass_percent": 60, "points_per_correct": 10,
               "time_limit_seconds": 600, "attempts_allowed": 2, "requires_previous": True, "prerequisite_block": ""}
              for title in ("第三关", "第一关", "第二关")]
    status, report = submit(staff_client, levels=levels)
    assert (status, report["saved"], report["fields"]) == (200, True, [])
    block = CourseContentRuntime(staff_user).get_block(USAGE)
    assert block.level_list == levels
    assert [level.time_limit_seconds for level in block.levels] == [600, 600, 600]


def test_a_bad_bank_file_changes_nothing(staff_client):
    bad = SimpleUploadedFile("bank.csv", "题型,题干,选项A,选项B,答案\n单选,题目,甲,乙,E\n".encode())
    status, error = submit(staff_client, levels=LEVELS, bank_file=bad)
    assert (status, error["error"]) == (400, "bad_bank")
    assert '"E"' in error["message"] or "E" in error["message"]
    page = staff_client.get("/studio/unit/level_challenge.0/").content.decode()
    assert "303" in page


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"levels": "not json"}, "bad_levels"),
        ({"levels": "[]", "competition_end": "next week"}, "bad_date"),
        ({"levels": "[]", "bank_file": "b.xlsx"}, "bad_file"),  # a name where the file should be
    ],
)
def test_bad_settings_answer_400(staff_client, body, code):
    url = studio_handler(USAGE, "studio_submit")
    response = staff_client.post(url, data=json.dumps(body), content_type="application/json")
    status, error = response.status_code, response.json()
    assert (status, error["error"]) == (400, code)


def test_a_level_can_require_finishing_the_units_video_first(staff_client, learner, completion_tracking):
    from completion.models import BlockCompletion
    from django.test import Client
    from opaque_keys.edx.keys import UsageKey

    video = "block-v1:SDFTU+CADRE101+2026+type@video+block@intro"
    levels = json.dumps([{"title": "看完视频再闯关", "count": 3, "prerequisite_block": video}])
    assert submit(staff_client, levels=levels)[0] == 200
    learner_client = Client()
    learner_client.force_login(learner)
    start = learner_client.post(lms_handler(USAGE, "start_level"), data='{"level": 0}', content_type="application/json")
    assert (start.status_code, start.json()["error"]) == (400, "prerequisite_incomplete")
    BlockCompletion.objects.submit_completion(user=learner, block_key=UsageKey.from_string(video), completion=1.0)
    start = learner_client.post(lms_handler(USAGE, "start_level"), data='{"level": 0}', content_type="application/json")
    assert start.status_code == 200


def test_a_file_over_the_upload_limit_is_refused_unread(staff_client):
    from xblocks.level_challenge.block import STUDIO_MAX_UPLOAD

    huge = SimpleUploadedFile("bank.csv", b"x" * (STUDIO_MAX_UPLOAD + 1))
    status, error = submit(staff_client, levels=LEVELS, bank_file=huge)
    assert (status, error["error"]) == (413, "too_large")
    assert "303" in staff_client.get("/studio/unit/level_challenge.0/").content.decode()


def test_a_competition_time_without_a_zone_is_refused_and_learners_play_on(staff_client, learner):
    """It used to be saved, and then every learner's request failed comparing it with the time now."""
    from django.test import Client

    status, error = submit(staff_client, levels=LEVELS, competition_start="2026-12-01T09:00")
    assert (status, error["error"]) == (400, "bad_date")
    assert error["message"].startswith("竞赛开始时间: 2026-12-01T09:00 没有写明时区")
    learner_client = Client()
    learner_client.force_login(learner)
    start = learner_client.post(lms_handler(USAGE, "start_level"), data='{"level": 0}', content_type="application/json")
    assert start.status_code == 200
    assert learner_client.get("/unit/level_challenge.0/").status_code == 200


def test_a_zoned_competition_window_is_kept_as_written_and_holds_for_learners(staff_client, learner):
    from django.test import Client

    status, report = submit(staff_client, levels=LEVELS, competition_start="2030-01-01T09:00+08:00",
                            competition_end="2030-01-31T18:00:30+08:00")
    assert (status, report["saved"]) == (200, True)
    page = staff_client.get("/studio/unit/level_challenge.0/").content.decode()
    assert 'value="2030-01-01T09:00+08:00"' in page and 'value="2030-01-31T18:00:30+08:00"' in page
    learner_client = Client()
    learner_client.force_login(learner)
    start = learner_client.post(lms_handler(USAGE, "start_level"), data='{"level": 0}', content_type="application/json")
    assert (start.status_code, start.json()["error"]) == (400, "competition_closed")
    assert submit(staff_client, levels=LEVELS, competition_start="")[0] == 200  # emptied: open again
    start = learner_client.post(lms_handler(USAGE, "start_level"), data='{"level": 0}', content_type="application/json")
    assert start.status_code == 200


def test_a_block_saved_before_the_list_fields_keeps_working_and_moves_on_its_next_save(staff_client, learner):
    """Version 0.1 kept the levels and the bank as JSON text; renaming the fields must not lose them."""
    from django.test import Client

    runtime = CourseContentRuntime(learner)
    old = runtime.get_block(USAGE)
    levels = [level.to_dict() for level in old.levels]
    bank = [question.to_dict() for question in old.index.questions]
    for name in ("level_list", "bank_questions"):
        old._field_data.delete(old, name)
    old._field_data.set(old, "levels_json", json.dumps(levels, ensure_ascii=False))
    old._field_data.set(old, "bank_json", json.dumps(bank, ensure_ascii=False))
    reread = CourseContentRuntime(learner).get_block(USAGE)
    assert (reread.level_list, reread.bank_questions, len(reread.levels)) == ([], [], 3)
    learner_client = Client()
    learner_client.force_login(learner)
    start = learner_client.post(lms_handler(USAGE, "start_level"), data='{"level": 0}', content_type="application/json")
    assert start.status_code == 200 and len(start.json()["questions"]) == 5
    assert "303" in staff_client.get("/studio/unit/level_challenge.0/").content.decode()
    assert submit(staff_client, levels=json.dumps(levels))[1]["saved"] is True
    saved = CourseContentRuntime(learner).get_block(USAGE)
    assert (len(saved.level_list), len(saved.bank_questions)) == (3, 303)
    assert not saved.fields["levels_json"].is_set_on(saved) and not saved.fields["bank_json"].is_set_on(saved)
