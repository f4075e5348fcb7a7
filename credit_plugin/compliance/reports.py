"""
What a person may ask of compliance, each question narrowed to what they may see: an organisation's
counts by status (and each child's), its cadres a page at a time, a whole list for an export, and
one cadre's own year.
"""
from collections import defaultdict
from datetime import date

from credit_plugin.compliance import assessment
from credit_plugin.compliance.data import (
    CadreCompliance,
    CadreRoster,
    ComplianceReport,
    ComplianceStatus,
    PendingRegistration,
    StatusCounts,
)
from credit_plugin.organisations import api as organisations_api


def compliance_status(*, user_id: int, year: int, today: date | None = None) -> CadreCompliance | None:
    """One cadre's compliance for ``year``; None for a user who is not a registered (serving) cadre."""
    rows = organisations_api.serving_cadres(user_ids=[user_id], in_year=year)
    found = assessment.assess_cadres(rows, [user_id], year=year, today=today)
    return found[0] if found else None


def _selection(organisation: organisations_api.OrganisationData, category: str, year: int) -> dict:
    return {"organisation_path": organisation.path, "category": category, "in_year": year}


def _pending(organisation, category, year, today) -> list[PendingRegistration]:
    return assessment.assess_pending(organisations_api.pending_cadres(**_selection(organisation, category, year)),
                                     today=today)


def _statuses(organisation, category, year, today, pending=None) -> list[assessment.CountedCadre]:
    """Every cadre's status; the appointed who have not registered count too (with no user id)."""
    selection = _selection(organisation, category, year)
    counted = assessment.cadre_statuses(organisations_api.serving_cadre_dates(**selection),
                                        organisations_api.serving_cadre_ids(**selection), year=year, today=today)
    if pending is None:
        pending = _pending(organisation, category, year, today)
    return counted + [assessment.CountedCadre(None, cadre.organisation_code, cadre.status) for cadre in pending]


def _roster(organisation, statuses, *, status: str, year: int, today) -> CadreRoster:
    """The cadres of ``status`` (all when empty) in organisation order, assessed in full as they are read."""
    def assess(user_ids) -> list[CadreCompliance]:
        rows = organisations_api.serving_cadres(user_ids=list(user_ids), in_year=year)
        by_id = {cadre.user_id: cadre for cadre in assessment.assess_cadres(rows, list(user_ids), year=year,
                                                                             today=today)}
        return [by_id[user_id] for user_id in user_ids if user_id in by_id]

    listed = tuple(cadre.user_id for cadre in statuses
                   if cadre.user_id is not None and (not status or cadre.status == status))
    return CadreRoster(user_ids=listed, assess=assess)


def compliance_report(
    *, viewer, organisation_code: str, year: int, status: str = "", category: str = "", today: date | None = None,
) -> ComplianceReport:
    """
    Counts for the organisation's subtree and each child's, and its cadres of ``status``. Every
    cadre's status is needed for the counts, but a cadre is assessed in full (names, figures,
    reasons) only when the roster is read, a page at a time.
    """
    organisation = organisations_api.visible_organisation(viewer=viewer, code=organisation_code)
    pending = _pending(organisation, category, year, today)
    statuses = _statuses(organisation, category, year, today, pending)
    overall, children = counts_by_child(statuses, organisation=organisation)
    return ComplianceReport(overall=overall, children=children,
                            cadres=_roster(organisation, statuses, status=status, year=year, today=today),
                            pending=tuple(cadre for cadre in pending if not status or cadre.status == status))


def compliance_roster(
    *, viewer, organisation_code: str, year: int, status: str = "", category: str = "", today: date | None = None,
) -> CadreRoster:
    """``compliance_report``'s cadres without its counts (what a REST client pages through)."""
    organisation = organisations_api.visible_organisation(viewer=viewer, code=organisation_code)
    statuses = _statuses(organisation, category, year, today, pending=[])
    return _roster(organisation, statuses, status=status, year=year, today=today)


def compliance_overview(
    *, viewer, organisation_code: str, year: int, category: str = "", today: date | None = None,
) -> tuple[StatusCounts, tuple[StatusCounts, ...]]:
    """Counts by status for the organisation's subtree and for each child's."""
    organisation = organisations_api.visible_organisation(viewer=viewer, code=organisation_code)
    return counts_by_child(_statuses(organisation, category, year, today), organisation=organisation)


def compliance_list(
    *, viewer, organisation_code: str, year: int, status: str = "", category: str = "", today: date | None = None,
) -> list[CadreCompliance]:
    """The cadres of the organisation's subtree with their figures, optionally of one status and category."""
    organisation = organisations_api.visible_organisation(viewer=viewer, code=organisation_code)
    selection = _selection(organisation, category, year)
    assessed = assessment.assess_cadres(organisations_api.serving_cadres(**selection),
                                        organisations_api.serving_cadre_ids(**selection), year=year, today=today)
    return [cadre for cadre in assessed if not status or cadre.status == status]


def counts_by_child(counted, *, organisation) -> tuple[StatusCounts, tuple[StatusCounts, ...]]:
    """Counts for ``organisation``'s whole subtree and for each child's, from cadres with an organisation and status."""
    children = organisations_api.children(code=organisation.code)
    child_of_code = {}
    for code, path in organisations_api.codes_below(path=organisation.path).items():
        child = next((child for child in children if path.startswith(child.path)), None)
        if child is not None:
            child_of_code[code] = child.code
    tally: dict = defaultdict(lambda: defaultdict(int))
    for cadre in counted:
        tally[None][cadre.status] += 1
        child_code = child_of_code.get(cadre.organisation_code)
        if child_code:
            tally[child_code][cadre.status] += 1

    def counts(org, key) -> StatusCounts:
        return StatusCounts(organisation=org, **{status: tally[key][status] for status in ComplianceStatus.values})

    return counts(organisation, None), tuple(counts(child, child.code) for child in children)
