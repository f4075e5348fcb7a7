"""
The public Python API of the survey plugin.

The demand_survey XBlock, views and other apps use only this module; nothing outside
``survey_plugin`` imports its models.
"""
from survey_plugin import config
from survey_plugin.data import SurveyPrivacyPolicy

__all__ = ["SurveyPrivacyPolicy", "privacy_policy"]


def privacy_policy() -> SurveyPrivacyPolicy:
    """Return the configured privacy threshold and answer-length limit."""
    return SurveyPrivacyPolicy(min_group_size=config.min_group_size(), max_text_length=config.max_text_length())
