"""REST API v1 of the survey plugin (``/api/cadre-surveys/v1/``)."""
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from survey_plugin import api


class PrivacyPolicyView(APIView):
    """GET the privacy threshold for filtered results and the free-text answer limit."""

    authentication_classes = [SessionAuthentication]
    permission_classes = [IsAuthenticated]

    def get(self, request):
        policy = api.privacy_policy()
        return Response({"min_group_size": policy.min_group_size, "max_text_length": policy.max_text_length})
