"""Devstack settings: the common defaults are what a developer wants."""
from credit_plugin.settings.common import plugin_settings as common_settings


def plugin_settings(settings):
    common_settings(settings)
