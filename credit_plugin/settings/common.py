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


def add_beat_schedule(settings):
    """Run reconcile_credits periodically on the LMS's Celery beat (0 turns it off)."""
    name = "CADRE_TRAINING_RECONCILE_INTERVAL"
    interval = int(getattr(settings, name, DEFAULTS[name]))
    schedule = dict(getattr(settings, "CELERY_BEAT_SCHEDULE", {}) or {})
    if interval > 0:
        schedule["credit_plugin.reconcile_credits"] = {
            "task": "credit_plugin.tasks.reconcile_credits",
            "schedule": interval,
        }
    else:
        schedule.pop("credit_plugin.reconcile_credits", None)
    settings.CELERY_BEAT_SCHEDULE = schedule
