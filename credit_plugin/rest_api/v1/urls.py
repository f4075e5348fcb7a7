"""URLs of REST API v1, mounted at ``api/cadre-credits/v1/``."""
from django.urls import path

from credit_plugin.rest_api.v1 import views

urlpatterns = [
    path("policy/", views.CreditPolicyView.as_view(), name="policy"),
]
