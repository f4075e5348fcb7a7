from django.apps import AppConfig


class StudentConfig(AppConfig):
    """edx-platform's ``common.djangoapps.student``, app label ``student``: only ``UserProfile``."""

    name = "devhost.platform_tables.student"
    label = "student"
    default_auto_field = "django.db.models.AutoField"
