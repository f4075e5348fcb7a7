"""
The public Python API of the survey plugin.

The demand_survey XBlock, views and other apps use only this module; nothing outside
``survey_plugin`` imports its models. Results are the frozen data classes of ``data.py``.
"""
from datetime import date

from cadre_common.spreadsheets import CONTENT_TYPES as EXPORT_CONTENT_TYPES
from survey_plugin import config
from survey_plugin.catalogue import link_resource, resources_for_topics, save_topic, topics
from survey_plugin.catalogue_import import import_topic_catalogue
from survey_plugin.config import export_rows_in_request
from survey_plugin.data import (
    CatalogueImportResult,
    DemandFilter,
    DemandRanking,
    ExportQuestion,
    Facts,
    OptionTally,
    RecordedResponse,
    ResourceData,
    Respondent,
    SubmittedAnswer,
    SurveyInfo,
    SurveyPrivacyPolicy,
    SurveyResults,
    TopicData,
    TopicDemand,
)
from survey_plugin.demand import demand_ranking
from survey_plugin.demand import refusal_message as demand_refusal_message
from survey_plugin.errors import SurveyError
from survey_plugin.response_exports import response_export_url, response_file, start_response_export
from survey_plugin.responses import has_responded, my_answers, submit_response
from survey_plugin.results import response_count, survey_results
from survey_plugin.surveys import register_survey

__all__ = [
    # Surveys and the responses learners give
    "SurveyInfo",
    "register_survey",
    "Respondent",
    "Facts",
    "SubmittedAnswer",
    "RecordedResponse",
    "SurveyError",
    "submit_response",
    "has_responded",
    "my_answers",
    "tenure",
    "SurveyPrivacyPolicy",
    "privacy_policy",
    # A survey's results, for its staff and (when allowed) its learners
    "SurveyResults",
    "OptionTally",
    "survey_results",
    "response_count",
    # Exports of a survey's responses
    "EXPORT_CONTENT_TYPES",
    "export_rows_in_request",
    "ExportQuestion",
    "response_file",
    "start_response_export",
    "response_export_url",
    # The topic catalogue
    "TopicData",
    "ResourceData",
    "topics",
    "resources_for_topics",
    "save_topic",
    "link_resource",
    "CatalogueImportResult",
    "import_topic_catalogue",
    # Demand across every survey
    "DemandFilter",
    "DemandRanking",
    "TopicDemand",
    "demand_ranking",
    "demand_refusal_message",
]


def privacy_policy() -> SurveyPrivacyPolicy:
    """The configured privacy threshold and answer-length limit."""
    return SurveyPrivacyPolicy(min_group_size=config.min_group_size(), max_text_length=config.max_text_length())


def tenure(*, took_office_on: date | None, today: date) -> str:
    """"new" for a cadre appointed less than ``CADRE_SURVEY_NEW_CADRE_MONTHS`` ago, else "serving" ("" unknown)."""
    if took_office_on is None:
        return ""
    months = (today.year - took_office_on.year) * 12 + today.month - took_office_on.month
    if today.day < took_office_on.day:
        months -= 1
    return "new" if months < config.new_cadre_months() else "serving"
