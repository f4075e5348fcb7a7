"""Settings the survey plugin adds to every LMS and Studio configuration."""
from pathlib import Path

from survey_plugin.config import DEFAULTS

LOCALE_DIR = str(Path(__file__).resolve().parents[1] / "conf" / "locale")


def plugin_settings(settings):
    """Give every survey setting its default unless the host already set it."""
    for name, default in DEFAULTS.items():
        if not hasattr(settings, name):
            setattr(settings, name, default)
    schedule_export_purge(settings)
    # The LMS finds a plugin's translations only through LOCALE_PATHS.
    if LOCALE_DIR not in list(getattr(settings, "LOCALE_PATHS", [])):
        settings.LOCALE_PATHS = [*getattr(settings, "LOCALE_PATHS", []), LOCALE_DIR]


PURGE_ENTRY = "survey_plugin.purge_expired_exports"


def schedule_export_purge(settings):
    """Purge expired response exports daily on the LMS's Celery beat, unless exports are kept (retention 0)."""
    schedule = dict(getattr(settings, "CELERY_BEAT_SCHEDULE", {}) or {})
    if int(getattr(settings, "CADRE_SURVEY_EXPORT_RETENTION_DAYS", DEFAULTS["CADRE_SURVEY_EXPORT_RETENTION_DAYS"])):
        schedule[PURGE_ENTRY] = {"task": "survey_plugin.tasks.purge_expired_exports", "schedule": 86400}
    else:
        schedule.pop(PURGE_ENTRY, None)
    settings.CELERY_BEAT_SCHEDULE = schedule
