"""
Reading dates and date-times people write. A date-time must say its time zone: a competition that
"opens at 09:00" means nothing to a server in UTC and learners in Asia/Shanghai.
"""
from datetime import date, datetime

from cadre_common.i18n import _


def parse_zoned_datetime(text: str) -> datetime:
    """An ISO 8601 date-time with its offset (2026-12-01T09:00+08:00); ValueError says what is wrong."""
    try:
        moment = datetime.fromisoformat(str(text).strip())
    except ValueError as error:
        message = _("%(value)s is not a date and time like 2026-12-01T09:00+08:00.") % {"value": text}
        raise ValueError(message) from error
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(_("%(value)s has no time zone: write it like 2026-12-01T09:00+08:00.") % {"value": text})
    return moment


def parse_day(text: str) -> date | None:
    """A date written 2026-05-01, 2026/5/1, 2026.5.1 or 2026年5月1日 (a time after it is ignored); else None."""
    text = str(text).strip().replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-")
    text = text.replace(".", "-").split("T")[0].split(" ")[0]
    parts = text.split("-")
    if len(parts) != 3 or not all(part.isdecimal() for part in parts):
        return None
    try:
        return date(*(int(part) for part in parts))
    except ValueError:
        return None
