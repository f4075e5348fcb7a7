"""System checks: a misconfigured survey plugin stops the LMS at start-up, naming the setting."""
from django.core import checks
from django.utils.module_loading import import_string

from survey_plugin.config import SETTINGS

WHOLE_NUMBERS = (
    ("CADRE_SURVEY_MIN_GROUP_SIZE", "survey_plugin.E001"),
    ("CADRE_SURVEY_MAX_TEXT_LENGTH", "survey_plugin.E002"),
    ("CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST", "survey_plugin.E003"),
    ("CADRE_SURVEY_EXPORT_RETENTION_DAYS", "survey_plugin.E004"),
    ("CADRE_SURVEY_NEW_CADRE_MONTHS", "survey_plugin.E005"),
    ("CADRE_SURVEY_GAP_BELOW_RESOURCES", "survey_plugin.E006"),
    ("CADRE_SURVEY_ANONYMOUS_ORGANISATION_DEPTH", "survey_plugin.E008"),
)


@checks.register(checks.Tags.compatibility)
def check_survey_settings(app_configs=None, **kwargs) -> list[checks.Error]:
    """The thresholds, limits and export sizes are whole numbers; the organisation scope names a function."""
    return SETTINGS.non_negative_number_errors(WHOLE_NUMBERS, whole=True) + _organisation_scope_errors()


def _organisation_scope_errors() -> list[checks.Error]:
    name, provider = "CADRE_SURVEY_ORGANISATION_SCOPE", SETTINGS.get("CADRE_SURVEY_ORGANISATION_SCOPE")
    if not provider:
        return []
    try:
        if callable(import_string(provider)):
            return []
    except ImportError:
        pass
    return [checks.Error(
        f"{name} must be the dotted path of a function (viewer) -> OrganisationScope, not {provider!r}.",
        hint=f"Set {name} to {SETTINGS.defaults[name]!r}, or to '' to let only global staff read demand.",
        id="survey_plugin.E007",
    )]
