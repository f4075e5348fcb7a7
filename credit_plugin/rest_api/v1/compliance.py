"""REST views of cadre compliance for reporting tools, narrowed to the caller's organisations."""

from django.utils.translation import gettext as _
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param
from rest_framework.views import APIView

from credit_plugin import api
from credit_plugin.data import CadreCategory, ComplianceStatus
from credit_plugin.views.learner import requested_year

PAGE_SIZE, MAX_PAGE_SIZE = 100, 1000


def _error(code, message, status):
    return Response({"error": code, "message": message}, status=status)


def _whole_number(text, *, default: int, largest: int) -> int | None:
    """``text`` as a number from 1 to ``largest`` (``default`` when absent), or None."""
    if text in (None, ""):
        return default
    return int(text) if text.isdecimal() and 1 <= int(text) <= largest else None


def organisation_json(organisation: api.OrganisationData) -> dict:
    return {"code": organisation.code, "name": organisation.name, "level": organisation.level,
            "parent_code": organisation.parent_code}


def counts_json(counts: api.StatusCounts) -> dict:
    return {"organisation": organisation_json(counts.organisation), "total": counts.total,
            **{status: getattr(counts, status) for status in ComplianceStatus.values}}


def cadre_json(cadre: api.CadreCompliance) -> dict:
    return {
        "username": cadre.username, "full_name": cadre.full_name, "organisation_code": cadre.organisation_code,
        "category": cadre.category, "year": cadre.year, "credits": str(cadre.credits), "hours": str(cadre.hours),
        "credit_target": str(cadre.credit_target), "hour_target": str(cadre.hour_target),
        "expected_credits": str(cadre.expected_credits), "expected_hours": str(cadre.expected_hours),
        "status": cadre.status, "reasons": list(cadre.reasons),
        "deadlines": [{"rule": deadline.rule, "due_on": deadline.due_on.isoformat(),
                       "met_on": deadline.met_on.isoformat() if deadline.met_on else None, "met": deadline.met}
                      for deadline in cadre.deadlines],
    }


class ComplianceView(APIView):
    """JWT or session authentication, as the LMS, and checked filters; every answer is narrowed by scope."""

    authentication_classes = [JwtAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.filters_error = None
        self.year = requested_year(request)
        self.status_filter = request.query_params.get("status", "")
        self.category = request.query_params.get("category", "")
        if self.year is None:
            self.filters_error = _error("invalid_year", _("The year must be a number from 2000 to 2100."), 400)
        elif self.status_filter and self.status_filter not in ComplianceStatus.values:
            self.filters_error = _error("invalid_status", _("Unknown status %(status)r.") % {
                "status": self.status_filter}, 400)
        elif self.category and self.category not in CadreCategory.values:
            self.filters_error = _error("invalid_category", _("Unknown cadre category %(category)r.") % {
                "category": self.category}, 400)


class OrganisationsView(ComplianceView):
    def get(self, request):
        return Response({"results": [organisation_json(o) for o in api.visible_organisations(viewer=request.user)]})


class OrganisationComplianceView(ComplianceView):
    """Counts by status for the organisation's subtree and each child's."""

    def get(self, request, code):
        if self.filters_error:
            return self.filters_error
        try:
            overall, children = api.compliance_overview(viewer=request.user, organisation_code=code, year=self.year,
                                                        category=self.category)
        except api.UnknownOrganisation:
            return _error("not_found", _("No such organisation among those you can see."), 404)
        return Response({"year": self.year, "overall": counts_json(overall),
                         "children": [counts_json(child) for child in children]})


class OrganisationCadresView(ComplianceView):
    """
    The cadres of the organisation's subtree with their figures, a page at a time (``page``,
    ``page_size`` up to 1,000) as Open edX's REST APIs page: ``count``, ``num_pages``,
    ``current_page``, ``next`` and ``previous`` links, ``results``.
    """

    def get(self, request, code):
        if self.filters_error:
            return self.filters_error
        page_number = _whole_number(request.query_params.get("page"), default=1, largest=10**9)
        page_size = _whole_number(request.query_params.get("page_size"), default=PAGE_SIZE, largest=MAX_PAGE_SIZE)
        if page_number is None or page_size is None:
            return _error("invalid_page", _("page must be a whole number from 1, and page_size one from 1 to "
                                            "%(largest)s.") % {"largest": MAX_PAGE_SIZE}, 400)
        try:
            page = api.compliance_page(
                viewer=request.user, organisation_code=code, year=self.year, status=self.status_filter,
                category=self.category, page=page_number, page_size=page_size,
            )
        except api.UnknownOrganisation:
            return _error("not_found", _("No such organisation among those you can see."), 404)
        if page.number != page_number:
            return _error("invalid_page", _("There is no page %(number)s.") % {"number": page_number}, 404)
        url = request.build_absolute_uri()
        return Response({
            "year": self.year, "count": page.paginator.count, "num_pages": page.paginator.num_pages,
            "current_page": page.number,
            "next": replace_query_param(url, "page", page.next_page_number()) if page.has_next() else None,
            "previous": (replace_query_param(url, "page", page.previous_page_number()) if page.number > 2
                         else remove_query_param(url, "page") if page.has_previous() else None),
            "results": [cadre_json(cadre) for cadre in page.object_list],
        })


class MyComplianceView(ComplianceView):
    """The caller's own compliance; a clear "not a registered cadre" answer for other users."""

    def get(self, request):
        if self.filters_error:
            return self.filters_error
        status = api.compliance_status(user_id=request.user.id, year=self.year)
        if status is None:
            return _error("not_a_cadre", _("You are not a registered cadre."), 404)
        return Response(cadre_json(status))
