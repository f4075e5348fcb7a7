"""Reading the ledger: a learner's year, everyone's year totals, and checking totals against entries."""

from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Count, Sum

from credit_plugin.data import LedgerDrift, LedgerEntryData, YearSummary, YearTotals
from credit_plugin.ledger.recording import entry_data
from credit_plugin.ledger.targets import yearly_targets
from credit_plugin.models import LedgerEntry, YearTotal

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
    """Every learner's totals in ``year`` (or those of ``user_ids``), in one query."""
    rows = YearTotal.objects.filter(year=year)
    if user_ids is not None:
        rows = rows.filter(user_id__in=list(user_ids))
    return {
        user_id: YearTotals(credits=credits, hours=hours, entry_count=count)
        for user_id, credits, hours, count in rows.values_list("user_id", "credits", "hours", "entry_count")
    }


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
