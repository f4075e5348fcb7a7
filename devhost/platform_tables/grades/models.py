"""edx-platform's ``PersistentCourseGrade`` (lms/djangoapps/grades/models.py): one course grade per learner."""
from django.db import models
from django.utils import timezone
from opaque_keys.edx.django.models import CourseKeyField


class PersistentCourseGrade(models.Model):
    """
    A learner's grade in a course, one row per (course, learner). ``passed_timestamp`` is set the
    first time the grade passes and never cleared, as the platform keeps it.

    .. no_pii:
    """

    id = models.BigAutoField(primary_key=True)
    user_id = models.IntegerField(blank=False, db_index=True)
    course_id = CourseKeyField(blank=False, max_length=255)
    course_edited_timestamp = models.DateTimeField("Last content edit timestamp", blank=True, null=True)
    course_version = models.CharField("Course content version identifier", blank=True, max_length=255)
    grading_policy_hash = models.CharField("Hash of grading policy", blank=False, max_length=255)
    percent_grade = models.FloatField(blank=False)
    letter_grade = models.CharField("Letter grade for course", blank=False, max_length=255)
    passed_timestamp = models.DateTimeField("Date learner earned a passing grade", blank=True, null=True)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "grades"
        unique_together = [("course_id", "user_id")]
        indexes = [models.Index(fields=["passed_timestamp", "course_id"]),
                   models.Index(fields=["modified", "course_id"])]

    def __str__(self):
        return f"{self.user_id} {self.course_id} {self.percent_grade:.0%}"

    @classmethod
    def update_or_create(cls, user_id, course_id, **kwargs):
        """As the platform's: ``passed`` is required; the first passing update stamps ``passed_timestamp``."""
        passed = kwargs.pop("passed")
        if kwargs.get("course_version") is None:
            kwargs["course_version"] = ""
        grade, _ = cls.objects.update_or_create(user_id=user_id, course_id=course_id, defaults=kwargs)
        if passed and not grade.passed_timestamp:
            grade.passed_timestamp = timezone.now()
            grade.save()
        return grade
