"""System checks: a misconfigured credit plugin stops the LMS at start-up, naming the setting."""
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core import checks

from credit_plugin import config

REMINDER_PERIODS = ("month", "week")


def _non_negative_number_error(name, error_id, *, whole=False):
    value = config.get(name)
    try:
        number = Decimal(str(value))
        valid = number.is_finite() and number >= 0 and not isinstance(value, bool)
        valid = valid and (number == number.to_integral_value() or not whole)
    except (InvalidOperation, ValueError):
        valid = False
    if valid:
        return []
    return [
        checks.Error(
            f"{name} must be a non-negative {'whole number' if whole else 'number'}, not {value!r}.",
            hint=f"Set {name} to a number such as {config.DEFAULTS[name]}.",
            id=error_id,
        )
    ]


@checks.register(checks.Tags.compatibility)
def check_credit_settings(app_configs=None, **kwargs):
    """Validate the yearly targets and the time zone the credit year is counted in."""
    errors = _non_negative_number_error("CADRE_TRAINING_YEARLY_CREDITS", "credit_plugin.E001")
    errors += _non_negative_number_error("CADRE_TRAINING_YEARLY_HOURS", "credit_plugin.E002")
    errors += _non_negative_number_error("CADRE_TRAINING_RECONCILE_INTERVAL", "credit_plugin.E004")
    errors += _non_negative_number_error("CADRE_TRAINING_REMINDER_INTERVAL", "credit_plugin.E005")
    errors += _non_negative_number_error("CADRE_TRAINING_EXPORT_RETENTION_DAYS", "credit_plugin.E007", whole=True)
    period = config.get("CADRE_TRAINING_REMINDER_PERIOD")
    if period not in REMINDER_PERIODS:
        errors.append(
            checks.Error(
                f"CADRE_TRAINING_REMINDER_PERIOD must be one of {', '.join(REMINDER_PERIODS)}, not {period!r}.",
                hint="Nobody gets the same reminder twice within one period; 'month' is the default.",
                id="credit_plugin.E006",
            )
        )
    zone = config.get("CADRE_TRAINING_TIME_ZONE")
    try:
        ZoneInfo(str(zone))
    except (ZoneInfoNotFoundError, ValueError):
        errors.append(
            checks.Error(
                f"CADRE_TRAINING_TIME_ZONE must be an IANA time zone name, not {zone!r}.",
                hint="For example 'Asia/Shanghai'.",
                id="credit_plugin.E003",
            )
        )
    return errors
