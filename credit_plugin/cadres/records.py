"""
What a person may ask of the cadre records, each question narrowed to what they may see.

Every page, REST endpoint and export calls these; an organisation outside the viewer's scope is
reported exactly like one that does not exist, so codes cannot be probed.
"""
from datetime import date

from django.core.paginator import Page, Paginator

from credit_plugin.cadres import report
from credit_plugin.cadres.scope import scope_of
from credit_plugin.cadres.tree import ancestor_ids, lineage_codes
from credit_plugin.data import CadreCompliance, CadreProfileData, OrganisationData, StatusCounts
from credit_plugin.models import CadreCategory, CadreProfile, Organisation, TrainingAdministrator


class UnknownOrganisation(LookupError):
    """No organisation with that code that the viewer may see."""


def mask_phone(phone: str) -> str:
    """138****5678: enough to recognise a number, not to call it."""
    if len(phone) < 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def visible_organisations(*, viewer) -> list[OrganisationData]:
    """Every organisation ``viewer`` administers, the tree in path order."""
    return [report.organisation_data(organisation)
            for organisation in scope_of(viewer).organisations().select_related("parent").order_by("path")]


def top_organisations(*, viewer) -> list[OrganisationData]:
    """The highest organisations ``viewer`` administers (the roots of their view)."""
    return _tops(visible_organisations(viewer=viewer))


def _tops(organisations: list[OrganisationData]) -> list[OrganisationData]:
    """Those of ``organisations`` with none of the others above them."""
    paths = [organisation.path for organisation in organisations]
    return [organisation for organisation in organisations
            if not any(organisation.path != path and organisation.path.startswith(path) for path in paths)]


def visible_organisation(*, viewer, code: str) -> Organisation:
    organisation = scope_of(viewer).organisations().select_related("parent").filter(code=code).first()
    if organisation is None:
        raise UnknownOrganisation(code)
    return organisation


def organisation_name(*, viewer, code: str) -> str:
    """The name of an organisation ``viewer`` may see (UnknownOrganisation otherwise)."""
    return visible_organisation(viewer=viewer, code=code).name


def can_see_organisation(*, viewer, code: str) -> bool:
    return scope_of(viewer).organisations().filter(code=code).exists()


def cadre_profile(*, user_id: int) -> CadreProfileData | None:
    """The cadre profile of ``user_id``, or None for a user who is not a registered cadre."""
    profile = CadreProfile.objects.select_related("user", "organisation").filter(user_id=user_id).first()
    if profile is None:
        return None
    user = profile.user
    return CadreProfileData(
        user_id=user.id, username=user.username, full_name=f"{user.first_name}{user.last_name}".strip(),
        organisation_code=profile.organisation.code, organisation_name=profile.organisation.name,
        position=profile.position, category=profile.category, took_office_on=profile.took_office_on,
        registered_on=profile.registered_on, employee_number=profile.employee_number,
        masked_phone=mask_phone(profile.phone), status=profile.status,
        organisation_lineage=lineage_codes(profile.organisation.path),
    )


def compliance_status(*, user_id: int, year: int, today: date | None = None) -> CadreCompliance | None:
    """One cadre's compliance for ``year``; None for a user who is not a registered (serving) cadre."""
    found = report.assess_cadres(CadreProfile.objects.filter(user_id=user_id), year=year, today=today)
    return found[0] if found else None


def compliance_report(
    *, viewer, organisation_code: str, year: int, status: str = "", category: str = "", page: int | str = 1,
    page_size: int = 100, today: date | None = None,
) -> tuple[StatusCounts, list[StatusCounts], Page]:
    """
    Counts for the organisation's subtree and each child's, and one page (Django's ``Page``, of
    ``CadreCompliance``) of its cadres of ``status``. Every cadre's status is needed for the counts,
    but only the page's cadres are assessed in full, with names, figures and reasons.
    """
    organisation = visible_organisation(viewer=viewer, code=organisation_code)
    profiles = _profiles_below(organisation, category)
    statuses = report.cadre_statuses(profiles, year=year, today=today)
    overall, children = report.counts_by_child(statuses, organisation=organisation)
    return overall, children, _assessed_page(profiles, statuses, status=status, page=page, page_size=page_size,
                                             year=year, today=today)


def compliance_page(
    *, viewer, organisation_code: str, year: int, status: str = "", category: str = "", page: int | str = 1,
    page_size: int = 100, today: date | None = None,
) -> Page:
    """One page of ``compliance_report``'s cadres, without its counts (what a REST client pages through)."""
    organisation = visible_organisation(viewer=viewer, code=organisation_code)
    profiles = _profiles_below(organisation, category)
    statuses = report.cadre_statuses(profiles, year=year, today=today)
    return _assessed_page(profiles, statuses, status=status, page=page, page_size=page_size, year=year, today=today)


def _assessed_page(profiles, statuses, *, status, page, page_size, year, today) -> Page:
    """The page (Django's leniency: a bad number gives the first or last) of ``statuses``, assessed in full."""
    listed = [cadre for cadre in statuses if not status or cadre.status == status]
    chosen = Paginator(listed, page_size).get_page(page)
    on_page = [cadre.user_id for cadre in chosen.object_list]
    chosen.object_list = report.assess_cadres(profiles.filter(user_id__in=on_page), year=year, today=today)
    return chosen


def compliance_overview(
    *, viewer, organisation_code: str, year: int, category: str = "", today: date | None = None
) -> tuple[StatusCounts, list[StatusCounts]]:
    """Counts by status for the organisation's subtree and for each child's."""
    organisation = visible_organisation(viewer=viewer, code=organisation_code)
    statuses = report.cadre_statuses(_profiles_below(organisation, category), year=year, today=today)
    return report.counts_by_child(statuses, organisation=organisation)


def compliance_list(
    *, viewer, organisation_code: str, year: int, status: str = "", category: str = "", today: date | None = None
) -> list[CadreCompliance]:
    """The cadres of the organisation's subtree with their figures, optionally of one status and category."""
    organisation = visible_organisation(viewer=viewer, code=organisation_code)
    assessed = report.assess_cadres(_profiles_below(organisation, category), year=year, today=today)
    return [cadre for cadre in assessed if not status or cadre.status == status]


def _profiles_below(organisation, category):
    profiles = CadreProfile.objects.filter(organisation__path__startswith=organisation.path)
    return profiles.filter(category=category) if category else profiles


def assign_training_administrator(*, user_id: int, organisation_code: str) -> None:
    """Make ``user_id`` a training administrator of the organisation (and so of its subtree)."""
    organisation = Organisation.objects.get(code=organisation_code)
    TrainingAdministrator.objects.get_or_create(user_id=user_id, organisation=organisation)


def administrators_of(*, organisation_path: str) -> list[int]:
    """User ids of everyone who administers the organisation at ``organisation_path`` (from any level above)."""
    return list(
        TrainingAdministrator.objects.filter(organisation_id__in=ancestor_ids(organisation_path))
        .values_list("user_id", flat=True).distinct()
    )


def organisation_lineage(*, code: str) -> tuple[str, ...]:
    """Codes of the organisation and every one above it, root first (empty for an unknown code)."""
    path = Organisation.objects.filter(code=code).values_list("path", flat=True).first()
    return lineage_codes(path) if path else ()


def report_organisations(*, viewer) -> dict:
    """
    What other apps' reports (survey demand) may show ``viewer``, as plain data: ``everything``
    for a province administrator, the codes of the subtrees' ``roots`` they administer, and
    ``choices`` — (code, name, depth) of every organisation they see, for a filter.
    """
    scope = scope_of(viewer)
    visible = visible_organisations(viewer=viewer) if scope.is_admin else []
    return {
        "everything": scope.everything,
        "roots": [organisation.code for organisation in _tops(visible)],
        "choices": [(organisation.code, organisation.name, organisation.depth) for organisation in visible],
        "categories": [(value, str(label)) for value, label in CadreCategory.choices],
    }
