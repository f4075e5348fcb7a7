"""REST view of learning demand for reporting tools, narrowed to the caller's organisations."""
from django.utils.translation import gettext as _
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from survey_plugin.audience import demand_scope
from survey_plugin.demand import demand_ranking
from survey_plugin.filters import FilterError, requested_demand


class DemandView(APIView):
    """GET topics ranked by demand: ``?start=&end=&org=&category=&tenure=``; a group under the threshold is hidden."""

    authentication_classes = [JwtAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]

    def get(self, request):
        scope = demand_scope(request.user)
        if not scope.may_read:
            return Response({"error": "forbidden", "message": _("You administer no organisation.")}, status=403)
        try:
            requested = requested_demand(request.query_params, scope)
        except FilterError as error:
            code, status = ("unknown_organisation", 404) if error.not_found else ("bad_filter", 400)
            return Response({"error": code, "message": error.message}, status=status)
        ranking = demand_ranking(requested.where)
        return Response({
            "filters": requested.values,
            "respondents": ranking.respondents,
            "hidden": ranking.hidden,
            "topics": [
                {"code": d.topic.code, "name": d.topic.name, "requests": d.requests, "first_choice": d.first_choice,
                 "resources": d.resources, "gap": d.gap}
                for d in ranking.topics
            ],
        })
