"""edx-platform's ``UserProfile`` (common/djangoapps/student/models/user.py): the learner's full name lives here."""
from django.conf import settings
from django.db import models


class UserProfile(models.Model):
    """
    One per account, reached as ``user.profile``. ``name`` is the full name the LMS shows and the
    XBlock user service reports; the account's first and last names are usually empty.

    .. pii: name and the rest. .. pii_types: name. .. pii_retirement: retained
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, unique=True, db_index=True, related_name="profile",
                                on_delete=models.CASCADE)
    name = models.CharField(blank=True, max_length=255, db_index=True)
    meta = models.TextField(blank=True)
    courseware = models.CharField(blank=True, max_length=255, default="course.xml")
    language = models.CharField(blank=True, max_length=255, db_index=True)
    location = models.CharField(blank=True, max_length=255, db_index=True)
    year_of_birth = models.IntegerField(blank=True, null=True, db_index=True)
    gender = models.CharField(blank=True, null=True, max_length=6, db_index=True)
    level_of_education = models.CharField(blank=True, null=True, max_length=6, db_index=True)
    mailing_address = models.TextField(blank=True, null=True)
    city = models.TextField(blank=True, null=True)
    country = models.CharField(blank=True, null=True, max_length=2)  # django_countries' CountryField
    state = models.CharField(blank=True, null=True, max_length=2)
    goals = models.TextField(blank=True, null=True)
    bio = models.CharField(blank=True, null=True, max_length=3000)
    profile_image_uploaded_at = models.DateTimeField(null=True, blank=True)
    phone_number = models.CharField(blank=True, null=True, max_length=50)

    class Meta:
        app_label = "student"
        db_table = "auth_userprofile"

    def __str__(self):
        return self.name or str(self.user_id)
