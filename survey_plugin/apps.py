"""Django app configuration: how the LMS and Studio discover and wire the survey plugin."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

_LMS = "lms.djangoapp"
_CMS = "cms.djangoapp"

_SETTINGS = {
    settings_type: {"relative_path": f"settings.{settings_type}"}
    for settings_type in ("common", "production", "devstack", "test")
}

_URLS = {"namespace": "survey_plugin", "app_name": "survey_plugin", "regex": r"^", "relative_path": "urls"}


class SurveyPluginConfig(AppConfig):
    """
    The demand-survey app; an edx-django-utils plugin for the LMS and Studio. Survey answers reach
    it from the demand_survey XBlock through survey_plugin.api, not through LMS events, so it
    declares no ``signals_config`` (edx-django-utils connects nothing for a plugin without one).
    """

    name = "survey_plugin"
    label = "survey_plugin"
    verbose_name = _("Cadre training demand surveys")
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = {
        "url_config": {_LMS: _URLS, _CMS: _URLS},
        "settings_config": {_LMS: _SETTINGS, _CMS: _SETTINGS},
    }

    def ready(self) -> None:
        from survey_plugin import catalogue, checks  # noqa: F401  (the catalogue's cache receivers, the checks)
