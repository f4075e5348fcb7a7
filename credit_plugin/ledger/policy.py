"""The configured yearly targets and the time zone a credit's year is counted in."""
from datetime import datetime

from credit_plugin import config
from credit_plugin.ledger.data import CreditPolicy


def credit_policy() -> CreditPolicy:
    """Return the configured yearly targets and credit time zone."""
    return CreditPolicy(
        yearly_credits=config.yearly_credit_target(),
        yearly_hours=config.yearly_hour_target(),
        time_zone=str(config.credit_time_zone()),
    )


def credit_year(moment: datetime) -> int:
    """The calendar year ``moment`` (timezone-aware) falls in, in the credit time zone."""
    if moment.tzinfo is None:
        raise ValueError("credit_year needs a timezone-aware datetime")
    return moment.astimezone(config.credit_time_zone()).year
