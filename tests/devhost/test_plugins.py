"""The devhost loads the LMS's plugins (ours and edx-completion) through edx-django-utils, as the LMS does."""
from django.apps import apps
from django.conf import settings
from edx_django_utils.plugins import get_plugin_apps

from credit_plugin.settings.common import LOCALE_DIR as CREDIT_LOCALE_DIR
from devhost.plugins import OUR_PLUGINS


def test_our_plugins_and_edx_completion_are_loaded_as_lms_plugins():
    from importlib.metadata import entry_points

    installed = {entry_point.name for entry_point in entry_points(group="lms.djangoapp")}
    assert "completion" in installed
    assert sorted(get_plugin_apps("lms.djangoapp")) == [
        "completion.apps.CompletionAppConfig",
        "credit_plugin.apps.CreditPluginConfig",
        "survey_plugin.apps.SurveyPluginConfig",
    ]
    assert set(OUR_PLUGINS) | {"completion"} <= {config.label for config in apps.get_app_configs()}


def test_edx_completion_receiver_is_connected_by_its_plugin_config_to_the_grades_signal():
    from completion.handlers import scorable_block_completion
    from lms.djangoapps.grades.signals.signals import PROBLEM_WEIGHTED_SCORE_CHANGED

    connected = [entry[1]() for entry in PROBLEM_WEIGHTED_SCORE_CHANGED.receivers]
    assert scorable_block_completion in connected
    assert settings.COMPLETION_BY_VIEWING_DELAY_MS == 5000  # its common plugin settings were applied


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
