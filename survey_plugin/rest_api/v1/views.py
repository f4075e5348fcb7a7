"""REST API v1 of the survey plugin (``/api/cadre-surveys/v1/``): the privacy policy and learning demand."""
from django.utils.translation import gettext as _
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from survey_plugin import api
from survey_plugin.audience import demand_scope
from survey_plugin.filters import FilterError, requested_demand
from survey_plugin.rest_api.v1.serializers import DemandRankingSerializer, PrivacyPolicySerializer


class PrivacyPolicyView(APIView):
    """GET the privacy threshold for filtered results and the free-text answer limit."""

    authentication_classes = [SessionAuthentication]
    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response(PrivacyPolicySerializer(api.privacy_policy()).data)


class DemandView(APIView):
    """
    GET topics ranked by demand in the caller's organisations: ``?start=&end=&org=&category=&tenure=``.
    A group under the privacy threshold is hidden; a bad filter is a 400 naming its ``parameter``,
    and so is a filter that cuts a group under the threshold (``group_too_small``, decision 0016).
    """

    authentication_classes = [JwtAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]

    def get(self, request):
        scope = demand_scope(request.user)
        if not scope.may_read:
            return Response({"error": "forbidden", "message": _("You administer no organisation.")}, status=403)
        try:
            requested = requested_demand(request.query_params, scope=scope)
        except FilterError as error:
            code, status = ("unknown_organisation", 404) if error.not_found else ("bad_filter", 400)
            return Response({"error": code, "parameter": error.parameter, "message": error.message}, status=status)
        ranking = api.demand_ranking(requested.where)
        if ranking.refused:
            return Response({"error": "group_too_small", "message": api.demand_refusal_message()}, status=400)
        return Response({"filters": requested.values, **DemandRankingSerializer(ranking).data})
