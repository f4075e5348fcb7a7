"""Devstack settings: the common defaults are what a developer wants."""
from survey_plugin.settings.common import plugin_settings as common_settings


def plugin_settings(settings) -> None:
    common_settings(settings)
