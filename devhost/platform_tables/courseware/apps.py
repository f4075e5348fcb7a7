from django.apps import AppConfig


class CoursewareConfig(AppConfig):
    """edx-platform's ``lms.djangoapps.courseware``, app label ``courseware``: only ``StudentModule``."""

    name = "devhost.platform_tables.courseware"
    label = "courseware"
    default_auto_field = "django.db.models.AutoField"
