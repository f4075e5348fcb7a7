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


# Celery beat entries: (entry name, task, setting giving its interval in seconds; 0 turns it off).
BEAT_TASKS = (
    ("credit_plugin.reconcile_credits", "credit_plugin.tasks.reconcile_credits", "CADRE_TRAINING_RECONCILE_INTERVAL"),
    ("credit_plugin.send_training_reminders", "credit_plugin.tasks.send_training_reminders",
     "CADRE_TRAINING_REMINDER_INTERVAL"),
)


def add_beat_schedule(settings):
    """Put reconcile_credits and send_training_reminders on the LMS's Celery beat (an interval of 0: off)."""
    schedule = dict(getattr(settings, "CELERY_BEAT_SCHEDULE", {}) or {})
    for entry, task, setting in BEAT_TASKS:
        interval = int(getattr(settings, setting, DEFAULTS[setting]))
        if interval > 0:
            schedule[entry] = {"task": task, "schedule": interval}
        else:
            schedule.pop(entry, None)
    settings.CELERY_BEAT_SCHEDULE = schedule
