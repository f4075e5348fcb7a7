"""URLs of REST API v1, mounted at ``api/cadre-credits/v1/``: the applets' REST views."""
from django.urls import path

from credit_plugin.compliance import rest_api as compliance
from credit_plugin.ledger import rest_api as ledger

urlpatterns = [
    path("policy/", ledger.CreditPolicyView.as_view(), name="policy"),
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
