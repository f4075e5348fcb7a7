"""Settings the credit plugin adds to every LMS and Studio configuration."""
from pathlib import Path

from credit_plugin.config import DEFAULTS

LOCALE_DIR = str(Path(__file__).resolve().parents[1] / "conf" / "locale")


def plugin_settings(settings):
    """Give every credit setting its default unless the host already set it."""
    for name, default in DEFAULTS.items():
        if not hasattr(settings, name):
            setattr(settings, name, default)
    # The LMS finds a plugin's translations only through LOCALE_PATHS.
    if LOCALE_DIR not in list(getattr(settings, "LOCALE_PATHS", [])):
        settings.LOCALE_PATHS = [*getattr(settings, "LOCALE_PATHS", []), LOCALE_DIR]
