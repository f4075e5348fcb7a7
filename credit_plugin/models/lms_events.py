"""Receipts of the LMS events the credit plugin received."""
from django.db import models
from django.utils.translation import gettext_lazy as _
from opaque_keys.edx.django.models import CourseKeyField


class LmsEventReceipt(models.Model):
    """
    One openedx-events signal the LMS delivered to the credit plugin.

    Rules: one row per event id (``metadata.id``), so a redelivered event is recorded once;
    rows are never deleted; ``status`` says what became of the event and ``detail`` why.
    The LMS resends the same *fact* under new event ids (every regrade resends the passing
    status), so the ledger's own idempotency keys, not this table, stop double credits.

    .. no_pii:
    """

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        RECORDED = "recorded", _("Recorded")
        IGNORED = "ignored", _("Ignored")
        FAILED = "failed", _("Failed")

    event_id = models.UUIDField(unique=True, help_text=_("The event's id from its EventsMetadata."))
    event_type = models.CharField(
        max_length=255, help_text=_("The event type, e.g. org.openedx.learning.certificate.created.v1.")
    )
    occurred_at = models.DateTimeField(help_text=_("When the LMS says the event happened (UTC)."))
    user_id = models.IntegerField(null=True, db_index=True, help_text=_("The LMS user the event is about."))
    course_key = CourseKeyField(max_length=255, blank=True, help_text=_("The course the event is about."))
    payload = models.JSONField(help_text=_("The event's data, serialised, so it can be replayed."))
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.RECEIVED, help_text=_("What became of it.")
    )
    detail = models.TextField(blank=True, help_text=_("Why it was ignored or failed."))
    received_at = models.DateTimeField(auto_now_add=True, help_text=_("When the plugin received it (UTC)."))

    class Meta:
        verbose_name = _("LMS event receipt")
        verbose_name_plural = _("LMS event receipts")
        indexes = [models.Index(fields=["status", "received_at"])]

    def __str__(self):
        return f"{self.event_type} {self.event_id} ({self.status})"
