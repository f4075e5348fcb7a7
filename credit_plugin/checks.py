"""System checks: a misconfigured credit plugin stops the LMS at start-up, naming the setting."""
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core import checks

from credit_plugin import config

REMINDER_PERIODS = ("month", "week")
INTAKES = ("signals", "bus")


@checks.register(checks.Tags.compatibility)
def check_credit_settings(app_configs=None, **kwargs):
    """Validate the yearly targets, intervals, the reminder period, the time zone and the certificate template."""
    errors = config.SETTINGS.non_negative_number_errors([
        ("CADRE_TRAINING_YEARLY_CREDITS", "credit_plugin.E001"), ("CADRE_TRAINING_YEARLY_HOURS", "credit_plugin.E002"),
        ("CADRE_TRAINING_RECONCILE_INTERVAL", "credit_plugin.E004"),
        ("CADRE_TRAINING_REMINDER_INTERVAL", "credit_plugin.E005"),
    ])
    errors += config.SETTINGS.non_negative_number_errors(
        [("CADRE_TRAINING_EXPORT_RETENTION_DAYS", "credit_plugin.E007"),
         ("CADRE_TRAINING_UPLOAD_MAX_BYTES", "credit_plugin.E021"),
         ("CADRE_TRAINING_UPLOAD_MAX_ROWS", "credit_plugin.E022")], whole=True)
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
    return errors + _template_errors() + _signing_key_errors() + _intake_errors()


def _intake_errors() -> list[checks.Error]:
    """Events taken from the bus need the bus: without a consumer setting nothing would ever record them."""
    from django.conf import settings

    intake = config.get("CADRE_TRAINING_EVENT_INTAKE")
    if intake not in INTAKES:
        return [checks.Error(f"CADRE_TRAINING_EVENT_INTAKE must be one of {', '.join(INTAKES)}, not {intake!r}.",
                             hint="'signals' records events in the LMS process that sends them.",
                             id="credit_plugin.E011")]
    if intake == "bus" and not getattr(settings, "EVENT_BUS_CONSUMER", None):
        return [checks.Error("CADRE_TRAINING_EVENT_INTAKE is 'bus' but EVENT_BUS_CONSUMER is not set.",
                             hint="Configure the event bus (e.g. edx_event_bus_redis.RedisEventConsumer) and run "
                                  "consume_events for the learning-badges-lifecycle and "
                                  "learning-certificate-lifecycle topics, or use 'signals'.",
                             id="credit_plugin.E012")]
    return []


def _signing_key_errors() -> list[checks.Error]:
    """A production LMS must have a signing key outside the database, and a configured key must be one."""
    from credit_plugin.certificates.signing import configured_seed, unb64url

    hint = ("Set CADRE_TRAINING_CERTIFICATE_SIGNING_KEY to a base64url 32-byte seed (the Tutor plugin makes one), or "
            "CADRE_TRAINING_CERTIFICATE_SIGNING_KEY_FILE to a file holding it.")
    try:
        seed = configured_seed()
        if seed and len(unb64url(seed)) != 32:
            raise ValueError(f"it decodes to {len(unb64url(seed))} bytes, not 32")
    except (OSError, ValueError) as error:
        return [checks.Error(f"The certificate signing key cannot be used: {error}", hint=hint,
                             id="credit_plugin.E009")]
    if not seed and not config.get("CADRE_TRAINING_CERTIFICATE_KEY_IN_DATABASE"):
        return [checks.Error("No certificate signing key, and keys may not be kept in the database.", hint=hint,
                             id="credit_plugin.E010")]
    return []


def _template_errors() -> list[checks.Error]:
    from credit_plugin.certificates.templates import TemplateError, configured_template

    try:
        configured_template(config.get("CADRE_TRAINING_CERTIFICATE_TEMPLATE"))
    except TemplateError as error:
        return [checks.Error(f"CADRE_TRAINING_CERTIFICATE_TEMPLATE: {error}",
                             hint="Empty for the built-in design, a mapping of its fields, or a JSON/YAML file path.",
                             id="credit_plugin.E008")]
    return []
