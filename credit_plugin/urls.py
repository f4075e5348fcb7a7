"""URLs the credit plugin adds to the LMS (mounted by edx-django-utils' plugin framework)."""
from django.urls import include, path

urlpatterns = [
    path("api/cadre-credits/v1/", include(("credit_plugin.rest_api.v1.urls", "v1"))),
]
