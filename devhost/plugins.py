"""
Load this suite's plugin apps, and only them, through edx-django-utils' plugin framework.

The LMS loads every installed ``lms.djangoapp`` plugin. In the devhost other installed
plugins (edx-completion, benchmark peers) expect edx-platform's modules and settings, so the
registry that edx-django-utils discovers through stevedore is narrowed to ours before the
framework's own functions (``get_plugin_apps``, ``add_plugins``, ``get_plugin_url_patterns``,
``connect_plugin_receivers``) read it. Those functions then run unchanged.
"""
from edx_django_utils.plugins.registry import DjangoAppRegistry

LMS = "lms.djangoapp"
OUR_PLUGINS = ("credit_plugin", "survey_plugin")


def load_only_our_plugins(project_type: str = LMS) -> list[str]:
    """Drop every plugin that is not ours from the cached registry; return the names kept."""
    registry = DjangoAppRegistry.get_available_plugins(project_type)  # cached: the framework reads this dict
    for name in list(registry):
        if name not in OUR_PLUGINS:
            del registry[name]
    missing = set(OUR_PLUGINS) - set(registry)
    if missing:
        raise RuntimeError(
            f"Plugins {sorted(missing)} are not installed for {project_type}: run `pip install -e .` first."
        )
    return list(registry)
