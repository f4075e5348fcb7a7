"""
Turn openedx-events data classes into JSON-safe dicts that can be stored and replayed.

Personal data (``UserData.pii``: username, e-mail, name) is dropped: the user id is enough to
replay an event, and the receipt table then holds no PII.
"""
from datetime import datetime

import attr
from opaque_keys.edx.keys import CourseKey


def _json_safe(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, CourseKey):
        return str(value)
    return value


def _keep(attribute, _value):
    return attribute.name != "pii"


def describe_event(**data) -> dict:
    """Serialise an event's keyword data (attrs data classes) to plain JSON types, without PII."""
    return {
        name: attr.asdict(value, filter=_keep, value_serializer=lambda _inst, _field, v: _json_safe(v))
        for name, value in data.items()
    }
