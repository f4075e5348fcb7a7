"""Settings for the test suite: shared settings plus our plugins' ``test`` settings."""
from edx_django_utils.plugins import add_plugins

from devhost.plugins import LMS
from devhost.settings.common import *  # noqa: F403
from devhost.settings.common import VAR_DIR

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DJFS = {"type": "osfs", "directory_root": str(VAR_DIR / "test-djpyfs"), "url_root": "/static/djpyfs"}

add_plugins(__name__, LMS, "test")
