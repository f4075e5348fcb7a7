"""Test settings: the common defaults, so tests see what a fresh installation sees."""
from survey_plugin.settings.common import plugin_settings as common_settings


def plugin_settings(settings) -> None:
    common_settings(settings)
