"""Django admin: each organisation's issuer settings and seal; issued certificates, read-only."""
from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from cadre_common.private_files import PrivateFileInput, private_file_name
from credit_plugin.certificates.models import Certificate, OrganisationIssuer
from credit_plugin.certificates.seals import check_seal_image
from credit_plugin.read_only_admin import ReadOnlyAdmin


class OrganisationIssuerForm(forms.ModelForm):
    class Meta:
        model = OrganisationIssuer
        fields = ["organisation", "issuer_name", "serial_prefix", "seal"]
        widgets = {"seal": PrivateFileInput}

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
    exclude = ("pdf",)
    readonly_fields = ("pdf_file",)

    @admin.display(description=_("PDF (private; the holder and their administrators download it)"))
    def pdf_file(self, certificate):
        return private_file_name(certificate.pdf)
