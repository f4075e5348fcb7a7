"""
Cadres and the organisations they serve in: one cadre's profile, and a whole subtree's serving
cadres read at once for reports (a few columns of tens of thousands of rows, in one query).
"""
from datetime import date

from django.db.models import F, Max, QuerySet

from cadre_common.masking import mask_phone
from credit_plugin import config
from credit_plugin.compat import PROFILE_NAME
from credit_plugin.organisations import people, tree
from credit_plugin.organisations.data import (
    CadreDates,
    CadreProfileData,
    CadreRow,
    CadreStatus,
    OrganisationData,
    PendingRow,
)
from credit_plugin.organisations.models import CadreProfile, Organisation, PendingCadre
from credit_plugin.organisations.tree import lineage_codes
from credit_plugin.organisations.visibility import organisation_data

_ROW_FIELDS = (
    "user_id", "user__username", f"user__{PROFILE_NAME}", "organisation__code", "organisation__name",
    "organisation__path", "category", "took_office_on", "registered_on",
)
_DATES_FIELDS = ("user_id", "organisation__code", "organisation__path", "took_office_on", "registered_on")



def cadre_profile(*, user_id: int) -> CadreProfileData | None:
    """The cadre profile of ``user_id``, or None for a user who is not a registered cadre."""
    profile = CadreProfile.objects.select_related("user", "organisation").annotate(
        full_name=F(f"user__{PROFILE_NAME}")).filter(user_id=user_id).first()
    if profile is None:
        return None
    user = profile.user
    return CadreProfileData(
        user_id=user.id, username=user.username,
        full_name=people.full_name(profile.full_name, user.username),
        organisation_code=profile.organisation.code, organisation_name=profile.organisation.name,
        position=profile.position, category=profile.category, took_office_on=profile.took_office_on,
        registered_on=profile.registered_on, employee_number=profile.employee_number,
        masked_phone=mask_phone(profile.phone), status=profile.status,
        organisation_lineage=lineage_codes(profile.organisation.path),
    )


def cadre_organisation_path(*, user_id: int) -> str | None:
    """The path of the organisation ``user_id`` serves in, or None for a user who is not a cadre."""
    return CadreProfile.objects.filter(user_id=user_id).values_list("organisation__path", flat=True).first()


def organisation_lineage(*, code: str) -> tuple[str, ...]:
    """Codes of the organisation and every one above it, root first (empty for an unknown code)."""
    path = Organisation.objects.filter(code=code).values_list("path", flat=True).first()
    return lineage_codes(path) if path else ()


def organisation(*, code: str) -> OrganisationData | None:
    """The organisation ``code`` for system work (batches, imports); no viewer's scope applies."""
    found = Organisation.objects.select_related("parent").filter(code=code).first()
    return organisation_data(found) if found else None


def root_organisation_name() -> str:
    """The name of the first root of the tree ("" when there is no tree)."""
    return Organisation.objects.filter(parent=None).order_by("path").values_list("name", flat=True).first() or ""


def children(*, code: str) -> list[OrganisationData]:
    """The organisations directly below ``code``, by code."""
    return [organisation_data(child) for child in
            Organisation.objects.filter(parent__code=code).select_related("parent").order_by("code")]


def codes_below(*, path: str) -> dict[str, str]:
    """{code: path} of the organisation at ``path`` and everything below it."""
    return dict(Organisation.objects.filter(path__startswith=path).values_list("code", "path"))


def _serving(organisation_path, user_ids, category, in_year) -> QuerySet:
    profiles = CadreProfile.objects.filter(status=CadreStatus.SERVING)
    if in_year is not None:  # a cadre who took office after the year has nothing to answer for in it
        profiles = profiles.filter(took_office_on__lte=date(in_year, 12, 31))
    if organisation_path is not None:
        profiles = profiles.filter(organisation__path__startswith=organisation_path)
    if user_ids is not None:
        profiles = profiles.filter(user_id__in=user_ids)
    return profiles.filter(category=category) if category else profiles


def serving_cadres(
    *, organisation_path: str | None = None, user_ids=None, category: str = "", in_year: int | None = None,
) -> list[CadreRow]:
    """Serving cadres (of a subtree, of some users, of a category, in office in a year), by organisation."""
    rows = _serving(organisation_path, user_ids, category, in_year).order_by("organisation__path", "user_id")
    return [
        CadreRow(user_id, username, people.full_name(full, username), code, name, path, category_value,
                 took_office_on, registered_on)
        for user_id, username, full, code, name, path, category_value, took_office_on, registered_on
        in rows.values_list(*_ROW_FIELDS)
    ]


def serving_cadre_dates(
    *, organisation_path: str | None = None, category: str = "", in_year: int | None = None,
) -> list[CadreDates]:
    """``serving_cadres`` without names: what counting a province's statuses needs, in the same order."""
    rows = _serving(organisation_path, None, category, in_year).order_by("organisation__path", "user_id")
    return [CadreDates(*row) for row in rows.values_list(*_DATES_FIELDS)]


def serving_cadre_ids(
    *, organisation_path: str | None = None, category: str = "", in_year: int | None = None,
) -> QuerySet:
    """
    The user ids of ``serving_cadres``, as a lazy query: whoever filters by it runs it as a
    subquery, so a province's ids never cross into Python.
    """
    return _serving(organisation_path, None, category, in_year).values_list("user_id", flat=True)


def cadre_ids() -> list[int]:
    """Every cadre's user id (serving or not), in order."""
    return list(CadreProfile.objects.order_by("user_id").values_list("user_id", flat=True))


def users_by_employee_number(numbers) -> dict[str, int]:
    """{employee number, lower case: user id} of the cadres with those employee numbers."""
    rows = CadreProfile.objects.filter(employee_number__in=numbers).values_list("employee_number", "user_id")
    return {number.lower(): user_id for number, user_id in rows}


def save_organisation(*, code: str, name: str, level: str, parent_code: str | None = None) -> OrganisationData:
    """Create the organisation ``code`` or update it (below ``parent_code``); moving it moves its subtree."""
    parent = Organisation.objects.get(code=parent_code) if parent_code else None
    saved = tree.save_organisation(code=code, name=name, level=level, parent=parent)
    return organisation_data(Organisation.objects.select_related("parent").get(pk=saved.pk))


def pending_cadres(
    *, organisation_path: str | None = None, category: str = "", in_year: int | None = None, pending_ids=None,
) -> list[PendingRow]:
    """Appointed cadres who have not registered yet (of a subtree, category, year), by organisation."""
    rows = PendingCadre.objects.filter(registered_on=None)  # (a registered cadre's account may be deleted later)
    if in_year is not None:
        rows = rows.filter(took_office_on__lte=date(in_year, 12, 31))
    if organisation_path is not None:
        rows = rows.filter(organisation__path__startswith=organisation_path)
    if category:
        rows = rows.filter(category=category)
    if pending_ids is not None:
        rows = rows.filter(id__in=list(pending_ids))
    rows = rows.annotate(invited_at=Max("invitations__created_at")).order_by("organisation__path", "id").values_list(
        "id", "full_name", "organisation__code", "organisation__name", "organisation__path", "category",
        "took_office_on", "email", "phone", "invited_at")
    time_zone = config.credit_time_zone()
    return [
        PendingRow(pk, name, code, org_name, path, category_value, took_office_on,
                   mask_email(email) if email else mask_phone(phone),
                   invited_at.astimezone(time_zone).date() if invited_at else None)
        for pk, name, code, org_name, path, category_value, took_office_on, email, phone, invited_at in rows
    ]


def mask_email(email: str) -> str:
    """wangxg@example.com → w****g@example.com: enough to recognise an address, not to write to it."""
    local, _, domain = email.partition("@")
    shown = local[0] + "*" * max(len(local) - 2, 1) + local[-1] if len(local) > 1 else "*"
    return f"{shown}@{domain}"
