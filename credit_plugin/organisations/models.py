"""Union organisations, the cadres who serve in them and the administrators who look after them."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from credit_plugin.organisations.data import CadreCategory, CadreStatus, OrganisationLevel

# Each organisation's path is its ancestors' ids and its own, fixed-width, so a subtree is one
# indexed prefix query: "/000001/000004/" is every organisation under id 4 (and 4 itself).
PATH_SEGMENT_WIDTH = 6


class Organisation(models.Model):
    """
    A union organisation in the tree (province → city → district/county → grassroots, any depth).

    ``code`` is the organisation's own identifier, unique, used by imports. ``path`` is kept by
    the tree module (never edited by hand) and changes when the organisation moves.

    .. no_pii:
    """

    code = models.CharField(max_length=64, unique=True, help_text=_("The organisation's code, e.g. 370000."))
    name = models.CharField(max_length=255, help_text=_("The organisation's full name."))
    level = models.CharField(max_length=16, choices=OrganisationLevel.choices, help_text=_("Level in the union tree."))
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children",
        help_text=_("The organisation directly above; empty for the root."),
    )
    path = models.CharField(
        max_length=510, db_index=True, editable=False, help_text=_("Ids from the root, /-separated.")
    )

    class Meta:
        app_label = "credit_plugin"
        ordering = ["path"]

    def __str__(self):
        return f"{self.name} ({self.code})"


class CadreProfile(models.Model):
    """
    A cadre: the LMS user, the organisation they serve in, their position and dates.

    One per user. ``registered_on`` is the LMS account's creation date unless an import set it.
    Employee numbers are unique when given.

    .. pii: employee number, phone. .. pii_types: id, phone_number. .. pii_retirement: local_api
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cadre_profile",
        help_text=_("The cadre's LMS account."),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="cadres", help_text=_("Where the cadre serves.")
    )
    position = models.CharField(max_length=128, blank=True, help_text=_("Position, e.g. 工会主席."))
    category = models.CharField(max_length=16, choices=CadreCategory.choices, help_text=_("Cadre category."))
    took_office_on = models.DateField(help_text=_("Date of taking office (任职日期)."))
    registered_on = models.DateField(help_text=_("Date of registering in the system."))
    employee_number = models.CharField(
        max_length=64, null=True, blank=True, unique=True, help_text=_("Employee number (工号), optional.")
    )
    phone = models.CharField(max_length=32, blank=True, help_text=_("Mobile phone number; shown masked."))
    status = models.CharField(
        max_length=16, choices=CadreStatus.choices, default=CadreStatus.SERVING, help_text=_("Serving or left office.")
    )

    class Meta:
        app_label = "credit_plugin"
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self):
        return f"{self.user_id} @ {self.organisation_id}"


class TrainingAdministrator(models.Model):
    """
    A user who administers training for an organisation and everything below it.

    An administrator of the root organisation is the province administrator and sees everything.

    .. no_pii:
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_administrations",
        help_text=_("The administrator."),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="administrators",
        help_text=_("The organisation whose subtree they administer."),
    )

    class Meta:
        app_label = "credit_plugin"
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="credit_org_admin_unique")]

    def __str__(self):
        return f"{self.user_id} @ {self.organisation_id}"


class PendingCadre(models.Model):
    """
    A cadre appointed but without an LMS account yet: imported from the roster, invited, and linked
    to an account only through an invitation they accept (never by name).

    ``contact_key`` (the e-mail in lower case, else the phone) is what a re-import finds the row by.
    ``user`` and ``registered_on`` are set the day they accept; the row is kept as the record of it.

    .. pii: name, e-mail, phone, employee number. .. pii_types: name, email_address, phone_number, id.
    .. pii_retirement: local_api
    """

    full_name = models.CharField(max_length=255, help_text=_("The cadre's full name."))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="pending_cadres", help_text=_("Where the cadre serves.")
    )
    position = models.CharField(max_length=128, blank=True, help_text=_("Position, e.g. 工会主席."))
    category = models.CharField(max_length=16, choices=CadreCategory.choices, help_text=_("Cadre category."))
    took_office_on = models.DateField(help_text=_("Date of taking office (任职日期)."))
    email = models.EmailField(max_length=254, blank=True, help_text=_("Where the invitation is e-mailed."))
    phone = models.CharField(max_length=32, blank=True, help_text=_("Mobile phone number; shown masked."))
    employee_number = models.CharField(
        max_length=64, null=True, blank=True, help_text=_("Employee number (工号), optional; given to the profile.")
    )
    contact_key = models.CharField(
        max_length=254, unique=True, help_text=_("The e-mail in lower case, else the phone: a re-import's key.")
    )
    imported_on = models.DateField(help_text=_("The day the roster first named the cadre."))
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("The account that accepted the invitation (empty until then)."),
    )
    registered_on = models.DateField(null=True, blank=True, help_text=_("The day the invitation was accepted."))

    class Meta:
        app_label = "credit_plugin"
        indexes = [models.Index(fields=["organisation", "registered_on"])]

    def __str__(self):
        return f"pending {self.pk} @ {self.organisation_id}"


class CadreInvitation(models.Model):
    """
    One invitation sent to a pending cadre: only the SHA-256 of its token is kept (the link holds
    the token), it expires, and it is used once. A reminder is a new invitation, at most one a period.

    .. no_pii:
    """

    pending = models.ForeignKey(
        PendingCadre, on_delete=models.CASCADE, related_name="invitations", help_text=_("Who is invited.")
    )
    token_hash = models.CharField(max_length=64, unique=True, help_text=_("SHA-256 of the token, hex."))
    channel = models.CharField(max_length=16, help_text=_("How it was sent: email (sms later)."))
    created_at = models.DateTimeField(help_text=_("When it was made (UTC)."))
    expires_at = models.DateTimeField(help_text=_("After this it opens nothing (UTC)."))
    used_at = models.DateTimeField(null=True, blank=True, help_text=_("When it was accepted (UTC)."))
    # NULL for an invitation that is not a reminder: a unique key allows many NULLs on every database,
    # where MySQL/MariaDB ignore a conditional unique constraint altogether.
    reminder_period = models.CharField(
        max_length=16, null=True, blank=True, help_text=_("For a reminder: the period it was sent in, e.g. 2026-12.")
    )

    class Meta:
        app_label = "credit_plugin"
        constraints = [
            models.UniqueConstraint(fields=["pending", "reminder_period"],
                                    name="credit_invitation_reminder_once_per_period"),
        ]

    def __str__(self):
        return f"invitation {self.pk} of {self.pending_id}"
