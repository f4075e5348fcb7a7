"""URLs of REST API v1, mounted at ``api/cadre-credits/v1/``."""
from django.urls import path

from credit_plugin.rest_api.v1 import compliance, ledger, views

urlpatterns = [
    path("policy/", views.CreditPolicyView.as_view(), name="policy"),
    path("me/summary/", ledger.SummaryView.as_view(), name="my_summary"),
    path("me/entries/", ledger.EntriesView.as_view(), name="my_entries"),
    path("learners/<str:username>/summary/", ledger.SummaryView.as_view(), name="learner_summary"),
    path("learners/<str:username>/entries/", ledger.EntriesView.as_view(), name="learner_entries"),
    path("me/compliance/", compliance.MyComplianceView.as_view(), name="my_compliance"),
    path("organisations/", compliance.OrganisationsView.as_view(), name="organisations"),
    path("organisations/<str:code>/compliance/", compliance.OrganisationComplianceView.as_view(),
         name="organisation_compliance"),
    path("organisations/<str:code>/cadres/", compliance.OrganisationCadresView.as_view(), name="organisation_cadres"),
]
