"""Settings the credit plugin adds to every LMS and Studio configuration."""
from pathlib import Path

from credit_plugin.config import DEFAULTS

LOCALE_DIR = str(Path(__file__).resolve().parents[1] / "conf" / "locale")


def plugin_settings(settings):
    """Give every credit setting its default unless the host already set it."""
    for name, default in DEFAULTS.items():
        if not hasattr(settings, name):
            setattr(settings, name, default)
    add_beat_schedule(settings)
    # The LMS finds a plugin's translations only through LOCALE_PATHS.
    if LOCALE_DIR not in list(getattr(settings, "LOCALE_PATHS", [])):
        settings.LOCALE_PATHS = [*getattr(settings, "LOCALE_PATHS", []), LOCALE_DIR]


DAY = 86400


def _setting(settings, name) -> int:
    return int(getattr(settings, name, DEFAULTS[name]))


# Celery beat entries: (entry name, task, seconds between runs given the settings; 0: not scheduled).
BEAT_TASKS = (
    ("credit_plugin.reconcile_credits", "credit_plugin.tasks.reconcile_credits",
     lambda settings: _setting(settings, "CADRE_TRAINING_RECONCILE_INTERVAL")),
    ("credit_plugin.send_training_reminders", "credit_plugin.tasks.send_training_reminders",
     lambda settings: _setting(settings, "CADRE_TRAINING_REMINDER_INTERVAL")),
    ("credit_plugin.purge_expired_exports", "credit_plugin.tasks.purge_expired_exports",
     lambda settings: DAY if _setting(settings, "CADRE_TRAINING_EXPORT_RETENTION_DAYS") > 0 else 0),
)


def add_beat_schedule(settings):
    """Put the plugin's periodic tasks on the LMS's Celery beat; a task whose interval comes to 0 is taken off."""
    schedule = dict(getattr(settings, "CELERY_BEAT_SCHEDULE", {}) or {})
    for entry, task, interval_for in BEAT_TASKS:
        interval = interval_for(settings)
        if interval > 0:
            schedule[entry] = {"task": task, "schedule": interval}
        else:
            schedule.pop(entry, None)
    settings.CELERY_BEAT_SCHEDULE = schedule
