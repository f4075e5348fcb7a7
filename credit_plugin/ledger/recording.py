"""
Writing to the ledger: one entry, a reversal, or many entries at once.

Every write inserts an entry and adds it to the learner's year total in the same transaction;
the unique idempotency key makes a replay return the existing entry without writing.
"""

from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import IntegrityError, connection, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from credit_plugin.ledger.data import BulkRecordResult, LedgerEntryData, NewLedgerEntry, SourceKind
from credit_plugin.ledger.errors import AlreadyReversed, EntryNotFound, InvalidEntry
from credit_plugin.ledger.models import LedgerEntry, YearTotal
from credit_plugin.ledger.policy import credit_year
from credit_plugin.ledger.policy_cache import yearly_caps
from credit_plugin.ledger.signals import YEAR_TARGET_LOST, YEAR_TARGET_MET
from credit_plugin.ledger.targets import yearly_targets

CENT = Decimal("0.01")
BULK_BATCH = 1000


def amount(value) -> Decimal:
    """A credit or hour amount rounded to two places; raises InvalidEntry for anything not a number."""
    try:
        number = Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError) as error:
        raise InvalidEntry(_("%(value)r is not a number.") % {"value": value}) from error
    if not number.is_finite() or abs(number) >= Decimal("10000000"):
        raise InvalidEntry(_("%(value)r is not a usable amount.") % {"value": value})
    return number


def entry_data(entry: LedgerEntry, *, newly_recorded: bool = False, reversed_by_id=None) -> LedgerEntryData:
    return LedgerEntryData(
        id=entry.id,
        user_id=entry.user_id,
        credits=entry.credits,
        hours=entry.hours,
        year=entry.year,
        earned_at=entry.earned_at,
        source_kind=entry.source_kind,
        reference=entry.reference,
        title=entry.title,
        recorded_by=entry.recorded_by,
        reason=entry.reason,
        idempotency_key=entry.idempotency_key,
        reverses_id=entry.reverses_id,
        reversed_by_id=reversed_by_id,
        newly_recorded=newly_recorded,
    )


def record_entry(
    *,
    user_id: int,
    credits,
    hours,
    earned_at: datetime,
    source_kind: str,
    reference: str,
    recorded_by: str,
    reason: str = "",
    idempotency_key: str,
    title: str = "",
) -> LedgerEntryData:
    """Record credits for a learner once; a replay of ``idempotency_key`` returns the first entry."""
    existing = _recorded(idempotency_key)
    if existing is not None:
        return existing
    credits, hours = amount(credits), amount(hours)
    _check_new_entry(source_kind, credits, hours, reason, idempotency_key)
    year = credit_year(earned_at)
    try:
        with transaction.atomic():
            credits, hours, reason = _apply_cap(user_id, year, source_kind, credits, hours, reason)
            entry = LedgerEntry.objects.create(
                user_id=user_id,
                credits=credits,
                hours=hours,
                year=year,
                earned_at=earned_at,
                source_kind=source_kind,
                reference=reference,
                title=title,
                recorded_by=recorded_by,
                reason=reason,
                idempotency_key=idempotency_key,
            )
            _add_to_year_total(user_id, year, credits, hours, 1)
    except IntegrityError:
        # A concurrent writer recorded the same fact first; theirs is the entry.
        existing = _recorded(idempotency_key)
        if existing is None:
            raise
        return existing
    return entry_data(entry, newly_recorded=True)


_ENTRY_FIELDS = (
    "id",
    "user_id",
    "credits",
    "hours",
    "year",
    "earned_at",
    "source_kind",
    "reference",
    "title",
    "recorded_by",
    "reason",
    "idempotency_key",
    "reverses_id",
)


_SELECT_RECORDED = f"SELECT {', '.join(_ENTRY_FIELDS)} FROM {LedgerEntry._meta.db_table} WHERE idempotency_key = %s"


def _recorded(idempotency_key) -> LedgerEntryData | None:
    """
    The entry already recorded under this key: the replay path, one indexed read in plain SQL.

    Replays are most of what the LMS sends (every regrade, every certificate save), so they skip
    the ORM; the values are converted here as the ORM would.
    """
    with connection.cursor() as cursor:
        cursor.execute(_SELECT_RECORDED, [idempotency_key])
        row = cursor.fetchone()
    if row is None:
        return None
    values = dict(zip(_ENTRY_FIELDS, row, strict=True))
    earned_at = values["earned_at"]
    if isinstance(earned_at, str):
        earned_at = parse_datetime(earned_at)
    if timezone.is_naive(earned_at):
        earned_at = earned_at.replace(tzinfo=UTC)
    return LedgerEntryData(
        **{
            **values,
            "credits": Decimal(str(values["credits"])).quantize(CENT),
            "hours": Decimal(str(values["hours"])).quantize(CENT),
            "earned_at": earned_at,
        },
        reversed_by_id=None,
    )


def _check_new_entry(source_kind, credits, hours, reason, idempotency_key):
    if source_kind not in SourceKind.values or source_kind == SourceKind.REVERSAL:
        raise InvalidEntry(_("%(kind)r is not a source kind that can be recorded.") % {"kind": source_kind})
    if not idempotency_key:
        raise InvalidEntry(_("Every entry needs an idempotency key."))
    if source_kind == SourceKind.MANUAL_ADJUSTMENT:
        if not reason.strip():
            raise InvalidEntry(_("A manual adjustment needs a reason."))
    elif credits < 0 or hours < 0:
        raise InvalidEntry(_("Credits and hours cannot be negative; correct an entry by reversing it."))


def _apply_cap(user_id, year, source_kind, credits, hours, reason):
    """Clamp an entry to what its source kind may still add to the learner's year."""
    cap = yearly_caps().get(source_kind)
    if cap is None:
        return credits, hours, reason
    max_credits, max_hours = cap
    used = LedgerEntry.objects.filter(user_id=user_id, year=year, source_kind=source_kind).aggregate(
        credits=Sum("credits"), hours=Sum("hours")
    )
    room_credits = max(max_credits - (used["credits"] or 0), Decimal(0))
    room_hours = max(max_hours - (used["hours"] or 0), Decimal(0))
    if credits <= room_credits and hours <= room_hours:
        return credits, hours, reason
    note = _("Capped at the yearly limit for this source.")
    return min(credits, room_credits), min(hours, room_hours), f"{reason} {note}".strip()


# The hot path of every write, as plain SQL that SQLite and MySQL both run: the ORM's query
# compilation costs more than the statements themselves here.
_ADD_TO_TOTAL = (
    f"UPDATE {YearTotal._meta.db_table} SET credits = credits + %s, hours = hours + %s, "
    "entry_count = entry_count + %s WHERE user_id = %s AND year = %s"
)
_ON_CONFLICT = {
    "mysql": "ON DUPLICATE KEY UPDATE",
    "sqlite": "ON CONFLICT (user_id, year) DO UPDATE SET",
    "postgresql": "ON CONFLICT (user_id, year) DO UPDATE SET",
}
_STAMP_TARGET_MET = (
    f"UPDATE {YearTotal._meta.db_table} SET target_met_at = %s WHERE user_id = %s AND year = %s "
    "AND target_met_at IS NULL AND credits >= %s AND hours >= %s"
)


def _create_or_add_to_total() -> str:
    """The upsert that opens a year's total, or adds to it if a concurrent writer opened it first."""
    return (
        f"INSERT INTO {YearTotal._meta.db_table} (user_id, year, credits, hours, entry_count) "
        f"VALUES (%s, %s, %s, %s, %s) {_ON_CONFLICT[connection.vendor]} "
        "credits = credits + %s, hours = hours + %s, entry_count = entry_count + %s"
    )


def _add_to_year_total(user_id, year, credits, hours, count):
    """
    Add to the year total with database-side arithmetic; the year's first entry opens the row.

    Opening is one upsert, not an INSERT retried as an UPDATE after a duplicate-key error: on
    MySQL that error leaves every concurrent loser holding a shared lock on the new row, and
    their UPDATEs then wait on each other's shared locks until InnoDB kills one as a deadlock.
    """
    with connection.cursor() as cursor:
        cursor.execute(_ADD_TO_TOTAL, [credits, hours, count, user_id, year])
        if not cursor.rowcount:
            cursor.execute(_create_or_add_to_total(), [user_id, year, credits, hours, count, credits, hours, count])
    if credits > 0 or hours > 0:
        _note_target_met(user_id, year)


def _note_target_met(user_id, year):
    """Stamp the year total the first time it reaches both targets; signal that after commit."""
    credit_target, hour_target = yearly_targets(user_id=user_id, year=year)
    with connection.cursor() as cursor:
        cursor.execute(_STAMP_TARGET_MET, [timezone.now(), user_id, year, credit_target, hour_target])
        reached = cursor.rowcount
    if reached:
        transaction.on_commit(lambda: YEAR_TARGET_MET.send(sender=YearTotal, user_id=user_id, year=year))


_MET_AND_TOTALS = (
    f"SELECT credits, hours FROM {YearTotal._meta.db_table} WHERE user_id = %s AND year = %s "
    "AND target_met_at IS NOT NULL"
)


def _note_target_lost(user_id, year):
    """After a reversal: if the year had reached both targets and no longer does, signal that after commit."""
    with connection.cursor() as cursor:
        cursor.execute(_MET_AND_TOTALS, [user_id, year])
        row = cursor.fetchone()
    if row is None:
        return
    credit_target, hour_target = yearly_targets(user_id=user_id, year=year)
    if Decimal(str(row[0])) < credit_target or Decimal(str(row[1])) < hour_target:
        transaction.on_commit(lambda: YEAR_TARGET_LOST.send(sender=YearTotal, user_id=user_id, year=year))


def reverse_entry(*, entry_id: int, reason: str, recorded_by: str) -> LedgerEntryData:
    """Cancel an entry with a reversal entry that points at it; an entry is reversed at most once."""
    if not reason.strip():
        raise InvalidEntry(_("A reversal needs a reason."))
    try:
        with transaction.atomic():
            original = LedgerEntry.objects.select_for_update().filter(pk=entry_id).first()
            if original is None:
                raise EntryNotFound(_("There is no ledger entry %(id)s.") % {"id": entry_id})
            if original.source_kind == SourceKind.REVERSAL:
                raise InvalidEntry(_("A reversal cannot itself be reversed; record a new entry instead."))
            if LedgerEntry.objects.filter(reverses_id=entry_id).exists():
                raise AlreadyReversed(_("Entry %(id)s has already been reversed.") % {"id": entry_id})
            reversal = LedgerEntry.objects.create(
                user_id=original.user_id,
                credits=-original.credits,
                hours=-original.hours,
                year=original.year,
                earned_at=timezone.now(),
                source_kind=SourceKind.REVERSAL,
                reference=original.reference,
                title=original.title,
                recorded_by=recorded_by,
                reason=reason,
                idempotency_key=f"reversal-of:{original.id}",
                reverses=original,
            )
            _add_to_year_total(original.user_id, original.year, -original.credits, -original.hours, 1)
            _note_target_lost(original.user_id, original.year)
    except IntegrityError as error:
        raise AlreadyReversed(_("Entry %(id)s has already been reversed.") % {"id": entry_id}) from error
    return entry_data(reversal, newly_recorded=True)


def bulk_record_entries(*, entries: Iterable[NewLedgerEntry]) -> BulkRecordResult:
    """
    Record many entries in one transaction; those whose key is already recorded are skipped.

    For imports: entries are validated first, inserted in batches, and year totals updated
    once per learner and year.
    """
    pending = {}
    for new in entries:
        credits, hours = amount(new.credits), amount(new.hours)
        _check_new_entry(new.source_kind, credits, hours, new.reason, new.idempotency_key)
        pending[new.idempotency_key] = LedgerEntry(
            user_id=new.user_id,
            credits=credits,
            hours=hours,
            year=credit_year(new.earned_at),
            earned_at=new.earned_at,
            source_kind=new.source_kind,
            reference=new.reference,
            title=new.title,
            recorded_by=new.recorded_by,
            reason=new.reason,
            idempotency_key=new.idempotency_key,
        )
    keys = list(pending)
    already = set()
    for start in range(0, len(keys), BULK_BATCH):
        already.update(
            LedgerEntry.objects.filter(idempotency_key__in=keys[start : start + BULK_BATCH]).values_list(
                "idempotency_key", flat=True
            )
        )
    fresh = [entry for key, entry in pending.items() if key not in already]
    totals = {}
    for entry in fresh:
        credits, hours, count = totals.get((entry.user_id, entry.year), (Decimal(0), Decimal(0), 0))
        totals[(entry.user_id, entry.year)] = (credits + entry.credits, hours + entry.hours, count + 1)
    with transaction.atomic():
        LedgerEntry.objects.bulk_create(fresh, batch_size=BULK_BATCH)
        # In one order, so two imports touching the same learners wait for each other, not deadlock.
        for (user_id, year), (credits, hours, count) in sorted(totals.items()):
            _add_to_year_total(user_id, year, credits, hours, count)
    return BulkRecordResult(recorded=len(fresh), already_recorded=len(already))
