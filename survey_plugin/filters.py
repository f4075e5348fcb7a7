"""Reading the demand filters of a request (page or REST), with a message that says what is wrong."""
from dataclasses import dataclass

from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from cadre_common.organisation_scope import OrganisationScope
from survey_plugin.demand import DemandFilter

TENURES = ("new", "serving")


class FilterError(ValueError):
    """A filter value the request may not use; ``not_found`` when it names an organisation out of scope."""

    def __init__(self, message: str, *, not_found: bool = False):
        super().__init__(message)
        self.message, self.not_found = message, not_found


@dataclass(frozen=True)
class RequestedDemand:
    where: DemandFilter
    values: dict  # the filters as given, to fill the form and the export links


def requested_demand(query, scope: OrganisationScope) -> RequestedDemand:
    values = {name: query.get(name, "").strip() for name in ("start", "end", "org", "category", "tenure")}
    days = {}
    for name in ("start", "end"):
        if values[name]:
            try:
                days[name] = parse_date(values[name])
            except ValueError:
                days[name] = None
            if days[name] is None:
                raise FilterError(_("%(name)s: %(value)r is not a date (YYYY-MM-DD).") % {
                    "name": name, "value": values[name]})
    if values["tenure"] and values["tenure"] not in TENURES:
        raise FilterError(_("tenure: use new or serving, not %(value)r.") % {"value": values["tenure"]})
    known_categories = {value for value, _label in scope.categories}
    if values["category"] and known_categories and values["category"] not in known_categories:
        raise FilterError(_("category: %(value)r is not a cadre category.") % {"value": values["category"]})
    if values["org"] and not scope.allows(values["org"]):
        raise FilterError(_("No organisation %(code)s that you administer.") % {"code": values["org"]},
                          not_found=True)
    where = DemandFilter(
        start=days.get("start"), end=days.get("end"), organisation_code=values["org"],
        cadre_category=values["category"], tenure=values["tenure"],
        within=None if scope.everything else scope.roots,
    )
    return RequestedDemand(where=where, values=values)
