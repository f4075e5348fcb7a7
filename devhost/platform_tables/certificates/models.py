"""edx-platform's ``GeneratedCertificate`` (lms/djangoapps/certificates/models.py): a learner's course certificate."""
from django.conf import settings
from django.db import models
from opaque_keys.edx.django.models import CourseKeyField

# CertificateStatuses (lms/djangoapps/certificates/data.py) that the devhost sets.
DOWNLOADABLE, UNAVAILABLE, NOTPASSING = "downloadable", "unavailable", "notpassing"


class GeneratedCertificate(models.Model):
    """
    One per (learner, course). Its status changes; the row stays.

    .. pii: name. .. pii_types: name. .. pii_retirement: local_api
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    course_id = CourseKeyField(max_length=255, blank=True, default=None)
    verify_uuid = models.CharField(max_length=32, blank=True, default="", db_index=True)
    grade = models.CharField(max_length=5, blank=True, default="")
    key = models.CharField(max_length=32, blank=True, default="")
    distinction = models.BooleanField(default=False)
    status = models.CharField(max_length=32, default="unavailable")
    mode = models.CharField(max_length=32, default="honor")
    name = models.CharField(blank=True, max_length=255)
    created_date = models.DateTimeField(auto_now_add=True)
    modified_date = models.DateTimeField(auto_now=True)
    download_uuid = models.CharField(max_length=32, blank=True, default="")
    download_url = models.CharField(max_length=128, blank=True, default="")
    error_reason = models.CharField(max_length=512, blank=True, default="")

    class Meta:
        app_label = "certificates"
        unique_together = (("user", "course_id"),)

    def __str__(self):
        return f"{self.user_id} {self.course_id} {self.status}"
