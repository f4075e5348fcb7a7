"""The record of training reminders sent, so that nobody gets the same reminder twice in a period."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReminderSent(models.Model):
    """
    One reminder e-mail sent: to whom, which kind and for which period (e.g. ``2026-12``).

    The unique key is what makes a second run in the same period, or two runs at once, send
    nothing new: a row is written before its e-mail goes out and removed if sending fails.

    .. no_pii:
    """

    class Kind(models.TextChoices):
        AT_RISK = "at_risk", _("Cadre at risk")
        OVERDUE = "overdue", _("Cadre overdue")
        DIGEST = "digest", _("Administrator's digest")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", help_text=_("Who was written to.")
    )
    kind = models.CharField(max_length=16, choices=Kind.choices, help_text=_("Which reminder."))
    period = models.CharField(max_length=16, help_text=_("The reminder period, e.g. 2026-12 or 2026-W49."))
    cadres = models.PositiveIntegerField(default=1, help_text=_("How many cadres the e-mail named."))
    sent_at = models.DateTimeField(auto_now_add=True, help_text=_("When it was sent (UTC)."))

    class Meta:
        app_label = "credit_plugin"
        constraints = [
            models.UniqueConstraint(fields=["recipient", "kind", "period"], name="credit_reminder_once_per_period"),
        ]

    def __str__(self):
        return f"{self.kind} to {self.recipient_id} for {self.period}"
