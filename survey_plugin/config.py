"""The one accessor for the survey plugin's settings, with their defaults."""
from django.conf import settings

DEFAULTS = {
    # Filtered survey results hide any group with fewer respondents than this, so that a
    # filter cannot single a person out.
    "CADRE_SURVEY_MIN_GROUP_SIZE": 5,
    # Longest free-text answer accepted, in characters.
    "CADRE_SURVEY_MAX_TEXT_LENGTH": 2000,
}


def get(name: str):
    """Return the configured value of setting ``name``, or its default."""
    return getattr(settings, name, DEFAULTS[name])


def min_group_size() -> int:
    return int(get("CADRE_SURVEY_MIN_GROUP_SIZE"))


def max_text_length() -> int:
    return int(get("CADRE_SURVEY_MAX_TEXT_LENGTH"))
