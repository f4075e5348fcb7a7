"""
The LMS's own records that our plugins may read back through their ``compat.py``.

Part of the LMS stand-in (see ``devhost.lms_bridge``): in a real installation these are
edx-platform's ``PersistentCourseGrade`` and ``GeneratedCertificate`` tables.
"""
from django.conf import settings
from django.db import models
from opaque_keys.edx.django.models import CourseKeyField


class BridgeCourseGrade(models.Model):
    """A learner's course grade as the LMS grades app would keep it; one row per learner and course."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    course_key = CourseKeyField(max_length=255)
    percent_grade = models.FloatField(default=0.0)
    passed_timestamp = models.DateTimeField(null=True, blank=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("user", "course_key")]

    def __str__(self):
        return f"{self.user} {self.course_key} {self.percent_grade:.0%}"


class BridgeCertificate(models.Model):
    """A course certificate as the LMS certificates app would keep it; one row per learner and course."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    course_key = CourseKeyField(max_length=255)
    mode = models.CharField(max_length=32, default="honor")
    status = models.CharField(max_length=32, default="downloadable")
    grade = models.CharField(max_length=8, default="")
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("user", "course_key")]

    def __str__(self):
        return f"{self.user} {self.course_key} {self.status}"


class BridgeBlockScore(models.Model):
    """A learner's score on one block, as the LMS keeps it after a block publishes a grade."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    usage_key = models.CharField(max_length=255)
    earned = models.FloatField()
    possible = models.FloatField()
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("user", "usage_key")]

    def __str__(self):
        return f"{self.user} {self.usage_key} {self.earned}/{self.possible}"
