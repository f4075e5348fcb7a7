"""Settings the credit plugin adds to every LMS and Studio configuration."""
from pathlib import Path

from cadre_common.plugin_settings import add_locale_path, set_beat_schedule
from credit_plugin.config import SETTINGS

LOCALE_DIR = str(Path(__file__).resolve().parents[1] / "conf" / "locale")
DAY = 86400


def _interval(name):
    return lambda settings: int(getattr(settings, name, SETTINGS.defaults[name]))


def _daily_unless_zero(name):
    return lambda settings: DAY if _interval(name)(settings) > 0 else 0


# Celery beat entries: (entry name, task, seconds between runs given the settings; 0: not scheduled).
BEAT_TASKS = [
    ("credit_plugin.reconcile_credits", "credit_plugin.tasks.reconcile_credits",
     _interval("CADRE_TRAINING_RECONCILE_INTERVAL")),
    ("credit_plugin.replay_failed_events", "credit_plugin.tasks.replay_failed_events",
     _interval("CADRE_TRAINING_REPLAY_INTERVAL")),
    ("credit_plugin.send_training_reminders", "credit_plugin.tasks.send_training_reminders",
     _interval("CADRE_TRAINING_REMINDER_INTERVAL")),
    ("credit_plugin.purge_expired_exports", "credit_plugin.tasks.purge_expired_exports",
     _daily_unless_zero("CADRE_TRAINING_EXPORT_RETENTION_DAYS")),
]


def plugin_settings(settings):
    """Give every credit setting its default unless the host already set it; schedule the periodic tasks."""
    SETTINGS.apply_defaults(settings)
    set_beat_schedule(settings, BEAT_TASKS)
    add_locale_path(settings, LOCALE_DIR)
