"""REST views of the ledger: the policy, a learner's own year and entries, and an administrator's view of a learner."""
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.response import Response

from credit_plugin.ledger import policy, totals
from credit_plugin.organisations import api as organisations_api
from credit_plugin.rest import PluginApiView, YearQuery, error_response, invalid_query


class CreditPolicySerializer(serializers.Serializer):
    yearly_credits = serializers.DecimalField(max_digits=9, decimal_places=2)
    yearly_hours = serializers.DecimalField(max_digits=9, decimal_places=2)
    time_zone = serializers.CharField()


class YearSummarySerializer(serializers.Serializer):
    user_id = serializers.IntegerField()
    year = serializers.IntegerField()
    credits = serializers.DecimalField(max_digits=9, decimal_places=2)
    hours = serializers.DecimalField(max_digits=9, decimal_places=2)
    credit_target = serializers.DecimalField(max_digits=9, decimal_places=2)
    hour_target = serializers.DecimalField(max_digits=9, decimal_places=2)
    entry_count = serializers.IntegerField()
    target_met = serializers.BooleanField()


class LedgerEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    year = serializers.IntegerField()
    earned_at = serializers.DateTimeField()
    credits = serializers.DecimalField(max_digits=9, decimal_places=2)
    hours = serializers.DecimalField(max_digits=9, decimal_places=2)
    source_kind = serializers.CharField()
    reference = serializers.CharField()
    title = serializers.CharField()
    reason = serializers.CharField()
    reverses = serializers.IntegerField(source="reverses_id", allow_null=True)
    reversed_by = serializers.IntegerField(source="reversed_by_id", allow_null=True)


class CreditPolicyView(PluginApiView):
    """GET the yearly credit and hour targets and the time zone the year is counted in."""

    def get(self, request):
        return Response(CreditPolicySerializer(policy.credit_policy()).data)


class LedgerView(PluginApiView):
    """A learner's year (``summary``) or entries: the caller's own, or, for an administrator, a cadre's."""

    body = None  # "summary" or "entries"

    def get(self, request, username=None):
        query = YearQuery(data=request.query_params)
        if not query.is_valid():
            return invalid_query(query)
        year = query.validated_data["year"]
        learner_id = request.user.id if username is None else self._visible_learner(request.user, username)
        if learner_id is None:
            # The same answer for "no such learner" and "not yours to see": no account probing.
            return error_response("not_found", _("No such learner in the organisations you can see."), 404)
        if self.body == "summary":
            return Response(YearSummarySerializer(totals.year_summary(user_id=learner_id, year=year)).data)
        entries = totals.entries(user_id=learner_id, year=year)
        return Response({"year": year, "results": LedgerEntrySerializer(entries, many=True).data})

    @staticmethod
    def _visible_learner(viewer, username) -> int | None:
        learner_id = organisations_api.user_ids_by_username([username]).get(username)
        return learner_id if learner_id and organisations_api.can_view_learner(viewer, learner_id) else None


class SummaryView(LedgerView):
    body = "summary"


class EntriesView(LedgerView):
    body = "entries"
