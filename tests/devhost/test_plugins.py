"""The devhost loads our plugins, and only them, through edx-django-utils like the LMS."""
from django.apps import apps
from django.conf import settings
from edx_django_utils.plugins import get_plugin_apps

from credit_plugin.settings.common import LOCALE_DIR as CREDIT_LOCALE_DIR
from devhost.plugins import OUR_PLUGINS


def test_only_our_plugins_are_loaded_although_edx_completion_is_installed_as_a_plugin():
    from importlib.metadata import entry_points

    installed = {entry_point.name for entry_point in entry_points(group="lms.djangoapp")}
    assert "completion" in installed  # a plugin whose receivers need edx-platform
    assert get_plugin_apps("lms.djangoapp") == [
        "credit_plugin.apps.CreditPluginConfig",
        "survey_plugin.apps.SurveyPluginConfig",
    ]
    assert set(OUR_PLUGINS) <= {config.label for config in apps.get_app_configs()}


def test_plugin_settings_were_applied_by_the_framework():
    assert settings.CADRE_TRAINING_YEARLY_CREDITS == 90
    assert settings.CADRE_SURVEY_MIN_GROUP_SIZE == 5
    assert CREDIT_LOCALE_DIR in settings.LOCALE_PATHS


def test_plugin_receivers_are_connected_to_the_real_signals():
    from openedx_events.learning.signals import CERTIFICATE_CREATED, COURSE_PASSING_STATUS_UPDATED

    from credit_plugin import receivers

    def connected(signal):
        return [entry[1]() for entry in signal.receivers]  # (lookup key, weak reference, is_async)

    assert receivers.on_course_passing_status_updated in connected(COURSE_PASSING_STATUS_UPDATED)
    assert receivers.on_certificate_created in connected(CERTIFICATE_CREATED)
