"""Reading the ledger: a learner's year, everyone's year totals, and checking totals against entries."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.db.models import Count, Min, QuerySet, Sum

from credit_plugin.ledger.data import LedgerDrift, LedgerEntryData, YearSummary, YearTotals
from credit_plugin.ledger.models import LedgerEntry, YearTotal
from credit_plugin.ledger.recording import entry_data
from credit_plugin.ledger.targets import yearly_targets

ZERO = Decimal("0.00")


def year_summary(*, user_id: int, year: int) -> YearSummary:
    """The learner's credits and hours in ``year`` against that year's targets."""
    row = YearTotal.objects.filter(user_id=user_id, year=year).values_list("credits", "hours", "entry_count").first()
    credits, hours, count = row or (ZERO, ZERO, 0)
    credit_target, hour_target = yearly_targets(user_id=user_id, year=year)
    return YearSummary(
        user_id=user_id,
        year=year,
        credits=credits,
        hours=hours,
        credit_target=credit_target,
        hour_target=hour_target,
        entry_count=count,
    )


def year_totals(*, year: int, user_ids: Iterable[int] | None = None) -> dict[int, YearTotals]:
    """
    Every learner's totals in ``year`` (or those of ``user_ids``: a list, or a lazy query of ids that
    runs as a subquery), in one query.
    """
    rows = YearTotal.objects.filter(year=year)
    if user_ids is not None:
        rows = rows.filter(user_id__in=user_ids if isinstance(user_ids, QuerySet) else list(user_ids))
    return {
        user_id: YearTotals(credits=credits, hours=hours, entry_count=count)
        for user_id, credits, hours, count in rows.values_list("user_id", "credits", "hours", "entry_count")
    }


def first_credited_days(*, user_ids, references: Iterable[str], time_zone) -> dict[int, dict[str, date]]:
    """
    {user id: {reference: the first day (in ``time_zone``) credits for it were earned and not
    reversed}}: whether and when cadres finished given courses. ``user_ids`` as for ``year_totals``.
    """
    references = list(references)
    if not references:
        return {}
    user_ids = user_ids if isinstance(user_ids, QuerySet) else list(user_ids)
    rows = (
        LedgerEntry.objects.filter(user_id__in=user_ids, reference__in=references, credits__gt=0,
                                   reversed_by__isnull=True)
        .values("user_id", "reference").annotate(first=Min("earned_at")).values_list("user_id", "reference", "first")
    )
    finished: dict[int, dict[str, date]] = {}
    for user_id, reference, first in rows:
        finished.setdefault(user_id, {})[reference] = first.astimezone(time_zone).date()
    return finished


def entry(*, entry_id: int) -> LedgerEntryData | None:
    """One entry (None for an unknown id)."""
    row = LedgerEntry.objects.filter(pk=entry_id).first()
    if row is None:
        return None
    return entry_data(row, reversed_by_id=LedgerEntry.objects.filter(reverses_id=entry_id).values_list(
        "id", flat=True).first())


def entry_owner(*, entry_id: int) -> int | None:
    """The learner whose entry ``entry_id`` is (None for an unknown entry)."""
    return LedgerEntry.objects.filter(pk=entry_id).values_list("user_id", flat=True).first()


def years_with_entries(*, user_id: int) -> list[int]:
    return list(YearTotal.objects.filter(user_id=user_id).order_by("-year").values_list("year", flat=True))


def entries(*, user_id: int, year: int | None = None) -> list[LedgerEntryData]:
    """The learner's entries, newest first, each saying which reversal (if any) cancelled it."""
    rows = LedgerEntry.objects.filter(user_id=user_id)
    if year is not None:
        rows = rows.filter(year=year)
    rows = list(rows.order_by("-earned_at", "-id"))
    reversed_by = dict(
        LedgerEntry.objects.filter(reverses_id__in=[row.id for row in rows]).values_list("reverses_id", "id")
    )
    return [entry_data(row, reversed_by_id=reversed_by.get(row.id)) for row in rows]


def ledger_drift(*, year: int | None = None) -> list[LedgerDrift]:
    """Year totals that differ from the sums of their entries (missing totals included)."""
    sums = LedgerEntry.objects.values("user_id", "year")
    stored = YearTotal.objects.all()
    if year is not None:
        sums, stored = sums.filter(year=year), stored.filter(year=year)
    computed = {
        (row["user_id"], row["year"]): YearTotals(row["credits"], row["hours"], row["count"])
        for row in sums.annotate(credits=Sum("credits"), hours=Sum("hours"), count=Count("id"))
    }
    kept = {(row.user_id, row.year): YearTotals(row.credits, row.hours, row.entry_count) for row in stored}
    empty = YearTotals(ZERO, ZERO, 0)
    drift = []
    for key in sorted(set(computed) | set(kept)):
        have, want = kept.get(key, empty), computed.get(key, empty)
        if (have.credits, have.hours, have.entry_count) != (want.credits, want.hours, want.entry_count):
            drift.append(LedgerDrift(user_id=key[0], year=key[1], stored=have, computed=want))
    return drift
