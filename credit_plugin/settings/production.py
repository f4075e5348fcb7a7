"""Production settings: values come from the LMS's YAML configuration when it sets them."""
from cadre_common.plugin_settings import route_long_tasks, set_beat_schedule
from credit_plugin.config import SETTINGS
from credit_plugin.settings.common import BEAT_TASKS

# Tasks that read or write a whole organisation's records; they go to the LMS's high-memory
# queue (Tutor's LMS worker listens on it) so they never hold up the short tasks of learners.
LONG_TASKS = (
    "credit_plugin.tasks.reconcile_credits",
    "credit_plugin.tasks.export_compliance",
    "credit_plugin.tasks.export_training_archives",
    "credit_plugin.tasks.send_training_reminders",
    "credit_plugin.tasks.issue_certificate_chunk",
)


def plugin_settings(settings):
    """Override defaults from ``ENV_TOKENS`` (older releases) or values the YAML already set."""
    env_tokens = getattr(settings, "ENV_TOKENS", {}) or {}
    if "CADRE_TRAINING_CERTIFICATE_KEY_IN_DATABASE" not in env_tokens and not hasattr(
            settings, "CADRE_TRAINING_CERTIFICATE_KEY_IN_DATABASE"):
        settings.CADRE_TRAINING_CERTIFICATE_KEY_IN_DATABASE = False  # a database reader must not be able to sign
    SETTINGS.apply_defaults(settings, env_tokens=env_tokens)
    set_beat_schedule(settings, BEAT_TASKS)
    route_long_tasks(settings, LONG_TASKS)
