"""The yearly targets that apply to a learner: their organisation's override, the year's policy, the settings."""

from collections.abc import Callable
from decimal import Decimal

from credit_plugin import config
from credit_plugin.ledger.policy_cache import organisation_targets, yearly_policies
from credit_plugin.organisations import api as organisations_api


def yearly_targets(*, user_id: int, year: int) -> tuple[Decimal, Decimal]:
    """(credit target, hour target) for ``user_id`` in ``year``."""
    overrides = organisation_targets()
    if overrides:
        path = organisations_api.cadre_organisation_path(user_id=user_id)
        if path:
            found = target_for_path(path=path, year=year, overrides=overrides)
            if found:
                return found
    return province_targets(year=year)


def province_targets(*, year: int) -> tuple[Decimal, Decimal]:
    """The year's policy row, else the settings."""
    return yearly_policies().get(year) or (config.yearly_credit_target(), config.yearly_hour_target())


def target_for_path(*, path: str, year: int, overrides: dict) -> tuple[Decimal, Decimal] | None:
    """The override of the nearest organisation at or above ``path`` (its year's row beats an every-year one)."""
    parts = path.strip("/").split("/")
    for depth in range(len(parts), 0, -1):
        rows = overrides.get("/" + "/".join(parts[:depth]) + "/")
        if rows:
            found = rows.get(year) or rows.get(None)
            if found:
                return found
    return None


def targets_by_path(*, year: int) -> Callable[[str], tuple[Decimal, Decimal]]:
    """
    A function giving the (credit, hour) targets of a cadre of the organisation at a path in
    ``year``: what assessing a whole province needs, with the overrides read once.
    """
    overrides, default = organisation_targets(), province_targets(year=year)
    if not overrides:
        return lambda path: default
    return lambda path: target_for_path(path=path, year=year, overrides=overrides) or default
