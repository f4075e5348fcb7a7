"""URLs the survey plugin adds to the LMS and Studio (mounted by edx-django-utils' plugin framework)."""
from django.urls import include, path

urlpatterns = [
    path("api/cadre-surveys/v1/", include(("survey_plugin.rest_api.v1.urls", "v1"))),
]
