"""
The devhost's XBlock i18n service finds a block's catalog where edx-platform's XBlockI18nService
does, in the same order, with the same domains and the same fallback, made anew for each block.
"""
import gettext

import django.utils.translation
import polib
import pytest
from django.conf import settings
from django.utils import translation

from devhost.xblock_services.i18n import XBlockI18nService
from tests.devhost_blocks import CourseContentRuntime
from xblocks import atlas_catalogs, resources

pytestmark = pytest.mark.django_db
USAGE = "level-challenge.level_challenge.d0.u0"


@pytest.fixture(autouse=True)
def _a_platform_checkout_of_its_own(settings, tmp_path):
    """Each test its own folders: gettext keeps every catalog it loaded, by path, for the process."""
    settings.REPO_ROOT, settings.STATICI18N_ROOT = tmp_path, tmp_path / "lms" / "static"


@pytest.fixture
def challenge(learner):
    return CourseContentRuntime(learner).get_block(USAGE)


def pulled_folder():
    return settings.REPO_ROOT / "conf" / "plugins-locale" / "xblock.v1" / "xblocks"


def service(block, language="zh-cn"):
    with translation.override(language):
        return block.runtime.service(block, "i18n")


def test_without_a_pulled_folder_the_catalog_bundled_in_the_package_is_read(challenge):
    i18n = service(challenge)
    domain, locale_dir = i18n.get_python_locale(challenge)
    assert (domain, locale_dir.endswith("xblocks/translations")) == ("text", True)
    assert isinstance(i18n.translator, gettext.GNUTranslations)
    assert i18n.gettext("Points") == "积分"
    assert i18n.ugettext("Points") == "积分"


def test_a_pulled_folder_comes_first_and_is_read_in_the_django_domain(challenge):
    messages = pulled_folder() / "zh_CN" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=1; plural=0;"}
    catalog.append(polib.POEntry(msgid="Points", msgstr="分数（译者库）"))
    catalog.save_as_mofile(str(messages / "django.mo"))
    assert service(challenge).get_python_locale(challenge) == ("django", pulled_folder())
    assert service(challenge).gettext("Points") == "分数（译者库）"


def test_an_empty_pulled_folder_hides_the_bundled_catalog_and_django_s_catalogs_answer(challenge):
    """What `pull_xblock_translations` leaves in a Tutor image for a module the translations repo lacks."""
    pulled_folder().mkdir(parents=True)
    i18n = service(challenge)
    assert i18n.translator is django.utils.translation
    with translation.override("zh-cn"):
        assert i18n.gettext("Points") == "Points"


def test_the_tutor_step_fills_an_empty_pulled_folder_and_leaves_an_operator_s_catalogs(challenge):
    pulled_folder().mkdir(parents=True)
    copied = atlas_catalogs.install(pulled_folder().parent)
    assert sorted(path.relative_to(pulled_folder()).as_posix() for path in copied) == [
        "en/LC_MESSAGES/django.po", "en/LC_MESSAGES/djangojs.po",
        "zh_CN/LC_MESSAGES/django.po", "zh_CN/LC_MESSAGES/djangojs.po",
    ]
    assert atlas_catalogs.install(pulled_folder().parent) == []


def test_a_language_without_a_catalog_falls_back_to_django(challenge):
    assert service(challenge, "fr").translator is django.utils.translation


def test_each_request_for_the_service_makes_one_for_that_block(challenge):
    first, second = service(challenge), service(challenge)
    assert isinstance(first, XBlockI18nService) and first is not second


def test_the_javascript_catalog_is_offered_once_compiled(challenge, request):
    assert service(challenge).get_javascript_i18n_catalog_url(challenge) is None
    request.getfixturevalue("pulled_xblock_catalogs")
    with translation.override("zh-cn"):
        url = service(challenge).get_javascript_i18n_catalog_url(challenge)
        assert url == "/static/js/xblock.v1-i18n/xblocks/zh_CN.js"
        fragment = challenge.render("student_view", {})
    assert url in [resource.data for resource in fragment.resources if resource.kind == "url"]
    script = (settings.STATICI18N_ROOT / "js" / "xblock.v1-i18n" / "xblocks" / "zh_CN.js").read_text()
    assert f"global.{resources.JS_I18N_NAMESPACE} = {resources.JS_I18N_NAMESPACE}" in script
    assert '"Points": "\\u79ef\\u5206"' in script  # 积分


def test_both_blocks_name_the_one_namespace_of_their_root_module_s_catalog():
    from xblocks.demand_survey.block import DemandSurveyBlock
    from xblocks.level_challenge.block import LevelChallengeBlock

    assert LevelChallengeBlock.get_i18n_js_namespace() == DemandSurveyBlock.get_i18n_js_namespace() == (
        resources.JS_I18N_NAMESPACE)
