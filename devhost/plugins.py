"""
Load the LMS's plugin apps through edx-django-utils' plugin framework: ours, and edx-completion,
which every LMS installs and whose receiver marks scored blocks complete.

The LMS loads every installed ``lms.djangoapp`` plugin. Other plugins installed here (benchmark
peers) expect more of edx-platform than the devhost stands in for, so the registry that
edx-django-utils discovers through stevedore is narrowed to these before the framework's own
functions (``get_plugin_apps``, ``add_plugins``, ``get_plugin_url_patterns``,
``connect_plugin_receivers``) read it. Those functions then run unchanged.
"""
from edx_django_utils.plugins.registry import DjangoAppRegistry

LMS = "lms.djangoapp"
OUR_PLUGINS = ("credit_plugin", "survey_plugin")
LMS_PLUGINS = (*OUR_PLUGINS, "completion")


def load_only_lms_plugins(project_type: str = LMS) -> list[str]:
    """Drop every plugin but ours and edx-completion from the cached registry; return the names kept."""
    registry = DjangoAppRegistry.get_available_plugins(project_type)  # cached: the framework reads this dict
    for name in list(registry):
        if name not in LMS_PLUGINS:
            del registry[name]
    missing = set(LMS_PLUGINS) - set(registry)
    if missing:
        raise RuntimeError(
            f"Plugins {sorted(missing)} are not installed for {project_type}: run `pip install -e .` first."
        )
    return list(registry)


# edx-completion's REST API imports the LMS's course API and enrolment models, which the devhost
# does not stand in for; nothing in the suite calls it, so its URLs alone are left out.
PLUGINS_WITHOUT_URLS = ("completion",)


def lms_plugin_url_patterns(project_type: str = LMS) -> list:
    """``get_plugin_url_patterns`` of the loaded plugins, without those in PLUGINS_WITHOUT_URLS."""
    from edx_django_utils.plugins import get_plugin_url_patterns  # noqa: PLC0415 - needs the app registry

    registry = DjangoAppRegistry.get_available_plugins(project_type)
    held = {name: registry.pop(name) for name in PLUGINS_WITHOUT_URLS if name in registry}
    try:
        return get_plugin_url_patterns(project_type)
    finally:
        registry.update(held)
