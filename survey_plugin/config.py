"""The one accessor for the survey plugin's settings, with their defaults."""
from django.conf import settings

DEFAULTS = {
    # Filtered survey results hide any group with fewer respondents than this, so that a
    # filter cannot single a person out.
    "CADRE_SURVEY_MIN_GROUP_SIZE": 5,
    # Longest free-text answer accepted, in characters.
    "CADRE_SURVEY_MAX_TEXT_LENGTH": 2000,
    # A cadre who took office less than this many months ago counts as newly appointed.
    "CADRE_SURVEY_NEW_CADRE_MONTHS": 12,
    # A topic in demand with fewer linked courses or units than this is a gap.
    "CADRE_SURVEY_GAP_BELOW_RESOURCES": 2,
    # Who may see demand for which organisations: a function (viewer) -> {"everything", "roots",
    # "choices"}; the cadre records' by default. Empty: global staff see everything, nobody else anything.
    "CADRE_SURVEY_ORGANISATION_SCOPE": "credit_plugin.api.report_organisations",
    # Response exports of more responses than this run as a Celery task with a progress page.
    "CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST": 2000,
    # A named survey's export says who answered what: each export is deleted, file and all, this
    # many days after it was asked for (by a daily task on the Celery beat); 0 keeps them.
    "CADRE_SURVEY_EXPORT_RETENTION_DAYS": 7,
    # The template the demand pages extend (blocks: title, head, content); the LMS theme may name its own.
    "CADRE_SURVEY_BASE_TEMPLATE": "survey_plugin/base.html",
}


def get(name: str):
    """Return the configured value of setting ``name``, or its default."""
    return getattr(settings, name, DEFAULTS[name])


def min_group_size() -> int:
    return int(get("CADRE_SURVEY_MIN_GROUP_SIZE"))


def max_text_length() -> int:
    return int(get("CADRE_SURVEY_MAX_TEXT_LENGTH"))


def new_cadre_months() -> int:
    return int(get("CADRE_SURVEY_NEW_CADRE_MONTHS"))


def export_retention_days() -> int:
    """Exports are deleted this many days after they are asked for (0: kept)."""
    return int(get("CADRE_SURVEY_EXPORT_RETENTION_DAYS"))


def gap_below_resources() -> int:
    return int(get("CADRE_SURVEY_GAP_BELOW_RESOURCES"))
