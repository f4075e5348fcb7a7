"""The devhost app: connects our plugins' signal receivers the way the LMS does."""
from django.apps import AppConfig


class DevhostConfig(AppConfig):
    name = "devhost"
    label = "devhost"
    verbose_name = "Devhost (stands in for the Open edX LMS)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from edx_django_utils.plugins import connect_plugin_receivers

        from devhost import celery_app  # noqa: F401  (the Celery app our shared tasks bind to)
        from devhost.plugins import LMS

        connect_plugin_receivers(LMS)
