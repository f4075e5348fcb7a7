"""The suite declares itself through the entry points the Open edX platform reads."""
from importlib.metadata import entry_points

from edx_django_utils.plugins import get_plugin_apps
from xblock.core import XBlock


def _names(group):
    return {entry_point.name: entry_point.value for entry_point in entry_points(group=group)}


def test_xblocks_load_by_their_olx_tags():
    assert XBlock.load_class("level_challenge").__name__ == "LevelChallengeBlock"
    assert XBlock.load_class("demand_survey").__name__ == "DemandSurveyBlock"


def test_plugin_apps_are_registered_for_lms_and_studio():
    for group in ("lms.djangoapp", "cms.djangoapp"):
        names = _names(group)
        assert names["credit_plugin"] == "credit_plugin.apps:CreditPluginConfig"
        assert names["survey_plugin"] == "survey_plugin.apps:SurveyPluginConfig"


def test_plugin_framework_lists_both_apps():
    apps = get_plugin_apps("lms.djangoapp")
    assert "credit_plugin.apps.CreditPluginConfig" in apps
    assert "survey_plugin.apps.SurveyPluginConfig" in apps
