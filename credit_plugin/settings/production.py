"""Production settings: values come from the LMS's YAML configuration when it sets them."""
from credit_plugin.config import DEFAULTS
from credit_plugin.settings.common import add_beat_schedule

# Tasks that read or write a whole organisation's records; they go to the LMS's high-memory
# queue (Tutor's LMS worker listens on it) so they never hold up the short tasks of learners.
LONG_TASKS = (
    "credit_plugin.tasks.reconcile_credits",
    "credit_plugin.tasks.export_compliance",
    "credit_plugin.tasks.send_training_reminders",
    "credit_plugin.tasks.issue_certificate_chunk",
)


def plugin_settings(settings):
    """Override defaults from ``ENV_TOKENS`` (older releases) or values the YAML already set."""
    env_tokens = getattr(settings, "ENV_TOKENS", {}) or {}
    for name, default in DEFAULTS.items():
        setattr(settings, name, env_tokens.get(name, getattr(settings, name, default)))
    add_beat_schedule(settings)
    route_long_tasks(settings, LONG_TASKS)


def route_long_tasks(settings, task_names):
    """
    Send ``task_names`` to the LMS's ``HIGH_MEM_QUEUE`` through its ``EXPLICIT_QUEUES`` router.

    A route the operator already set is kept; a platform without that queue routes nothing.
    """
    queue = getattr(settings, "HIGH_MEM_QUEUE", None)
    if not queue:
        return
    explicit_queues = dict(getattr(settings, "EXPLICIT_QUEUES", {}) or {})
    for name in task_names:
        explicit_queues.setdefault(name, {"queue": queue})
    settings.EXPLICIT_QUEUES = explicit_queues
