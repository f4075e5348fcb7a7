"""What every REST view of the plugin shares: the LMS's authentication, and query parameters read by serializers."""
from django.utils.translation import gettext_lazy as _
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from credit_plugin import config

FIRST_YEAR, LAST_YEAR = 2000, 2100
YEAR_MESSAGE = _("The year must be a number from 2000 to 2100.")


class PluginApiView(APIView):
    """JWT or session authentication, as the LMS's own APIs; only logged-in users."""

    authentication_classes = [JwtAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]


class YearQuery(serializers.Serializer):
    """``?year=``: the calendar year asked about (this year in the credit time zone when absent)."""

    year = serializers.IntegerField(
        required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR,
        error_messages={"invalid": YEAR_MESSAGE, "min_value": YEAR_MESSAGE, "max_value": YEAR_MESSAGE},
    )

    def validate(self, attrs):
        return {**attrs, "year": attrs.get("year") or config.current_year()}


def error_response(code: str, message: str, status: int) -> Response:
    """The plugin's JSON error: a code for programs, a message for people."""
    return Response({"error": code, "message": str(message)}, status=status)


def invalid_query(serializer: serializers.Serializer) -> Response:
    """A 400 naming the first query parameter that is wrong (``invalid_year``, ``invalid_status``…)."""
    field, messages = next(iter(serializer.errors.items()))
    return error_response(f"invalid_{field}", messages[0], 400)
