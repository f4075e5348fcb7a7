"""
Who may read demand, and for which organisations. The cadre records know the organisation tree
and its administrators; this plugin asks them through ``CADRE_SURVEY_ORGANISATION_SCOPE`` (a
dotted path, like the LMS's pluggable backends) for the suite's typed scope, so that it does not
depend on them.
"""
from cadre_common.organisation_scope import OrganisationScope, organisation_scope
from survey_plugin import config


def demand_scope(viewer) -> OrganisationScope:
    """The organisations whose demand ``viewer`` may read (nothing for a visitor or an inactive user)."""
    return organisation_scope(viewer, provider=config.organisation_scope_provider())
