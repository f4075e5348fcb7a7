"""The devhost app: wires the LMS's side of things the way the LMS does at start-up."""
from django.apps import AppConfig


class DevhostConfig(AppConfig):
    name = "devhost"
    label = "devhost"
    verbose_name = "Devhost (stands in for the Open edX LMS)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from edx_django_utils.plugins import connect_plugin_receivers

        from devhost import (
            celery_app,  # noqa: F401  (the Celery app our shared tasks bind to)
            lms_grades,
        )
        from devhost.plugins import LMS

        lms_grades.connect()  # the grades app's own receivers
        connect_plugin_receivers(LMS)  # every LMS plugin's, edx-completion's included
