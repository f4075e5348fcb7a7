"""The organisations applet's pages (mounted by credit_plugin.urls)."""
from django.urls import path

from credit_plugin.organisations import views

urlpatterns = [
    path("cadre-credits/admin/cadres/import/", views.cadre_import, name="cadre_import"),
]
