"""
Values from files and authors cannot break out of the HTML they are shown in: ids with a quote are
refused where they are read (CSV 题号, Moodle idnumber, OLX, GIFT), a Moodle name or GIFT title that is
not a safe id is no id, the blocks' JavaScript esc() escapes & < > " ' (attributes are quoted either
way), and topic links are http(s) or paths on this site, never ``javascript:``.
"""
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from question_bank.api import read_bank
from survey_plugin import catalogue
from survey_plugin.catalogue_import import import_topic_catalogue
from survey_plugin.models import Topic, TopicResource

pytestmark = pytest.mark.usefixtures("english")

BREAKOUT = 'q1" onmouseover="alert(1)'
ROOT = Path(__file__).resolve().parents[2]


def messages(problems):
    return [str(problem) for problem in problems if not problem.skipped]


def test_a_csv_question_id_with_a_quote_is_a_problem_of_its_row_and_column():
    data = f'题号,题型,题干,选项A,选项B,答案\n"{BREAKOUT.replace(chr(34), chr(34) * 2)}",单选,题目,甲,乙,A\n'.encode()
    questions, problems = read_bank(data, filename="bank.csv")
    assert questions and messages(problems) == [
        "row 2, column 题号: the id 'q1\" onmouseover=\"alert(1)' may hold only letters, digits, -, _ and ."]


MOODLE = """<?xml version="1.0" encoding="UTF-8"?>
<quiz><question type="multichoice"><name><text>{name}</text></name>{idnumber}
  <questiontext format="html"><text>题目</text></questiontext><single>true</single>
  <answer fraction="100"><text>甲</text></answer><answer fraction="0"><text>乙</text></answer>
</question></quiz>"""


def test_a_moodle_idnumber_with_a_quote_is_refused_and_a_moodle_name_is_no_id_unless_it_is_safe():
    quoted = BREAKOUT.replace('"', "&quot;")
    _questions, problems = read_bank(MOODLE.format(name="x", idnumber=f"<idnumber>{quoted}</idnumber>").encode(),
                                     filename="bank.xml")
    assert any("may hold only letters, digits" in message for message in messages(problems))
    questions, problems = read_bank(MOODLE.format(name=quoted, idnumber="").encode(), filename="bank.xml")
    assert messages(problems) == [] and re.fullmatch(r"q-[0-9a-f]{12}", questions[0].id)


def test_an_olx_option_id_with_a_quote_is_refused():
    olx = (f'<level_challenge><bank><question id="q-1" kind="single"><stem>题目</stem>'
           f'<option id="{BREAKOUT.replace(chr(34), "&quot;")}">甲</option><option id="B">乙</option>'
           f'<answer>B</answer></question></bank></level_challenge>').encode()
    _questions, problems = read_bank(olx, filename="bank.olx")
    assert any("may hold only letters, digits" in message for message in messages(problems))


def test_a_gift_id_with_a_quote_is_refused_and_a_title_that_is_no_safe_id_is_no_id():
    _questions, problems = read_bank('// [id:a"b]\n::t::题目{=甲 ~乙}\n'.encode(), filename="bank.gift")
    assert any("may hold only letters, digits" in message for message in messages(problems))
    questions, problems = read_bank('::"><script>::题目{=甲 ~乙}\n'.encode(), filename="bank.gift")
    assert messages(problems) == [] and questions[0].id.startswith("q-")


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js to run the blocks' JavaScript")
@pytest.mark.parametrize("script", ["xblocks/level_challenge/static/js/level_challenge.js",
                                    "xblocks/demand_survey/static/js/demand_survey.js"])
def test_the_blocks_esc_escapes_everything_that_ends_an_attribute_or_starts_a_tag(script):
    source = (ROOT / script).read_text(encoding="utf-8")
    # The block's own esc() and its table, run as they are written.
    helpers = re.search(r"  var ENTITIES = .*?\n  function esc\(text\) \{\n.*?\n  \}\n", source, re.S)
    assert helpers, f"{script} has no esc() to test"
    hostile = "\"'<>&" + BREAKOUT
    program = helpers.group(0) + f"process.stdout.write(esc({json.dumps(hostile)}));"
    escaped = subprocess.run(["node", "-e", program], capture_output=True, text=True, check=True, timeout=30).stdout
    assert escaped == "&quot;&#39;&lt;&gt;&amp;q1&quot; onmouseover=&quot;alert(1)"
    assert not set("\"'<>") & set(escaped)


@pytest.mark.django_db
@pytest.mark.parametrize("url", [
    "javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>", "https://x.cn/\"onmouseover='a'",
    "//evil.example/x", "https://x.cn/ a", "vbscript:x", "http:/no-host",
])
def test_a_topic_link_that_is_not_http_or_a_site_path_is_a_listed_problem(url):
    data = ("代码,名称,课程或单元,资源标题,链接\n"
            f'law,工会法,course-v1:SDFTU+LAW+2026,工会法课程,"{url.replace(chr(34), chr(34) * 2)}"\n').encode()
    result = import_topic_catalogue(data=data, filename="topics.csv")
    assert [problem.column for problem in result.problems] == ["链接"]
    assert "http:// or https://" in str(result.problems[0])
    assert not TopicResource.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["https://edu.sdftu.cn/courses/1", "/courses/course-v1:SDFTU+LAW+2026/about"])
def test_http_and_site_links_are_imported(url):
    data = f"代码,名称,课程或单元,资源标题,链接\nlaw,工会法,course-v1:SDFTU+LAW+2026,工会法课程,{url}\n".encode()
    assert not import_topic_catalogue(data=data, filename="topics.csv").problems
    assert TopicResource.objects.get().url == url


@pytest.mark.django_db
def test_a_javascript_link_saved_some_other_way_is_served_as_the_lms_page():
    topic = Topic.objects.create(code="law", name="工会法")
    TopicResource.objects.create(topic=topic, key="course-v1:SDFTU+LAW+2026", title="课程", url="javascript:alert(1)")
    [resource] = catalogue.resources_for_topics(codes=["law"])
    assert resource.url == "/courses/course-v1:SDFTU+LAW+2026/about"


@pytest.mark.django_db
def test_a_resource_key_with_a_quote_saved_some_other_way_gives_no_link_rather_than_a_broken_one():
    topic = Topic.objects.create(code="law", name="工会法")
    TopicResource.objects.create(topic=topic, key='course-v1:A+B+C"><script>', title="课程", url="")
    [resource] = catalogue.resources_for_topics(codes=["law"])
    assert resource.url == ""
