"""
The public Python API of the survey plugin.

The demand_survey XBlock, views and other apps use only this module; nothing outside
``survey_plugin`` imports its models.
"""
from datetime import date

from survey_plugin import config
from survey_plugin.catalogue import default_url, link_resource, resources_for_topics, save_topic, topics
from survey_plugin.catalogue_import import import_topic_catalogue
from survey_plugin.config import export_retention_days
from survey_plugin.data import (
    CatalogueImportResult,
    DemandFilter,
    DemandRanking,
    OptionTally,
    RecordedResponse,
    ResourceData,
    Respondent,
    ResponseExportData,
    SubmittedAnswer,
    SurveyError,
    SurveyInfo,
    SurveyPrivacyPolicy,
    SurveyResults,
    TopicData,
    TopicDemand,
)
from survey_plugin.demand import demand_ranking
from survey_plugin.export_files import CONTENT_TYPES as EXPORT_CONTENT_TYPES
from survey_plugin.export_files import write_table
from survey_plugin.response_exports import (
    export_rows_in_request,
    open_export_file,
    response_export,
    start_response_export,
)
from survey_plugin.responses import has_responded, my_answers, submit_response
from survey_plugin.results import response_count, response_rows, survey_results
from survey_plugin.surveys import register_survey

__all__ = [
    "CatalogueImportResult",
    "EXPORT_CONTENT_TYPES",
    "DemandFilter",
    "DemandRanking",
    "OptionTally",
    "RecordedResponse",
    "ResponseExportData",
    "Respondent",
    "ResourceData",
    "SubmittedAnswer",
    "SurveyError",
    "SurveyInfo",
    "SurveyPrivacyPolicy",
    "SurveyResults",
    "TopicData",
    "TopicDemand",
    "default_url",
    "demand_ranking",
    "export_retention_days",
    "export_rows_in_request",
    "import_topic_catalogue",
    "has_responded",
    "link_resource",
    "my_answers",
    "open_export_file",
    "privacy_policy",
    "register_survey",
    "resources_for_topics",
    "response_export",
    "response_count",
    "response_rows",
    "save_topic",
    "start_response_export",
    "submit_response",
    "survey_results",
    "tenure",
    "write_table",
    "topics",
]


def privacy_policy() -> SurveyPrivacyPolicy:
    """Return the configured privacy threshold and answer-length limit."""
    return SurveyPrivacyPolicy(min_group_size=config.min_group_size(), max_text_length=config.max_text_length())


def tenure(*, took_office_on: date | None, today: date) -> str:
    """"new" for a cadre appointed less than ``CADRE_SURVEY_NEW_CADRE_MONTHS`` ago, else "serving" ("" unknown)."""
    if took_office_on is None:
        return ""
    months = (today.year - took_office_on.year) * 12 + today.month - took_office_on.month
    if today.day < took_office_on.day:
        months -= 1
    return "new" if months < config.new_cadre_months() else "serving"
