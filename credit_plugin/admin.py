"""Django admin: credit rules, yearly policy and caps are edited here; the ledger is read-only."""
from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from credit_plugin.certificates.seals import check_seal_image
from credit_plugin.models import (
    Certificate,
    CreditRule,
    LedgerEntry,
    LmsEventReceipt,
    OrganisationIssuer,
    YearlyCap,
    YearlyPolicy,
    YearTotal,
)


@admin.register(CreditRule)
class CreditRuleAdmin(admin.ModelAdmin):
    list_display = ("title", "course_key", "course_prefix", "block_key", "trigger", "credits", "hours", "active")
    list_filter = ("trigger", "active", "repeatable_each_year")
    search_fields = ("title", "course_prefix", "block_key")


admin.site.register(YearlyPolicy, list_display=("year", "credit_target", "hour_target"))
admin.site.register(YearlyCap, list_display=("source_kind", "max_credits", "max_hours"))


class ReadOnlyAdmin(admin.ModelAdmin):
    """Append-only tables: visible to administrators, never edited or deleted here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin):
    list_display = ("id", "user", "year", "credits", "hours", "source_kind", "title", "recorded_by", "created")
    list_filter = ("year", "source_kind")
    search_fields = ("user__username", "reference", "idempotency_key")


@admin.register(YearTotal)
class YearTotalAdmin(ReadOnlyAdmin):
    list_display = ("user", "year", "credits", "hours", "entry_count", "target_met_at")
    list_filter = ("year",)
    search_fields = ("user__username",)


@admin.register(LmsEventReceipt)
class LmsEventReceiptAdmin(ReadOnlyAdmin):
    list_display = ("event_type", "user_id", "course_key", "status", "detail", "occurred_at")
    list_filter = ("status", "event_type")


class OrganisationIssuerForm(forms.ModelForm):
    class Meta:
        model = OrganisationIssuer
        fields = ["organisation", "issuer_name", "serial_prefix", "seal"]

    def clean_seal(self):
        seal = self.cleaned_data.get("seal")
        if seal and hasattr(seal, "size") and "seal" in self.changed_data:
            check_seal_image(seal)
        return seal

    def clean_serial_prefix(self):
        prefix = self.cleaned_data["serial_prefix"].strip()
        if not prefix.isalnum() or not prefix.isascii():
            raise forms.ValidationError(_("Use ASCII letters and digits only, e.g. SD."))
        return prefix.upper()


@admin.register(OrganisationIssuer)
class OrganisationIssuerAdmin(admin.ModelAdmin):
    form = OrganisationIssuerForm
    list_display = ("organisation", "issuer_name", "serial_prefix")
    search_fields = ("organisation__code", "organisation__name", "issuer_name")


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    """Certificates are revoked and reissued on the credits pages, never edited."""

    list_display = ("serial_number", "user", "kind", "year", "status", "issued_at")
    list_filter = ("kind", "year", "status")
    search_fields = ("serial_number", "user__username", "verification_code")
