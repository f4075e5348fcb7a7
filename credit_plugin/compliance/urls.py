"""The compliance applet's pages (mounted by credit_plugin.urls)."""
from django.urls import path

from credit_plugin.compliance import archive_views, dashboard_views, record_views

urlpatterns = [
    path("cadre-credits/my-record/", record_views.my_record, name="my_record"),
    path("cadre-credits/my-record/export.xlsx", record_views.my_record_xlsx, name="my_record_xlsx"),
    path("cadre-credits/admin/", record_views.credits_admin, name="credits_admin"),
    path("cadre-credits/admin/adjust/", record_views.manual_adjustment, name="manual_adjustment"),
    path("cadre-credits/archive/", archive_views.my_archive, name="my_archive"),
    path("cadre-credits/archive/<str:username>/", archive_views.cadre_archive, name="cadre_archive"),
    path("cadre-credits/compliance/", dashboard_views.compliance_dashboard, name="compliance_dashboard"),
    path("cadre-credits/compliance/export/", dashboard_views.compliance_export, name="compliance_export"),
    path("cadre-credits/compliance/exports/<uuid:export_id>/", dashboard_views.export_status, name="export_status"),
    path("cadre-credits/compliance/exports/<uuid:export_id>/download/", dashboard_views.export_download,
         name="export_download"),
    path("cadre-credits/compliance/archives/", dashboard_views.archive_export, name="archive_export"),
]
