"""
Under zh-cn, nothing a learner or an author sees of the blocks is an English message of their
catalog, with the translations found as the platform finds them: through XBlockI18nService (the
devhost's imitation, made per block), with LOCALE_PATHS as the plugin settings leave them (no
block folder), from the catalog bundled in the package or, after an atlas pull, from the pulled
folder with the JavaScript catalog.
"""
import json
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import translation

from devhost.course_access import COURSE_STAFF_GROUP
from devhost.course_structure import DEMO_COURSE_KEY
from devhost.runtimes.lms import LmsRuntime
from devhost.runtimes.studio import StudioRuntime
from survey_plugin import api as survey_api
from tests.devhost_blocks import lms_handler, studio_handler, usage_key
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
CATALOG = Path(__file__).resolve().parents[2] / "xblocks" / "conf" / "locale" / "zh_CN" / "LC_MESSAGES" / "django.po"
LEVELS, SURVEY = "level-challenge.level_challenge.d0.u0", "demand-survey.demand_survey.d0.u0"
JSON_KEY = re.compile(r'(&quot;|")[\w-]+(&quot;|")\s*:')
PLACEHOLDER = re.compile(r"\{[^}]*\}|%\([^)]*\)[sd]|%[sd]")


def english_patterns():
    """
    Each English message whose Chinese differs, as a pattern (placeholders match any text); not
    the words the Chinese keeps as they are (field names such as "required" in the JSON help).
    """
    catalog = polib.pofile(str(CATALOG))
    translations = "\n".join(entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr
                             for entry in catalog)
    patterns = {}
    for entry in catalog:
        translated = entry.msgstr_plural.get(0) if entry.msgid_plural else entry.msgstr
        for english in filter(None, (entry.msgid, entry.msgid_plural)):
            pieces = [re.escape(piece) for piece in PLACEHOLDER.split(english)]
            pattern = re.compile(r"(?<![\w-])" + ".+?".join(pieces) + r"(?![\w-])")
            if translated and translated != english and not pattern.search(translations):
                patterns[english] = pattern
    return patterns


def english_in(text: str) -> list[str]:
    """The English messages in ``text``, leaving out the keys of JSON data ("required": true)."""
    text = JSON_KEY.sub("", text)
    return sorted(english for english, pattern in english_patterns().items() if pattern.search(text))


def rendered(user, usage: str, view: str) -> str:
    """What the block's view gives the page under zh-cn: its HTML and the data it hands its script."""
    runtime_class = StudioRuntime if view == "studio_view" else LmsRuntime
    with translation.override("zh-cn"):
        fragment = runtime_class(user, DEMO_COURSE_KEY).get_block(usage_key(usage)).render(view, {})
    return fragment.body_html() + json.dumps(fragment.json_init_args, ensure_ascii=False)


@pytest.fixture(params=["bundled in the package", "pulled by atlas"])
def lookup(request):
    """Both places XBlockI18nService can find the catalog; the second also has the JavaScript catalog."""
    if request.param == "pulled by atlas":
        request.getfixturevalue("pulled_xblock_catalogs")
    return request.param


@pytest.fixture
def author(db):
    author = UserFactory(username="course_author")
    author.groups.add(Group.objects.get_or_create(name=COURSE_STAFF_GROUP)[0])
    return author


@pytest.fixture
def author_client(author):
    client = Client()
    client.force_login(author)
    return client


@pytest.fixture
def topics(db):
    survey_api.save_topic(code="union-law", name="工会法", description="工会法基础")


def post(client, usage, handler, body, studio=False):
    url = (studio_handler if studio else lms_handler)(usage, handler)
    response = client.post(url, data=body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="zh-cn")
    return response.json()["message"]


def test_the_blocks_catalog_folders_are_not_on_django_s_locale_paths():
    assert not any("xblocks" in str(path) for path in settings.LOCALE_PATHS)


@pytest.mark.usefixtures("lookup", "topics")
@pytest.mark.parametrize("usage", [LEVELS, SURVEY])
def test_learners_and_authors_see_no_english_message(learner, author, usage):
    for user, view in ((learner, "student_view"), (author, "student_view"), (author, "studio_view")):
        output = rendered(user, usage, view)
        assert re.search(r"[\u4e00-\u9fff]", output)
        assert english_in(output) == [], (user.username, view)


@pytest.mark.usefixtures("lookup", "topics")
def test_the_handlers_refuse_in_chinese(learner_client):
    messages = [
        post(learner_client, LEVELS, "start_level", "{not json"),
        post(learner_client, LEVELS, "start_level", json.dumps({"level": 7})),
        post(learner_client, LEVELS, "start_level", json.dumps({"level": 1})),
        post(learner_client, LEVELS, "submit_level", json.dumps({"attempt_id": "x", "answers": {}})),
        post(learner_client, LEVELS, "studio_submit", "{}"),
        post(learner_client, LEVELS, "get_state", json.dumps({"pad": "x" * 70_000})),
        post(learner_client, SURVEY, "submit", json.dumps({"answers": {"ghost": "x"}})),
        post(learner_client, SURVEY, "submit", json.dumps({"answers": {}, "anonymous": "yes"})),
        post(learner_client, SURVEY, "results", "{}"),
        learner_client.get(lms_handler(LEVELS, "get_state"), HTTP_ACCEPT_LANGUAGE="zh-cn").json()["message"],
    ]
    assert all(re.search(r"[\u4e00-\u9fff]", message) for message in messages), messages
    assert english_in("\n".join(messages)) == []


@pytest.mark.usefixtures("lookup")
def test_an_authors_refused_edit_is_explained_in_chinese(author_client):
    message = post(author_client, SURVEY, "studio_submit", json.dumps({"questions": "[{\"kind\": \"poll\"}]"}),
                   studio=True)
    assert re.search(r"[\u4e00-\u9fff]", message) and english_in(message) == [], message
