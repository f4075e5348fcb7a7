"""Django app configuration: how the LMS and Studio discover and wire the credit plugin."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

_LMS = "lms.djangoapp"
_CMS = "cms.djangoapp"

_SETTINGS = {
    settings_type: {"relative_path": f"settings.{settings_type}"}
    for settings_type in ("common", "production", "devstack", "test")
}

_RECEIVERS = [
    {
        "receiver_func_name": receiver,
        "signal_path": f"openedx_events.learning.signals.{signal}",
        "dispatch_uid": f"credit_plugin.receivers.{receiver}",
    }
    for receiver, signal in (
        ("on_course_passing_status_updated", "COURSE_PASSING_STATUS_UPDATED"),
        ("on_ccx_course_passing_status_updated", "CCX_COURSE_PASSING_STATUS_UPDATED"),
        ("on_certificate_created", "CERTIFICATE_CREATED"),
        ("on_certificate_revoked", "CERTIFICATE_REVOKED"),
    )
]


class CreditPluginConfig(AppConfig):
    """The credit ledger app; an edx-django-utils plugin for the LMS and Studio."""

    name = "credit_plugin"
    label = "credit_plugin"
    verbose_name = _("Cadre training credits")
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = {
        "url_config": {
            _LMS: {
                "namespace": "credit_plugin",
                "app_name": "credit_plugin",
                "regex": r"^",
                "relative_path": "urls",
            },
        },
        "settings_config": {_LMS: _SETTINGS, _CMS: _SETTINGS},
        "signals_config": {
            _LMS: {
                "relative_path": "receivers",
                "receivers": [
                    *_RECEIVERS,
                    *[
                        {
                            "receiver_func_name": receiver,
                            "signal_path": f"credit_plugin.ledger.signals.{signal}",
                            "dispatch_uid": f"credit_plugin.receivers.{receiver}",
                        }
                        for receiver, signal in (
                            ("on_year_target_met", "YEAR_TARGET_MET"),
                            ("on_year_target_lost", "YEAR_TARGET_LOST"),
                            ("on_offline_exam_passed", "OFFLINE_EXAM_PASSED"),
                        )
                    ],
                    {
                        "receiver_func_name": "on_block_completion_saved",
                        "signal_path": "django.db.models.signals.post_save",
                        "sender_path": "completion.models.BlockCompletion",
                        "dispatch_uid": "credit_plugin.receivers.on_block_completion_saved",
                    },
                ],
            },
        },
    }

    def ready(self):
        from credit_plugin import checks  # noqa: F401  (registers the system checks)
        from credit_plugin.ledger import policy_cache  # noqa: F401  (clears cached policy on change)
