"""The yearly targets that apply to a learner: one function, so organisation overrides can join it."""

from decimal import Decimal

from credit_plugin import config
from credit_plugin.models import YearlyPolicy


def yearly_targets(*, user_id: int, year: int) -> tuple[Decimal, Decimal]:
    """(credit target, hour target) for ``user_id`` in ``year``: the year's policy row, else the settings."""
    policy = YearlyPolicy.objects.filter(year=year).values_list("credit_target", "hour_target").first()
    if policy:
        return policy
    return config.yearly_credit_target(), config.yearly_hour_target()
