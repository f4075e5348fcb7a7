"""
Hostile input costs bounded time and memory and ends as a 400 or a listed problem, with nothing
stored: the audit's files (a small XLSX of 330,000 rows, a 42 MB CSV, a tar.gz compression bomb, an
outline naming files outside its folder, values longer than their columns, ``count: 1e999``, a survey
question id no column holds) and a hidden leaderboard asked for anyway.

Times are asserted generously (speed belongs to the benchmarks): what matters is seconds, not minutes.
"""
import io
import json
import re
import tarfile
import time
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cadre_common.problems import MAX_PROBLEMS_LISTED
from course_exports.api import BuildError, ExtractError, build_course, extract_course
from credit_plugin.organisations.cadre_import import import_cadres
from credit_plugin.organisations.models import CadreProfile, Organisation
from survey_plugin.catalogue_import import import_topic_catalogue
from survey_plugin.models import Topic, TopicResource
from tests.course_exports.conftest import EXAMPLES
from tests.devhost_blocks import CourseContentRuntime, lms_handler, studio_handler, usage_key
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.usefixtures("english")  # messages are asserted in English; zh_CN is tested apart
CHALLENGE = "level-challenge.level_challenge.d0.u0"
SURVEY = "demand-survey.demand_survey.d0.u0"
DEMO_BANK_SIZE = 303
GENEROUS_SECONDS = 10
MB = 1024 * 1024


class Bounded:
    """Measures one call: seconds and the peak of Python memory it allocated."""

    def __enter__(self):
        tracemalloc.start()
        self.started = time.monotonic()
        return self

    def __exit__(self, *exc):
        self.seconds = time.monotonic() - self.started
        self.peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()


def many_rows_xlsx(rows: int, *, cells: int = 1) -> bytes:
    """A valid workbook of ``rows`` rows of ``cells`` tiny cells each: it compresses to almost nothing."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    row = "<row>" + '<c t="inlineStr"><is><t>x</t></is></c>' * cells + "</row>"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        "_rels/.rels": (
            f'<?xml version="1.0"?><Relationships xmlns="{package}"><Relationship Id="rId1" '
            f'Type="{relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0"?><workbook xmlns="{main}" xmlns:r="{relationships}"><sheets>'
            '<sheet name="题库" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0"?><Relationships xmlns="{package}"><Relationship Id="rId1" '
            f'Type="{relationships}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0"?><worksheet xmlns="{main}"><sheetData>{row * rows}</sheetData></worksheet>'),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def staff_client():
    client = Client()
    client.force_login(StaffFactory(username="author"))
    return client


def studio_submit(client, usage, bank_file=None, **body):
    url = studio_handler(usage, "studio_submit")
    if bank_file is None:
        response = client.post(url, data=json.dumps(body), content_type="application/json")
    else:
        response = client.post(url, data={"json": json.dumps(body), "bank_file": bank_file})
    return response.status_code, response.json()


def bank_size_in_studio(client) -> bool:
    return str(DEMO_BANK_SIZE) in client.get("/studio/unit/level_challenge.0/").content.decode()


# -- a small XLSX of 330,000 rows ------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_small_workbook_of_330000_rows_is_refused_in_seconds_with_a_short_message():
    workbook = many_rows_xlsx(330_000)
    assert len(workbook) < 100 * 1024  # the audit's was 48 KB
    client = staff_client()
    started = time.monotonic()
    status, error = studio_submit(client, CHALLENGE, levels="[]", bank_file=SimpleUploadedFile("bank.xlsx", workbook))
    assert (status, error["error"]) == (400, "bad_bank")
    assert "50000" in error["message"] and len(error["message"]) < 2000  # not 13.7 MB of row errors
    assert time.monotonic() - started < GENEROUS_SECONDS
    assert bank_size_in_studio(client)  # the bank the block had is the bank it has


@pytest.mark.parametrize(("rows", "cells", "refusal"), [
    (1, 500_000, "A row of the workbook has more than 1000 cells; it cannot be read."),
    (40_000, 40, "The workbook has more than 1000000 cells; it cannot be read."),
])
def test_a_small_workbook_of_too_many_cells_is_refused_before_the_parse(rows, cells, refusal):
    from cadre_common.spreadsheets import UnreadableFile, read_sheets

    workbook = many_rows_xlsx(rows, cells=cells)
    assert len(workbook) < 512 * 1024
    with Bounded() as cost, pytest.raises(UnreadableFile) as raised:
        read_sheets(workbook, "bank.xlsx")
    assert str(raised.value) == refusal
    assert cost.seconds < GENEROUS_SECONDS and cost.peak < 32 * MB  # one row of 500,000 cells took 446 MB


def test_a_workbook_of_millions_of_shared_strings_is_refused_before_they_are_loaded():
    from cadre_common.spreadsheets import UnreadableFile, read_sheets

    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(many_rows_xlsx(1))) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as workbook:
        for name in source.namelist():
            workbook.writestr(name, source.read(name))
        strings = "<si><t>x</t></si>" * 3_000_000
        workbook.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst>{strings}</sst>')
    with Bounded() as cost, pytest.raises(UnreadableFile) as raised:
        read_sheets(buffer.getvalue(), "bank.xlsx")
    assert str(raised.value) == "The workbook has more than 1000000 cells; it cannot be read."
    assert cost.seconds < GENEROUS_SECONDS and cost.peak < 32 * MB


@pytest.mark.django_db
def test_a_file_of_thousands_of_bad_rows_lists_the_first_100_and_counts_the_rest():
    rows = "\n".join(f"单选,第{number}题,甲,乙,E" for number in range(1, 2001))
    bad = SimpleUploadedFile("bank.csv", f"题型,题干,选项A,选项B,答案\n{rows}\n".encode())
    client = staff_client()
    status, error = studio_submit(client, CHALLENGE, levels="[]", bank_file=bad)
    assert (status, error["error"]) == (400, "bad_bank")
    lines = error["message"].splitlines()
    assert len(lines) == MAX_PROBLEMS_LISTED + 1
    assert "1900" in lines[-1]
    assert bank_size_in_studio(client)


# -- a 42 MB CSV -------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_42_mb_csv_of_cadres_is_refused_unread_and_nothing_is_written():
    header = "用户名,姓名,所属组织代码,干部类别,任职日期\n"
    row = "cadre{},张三,370000,主席,2026-01-05\n"
    data = (header + "".join(row.format(number) for number in range(1_200_000))).encode()
    assert len(data) > 42 * MB
    with Bounded() as cost:
        result = import_cadres(data=data, filename="cadres.csv", dry_run=False)
    assert [str(problem) for problem in result.errors] == [
        f"The file is {len(data) / MB:.1f} MB; files of up to 20 MB can be read."]
    assert cost.seconds < GENEROUS_SECONDS and cost.peak < 8 * MB
    assert not CadreProfile.objects.exists()


@pytest.mark.django_db
def test_a_csv_within_the_bytes_but_over_the_rows_is_refused(settings):
    settings.CADRE_TRAINING_UPLOAD_MAX_ROWS = 1000
    data = ("代码,名称\n" + "".join(f"t{number},主题{number}\n" for number in range(5000))).encode()
    result = import_topic_catalogue(data=data, filename="topics.csv")
    assert [str(problem) for problem in result.problems] == [
        "The file has more than 1000 rows; split it into smaller files."]
    assert not Topic.objects.exists()


# -- cadre-course extract: a compression bomb and hostile members -----------------------------------------

class Zeros(io.RawIOBase):
    """``size`` zero bytes, produced as they are read (the bomb is never whole in memory)."""

    def __init__(self, size):
        self.left = size

    def readable(self):
        return True

    def readinto(self, buffer):
        count = min(len(buffer), self.left)
        buffer[:count] = bytes(count)
        self.left -= count
        return count


def archive(path, members):
    """A .tar.gz of ``(TarInfo, content stream or None)``."""
    with tarfile.open(path, "w:gz", compresslevel=9) as opened:
        for info, content in members:
            opened.addfile(info, content)
    return path


def member(name, size=0, kind=tarfile.REGTYPE, target=""):
    info = tarfile.TarInfo(name)
    info.size, info.type, info.linkname = size, kind, target
    return info, (Zeros(size) if size else None)


def test_a_compression_bomb_is_refused_within_bounded_memory(tmp_path):
    bomb = archive(tmp_path / "bomb.tar.gz", [member("course/course.xml", 40), member("course/big.xml", 512 * MB)])
    assert bomb.stat().st_size < 2 * MB  # the audit's was 1 MB
    with Bounded() as cost, pytest.raises(ExtractError) as raised:
        extract_course(bomb, tmp_path / "out")
    assert "unpacks to more than 200 MB" in raised.value.problems[0]
    assert cost.seconds < GENEROUS_SECONDS and cost.peak < 16 * MB
    assert not (tmp_path / "out").exists()


def test_xml_files_that_would_fill_memory_are_refused(tmp_path):
    members = [member(f"course/vertical/u{number}.xml", 8 * MB) for number in range(6)]
    heavy = archive(tmp_path / "heavy.tar.gz", members)
    with Bounded() as cost, pytest.raises(ExtractError) as raised:
        extract_course(heavy, tmp_path / "out")
    assert "more than 32 MB" in raised.value.problems[0]
    assert cost.peak < 96 * MB  # what is kept, and one file's buffers while it is read; never the 48 MB


def test_an_archive_of_too_many_members_is_refused(tmp_path):
    many = archive(tmp_path / "many.tar.gz", [member(f"course/static/{number}.txt") for number in range(20_001)])
    with Bounded() as cost, pytest.raises(ExtractError) as raised:
        extract_course(many, tmp_path / "out")
    assert "more than 20000 files" in raised.value.problems[0]
    assert cost.seconds < GENEROUS_SECONDS


@pytest.mark.parametrize(("hostile", "reason"), [
    (member("course/policy", kind=tarfile.SYMTYPE, target="/etc/passwd"), "a link"),
    (member("course/hard", kind=tarfile.LNKTYPE, target="/etc/passwd"), "a link"),
    (member("/etc/cron.d/evil.xml", 10), "outside the archive's folder"),
    (member("course/../../evil.xml", 10), "outside the archive's folder"),
    (member("course/fifo", kind=tarfile.FIFOTYPE), "neither a file nor a folder"),
])
def test_links_absolute_names_and_climbing_members_refuse_the_archive(tmp_path, hostile, reason):
    path = archive(tmp_path / "hostile.tar.gz", [member("course/course.xml", 40), hostile])
    with pytest.raises(ExtractError) as raised:
        extract_course(path, tmp_path / "out")
    assert reason in raised.value.problems[0]
    assert not (tmp_path / "out").exists()


# -- cadre-course build: an outline naming files outside its folder ---------------------------------------

def outline_naming(folder, *, bank="demo_bank.xlsx", html_file=None):
    text = (EXAMPLES / "demo_outline.yaml").read_text(encoding="utf-8").replace("demo_bank.xlsx", bank)
    if html_file is not None:
        text = text.replace("demo_survey.xml", html_file)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "outline.yaml").write_text(text, encoding="utf-8")
    for name in ("demo_bank.xlsx", "demo_survey.xml"):
        (folder / name).write_bytes((EXAMPLES / name).read_bytes())
    return folder / "outline.yaml"


@pytest.mark.parametrize("bank", ["../secret.xlsx", "{secret}", "link.xlsx", '"a\\0b.xlsx"'])
def test_an_outline_cannot_make_build_read_a_file_outside_its_folder(tmp_path, bank):
    secret = tmp_path / "secret.xlsx"
    secret.write_bytes((EXAMPLES / "demo_bank.xlsx").read_bytes())  # readable: only where it is keeps it out
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "link.xlsx").symlink_to(secret)
    outline = outline_naming(folder, bank=bank.format(secret=secret))
    with pytest.raises(BuildError) as raised:
        build_course(outline, tmp_path / "course.tar.gz")
    assert re.search("outside the outline's folder|not a file name", "\n".join(raised.value.problems))
    assert not (tmp_path / "course.tar.gz").exists()


def test_a_survey_file_outside_the_folder_is_not_read_either(tmp_path):
    outline = outline_naming(tmp_path / "course", html_file="../../../../etc/hostname")
    with pytest.raises(BuildError) as raised:
        build_course(outline, tmp_path / "course.tar.gz")
    assert "outside the outline's folder" in "\n".join(raised.value.problems)


# -- over-long values in the dry run -----------------------------------------------------------------------

@pytest.mark.django_db
def test_values_longer_than_their_columns_are_problems_of_the_dry_run():
    long_name = "中" * (Organisation._meta.get_field("name").max_length + 1)
    data = f"组织代码,组织名称,级别\n370000,{long_name},省\n".encode()
    result = import_cadres(data=data, filename="organisations.csv", dry_run=True)
    assert [str(problem) for problem in result.errors] == [
        "row 2, column 组织名称: 256 characters is too long; at most 255 fit"]
    topics = f"代码,名称,课程或单元,资源标题\nlaw,工会法,course-v1:A+B+C,{'x' * 300}\n".encode()
    result = import_topic_catalogue(data=topics, filename="topics.csv", dry_run=True)
    assert [str(problem) for problem in result.problems] == [
        "row 2, column 资源标题: 300 characters is too long; at most 255 fit"]
    Organisation.objects.create(code="370000", name="省总工会", level="province")
    cadres = f"用户名,姓名,所属组织代码,干部类别,任职日期\nc1,{'张' * 256},370000,专职,2026-01-05\n".encode()
    result = import_cadres(data=cadres, filename="cadres.csv", dry_run=True, create_users=True)
    assert [str(problem) for problem in result.errors] == [
        "row 2, column 姓名: 256 characters is too long; at most 255 fit"]
    Organisation.objects.all().delete()
    result = import_cadres(data=data, filename="organisations.csv", dry_run=False)  # and it is not saved either
    assert result.errors and not Organisation.objects.exists() and not TopicResource.objects.exists()


# -- count: 1e999 in the levels ----------------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("count", ["1e999", "-1e999", "NaN", "1e9", '"9999999999999999999999"', "[]"])
def test_an_impossible_count_in_the_levels_is_a_400_and_changes_nothing(count):
    client = staff_client()
    levels = '[{"title": "无穷", "count": ' + count + ', "pass_percent": 60}]'
    status, error = studio_submit(client, CHALLENGE, levels=levels)
    assert (status, error["error"]) == (400, "bad_levels")
    assert "无穷" not in client.get("/studio/unit/level_challenge.0/").content.decode()


# -- a survey question id longer than the answers' column --------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("question_id", ["q" * 65, 'q" onmouseover="alert(1)', "问题一"])
def test_a_survey_question_id_no_column_holds_is_refused_in_studio_and_learners_still_submit(question_id):
    questions = [{"id": question_id, "kind": "text", "prompt": "您的建议"}]
    status, error = studio_submit(staff_client(), SURVEY, questions=json.dumps(questions, ensure_ascii=False))
    assert status == 400 and question_id[:20] in error["message"]
    block = CourseContentRuntime(UserFactory(username="viewer")).get_block(usage_key(SURVEY))
    assert question_id not in [question.id for question in block.questions]


# -- the leaderboard of a challenge that shows none --------------------------------------------------------

@pytest.mark.django_db
def test_a_hidden_leaderboard_is_not_served_to_a_learner_who_asks_for_it():
    author = staff_client()
    levels = json.dumps([{"title": "一", "count": 3}])
    status, _ = studio_submit(author, CHALLENGE, levels=levels, show_leaderboard=False)
    assert status == 200
    learner = Client()
    learner.force_login(UserFactory(username="curious"))
    response = learner.post(lms_handler(CHALLENGE, "leaderboard"), data="{}", content_type="application/json")
    assert response.status_code == 403
    assert response.json()["error"] == "no_leaderboard" and "rows" not in response.json()


# -- an outline whose YAML aliases stand for millions of units ------------------------------------------

def test_an_outline_alias_bomb_is_refused_before_it_is_walked(tmp_path):
    lines = ["u: &u {title: u, components: [{html: x}]}", f"us: &us [{', '.join(['*u'] * 64)}]",
             "s: &s {title: s, units: *us}", f"ss: &ss [{', '.join(['*s'] * 64)}]",
             "c: &c {title: c, sections: *ss}", "course: {org: a, number: b, run: c, display_name: d}",
             f"chapters: [{', '.join(['*c'] * 4096)}]"]  # 16 million units in 25 KB
    (tmp_path / "outline.yaml").write_text("\n".join(lines), encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(BuildError) as raised:
        build_course(tmp_path / "outline.yaml", tmp_path / "course.tar.gz")
    assert "more than 200000 entries once its aliases (*name) are expanded" in raised.value.problems[0]
    assert time.monotonic() - started < GENEROUS_SECONDS
    assert not (tmp_path / "course.tar.gz").exists()


# -- many rows, few query parameters ------------------------------------------------------------------------

@pytest.fixture
def few_sql_variables(db):
    """SQLite allowing 999 parameters a query (as builds before 3.32 did): a query per row set would fail."""
    import sqlite3

    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite's limit is the one lowered here")
    connection.ensure_connection()
    before = connection.connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
    yield
    connection.connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, before)


@pytest.mark.usefixtures("few_sql_variables")
def test_imports_of_thousands_of_rows_never_make_a_query_of_thousands_of_parameters():
    from credit_plugin.ledger.offline_import import import_offline_credits
    from credit_plugin.organisations.administrators import import_training_administrators

    Organisation.objects.create(code="370000", name="省总工会", level="province")
    cadres = "用户名,姓名,所属组织代码,干部类别,任职日期\n" + "".join(
        f"c{number},张{number},370000,专职,2026-01-05\n" for number in range(3000))
    result = import_cadres(data=cadres.encode(), filename="cadres.csv", dry_run=True)
    assert {problem.message for problem in result.errors} == {
        f"no LMS user c{number} (import with --create-users to create it)" for number in range(3000)}
    credits = "用户名,培训名称,日期,学分,学时\n" + "".join(
        f"c{number},工会法,2026-03-01,1,1\n" for number in range(3000))
    result = import_offline_credits(data=credits.encode(), filename="credits.csv", recorded_by="t", dry_run=True)
    assert len(result.errors) == 3000
    administrators = "用户名,组织代码\n" + "".join(f"c{number},{number}\n" for number in range(3000))
    result = import_training_administrators(data=administrators.encode(), filename="admins.csv", dry_run=True)
    assert result.errors


@pytest.mark.django_db
def test_an_import_page_refuses_a_file_over_the_limit_by_its_size_and_records_nothing(settings):
    from credit_plugin.ledger.models import LedgerEntry

    settings.CADRE_TRAINING_UPLOAD_MAX_BYTES = 1 * MB
    UserFactory(username="learner1")
    roster = "用户名,培训名称,培训日期,学分,学时\n" + "learner1,集中培训,2026-03-01,8,4\n" * 40_000
    client = staff_client()
    page = client.post("/cadre-credits/admin/import/",
                       {"roster": SimpleUploadedFile("r.csv", roster.encode())}).content.decode()
    # A form error (the field's errorlist): the file was refused by its size, not read and then found too big.
    assert re.search(r'<ul class="errorlist[^"]*"[^>]*><li>[^<]*最多只能读取 1 MB 的文件', page)
    assert not LedgerEntry.objects.exists()


@pytest.mark.django_db
def test_an_import_page_lists_the_first_100_problems_and_counts_the_rest():
    roster = "用户名,培训名称,培训日期,学分,学时\n" + "".join(
        f"nobody{number},集中培训,2026-03-01,8,4\n" for number in range(500))
    form = {"roster": SimpleUploadedFile("r.csv", roster.encode()), "dry_run": "on"}
    page = staff_client().post("/cadre-credits/admin/import/", form).content.decode()
    listed = re.search(r'<ul class="errors">(.*?)</ul>', page, re.S).group(1)
    assert listed.count("<li>") == MAX_PROBLEMS_LISTED + 1 and "400" in listed.split("<li>")[-1]


def test_cadre_course_refuses_a_bank_file_over_the_limit_by_its_size(tmp_path, capsys):
    from course_exports.cli import main

    huge = tmp_path / "bank.gift"
    with huge.open("wb") as stream:
        stream.truncate(21 * MB)  # sparse: 21 MB that cost nothing to make, and must cost nothing to refuse
    started = time.monotonic()
    assert main(["check", str(huge)]) == 1
    assert "files of up to 20 MB can be read" in capsys.readouterr().out
    assert time.monotonic() - started < GENEROUS_SECONDS


def test_every_id_the_readers_accept_fits_every_column_that_stores_one():
    from django.apps import apps

    from cadre_common.safe_ids import ID_MAX_LENGTH

    ours = [model for model in apps.get_models() if model.__module__.startswith(("survey_plugin", "credit_plugin"))]
    columns = [(model, field) for model in ours for field in model._meta.get_fields()
               if field.name in ("question_id", "option")]
    assert columns  # survey answers keep both
    for model, field in columns:
        assert field.max_length >= ID_MAX_LENGTH, f"{model.__name__}.{field.name} holds {field.max_length}"


@pytest.mark.django_db
def test_a_survey_saved_with_a_long_question_id_before_ids_were_checked_refuses_submits_with_a_400():
    from survey_plugin.models import SurveyResponse

    learner = UserFactory(username="respondent")
    block = CourseContentRuntime(learner).get_block(usage_key(SURVEY))
    long_id = "q" * 65
    block.question_list = [{"id": long_id, "kind": "text", "prompt": "您的建议"}]
    block.save()
    client = Client()
    client.force_login(learner)
    response = client.post(lms_handler(SURVEY, "submit"), data=json.dumps({"answers": {long_id: "多办培训"}}),
                           content_type="application/json")
    assert (response.status_code, response.json()["error"]) == (400, "bad_survey")
    assert not SurveyResponse.objects.exists()


@pytest.mark.parametrize("count", ["1e999", ".inf", "-3", "[1]"])
def test_an_outline_level_with_an_impossible_count_is_a_problem_of_the_build(tmp_path, count):
    outline = outline_naming(tmp_path / "course")
    text = outline.read_text(encoding="utf-8").replace("{title: 第一关, count: 3,", f"{{title: 第一关, count: {count},")
    assert count in text
    outline.write_text(text, encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        build_course(outline, tmp_path / "course.tar.gz")
    assert "Level 1, count:" in "\n".join(raised.value.problems)
    assert not (tmp_path / "course.tar.gz").exists()


# -- JSON nested deeper than the parser recurses ------------------------------------------------------------

@pytest.mark.django_db
def test_json_nested_too_deeply_is_a_400_in_every_handler_and_in_the_editors_fields():
    deep = "[" * 20_000  # 20 KB: json.loads raises RecursionError, which was a 500
    client = staff_client()
    response = client.post(lms_handler(CHALLENGE, "get_state"), data=deep, content_type="application/json")
    assert (response.status_code, response.json()["error"]) == (400, "malformed_json")
    assert studio_submit(client, CHALLENGE, levels=deep)[1]["error"] == "bad_levels"
    assert studio_submit(client, SURVEY, questions=deep)[1]["error"] == "bad_questions"
    form = {"json": deep, "bank_file": SimpleUploadedFile("bank.csv", b"x")}
    response = client.post(studio_handler(CHALLENGE, "studio_submit"), data=form)
    assert (response.status_code, response.json()["error"]) == (400, "malformed_json")


def test_cadre_course_lists_the_first_100_problems_and_counts_the_rest(tmp_path, capsys):
    from course_exports.cli import main

    bank = tmp_path / "bank.csv"
    bank.write_text("题型,题干,选项A,选项B,答案\n" + "".join(f"单选,第{n}题,甲,乙,E\n" for n in range(500)),
                    encoding="utf-8")
    assert main(["check", str(bank)]) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith(str(bank)) or "more" in line]
    assert len(lines) == MAX_PROBLEMS_LISTED + 1 and "400 more problems" in lines[-1]


@pytest.mark.parametrize(("filename", "data"), [
    ("bank.gift", b"Q{=a ~b}\n\n" * 300_000),
    ("bank.aiken", b"Q\nA. a\nB. b\nANSWER: A\n\n" * 300_000),
    ("bank.xml", b"<quiz>" + b'<question type="multichoice"><questiontext><text>q</text></questiontext>'
                 b'<answer fraction="100"><text>a</text></answer></question>' * 100_000 + b"</quiz>"),
])
def test_a_text_bank_of_100000s_of_questions_is_refused_before_it_is_parsed(filename, data):
    from question_bank.api import read_bank

    started = time.monotonic()
    questions, problems = read_bank(data, filename=filename)
    assert questions == [] and [str(problem) for problem in problems] == [
        "the file holds more than 50000 questions; split it into smaller files"]
    assert time.monotonic() - started < 2  # counted, not parsed: the parse took 22-27 s
