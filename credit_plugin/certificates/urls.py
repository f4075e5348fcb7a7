"""The certificates applet's pages and public verification addresses (mounted by credit_plugin.urls)."""
from django.urls import path

from credit_plugin.certificates import views

urlpatterns = [
    path("cadre-credits/certificates/keys.json", views.signing_keys, name="certificate_keys"),
    path("cadre-credits/certificates/status/<int:number>/", views.status_list, name="certificate_status_list"),
    path("cadre-credits/certificates/verify/<str:code>/", views.certificate_verify, name="certificate_verify"),
    path("cadre-credits/certificates/verify/<str:code>/badge.json", views.certificate_badge,
         name="certificate_badge"),
    path("api/cadre-credits/v1/certificates/<str:code>/", views.certificate_json, name="certificate_json"),
    path("cadre-credits/certificates/<str:code>/certificate.pdf", views.certificate_download,
         name="certificate_download"),
    path("cadre-credits/certificates/<str:code>/revoke/", views.certificate_revoke, name="certificate_revoke"),
    path("cadre-credits/certificates/<str:code>/reissue/", views.certificate_reissue, name="certificate_reissue"),
]
