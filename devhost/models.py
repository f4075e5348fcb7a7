"""
A learner's published block scores, as the LMS keeps them once a block publishes a grade. Part of
the LMS stand-in (see ``devhost.lms_bridge``); the platform's own tables are in ``platform_tables``.
"""
from django.conf import settings
from django.db import models


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
