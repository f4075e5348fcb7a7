"""Report exports that run as Celery tasks: their parameters, progress and finished file."""
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportExport(models.Model):
    """
    One requested export. Rows are written by the task and read by the progress page; the file
    is served only to the administrator who asked for it, and only while they may still see the
    organisation it covers.

    .. no_pii:
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", help_text=_("Who asked for the export.")
    )
    organisation_code = models.CharField(max_length=64, help_text=_("The organisation whose subtree is exported."))
    parameters = models.JSONField(default=dict, help_text=_("Year, status, category and file format."))
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.PENDING, help_text=_("Where it is.")
    )
    rows_done = models.PositiveIntegerField(default=0, help_text=_("Rows written so far."))
    rows_total = models.PositiveIntegerField(default=0, help_text=_("Rows to write."))
    file = models.FileField(upload_to="cadre-credits/exports/", blank=True, help_text=_("The finished file."))
    error = models.TextField(blank=True, help_text=_("Why it failed."))
    created = models.DateTimeField(auto_now_add=True, help_text=_("When it was asked for (UTC)."))

    class Meta:
        app_label = "credit_plugin"
        ordering = ["-created"]

    def __str__(self):
        return f"{self.organisation_code} {self.parameters} {self.status}"
