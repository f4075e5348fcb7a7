"""Fixtures shared by the whole suite."""
import io
import shutil

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from tests.factories import StaffFactory, UserFactory


def _database_fixture(request):
    """The pytest-django database fixture this test uses, if any."""
    marker = request.node.get_closest_marker("django_db")
    names = request.fixturenames
    if "transactional_db" in names or "live_server" in names or (marker and marker.kwargs.get("transaction")):
        return "transactional_db"
    if marker or "db" in names:
        return "db"
    return None


@pytest.fixture(autouse=True)
def _workbench_scenarios(request):
    """
    Load the XBlock SDK's scenarios into this test's database.

    The workbench keeps scenario content in database rows that a test's rollback or flush
    removes; ``reset_global_state`` is the SDK's own way to reload them for an isolated test.
    """
    database = _database_fixture(request)
    if database:
        request.getfixturevalue(database)
        from workbench.runtime_util import reset_global_state

        reset_global_state()


@pytest.fixture(autouse=True)
def _own_event_spool(settings, tmp_path):
    """Each test has its own spool of LMS events, as each LMS server has its own disk."""
    settings.CADRE_TRAINING_EVENT_SPOOL_DIR = str(tmp_path / "event-spool")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Tests start with empty caches, as a freshly started LMS does (cached policy, caps, waffle switches)."""
    from django.core.cache import cache
    from edx_django_utils.cache import RequestCache

    cache.clear()
    RequestCache.clear_all_namespaces()  # what RequestCacheMiddleware does between requests


@pytest.fixture
def learner(db):
    return UserFactory(username="learner1")


@pytest.fixture
def staff_user(db):
    return StaffFactory(username="staff1")


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def completion_tracking(db):
    """edx-completion records completions only while its waffle switch is on, as in the LMS."""
    from waffle.models import Switch

    Switch.objects.update_or_create(name="completion.enable_completion_tracking", defaults={"active": True})


def forget_pulled_xblock_catalogs():
    shutil.rmtree(settings.REPO_ROOT / "conf", ignore_errors=True)
    shutil.rmtree(settings.STATICI18N_ROOT / "js", ignore_errors=True)


@pytest.fixture(autouse=True, scope="session")
def _no_pulled_xblock_catalogs():
    """Tests start as an LMS where no atlas pull ran: the blocks read the catalogs bundled in the package."""
    forget_pulled_xblock_catalogs()


@pytest.fixture
def pulled_xblock_catalogs():
    """
    The platform's folders as a Tutor image build leaves them with our Tutor plugin: the blocks'
    catalogs where atlas would have pulled them, compiled, with their JavaScript catalogs.
    """
    from xblocks import atlas_catalogs

    atlas_catalogs.install(settings.REPO_ROOT / "conf" / "plugins-locale" / "xblock.v1")
    call_command("compile_xblock_translations", stdout=io.StringIO())
    yield settings.REPO_ROOT
    forget_pulled_xblock_catalogs()
