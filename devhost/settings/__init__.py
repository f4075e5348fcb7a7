"""The devhost's development settings: shared settings plus our plugins' ``devstack`` settings."""
from edx_django_utils.plugins import add_plugins

from devhost.plugins import LMS
from devhost.settings.common import *  # noqa: F403

add_plugins(__name__, LMS, "devstack")
