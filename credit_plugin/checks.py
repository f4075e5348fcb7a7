"""System checks: a misconfigured credit plugin stops the LMS at start-up, naming the setting."""
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core import checks

from credit_plugin import config

REMINDER_PERIODS = ("month", "week")


@checks.register(checks.Tags.compatibility)
def check_credit_settings(app_configs=None, **kwargs):
    """Validate the yearly targets, intervals, the reminder period, the time zone and the certificate template."""
    errors = config.SETTINGS.non_negative_number_errors([
        ("CADRE_TRAINING_YEARLY_CREDITS", "credit_plugin.E001"), ("CADRE_TRAINING_YEARLY_HOURS", "credit_plugin.E002"),
        ("CADRE_TRAINING_RECONCILE_INTERVAL", "credit_plugin.E004"),
        ("CADRE_TRAINING_REMINDER_INTERVAL", "credit_plugin.E005"),
    ])
    errors += config.SETTINGS.non_negative_number_errors(
        [("CADRE_TRAINING_EXPORT_RETENTION_DAYS", "credit_plugin.E007")], whole=True)
    period = config.get("CADRE_TRAINING_REMINDER_PERIOD")
    if period not in REMINDER_PERIODS:
        errors.append(checks.Error(
            f"CADRE_TRAINING_REMINDER_PERIOD must be one of {', '.join(REMINDER_PERIODS)}, not {period!r}.",
            hint="Nobody gets the same reminder twice within one period; 'month' is the default.",
            id="credit_plugin.E006",
        ))
    zone = config.get("CADRE_TRAINING_TIME_ZONE")
    try:
        ZoneInfo(str(zone))
    except (ZoneInfoNotFoundError, ValueError):
        errors.append(checks.Error(f"CADRE_TRAINING_TIME_ZONE must be an IANA time zone name, not {zone!r}.",
                                   hint="For example 'Asia/Shanghai'.", id="credit_plugin.E003"))
    return errors + _template_errors()


def _template_errors() -> list[checks.Error]:
    from credit_plugin.certificates.templates import TemplateError, configured_template

    try:
        configured_template(config.get("CADRE_TRAINING_CERTIFICATE_TEMPLATE"))
    except TemplateError as error:
        return [checks.Error(f"CADRE_TRAINING_CERTIFICATE_TEMPLATE: {error}",
                             hint="Empty for the built-in design, a mapping of its fields, or a JSON/YAML file path.",
                             id="credit_plugin.E008")]
    return []
