from django.apps import AppConfig


class GradesConfig(AppConfig):
    """edx-platform's ``lms.djangoapps.grades``, app label ``grades``: only ``PersistentCourseGrade``."""

    name = "devhost.platform_tables.grades"
    label = "grades"
    default_auto_field = "django.db.models.AutoField"
