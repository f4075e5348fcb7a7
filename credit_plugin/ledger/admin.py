"""Django admin: credit rules, yearly policy, caps and organisation targets are edited here; the ledger is read-only."""
from django.contrib import admin

from credit_plugin.ledger.models import (
    CreditRule,
    LedgerEntry,
    LmsEventReceipt,
    OrganisationTarget,
    YearlyCap,
    YearlyPolicy,
    YearTotal,
)
from credit_plugin.read_only_admin import ReadOnlyAdmin


@admin.register(CreditRule)
class CreditRuleAdmin(admin.ModelAdmin):
    list_display = ("title", "course_key", "course_prefix", "block_key", "trigger", "credits", "hours", "active")
    list_filter = ("trigger", "active", "repeatable_each_year")
    search_fields = ("title", "course_prefix", "block_key")


@admin.register(OrganisationTarget)
class OrganisationTargetAdmin(admin.ModelAdmin):
    """Targets for an organisation's whole subtree; the nearest organisation above a cadre with one wins."""

    list_display = ("organisation", "year", "credit_target", "hour_target")
    list_filter = ("year",)
    search_fields = ("organisation__code", "organisation__name")
    autocomplete_fields = ("organisation",)


admin.site.register(YearlyPolicy, list_display=("year", "credit_target", "hour_target"))
admin.site.register(YearlyCap, list_display=("source_kind", "max_credits", "max_hours"))


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
