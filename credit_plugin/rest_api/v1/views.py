"""REST API v1 of the credit plugin (``/api/cadre-credits/v1/``)."""
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from credit_plugin import api


class CreditPolicyView(APIView):
    """GET the yearly credit and hour targets and the time zone the year is counted in."""

    authentication_classes = [SessionAuthentication]
    permission_classes = [IsAuthenticated]

    def get(self, request):
        policy = api.credit_policy()
        return Response(
            {
                "yearly_credits": str(policy.yearly_credits),
                "yearly_hours": str(policy.yearly_hours),
                "time_zone": policy.time_zone,
            }
        )
