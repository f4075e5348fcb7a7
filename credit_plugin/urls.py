"""URLs the credit plugin adds to the LMS (mounted by edx-django-utils' plugin framework)."""
from django.urls import include, path

from credit_plugin.views import administration, archive, certificates, compliance, learner

urlpatterns = [
    path("api/cadre-credits/v1/", include(("credit_plugin.rest_api.v1.urls", "v1"))),
    path("cadre-credits/my-record/", learner.my_record, name="my_record"),
    path("cadre-credits/my-record/export.xlsx", learner.my_record_xlsx, name="my_record_xlsx"),
    path("cadre-credits/archive/", archive.my_archive, name="my_archive"),
    path("cadre-credits/archive/<str:username>/", archive.cadre_archive, name="cadre_archive"),
    path("cadre-credits/admin/", administration.credits_admin, name="credits_admin"),
    path("cadre-credits/admin/adjust/", administration.manual_adjustment, name="manual_adjustment"),
    path("cadre-credits/admin/reverse/", administration.reverse_entry, name="reverse_entry"),
    path("cadre-credits/admin/import/", administration.offline_import, name="offline_import"),
    path("cadre-credits/admin/replay/", administration.replay_failed, name="replay_failed"),
    path("cadre-credits/compliance/", compliance.compliance_dashboard, name="compliance_dashboard"),
    path("cadre-credits/compliance/export/", compliance.compliance_export, name="compliance_export"),
    path("cadre-credits/compliance/exports/<uuid:export_id>/", compliance.export_status, name="export_status"),
    path("cadre-credits/compliance/exports/<uuid:export_id>/download/", compliance.export_download,
         name="export_download"),
    path("cadre-credits/admin/cadres/import/", compliance.cadre_import, name="cadre_import"),
    path("cadre-credits/compliance/archives/", compliance.archive_export, name="archive_export"),
    path("cadre-credits/certificates/keys.json", certificates.signing_keys, name="certificate_keys"),
    path("cadre-credits/certificates/verify/<str:code>/", certificates.certificate_verify, name="certificate_verify"),
    path("cadre-credits/certificates/verify/<str:code>/badge.json", certificates.certificate_badge,
         name="certificate_badge"),
    path("api/cadre-credits/v1/certificates/<str:code>/", certificates.certificate_json, name="certificate_json"),
    path("cadre-credits/certificates/<str:code>/certificate.pdf", certificates.certificate_download,
         name="certificate_download"),
    path("cadre-credits/certificates/<str:code>/revoke/", certificates.certificate_revoke, name="certificate_revoke"),
    path("cadre-credits/certificates/<str:code>/reissue/", certificates.certificate_reissue,
         name="certificate_reissue"),
]
