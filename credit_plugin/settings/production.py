"""Production settings: values come from the LMS's YAML configuration when it sets them."""
from credit_plugin.config import DEFAULTS
from credit_plugin.settings.common import add_beat_schedule


def plugin_settings(settings):
    """Override defaults from ``ENV_TOKENS`` (older releases) or values the YAML already set."""
    env_tokens = getattr(settings, "ENV_TOKENS", {}) or {}
    for name, default in DEFAULTS.items():
        setattr(settings, name, env_tokens.get(name, getattr(settings, name, default)))
    add_beat_schedule(settings)
