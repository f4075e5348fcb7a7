"""System checks: a misconfigured survey plugin stops the LMS at start-up, naming the setting."""
from django.core import checks

from survey_plugin import config


def _whole_number_error(name, error_id, *, smallest=1):
    value = config.get(name)
    if isinstance(value, int) and not isinstance(value, bool) and value >= smallest:
        return []
    return [
        checks.Error(
            f"{name} must be a {'positive' if smallest else 'non-negative'} whole number, not {value!r}.",
            hint=f"Set {name} to a number such as {config.DEFAULTS[name]}.",
            id=error_id,
        )
    ]


@checks.register(checks.Tags.compatibility)
def check_survey_settings(app_configs=None, **kwargs):
    """Validate the privacy threshold, the free-text limit and the size and lifetime of exports."""
    return (
        _whole_number_error("CADRE_SURVEY_MIN_GROUP_SIZE", "survey_plugin.E001")
        + _whole_number_error("CADRE_SURVEY_MAX_TEXT_LENGTH", "survey_plugin.E002")
        + _whole_number_error("CADRE_SURVEY_EXPORT_ROWS_IN_REQUEST", "survey_plugin.E003")
        + _whole_number_error("CADRE_SURVEY_EXPORT_RETENTION_DAYS", "survey_plugin.E004", smallest=0)
    )
