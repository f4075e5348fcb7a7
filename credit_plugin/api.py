"""
The public Python API of the credit plugin.

XBlocks, views, management commands, signal receivers and other apps use only this module;
nothing outside ``credit_plugin`` imports its models.
"""
from datetime import datetime
from uuid import UUID

from django.db import IntegrityError, transaction

from credit_plugin import config
from credit_plugin.data import CreditPolicy, LmsEventReceiptData
from credit_plugin.models import LmsEventReceipt

__all__ = [
    "CreditPolicy",
    "LmsEventReceiptData",
    "credit_policy",
    "credit_year",
    "receive_lms_event",
]


def credit_policy() -> CreditPolicy:
    """Return the configured yearly targets and credit time zone."""
    return CreditPolicy(
        yearly_credits=config.yearly_credit_target(),
        yearly_hours=config.yearly_hour_target(),
        time_zone=str(config.credit_time_zone()),
    )


def credit_year(moment: datetime) -> int:
    """Return the calendar year ``moment`` (timezone-aware) falls in, in the credit time zone."""
    if moment.tzinfo is None:
        raise ValueError("credit_year needs a timezone-aware datetime")
    return moment.astimezone(config.credit_time_zone()).year


def receive_lms_event(
    *,
    event_id: UUID,
    event_type: str,
    occurred_at: datetime,
    user_id: int | None,
    course_key: str,
    payload: dict,
) -> LmsEventReceiptData:
    """
    Record that the LMS delivered an event; a redelivery of the same event id changes nothing.

    Returns the stored receipt, with ``newly_received`` false for a redelivery.
    """
    try:
        with transaction.atomic():
            receipt = LmsEventReceipt.objects.create(
                event_id=event_id,
                event_type=event_type,
                occurred_at=occurred_at,
                user_id=user_id,
                course_key=course_key,
                payload=payload,
            )
        newly_received = True
    except IntegrityError:
        receipt = LmsEventReceipt.objects.get(event_id=event_id)
        newly_received = False
    return _receipt_data(receipt, newly_received)


def _receipt_data(receipt: LmsEventReceipt, newly_received: bool) -> LmsEventReceiptData:
    return LmsEventReceiptData(
        event_id=receipt.event_id,
        event_type=receipt.event_type,
        occurred_at=receipt.occurred_at,
        user_id=receipt.user_id,
        course_key=str(receipt.course_key),
        status=receipt.status,
        detail=receipt.detail,
        newly_received=newly_received,
    )
