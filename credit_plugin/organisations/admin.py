"""Django admin for operators: the tree (read through its codes), cadres and who administers what."""
from django.contrib import admin

from credit_plugin.organisations.models import CadreProfile, Organisation, PendingCadre, TrainingAdministrator
from credit_plugin.read_only_admin import ReadOnlyAdmin


@admin.register(Organisation)
class OrganisationAdmin(ReadOnlyAdmin):
    """The tree is changed by imports (its paths are kept by the tree module): read-only here."""

    list_display = ("code", "name", "level", "parent")
    list_filter = ("level",)
    search_fields = ("code", "name")


@admin.register(TrainingAdministrator)
class TrainingAdministratorAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation")
    search_fields = ("user__username", "organisation__code", "organisation__name")
    autocomplete_fields = ("organisation",)
    raw_id_fields = ("user",)


@admin.register(CadreProfile)
class CadreProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "category", "took_office_on", "registered_on", "status")
    list_filter = ("category", "status")
    search_fields = ("user__username", "employee_number", "organisation__code")
    raw_id_fields = ("user",)
    autocomplete_fields = ("organisation",)


@admin.register(PendingCadre)
class PendingCadreAdmin(ReadOnlyAdmin):
    """Cadres imported without an account, and the account each linked by accepting (imports change them)."""

    list_display = ("full_name", "organisation", "took_office_on", "imported_on", "registered_on", "user")
    list_filter = ("category",)
    search_fields = ("full_name", "organisation__code")
    exclude = ("contact_key",)
