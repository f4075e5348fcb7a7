"""The credit ledger: append-only entries, year totals, targets, caps, credit rules and LMS event receipts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from opaque_keys.edx.django.models import CourseKeyField

from credit_plugin.ledger.data import SourceKind, Trigger

AMOUNT = {"max_digits": 9, "decimal_places": 2}


class LedgerEntry(models.Model):
    """
    One grant (or reversal) of credits and class hours to a learner.

    Rules: rows are only ever inserted, never updated or deleted; a correction is a new entry
    of kind ``reversal`` whose ``reverses`` points at the entry it cancels (at most one reversal
    per entry, enforced by a unique constraint); ``idempotency_key`` is unique, so a repeated
    event or import row can never add a second entry; ``year`` is the calendar year of
    ``earned_at`` in the configured credit time zone (``earned_at`` itself is UTC).

    .. no_pii:
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The learner the credits belong to."),
    )
    credits = models.DecimalField(**AMOUNT, help_text=_("Credits (学分) granted; negative for a reversal."))
    hours = models.DecimalField(**AMOUNT, help_text=_("Class hours (学时) granted; negative for a reversal."))
    year = models.PositiveSmallIntegerField(
        help_text=_("Calendar year the credits count for, in the credit time zone.")
    )
    earned_at = models.DateTimeField(help_text=_("When the credits were earned (UTC)."))
    source_kind = models.CharField(
        max_length=32, choices=SourceKind.choices, help_text=_("Where the credits came from.")
    )
    reference = models.CharField(
        max_length=255, blank=True, help_text=_("Course key, block key or training session the credits are for.")
    )
    title = models.CharField(max_length=255, blank=True, help_text=_("What the learner sees the entry as."))
    recorded_by = models.CharField(max_length=255, help_text=_("Who or what recorded the entry."))
    reason = models.TextField(blank=True, help_text=_("Why the entry was recorded (required for adjustments)."))
    idempotency_key = models.CharField(
        max_length=255, unique=True, help_text=_("Unique key of the fact this entry records; replays are ignored.")
    )
    reverses = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reversed_by",
        help_text=_("The entry this reversal cancels."),
    )
    created = models.DateTimeField(auto_now_add=True, help_text=_("When the entry was written (UTC)."))

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        indexes = [
            models.Index(fields=["user", "year"]),
            models.Index(fields=["year", "source_kind"]),
            # The compliance rules ask which cadres passed the required courses: entries by reference.
            models.Index(fields=["reference", "user"], name="credit_entry_reference_user"),
        ]

    def __str__(self):
        return f"{self.user_id} {self.year} {self.credits}/{self.hours} {self.source_kind}"


class YearTotal(models.Model):
    """
    A learner's credits and hours in one year, kept equal to the sum of their entries.

    Rules: one row per (user, year); changed only in the transaction that inserts an entry,
    with database-side addition so concurrent writers never lose an update; ``verify_ledger``
    recomputes it from the entries and reports drift.

    .. no_pii:
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", help_text=_("The learner.")
    )
    year = models.PositiveSmallIntegerField(help_text=_("Calendar year in the credit time zone."))
    credits = models.DecimalField(**AMOUNT, default=0, help_text=_("Sum of the year's credits."))
    hours = models.DecimalField(**AMOUNT, default=0, help_text=_("Sum of the year's class hours."))
    entry_count = models.PositiveIntegerField(default=0, help_text=_("Number of entries in the year."))
    target_met_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the year's targets were first reached (UTC).")
    )

    class Meta:
        verbose_name = _("year total")
        verbose_name_plural = _("year totals")
        constraints = [models.UniqueConstraint(fields=["user", "year"], name="credit_year_total_unique")]
        indexes = [models.Index(fields=["year", "user"])]

    def __str__(self):
        return f"{self.user_id} {self.year}: {self.credits}/{self.hours}"


class YearlyPolicy(models.Model):
    """
    The targets for one calendar year, overriding the settings' defaults; one row per year.

    .. no_pii:
    """

    year = models.PositiveSmallIntegerField(unique=True, help_text=_("Calendar year the targets apply to."))
    credit_target = models.DecimalField(**AMOUNT, help_text=_("Credits a cadre must earn in the year."))
    hour_target = models.DecimalField(**AMOUNT, help_text=_("Class hours a cadre must earn in the year."))

    class Meta:
        verbose_name = _("yearly policy")
        verbose_name_plural = _("yearly policies")

    def __str__(self):
        return f"{self.year}: {self.credit_target}/{self.hour_target}"


class YearlyCap(models.Model):
    """
    The most credits and hours one source kind may add to a learner's year; one row per kind.

    .. no_pii:
    """

    source_kind = models.CharField(
        max_length=32, unique=True, choices=SourceKind.choices, help_text=_("The source kind capped.")
    )
    max_credits = models.DecimalField(**AMOUNT, help_text=_("Most credits from this kind per learner and year."))
    max_hours = models.DecimalField(**AMOUNT, help_text=_("Most class hours from this kind per learner and year."))

    class Meta:
        verbose_name = _("yearly cap")
        verbose_name_plural = _("yearly caps")

    def __str__(self):
        return f"{self.source_kind}: {self.max_credits}/{self.max_hours}"


class CreditRule(models.Model):
    """
    What a course or a course block is worth, and on which trigger it is granted.

    Rules: a rule matches one course run (``course_key``), every run of an ``org+course``
    (``course_prefix``), or one block (``block_key``, trigger ``completion``). A course counts
    once per learner unless ``repeatable_each_year``; then once per learner and year.

    .. no_pii:
    """

    title = models.CharField(max_length=255, help_text=_("What learners see the credits as, e.g. the course name."))
    course_key = CourseKeyField(
        max_length=255, blank=True, db_index=True, help_text=_("One course run, e.g. course-v1:SDFTU+CADRE101+2026.")
    )
    course_prefix = models.CharField(
        max_length=255,
        blank=True,
        db_index=True,
        help_text=_("Every run of a course, as org+course, e.g. SDFTU+CADRE101."),
    )
    block_key = models.CharField(
        max_length=255,
        blank=True,
        db_index=True,
        help_text=_("One course block (usage key), for credits on completion."),
    )
    trigger = models.CharField(max_length=32, choices=Trigger.choices, help_text=_("What grants the credits."))
    credits = models.DecimalField(**AMOUNT, help_text=_("Credits granted."))
    hours = models.DecimalField(**AMOUNT, help_text=_("Class hours granted."))
    repeatable_each_year = models.BooleanField(
        default=False, help_text=_("Grant again in each calendar year instead of once.")
    )
    reverse_on_certificate_revoked = models.BooleanField(
        default=True, help_text=_("Reverse the credits when the LMS revokes the course certificate.")
    )
    active = models.BooleanField(default=True, help_text=_("Inactive rules grant nothing."))

    class Meta:
        verbose_name = _("credit rule")
        verbose_name_plural = _("credit rules")

    def __str__(self):
        return f"{self.title} ({self.trigger}: {self.credits}/{self.hours})"


class OrganisationTarget(models.Model):
    """
    Yearly targets for an organisation's whole subtree, overriding the province-wide ones.

    The nearest organisation above a cadre that has a row wins; ``year`` empty means every year,
    and a row for the year beats one for every year on the same organisation.

    .. no_pii:
    """

    organisation = models.ForeignKey(
        "credit_plugin.Organisation", on_delete=models.CASCADE, related_name="targets",
        help_text=_("Whose subtree the targets apply to."),
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("The year; empty for every year."))
    credit_target = models.DecimalField(max_digits=8, decimal_places=2, help_text=_("Credits a cadre must earn."))
    hour_target = models.DecimalField(max_digits=8, decimal_places=2, help_text=_("Class hours a cadre must earn."))

    class Meta:
        app_label = "credit_plugin"
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="credit_org_target_unique")]

    def __str__(self):
        return f"{self.organisation_id} {self.year or '*'}: {self.credit_target}/{self.hour_target}"


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


class ReconcileWatermark(models.Model):
    """
    How far ``reconcile_credits`` has read the platform's records, so that a scheduled run reads
    only what changed since the previous one began instead of every grade ever recorded.

    Rules: one row per ``name``; ``covered_until`` is the moment the last complete run started,
    moved only after a run finished, so a run that fails is read again in full next time.

    .. no_pii:
    """

    name = models.CharField(max_length=64, unique=True, help_text=_("Which reconciliation this is."))
    covered_until = models.DateTimeField(
        help_text=_("Records changed before this moment (UTC), less the overlap, were all examined.")
    )
    updated_at = models.DateTimeField(auto_now=True, help_text=_("When the watermark last moved (UTC)."))

    class Meta:
        verbose_name = _("reconcile watermark")
        verbose_name_plural = _("reconcile watermarks")

    def __str__(self):
        return f"{self.name}: {self.covered_until:%Y-%m-%d %H:%M:%S}"
