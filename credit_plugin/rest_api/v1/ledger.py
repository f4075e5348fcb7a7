"""REST views of the ledger: a learner's own year and entries; an administrator's view of a learner."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from credit_plugin import api, permissions
from credit_plugin.views.learner import requested_year


def summary_json(summary: api.YearSummary) -> dict:
    return {
        "user_id": summary.user_id,
        "year": summary.year,
        "credits": str(summary.credits),
        "hours": str(summary.hours),
        "credit_target": str(summary.credit_target),
        "hour_target": str(summary.hour_target),
        "entry_count": summary.entry_count,
        "target_met": summary.target_met,
    }


def entry_json(entry: api.LedgerEntryData) -> dict:
    return {
        "id": entry.id,
        "year": entry.year,
        "earned_at": entry.earned_at.isoformat(),
        "credits": str(entry.credits),
        "hours": str(entry.hours),
        "source_kind": entry.source_kind,
        "reference": entry.reference,
        "title": entry.title,
        "reason": entry.reason,
        "reverses": entry.reverses_id,
        "reversed_by": entry.reversed_by_id,
    }


def _error(code, message, status):
    return Response({"error": code, "message": message}, status=status)


class LedgerView(APIView):
    """Base: JWT or session authentication (as the LMS), a valid ?year=, and whose record it is."""

    authentication_classes = [JwtAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]
    body = None  # "summary" or "entries"

    def learner_id(self, request, username):
        if username is None:
            return request.user.id
        learner = get_user_model().objects.filter(username=username).first()
        if learner is None or not permissions.can_view_learner(request.user, learner.id):
            return None
        return learner.id

    def get(self, request, username=None):
        year = requested_year(request)
        if year is None:
            return _error("invalid_year", _("The year must be a number from 2000 to 2100."), 400)
        learner_id = self.learner_id(request, username)
        if learner_id is None:
            # The same answer for "no such learner" and "not yours to see": no account probing.
            return _error("not_found", _("No such learner in the organisations you can see."), 404)
        if self.body == "summary":
            return Response(summary_json(api.year_summary(user_id=learner_id, year=year)))
        return Response({"year": year, "results": [entry_json(e) for e in api.entries(user_id=learner_id, year=year)]})


class SummaryView(LedgerView):
    body = "summary"


class EntriesView(LedgerView):
    body = "entries"
