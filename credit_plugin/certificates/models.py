"""Electronic certificates: what was issued to whom, its serial number, signature, status and file."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from credit_plugin.certificates.data import CertificateStatus
from credit_plugin.certificates.storage import certificate_storage


class OrganisationIssuer(models.Model):
    """
    How an organisation issues certificates: the name printed as issuer, the serial prefix and
    an optional seal image. Cadres of organisations without one are issued by the nearest
    organisation above that has one.

    .. no_pii:
    """

    organisation = models.OneToOneField(
        "credit_plugin.Organisation", on_delete=models.CASCADE, related_name="issuer",
        help_text=_("The organisation."),
    )
    issuer_name = models.CharField(max_length=255, help_text=_("Printed as the issuing organisation."))
    serial_prefix = models.CharField(
        max_length=16, help_text=_("Letters or digits before the year in serial numbers, e.g. SD.")
    )
    seal = models.ImageField(
        upload_to="cadre-credits/seals/", blank=True, storage=certificate_storage,
        help_text=_("The seal (PNG or JPEG, transparent background).")
    )

    class Meta:
        app_label = "credit_plugin"

    def __str__(self):
        return f"{self.issuer_name} ({self.serial_prefix})"


class CertificateSerial(models.Model):
    """
    The last serial number used for a prefix and year. Numbers are taken under a row lock in
    the transaction that writes the certificate, so they are sequential and never reused.

    .. no_pii:
    """

    prefix = models.CharField(max_length=16, help_text=_("The serial prefix."))
    year = models.PositiveIntegerField(help_text=_("The certificate year."))
    last_number = models.PositiveIntegerField(default=0, help_text=_("The last number given out."))

    class Meta:
        app_label = "credit_plugin"
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="credit_serial_per_prefix_year")]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_number}"


class SigningKey(models.Model):
    """
    An Ed25519 key certificates are signed with. The newest active key signs; older keys stay
    published so that certificates they signed still verify. A key configured in
    ``CADRE_TRAINING_CERTIFICATE_SIGNING_KEY`` is used instead of these.

    .. no_pii:
    """

    key_id = models.CharField(max_length=32, unique=True, help_text=_("Published key id."))
    public_key = models.CharField(max_length=64, help_text=_("Raw public key, base64url."))
    private_key = models.CharField(max_length=64, blank=True, help_text=_("Raw private key, base64url."))
    created = models.DateTimeField(auto_now_add=True, help_text=_("When the key was made (UTC)."))
    active = models.BooleanField(default=True, help_text=_("Signs new certificates."))

    class Meta:
        app_label = "credit_plugin"
        ordering = ["-created"]

    def __str__(self):
        return self.key_id


class Certificate(models.Model):
    """
    One issued certificate. Its content is a snapshot taken at issue and signed; it is never
    edited. A correction is a new certificate (new serial) and the old one is superseded.

    ``valid_slot`` is ``kind:user:year`` while an annual certificate is valid and empty
    otherwise: its uniqueness is what keeps two valid annual certificates for the same cadre and
    year from ever existing, however many issue at once (MySQL has no partial unique index).

    .. pii: holder name. .. pii_types: name. .. pii_retirement: local_api
    """

    verification_code = models.CharField(max_length=32, unique=True, help_text=_("Unguessable public code."))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", help_text=_("The holder.")
    )
    kind = models.CharField(max_length=32, help_text=_("annual, exam, or a kind another app issues."))
    year = models.PositiveIntegerField(help_text=_("The credit year it is for."))
    title = models.CharField(max_length=255, help_text=_("The certificate's title as printed."))
    holder_name = models.CharField(max_length=255, help_text=_("The holder's name as printed."))
    organisation_name = models.CharField(max_length=255, blank=True, help_text=_("The holder's organisation."))
    issuer_name = models.CharField(max_length=255, help_text=_("The issuing organisation as printed."))
    issuer_organisation = models.ForeignKey(
        "credit_plugin.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("Whose issuer settings (and seal) it was issued with."),
    )
    credits = models.DecimalField(max_digits=8, decimal_places=2, help_text=_("Credits of the year (or the exam)."))
    hours = models.DecimalField(max_digits=8, decimal_places=2, help_text=_("Class hours of the year (or the exam)."))
    serial_number = models.CharField(max_length=48, unique=True, help_text=_("Printed serial number."))
    issued_at = models.DateTimeField(help_text=_("When it was issued (UTC)."))
    reference = models.CharField(max_length=255, blank=True, help_text=_("What it was issued for, e.g. the exam."))
    exam_date = models.DateField(null=True, blank=True, help_text=_("The day of the exam an exam certificate is for."))
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True,
                                help_text=_("The score of that exam, out of 100."))
    status = models.CharField(
        max_length=16, choices=CertificateStatus.choices, default=CertificateStatus.VALID, help_text=_("Its status.")
    )
    status_changed_at = models.DateTimeField(null=True, blank=True, help_text=_("When it was revoked or superseded."))
    status_reason = models.TextField(blank=True, help_text=_("Why it was revoked or reissued."))
    review_since = models.DateTimeField(
        null=True, blank=True, help_text=_("When a reversal took the year's figures below the targets it certifies."))
    review_reason = models.TextField(blank=True, help_text=_("Why the certificate needs an administrator's review."))
    superseded_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("The certificate issued in its place."),
    )
    unique_for = models.CharField(
        max_length=64, help_text=_("What it is one of a kind for: the year (annual) or the exam result.")
    )
    valid_slot = models.CharField(
        max_length=96, null=True, blank=True, unique=True, help_text=_("kind:user:year while valid; else empty.")
    )
    signed_content = models.JSONField(help_text=_("The public content that was signed."))
    signature = models.CharField(max_length=128, help_text=_("Ed25519 signature of the content, base64url."))
    key_id = models.CharField(max_length=32, help_text=_("Which signing key signed it."))
    pdf = models.FileField(upload_to="cadre-credits/certificates/", blank=True, storage=certificate_storage,
                           help_text=_("The PDF, made once."))

    class Meta:
        app_label = "credit_plugin"
        indexes = [models.Index(fields=["user", "year"], name="credit_cert_user_year")]

    def __str__(self):
        return self.serial_number


class CertificateBatch(models.Model):
    """
    A bulk issuance (a whole organisation's annual certificates), run as chunked Celery tasks.
    Chunks are idempotent, so a batch that stopped is restarted by running it again.

    .. no_pii:
    """

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")

    year = models.PositiveIntegerField(help_text=_("The year issued for."))
    organisation_code = models.CharField(max_length=64, blank=True, help_text=_("Whose subtree; empty: everyone."))
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RUNNING, help_text=_("Where."))
    chunks_total = models.PositiveIntegerField(default=0, help_text=_("Chunks to run."))
    chunks_done = models.PositiveIntegerField(default=0, help_text=_("Chunks finished."))
    issued = models.PositiveIntegerField(default=0, help_text=_("Certificates issued by this batch."))
    created = models.DateTimeField(auto_now_add=True, help_text=_("When it started (UTC)."))

    class Meta:
        app_label = "credit_plugin"

    def __str__(self):
        return f"{self.year} {self.organisation_code or '*'}: {self.chunks_done}/{self.chunks_total}"
