"""The organisations applet's pages (mounted by credit_plugin.urls)."""
from django.urls import path

from credit_plugin.organisations import invitation_views, views

urlpatterns = [
    path("cadre-credits/admin/cadres/import/", views.cadre_import, name="cadre_import"),
    path("cadre-credits/invitation/<str:token>/", invitation_views.accept_invitation, name="accept_invitation"),
]
