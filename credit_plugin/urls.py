"""URLs the credit plugin adds to the LMS (mounted by edx-django-utils' plugin framework): each applet's own."""
from django.urls import include, path

from credit_plugin.certificates.urls import urlpatterns as certificate_urls
from credit_plugin.compliance.urls import urlpatterns as compliance_urls
from credit_plugin.ledger.urls import urlpatterns as ledger_urls
from credit_plugin.organisations.urls import urlpatterns as organisation_urls

urlpatterns = [
    path("api/cadre-credits/v1/", include(("credit_plugin.rest_api.v1.urls", "v1"))),
    *organisation_urls,
    *ledger_urls,
    *certificate_urls,
    *compliance_urls,
]
