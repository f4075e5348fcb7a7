"""Production settings: values come from the LMS's YAML configuration when it sets them."""
from cadre_common.plugin_settings import route_long_tasks
from survey_plugin.config import SETTINGS
from survey_plugin.settings.common import schedule_export_purge

# Reads every response of a survey: it goes to the LMS's high-memory queue (Tutor's LMS worker
# listens on it), so it never holds up learners' short tasks.
EXPORT_TASK = "survey_plugin.tasks.export_survey_responses"


def plugin_settings(settings) -> None:
    """Override defaults from ``ENV_TOKENS`` (older releases) or values the YAML already set."""
    SETTINGS.apply_defaults(settings, env_tokens=getattr(settings, "ENV_TOKENS", {}) or {})
    schedule_export_purge(settings)
    route_long_tasks(settings, [EXPORT_TASK])
