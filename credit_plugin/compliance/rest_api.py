"""REST views of compliance for reporting tools, narrowed to the caller's organisations."""
from django.utils.translation import gettext as _
from edx_rest_framework_extensions.paginators import DefaultPagination, paginate_manually
from rest_framework import serializers
from rest_framework.response import Response

from credit_plugin.compliance import reports
from credit_plugin.compliance.data import ComplianceStatus
from credit_plugin.compliance.filters import ComplianceQuery
from credit_plugin.organisations import api as organisations_api
from credit_plugin.rest import PluginApiView, error_response, invalid_query

AMOUNT = {"max_digits": 9, "decimal_places": 2}


class CadrePagination(DefaultPagination):
    """Open edX's paging (``page``, ``page_size``), a hundred cadres a page and at most a thousand."""

    page_size = 100
    max_page_size = 1000


class OrganisationSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    level = serializers.CharField()
    parent_code = serializers.CharField(allow_null=True)


class StatusCountsSerializer(serializers.Serializer):
    organisation = OrganisationSerializer()
    total = serializers.IntegerField()
    overdue = serializers.IntegerField()
    at_risk = serializers.IntegerField()
    on_track = serializers.IntegerField()
    met = serializers.IntegerField()


class DeadlineSerializer(serializers.Serializer):
    rule = serializers.CharField()
    due_on = serializers.DateField()
    met_on = serializers.DateField(allow_null=True)
    met = serializers.BooleanField()


class CadreComplianceSerializer(serializers.Serializer):
    username = serializers.CharField()
    full_name = serializers.CharField()
    organisation_code = serializers.CharField()
    category = serializers.CharField()
    year = serializers.IntegerField()
    credits = serializers.DecimalField(**AMOUNT)
    hours = serializers.DecimalField(**AMOUNT)
    credit_target = serializers.DecimalField(**AMOUNT)
    hour_target = serializers.DecimalField(**AMOUNT)
    expected_credits = serializers.DecimalField(**AMOUNT)
    expected_hours = serializers.DecimalField(**AMOUNT)
    status = serializers.ChoiceField(choices=ComplianceStatus.choices)
    reasons = serializers.ListField(child=serializers.CharField())
    deadlines = DeadlineSerializer(many=True)


def _not_found():
    return error_response("not_found", _("No such organisation among those you can see."), 404)


class OrganisationsView(PluginApiView):
    """GET every organisation the caller administers."""

    def get(self, request):
        visible = organisations_api.visible_organisations(viewer=request.user)
        return Response({"results": OrganisationSerializer(visible, many=True).data})


class OrganisationComplianceView(PluginApiView):
    """GET counts by status for the organisation's subtree and each child's (``?year=&category=``)."""

    def get(self, request, code):
        query = ComplianceQuery(data=request.query_params)
        if not query.is_valid():
            return invalid_query(query)
        year = query.validated_data["year"]
        try:
            overall, children = reports.compliance_overview(
                viewer=request.user, organisation_code=code, year=year, category=query.validated_data["category"])
        except organisations_api.UnknownOrganisation:
            return _not_found()
        return Response({"year": year, "overall": StatusCountsSerializer(overall).data,
                         "children": StatusCountsSerializer(children, many=True).data})


class OrganisationCadresView(PluginApiView):
    """
    GET the cadres of the organisation's subtree with their figures (``?year=&status=&category=``),
    paged as Open edX's APIs page: ``count``, ``num_pages``, ``current_page``, ``next``, ``previous``,
    ``results``. Only the page's cadres are assessed in full.
    """

    pagination_class = CadrePagination

    def get(self, request, code):
        query = ComplianceQuery(data=request.query_params)
        if not query.is_valid():
            return invalid_query(query)
        filters = query.validated_data
        try:
            roster = reports.compliance_roster(viewer=request.user, organisation_code=code, year=filters["year"],
                                               status=filters["status"], category=filters["category"])
        except organisations_api.UnknownOrganisation:
            return _not_found()
        response = paginate_manually(request, roster, lambda cadres: CadreComplianceSerializer(cadres, many=True).data,
                                     pagination_class=self.pagination_class, view=self)
        response.data = {"year": filters["year"], **response.data}
        return response


class MyComplianceView(PluginApiView):
    """GET the caller's own compliance; a clear "not a registered cadre" answer for other users."""

    def get(self, request):
        query = ComplianceQuery(data=request.query_params)
        if not query.is_valid():
            return invalid_query(query)
        status = reports.compliance_status(user_id=request.user.id, year=query.validated_data["year"])
        if status is None:
            return error_response("not_a_cadre", _("You are not a registered cadre."), 404)
        return Response(CadreComplianceSerializer(status).data)
