"""Production settings: values come from the LMS's YAML configuration when it sets them."""
from survey_plugin.config import DEFAULTS
from survey_plugin.settings.common import schedule_export_purge

# Reads every response of a survey: it goes to the LMS's high-memory queue (Tutor's LMS worker
# listens on it), so it never holds up learners' short tasks.
EXPORT_TASK = "survey_plugin.tasks.export_survey_responses"


def plugin_settings(settings):
    """Override defaults from ``ENV_TOKENS`` (older releases) or values the YAML already set."""
    env_tokens = getattr(settings, "ENV_TOKENS", {}) or {}
    for name, default in DEFAULTS.items():
        setattr(settings, name, env_tokens.get(name, getattr(settings, name, default)))
    schedule_export_purge(settings)
    queue = getattr(settings, "HIGH_MEM_QUEUE", None)
    if queue:  # a route the operator already set is kept
        settings.EXPLICIT_QUEUES = {EXPORT_TASK: {"queue": queue}, **(getattr(settings, "EXPLICIT_QUEUES", {}) or {})}
