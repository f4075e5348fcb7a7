"""The ledger applet's pages (mounted by credit_plugin.urls)."""
from django.urls import path

from credit_plugin.ledger import views

urlpatterns = [
    path("cadre-credits/admin/reverse/", views.reverse_entry, name="reverse_entry"),
    path("cadre-credits/admin/import/", views.offline_import_page, name="offline_import"),
    path("cadre-credits/admin/replay/", views.replay_failed, name="replay_failed"),
]
