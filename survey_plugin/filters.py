"""
The demand filters of a request (the dashboard's or REST's query string), read by a DRF
serializer and narrowed to the viewer's organisation scope; a bad one names its parameter.
"""
from dataclasses import dataclass

from django.utils.translation import gettext as _
from rest_framework import serializers

from cadre_common.organisation_scope import OrganisationScope
from survey_plugin.data import DemandFilter

PARAMETERS = ("start", "end", "org", "category", "tenure")
TENURES = ("new", "serving")
OUT_OF_SCOPE = "out_of_scope"


class FilterError(ValueError):
    """A filter the request may not use: ``parameter`` names it; ``not_found`` for an organisation out of scope."""

    def __init__(self, *, parameter: str, message: str, not_found: bool = False):
        super().__init__(message)
        self.parameter, self.message, self.not_found = parameter, message, not_found


class DemandFilterSerializer(serializers.Serializer):
    """The query string's filters: a period, an organisation the viewer sees, a cadre category, a tenure."""

    start = serializers.DateField(required=False)
    end = serializers.DateField(required=False)
    org = serializers.CharField(required=False, max_length=64)
    category = serializers.CharField(required=False, max_length=16)
    tenure = serializers.ChoiceField(choices=TENURES, required=False)

    def __init__(self, *args, scope: OrganisationScope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        if scope.categories:  # a provider without categories lets any through
            self.fields["category"] = serializers.ChoiceField(choices=scope.categories, required=False)

    def validate_org(self, code: str) -> str:
        if not self.scope.allows(code):
            raise serializers.ValidationError(_("No organisation %(code)s that you administer.") % {"code": code},
                                              code=OUT_OF_SCOPE)
        return code


@dataclass(frozen=True)
class RequestedDemand:
    where: DemandFilter
    values: dict  # the filters as given, to fill the form and the export links


def requested_demand(query, *, scope: OrganisationScope) -> RequestedDemand:
    """The filters of ``query`` within ``scope``; FilterError names the first bad one (an empty one filters nothing)."""
    values = {name: str(query.get(name, "")).strip() for name in PARAMETERS}
    serializer = DemandFilterSerializer(data={name: value for name, value in values.items() if value}, scope=scope)
    if not serializer.is_valid():
        parameter, (detail, *_others) = next(iter(serializer.errors.items()))
        raise FilterError(parameter=parameter, message=f"{parameter}: {detail}", not_found=detail.code == OUT_OF_SCOPE)
    found = serializer.validated_data
    where = DemandFilter(
        start=found.get("start"), end=found.get("end"), organisation_code=found.get("org", ""),
        cadre_category=found.get("category", ""), tenure=found.get("tenure", ""),
        within=None if scope.everything else scope.roots,
    )
    return RequestedDemand(where=where, values=values)
