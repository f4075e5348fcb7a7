"""
The glue every plugin needs between its settings and the LMS's: one accessor with the defaults,
defaults applied to the LMS's settings, periodic tasks on its Celery beat, long tasks routed to
its high-memory queue, and system checks that name a broken setting.
"""
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django.conf import settings as django_settings
from django.core import checks

# The key under which the LMS's Celery app reads its periodic tasks. It configures Celery from Django's
# settings without a namespace, so the old-style names apply: CELERYBEAT_SCHEDULE is read, and
# CELERY_BEAT_SCHEDULE (the name a "CELERY" namespace would want) is silently ignored.
BEAT_SCHEDULE = "CELERYBEAT_SCHEDULE"


class PluginSettings:
    """A plugin's flat ``CADRE_…`` settings, read only through ``get`` so the defaults live in one place."""

    def __init__(self, defaults: dict):
        self.defaults = defaults

    def get(self, name: str):
        """The configured value of ``name``, or its default."""
        return getattr(django_settings, name, self.defaults[name])

    def apply_defaults(self, settings, *, env_tokens: dict | None = None) -> None:
        """Give every setting its default unless the host set it (``env_tokens``: older releases' YAML)."""
        for name, default in self.defaults.items():
            value = getattr(settings, name, default)
            setattr(settings, name, (env_tokens or {}).get(name, value))

    def non_negative_number_errors(self, names_and_ids, *, whole: bool = False) -> list[checks.Error]:
        """A check error for each of ``(name, error id)`` whose value is not a non-negative (whole) number."""
        return [error for name, error_id in names_and_ids
                for error in [self._number_error(name, error_id, whole=whole)] if error]

    def _number_error(self, name: str, error_id: str, *, whole: bool) -> checks.Error | None:
        value = self.get(name)
        try:
            number = Decimal(str(value))
            valid = number.is_finite() and number >= 0 and not isinstance(value, bool)
            valid = valid and (not whole or number == number.to_integral_value())
        except (InvalidOperation, ValueError):
            valid = False
        if valid:
            return None
        return checks.Error(
            f"{name} must be a non-negative {'whole number' if whole else 'number'}, not {value!r}.",
            hint=f"Set {name} to a number such as {self.defaults[name]}.", id=error_id,
        )


def set_beat_schedule(settings, entries: list[tuple[str, str, Callable[[object], int]]]) -> None:
    """
    Put ``(entry name, task name, seconds between runs given the settings)`` on the Celery beat;
    an entry whose interval comes to 0 is taken off.
    """
    schedule = dict(getattr(settings, BEAT_SCHEDULE, {}) or {})
    for entry, task, interval_for in entries:
        interval = int(interval_for(settings))
        if interval > 0:
            schedule[entry] = {"task": task, "schedule": interval}
        else:
            schedule.pop(entry, None)
    setattr(settings, BEAT_SCHEDULE, schedule)


def route_long_tasks(settings, task_names) -> None:
    """
    Send ``task_names`` to the LMS's ``HIGH_MEM_QUEUE`` through its ``EXPLICIT_QUEUES`` router, so
    that they never hold up learners' short tasks. A route the operator set is kept; a platform
    without that queue routes nothing.
    """
    queue = getattr(settings, "HIGH_MEM_QUEUE", None)
    if not queue:
        return
    explicit_queues = dict(getattr(settings, "EXPLICIT_QUEUES", {}) or {})
    for name in task_names:
        explicit_queues.setdefault(name, {"queue": queue})
    settings.EXPLICIT_QUEUES = explicit_queues


def add_locale_path(settings, path: str) -> None:
    """The LMS finds a plugin's Django catalogs only through LOCALE_PATHS."""
    if path not in list(getattr(settings, "LOCALE_PATHS", [])):
        settings.LOCALE_PATHS = [*getattr(settings, "LOCALE_PATHS", []), path]
