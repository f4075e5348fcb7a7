"""Settings for the test suite: shared settings plus our plugins' ``test`` settings."""
from edx_django_utils.plugins import add_plugins

from devhost.plugins import LMS
from devhost.settings.common import *  # noqa: F403
from devhost.settings.common import VAR_DIR

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DJFS = {"type": "osfs", "directory_root": str(VAR_DIR / "test-djpyfs"), "url_root": "/static/djpyfs"}
# The platform's folders for pulled XBlock catalogs, apart from the demo's: empty unless a test
# pulls the blocks' catalogs (tests/conftest.py: pulled_xblock_catalogs).
REPO_ROOT = VAR_DIR / "test-edx-platform"
STATICI18N_ROOT = REPO_ROOT / "lms" / "static"
STATICI18N_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [STATICI18N_ROOT]

add_plugins(__name__, LMS, "test")

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory, so that other processes (concurrency tests) reach the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-devhost.sqlite3")}  # noqa: F405
