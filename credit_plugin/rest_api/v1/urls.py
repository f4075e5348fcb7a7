"""URLs of REST API v1, mounted at ``api/cadre-credits/v1/``."""
from django.urls import path

from credit_plugin.rest_api.v1 import ledger, views

urlpatterns = [
    path("policy/", views.CreditPolicyView.as_view(), name="policy"),
    path("me/summary/", ledger.SummaryView.as_view(), name="my_summary"),
    path("me/entries/", ledger.EntriesView.as_view(), name="my_entries"),
    path("learners/<str:username>/summary/", ledger.SummaryView.as_view(), name="learner_summary"),
    path("learners/<str:username>/entries/", ledger.EntriesView.as_view(), name="learner_entries"),
]
