"""
What a viewer may see of the tree: every question narrowed to their scope. An organisation outside
it is answered exactly like one that does not exist, so codes cannot be probed.
"""
from cadre_common.organisation_scope import OrganisationChoice, OrganisationScope
from credit_plugin.organisations.data import CadreCategory, OrganisationData
from credit_plugin.organisations.models import Organisation
from credit_plugin.organisations.scope import scope_of


class UnknownOrganisation(LookupError):
    """No organisation with that code that the viewer may see."""


def organisation_data(organisation: Organisation) -> OrganisationData:
    return OrganisationData(
        id=organisation.id, code=organisation.code, name=organisation.name, level=organisation.level,
        parent_code=organisation.parent.code if organisation.parent_id else None, path=organisation.path,
    )


def visible_organisations(*, viewer) -> list[OrganisationData]:
    """Every organisation ``viewer`` administers, the tree in path order."""
    return [organisation_data(organisation)
            for organisation in scope_of(viewer).organisations().select_related("parent").order_by("path")]


def tops(organisations: list[OrganisationData]) -> list[OrganisationData]:
    """Those of ``organisations`` with none of the others above them."""
    paths = [organisation.path for organisation in organisations]
    return [organisation for organisation in organisations
            if not any(organisation.path != path and organisation.path.startswith(path) for path in paths)]


def top_organisations(*, viewer) -> list[OrganisationData]:
    """The highest organisations ``viewer`` administers (the roots of their view)."""
    return tops(visible_organisations(viewer=viewer))


def visible_organisation(*, viewer, code: str) -> OrganisationData:
    """The organisation ``code`` if ``viewer`` may see it; UnknownOrganisation otherwise."""
    organisation = scope_of(viewer).organisations().select_related("parent").filter(code=code).first()
    if organisation is None:
        raise UnknownOrganisation(code)
    return organisation_data(organisation)


def can_see_organisation(*, viewer, code: str) -> bool:
    return scope_of(viewer).organisations().filter(code=code).exists()


def report_organisations(*, viewer) -> OrganisationScope:
    """
    What other apps' reports (survey demand) may show ``viewer``: everything for a province
    administrator, else the subtrees they administer; every organisation they see, for a filter.
    """
    scope = scope_of(viewer)
    visible = visible_organisations(viewer=viewer) if scope.is_admin else []
    return OrganisationScope(
        everything=scope.everything,
        roots=tuple(organisation.code for organisation in tops(visible)),
        choices=tuple(OrganisationChoice(code=o.code, name=o.name, depth=o.depth) for o in visible),
        categories=tuple((value, str(label)) for value, label in CadreCategory.choices),
    )
