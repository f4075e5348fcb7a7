"""The one accessor for the credit plugin's settings, with their defaults.

Every setting is a flat Django setting prefixed ``CADRE_TRAINING_`` so that Tutor and the LMS's
YAML configuration can set it. Code reads settings only through :func:`get`, never through
``django.conf.settings`` directly, so defaults live in one place.
"""
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone

from cadre_common import spreadsheets
from cadre_common.plugin_settings import PluginSettings

DEFAULTS = {
    # Credits (学分) a cadre must earn in one calendar year.
    "CADRE_TRAINING_YEARLY_CREDITS": Decimal("90"),
    # Class hours (学时) a cadre must earn in one calendar year.
    "CADRE_TRAINING_YEARLY_HOURS": Decimal("40"),
    # The time zone whose calendar year a credit counts for; times are stored in UTC.
    "CADRE_TRAINING_TIME_ZONE": "Asia/Shanghai",
    # Where reconcile_credits reads the platform's passing grades and certificates.
    "CADRE_TRAINING_PLATFORM_RECORDS": "credit_plugin.compat.EdxPlatformRecords",
    # The template the plugin's pages extend (blocks: title, head, content); the LMS theme may name its own.
    "CADRE_TRAINING_BASE_TEMPLATE": "credit_plugin/base.html",
    # How often (seconds) the Celery beat runs reconcile_credits; 0 turns it off.
    "CADRE_TRAINING_RECONCILE_INTERVAL": 3600,
    # Each scheduled reconcile reads only the records changed since the previous run began, less this
    # many seconds of overlap (clock skew between servers, transactions that committed late).
    "CADRE_TRAINING_RECONCILE_OVERLAP": 3600,
    # How the ledger takes the LMS's events: "signals", in the LMS process that sends them, or "bus",
    # from the Open edX event bus through `consume_events` (the LMS's EVENT_BUS_PRODUCER_CONFIG must
    # then publish the course-passing and certificate events).
    "CADRE_TRAINING_EVENT_INTAKE": "signals",
    # Where an LMS event that could be neither recorded nor queued waits on this server's disk (empty:
    # DATA_DIR/cadre-training/event-spool).
    "CADRE_TRAINING_EVENT_SPOOL_DIR": "",
    # The largest credits and class hours a course author may set on a block in Studio (not reached).
    "CADRE_TRAINING_BLOCK_CREDITS_CEILING": Decimal("100"),
    "CADRE_TRAINING_BLOCK_HOURS_CEILING": Decimal("200"),
    # How often (seconds) the Celery beat replays LMS events whose recording failed; 0 turns it off.
    "CADRE_TRAINING_REPLAY_INTERVAL": 3600,
    # A newly appointed cadre registers within this many days of taking office.
    "CADRE_TRAINING_REGISTRATION_DAYS": 15,
    # An invitation to a cadre without an account (imported as pending) opens for this many days.
    "CADRE_TRAINING_INVITATION_DAYS": 30,
    # How invitations reach a pending cadre: senders tried in order, the first that can reach them sends
    # (each a class with ``channel``, ``can_reach(invitee)`` and ``send(invitation)``; an SMS one can follow).
    "CADRE_TRAINING_INVITATION_SENDERS": ["credit_plugin.organisations.invitations.EmailInvitationSender"],
    # Course keys of the required basics (应知应会) every newly appointed cadre finishes.
    "CADRE_TRAINING_REQUIRED_COURSES": [],
    # ... within this many months of taking office.
    "CADRE_TRAINING_REQUIRED_COURSES_MONTHS": 3,
    # A cadre with less than this share of the credits expected by today is at risk.
    "CADRE_TRAINING_AT_RISK_SHARE": Decimal("0.8"),
    # An onboarding deadline this close (days) and not yet met puts the cadre at risk.
    "CADRE_TRAINING_DEADLINE_WARNING_DAYS": 14,
    # Compliance exports of more rows than this run as a Celery task instead of in the request.
    "CADRE_TRAINING_EXPORT_ROWS_IN_REQUEST": 2000,
    # Report exports name cadres: each is deleted, file and all, this many days after it was asked
    # for (by a daily task on the Celery beat); 0 keeps them.
    "CADRE_TRAINING_EXPORT_RETENTION_DAYS": 7,
    # How often (seconds) the Celery beat runs send_training_reminders; 0 turns it off.
    "CADRE_TRAINING_REMINDER_INTERVAL": 86400,
    # Nobody gets the same reminder twice within one of these periods: "month" or "week".
    "CADRE_TRAINING_REMINDER_PERIOD": "month",
    # The language reminder e-mails are written in.
    "CADRE_TRAINING_REMINDER_LANGUAGE": "zh-cn",
    # How many cadres an administrator's digest names (the counts always cover all of them).
    "CADRE_TRAINING_DIGEST_MAX_CADRES": 50,
    # The issuer printed on certificates of cadres whose organisations have no issuer of their own
    # (empty: the root organisation's name).
    "CADRE_TRAINING_CERTIFICATE_ISSUER": "",
    # Serial numbers' prefix for those certificates: PREFIX-YEAR-000001.
    "CADRE_TRAINING_CERTIFICATE_SERIAL_PREFIX": "CT",
    # The titles printed on the two kinds of certificate.
    "CADRE_TRAINING_ANNUAL_CERTIFICATE_TITLE": "年度培训合格证书",
    "CADRE_TRAINING_EXAM_CERTIFICATE_TITLE": "合格证",
    # The Ed25519 key that signs certificates, as the base64url 32-byte seed (the Tutor plugin makes one).
    "CADRE_TRAINING_CERTIFICATE_SIGNING_KEY": "",
    # ... or a file holding it (a mounted secret).
    "CADRE_TRAINING_CERTIFICATE_SIGNING_KEY_FILE": "",
    # Without either, may a key be made and kept in the database? True for development; the production
    # settings turn it off, since whoever reads the database could then forge certificates.
    "CADRE_TRAINING_CERTIFICATE_KEY_IN_DATABASE": True,
    # How many verification requests one address may make per minute (pages and JSON together).
    "CADRE_TRAINING_VERIFY_REQUESTS_PER_MINUTE": 60,
    # The STORAGES alias certificate PDFs and seals go to, when the platform defines it (else: default).
    "CADRE_TRAINING_CERTIFICATE_STORAGE": "cadre_certificates",
    # How certificates look and what they say: empty for the built-in design, a mapping of its fields, or the
    # path of a JSON/YAML file of them (docs/operators-guide.md lists the fields and placeholders).
    "CADRE_TRAINING_CERTIFICATE_TEMPLATE": "",
    # Every file the suite reads (imports, bank uploads, the cadre-course tool's banks): at most so many
    # bytes, and a spreadsheet at most so many rows; beyond them the file is refused unread.
    "CADRE_TRAINING_UPLOAD_MAX_BYTES": spreadsheets.DEFAULT_MAX_BYTES,
    "CADRE_TRAINING_UPLOAD_MAX_ROWS": spreadsheets.DEFAULT_MAX_ROWS,
}


SETTINGS = PluginSettings(DEFAULTS)
get = SETTINGS.get


def yearly_credit_target() -> Decimal:
    return Decimal(str(get("CADRE_TRAINING_YEARLY_CREDITS")))


def yearly_hour_target() -> Decimal:
    return Decimal(str(get("CADRE_TRAINING_YEARLY_HOURS")))


def credit_time_zone() -> ZoneInfo:
    return ZoneInfo(get("CADRE_TRAINING_TIME_ZONE"))


def required_courses() -> list[str]:
    return [str(key) for key in get("CADRE_TRAINING_REQUIRED_COURSES")]


def current_year() -> int:
    """This calendar year in the credit time zone."""
    return timezone.now().astimezone(credit_time_zone()).year
