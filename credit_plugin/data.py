"""Plain, frozen data objects that cross the credit plugin's public API."""
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from uuid import UUID


@dataclass(frozen=True)
class CreditPolicy:
    """The yearly targets a cadre must reach and the time zone their year is counted in."""

    yearly_credits: Decimal
    yearly_hours: Decimal
    time_zone: str


@dataclass(frozen=True)
class LmsEventReceiptData:
    """What the plugin recorded about one LMS event it received."""

    event_id: UUID
    event_type: str
    occurred_at: datetime
    user_id: int | None
    course_key: str
    status: str
    detail: str
    newly_received: bool
