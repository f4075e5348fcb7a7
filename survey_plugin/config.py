"""The survey plugin's settings: their defaults, and the one accessor everything reads them through."""
from decimal import Decimal

from cadre_common.plugin_settings import PluginSettings

DEFAULTS = {
    # Filtered survey results hide any group with fewer respondents than this, so that a
    # filter cannot single a person out.
    "CADRE_SURVEY_MIN_GROUP_SIZE": 5,
    # An anonymous response keeps the respondent's organisation down to this level of the tree at
    # most (1: the root), and higher where fewer cadres share it than CADRE_SURVEY_MIN_GROUP_SIZE.
    "CADRE_SURVEY_ANONYMOUS_ORGANISATION_DEPTH": 3,
    # Longest free-text answer accepted, in characters.
    "CADRE_SURVEY_MAX_TEXT_LENGTH": 2000,
    # A cadre who took office less than this many months ago counts as newly appointed.
    "CADRE_SURVEY_NEW_CADRE_MONTHS": 12,
    # A topic in demand with fewer linked courses or units than this is a gap.
    "CADRE_SURVEY_GAP_BELOW_RESOURCES": 2,
    # Who may see demand for which organisations: a function (viewer) -> OrganisationScope; the
    # cadre records' by default. Empty: global staff see everything, nobody else anything.
    "CADRE_SURVEY_ORGANISATION_SCOPE": "credit_plugin.api.report_organisations",
    # Response exports of more responses than this run as a Celery task with a progress page.
    "CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST": 2000,
    # A named survey's export says who answered what: each export is deleted, file and all, this
    # many days after it was asked for (by a daily task on the Celery beat); 0 keeps them.
    "CADRE_SURVEY_EXPORT_RETENTION_DAYS": 7,
    # The template the demand pages extend (blocks: title, head, content); the LMS theme may name its own.
    "CADRE_SURVEY_BASE_TEMPLATE": "survey_plugin/base.html",
}
SETTINGS = PluginSettings(DEFAULTS)


def _whole_number(name: str) -> int:
    # The system check has made sure it is a whole number, though YAML may have written it "7" or 7.0.
    return int(Decimal(str(SETTINGS.get(name))))


def min_group_size() -> int:
    return _whole_number("CADRE_SURVEY_MIN_GROUP_SIZE")


def anonymous_organisation_depth() -> int:
    return _whole_number("CADRE_SURVEY_ANONYMOUS_ORGANISATION_DEPTH")


def max_text_length() -> int:
    return _whole_number("CADRE_SURVEY_MAX_TEXT_LENGTH")


def new_cadre_months() -> int:
    return _whole_number("CADRE_SURVEY_NEW_CADRE_MONTHS")


def gap_below_resources() -> int:
    return _whole_number("CADRE_SURVEY_GAP_BELOW_RESOURCES")


def export_rows_in_request() -> int:
    """Exports of up to this many responses answer the request; larger ones run as a task."""
    return _whole_number("CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST")


def export_retention_days() -> int:
    """Exports are deleted this many days after they are asked for (0: kept)."""
    return _whole_number("CADRE_SURVEY_EXPORT_RETENTION_DAYS")


def organisation_scope_provider() -> str:
    return SETTINGS.get("CADRE_SURVEY_ORGANISATION_SCOPE")


def base_template() -> str:
    return SETTINGS.get("CADRE_SURVEY_BASE_TEMPLATE")
