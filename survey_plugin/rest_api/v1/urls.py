"""URLs of REST API v1, mounted at ``api/cadre-surveys/v1/``."""
from django.urls import path

from survey_plugin.rest_api.v1 import views

urlpatterns = [
    path("privacy/", views.PrivacyPolicyView.as_view(), name="privacy"),
    path("demand/", views.DemandView.as_view(), name="demand"),
]
