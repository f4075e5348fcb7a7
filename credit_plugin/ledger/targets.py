"""The yearly targets that apply to a learner: one function, so organisation overrides can join it."""

from decimal import Decimal

from credit_plugin import config
from credit_plugin.ledger.policy_cache import yearly_policies


def yearly_targets(*, user_id: int, year: int) -> tuple[Decimal, Decimal]:
    """(credit target, hour target) for ``user_id`` in ``year``: the year's policy row, else the settings."""
    return yearly_policies().get(year) or (config.yearly_credit_target(), config.yearly_hour_target())
