"""Django admin: graded attempts and leaderboard rows, for operators to look at; only the plugin writes them."""
from django.contrib import admin

from credit_plugin.competitions.models import GradedAttempt, LeaderboardRow
from credit_plugin.read_only_admin import ReadOnlyAdmin


@admin.register(GradedAttempt)
class GradedAttemptAdmin(ReadOnlyAdmin):
    list_display = ("user", "block_key", "level", "percent", "points", "passed", "graded_at")
    search_fields = ("user__username", "block_key", "attempt_id")
    raw_id_fields = ("user",)


@admin.register(LeaderboardRow)
class LeaderboardRowAdmin(ReadOnlyAdmin):
    list_display = ("competition_key", "user", "points", "seconds", "organisation_code", "updated_at")
    search_fields = ("user__username", "competition_key", "organisation_code")
    raw_id_fields = ("user",)
