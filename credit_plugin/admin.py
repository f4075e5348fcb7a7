"""Django admin: credit rules, yearly policy and caps are edited here; the ledger is read-only."""
from django.contrib import admin

from credit_plugin.models import CreditRule, LedgerEntry, LmsEventReceipt, YearlyCap, YearlyPolicy, YearTotal


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
