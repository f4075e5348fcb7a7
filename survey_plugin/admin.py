"""Django admin for the topic catalogue. Responses are not listed: anonymous answers stay unbrowsable."""
from django.contrib import admin

from survey_plugin.models import Topic, TopicResource


class TopicResourceInline(admin.TabularInline):
    model = TopicResource
    extra = 1


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "active")
    list_filter = ("active",)
    search_fields = ("code", "name")
    inlines = [TopicResourceInline]
