"""Settings the survey plugin adds to every LMS and Studio configuration."""
from pathlib import Path

from cadre_common.plugin_settings import add_locale_path, set_beat_schedule
from survey_plugin.config import SETTINGS

LOCALE_DIR = str(Path(__file__).resolve().parents[1] / "conf" / "locale")
PURGE_ENTRY = "survey_plugin.purge_expired_exports"
PURGE_TASK = "survey_plugin.tasks.purge_expired_exports"
DAY = 86400


def plugin_settings(settings) -> None:
    """Give every survey setting its default unless the host already set it."""
    SETTINGS.apply_defaults(settings)
    schedule_export_purge(settings)
    add_locale_path(settings, LOCALE_DIR)


def schedule_export_purge(settings) -> None:
    """Purge expired response exports daily on the LMS's Celery beat, unless exports are kept (retention 0)."""
    set_beat_schedule(settings, [(PURGE_ENTRY, PURGE_TASK, _purge_interval)])


def _purge_interval(settings) -> int:
    # Any other broken value is the system check's to report; the purge stays scheduled meanwhile.
    return 0 if settings.CADRE_SURVEY_EXPORT_RETENTION_DAYS in (0, "0") else DAY
