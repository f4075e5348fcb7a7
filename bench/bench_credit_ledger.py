"""
The credit ledger against openedx-ledger, side by side on the same database, and at province scale.

- first writes and replays of an existing idempotency key through ``credit_plugin.api.record_entry``
  and openedx-ledger's ``create_transaction`` (one ledger per learner, as our year totals are);
- the bulk path for imports (``bulk_record_entries``);
- ``year_summary`` for one learner with 700,000 entries in the table (35,000 learners x 20);
- the year totals of all 35,000 learners (``year_totals``, one query).
"""

import json
import random
import sys
import time
from datetime import UTC, datetime
from decimal import Decimal

from bench.common import databases, markdown_table, measure_in_subprocess, median_ms, setup_django, timings_ms

WRITERS = 200  # learners written to in the write benchmarks
WRITES = 2000
BULK = 20000
PROVINCE_LEARNERS = 35000
ENTRIES_PER_LEARNER = 20
YEAR = 2026


def _per_second(count, seconds):
    return count / seconds if seconds else float("inf")


def _timed(function):
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def measure(database_url):
    setup_django(database_url, settings_module="bench.ledger_peer_settings")
    from django.contrib.auth import get_user_model
    from openedx_ledger import api as peer

    from credit_plugin import api

    user_model = get_user_model()
    user_model.objects.bulk_create([user_model(username=f"w{index}") for index in range(WRITERS)], batch_size=5000)
    writers = list(user_model.objects.filter(username__startswith="w").values_list("id", flat=True))
    when = datetime(YEAR, 6, 1, tzinfo=UTC)
    keys = [(writers[index % WRITERS], f"bench:{index}") for index in range(WRITES)]

    def ours():
        for user_id, key in keys:
            api.record_entry(
                user_id=user_id,
                credits="1.5",
                hours="0.5",
                earned_at=when,
                source_kind=api.SourceKind.OFFLINE_TRAINING,
                reference="bench",
                recorded_by="bench",
                idempotency_key=key,
            )

    ledgers = {
        user_id: peer.create_ledger(unit="usd_cents", idempotency_key=f"ledger-{user_id}") for user_id in writers
    }

    def theirs():
        for user_id, key in keys:
            peer.create_transaction(ledgers[user_id], quantity=150, idempotency_key=key, lms_user_id=user_id)

    figures = {
        "ours_first": _per_second(WRITES, _timed(ours)),
        "ours_replay": _per_second(WRITES, _timed(ours)),
        "peer_first": _per_second(WRITES, _timed(theirs)),
        "peer_replay": _per_second(WRITES, _timed(theirs)),
    }
    bulk = [
        api.NewLedgerEntry(
            user_id=writers[index % WRITERS],
            credits=Decimal("2"),
            hours=Decimal("1"),
            earned_at=when,
            source_kind=api.SourceKind.OFFLINE_TRAINING,
            reference="import",
            recorded_by="bench",
            idempotency_key=f"bulk:{index}",
        )
        for index in range(BULK)
    ]
    figures["bulk"] = _per_second(BULK, _timed(lambda: api.bulk_record_entries(entries=bulk)))
    figures.update(_province_scale(user_model, api))
    return figures


def _province_scale(user_model, api):
    """Fill the table to 700,000 entries for 35,000 learners, then read one learner and everyone."""
    from credit_plugin.models import LedgerEntry, YearTotal

    user_model.objects.bulk_create(
        [user_model(username=f"p{index}") for index in range(PROVINCE_LEARNERS)], batch_size=5000
    )
    learners = list(user_model.objects.filter(username__startswith="p").values_list("id", flat=True))
    when = datetime(YEAR, 3, 1, tzinfo=UTC)
    start = time.perf_counter()
    for offset in range(0, len(learners), 1000):
        chunk = learners[offset : offset + 1000]
        LedgerEntry.objects.bulk_create(
            [
                LedgerEntry(
                    user_id=user_id,
                    credits=Decimal("4.5"),
                    hours=Decimal("2"),
                    year=YEAR,
                    earned_at=when,
                    source_kind="online_course",
                    reference="c",
                    recorded_by="bench",
                    idempotency_key=f"p:{user_id}:{number}",
                )
                for user_id in chunk
                for number in range(ENTRIES_PER_LEARNER)
            ],
            batch_size=5000,
        )
        YearTotal.objects.bulk_create(
            [
                YearTotal(
                    user_id=user_id,
                    year=YEAR,
                    credits=Decimal("90"),
                    hours=Decimal("40"),
                    entry_count=ENTRIES_PER_LEARNER,
                )
                for user_id in chunk
            ],
            batch_size=5000,
        )
    fill_seconds = time.perf_counter() - start
    total_entries = LedgerEntry.objects.count()
    sample = random.Random(7).sample(learners, 500)
    cursor = iter(sample * 2)
    summary = timings_ms(lambda: api.year_summary(user_id=next(cursor), year=YEAR), repeat=500, warmup=20)
    everyone = timings_ms(lambda: api.year_totals(year=YEAR), repeat=5, warmup=1)
    assert len(api.year_totals(year=YEAR)) >= PROVINCE_LEARNERS
    return {
        "entries": total_entries,
        "fill_s": fill_seconds,
        "summary_ms": median_ms(summary),
        "totals_ms": median_ms(everyone),
    }


def run() -> str:
    rows, scale = [], []
    for label, url in databases():
        f = measure_in_subprocess("bench.bench_credit_ledger", url)
        print(
            f"{label}: first writes ours {f['ours_first']:.0f}/s vs openedx-ledger {f['peer_first']:.0f}/s "
            f"(x{f['ours_first'] / f['peer_first']:.2f}); replays ours {f['ours_replay']:.0f}/s "
            f"(x{f['ours_replay'] / f['ours_first']:.1f} of first) vs {f['peer_replay']:.0f}/s "
            f"(x{f['peer_replay'] / f['peer_first']:.1f}); bulk {f['bulk']:.0f}/s"
        )
        print(
            f"{label}: {f['entries']} entries; year_summary median {f['summary_ms']:.3f} ms; "
            f"year totals of all learners {f['totals_ms']:.0f} ms"
        )
        rows.append(
            [
                label,
                f"{f['ours_first']:.0f}",
                f"{f['peer_first']:.0f}",
                f"{f['ours_first'] / f['peer_first']:.2f}",
                f"{f['ours_replay']:.0f}",
                f"{f['ours_replay'] / f['ours_first']:.1f}",
                f"{f['peer_replay']:.0f}",
                f"{f['peer_replay'] / f['peer_first']:.1f}",
                f"{f['bulk']:.0f}",
            ]
        )
        scale.append([label, f"{f['entries']:,}", f"{f['summary_ms']:.3f}", f"{f['totals_ms']:.0f}"])
    return (
        f"Writes: {WRITES} entries over {WRITERS} learners, then the same {WRITES} idempotency keys again; "
        f"openedx-ledger's `create_transaction` with one ledger per learner, in the same run on the same database. "
        f"Bulk: `bulk_record_entries` of {BULK:,} entries. Goals: ours ≥ 2x openedx-ledger's first writes, replays "
        f"≥ 3x our first writes, bulk ≥ 2,000/s.\n\n"
        + markdown_table(
            [
                "database",
                "ours first/s",
                "openedx-ledger first/s",
                "ratio",
                "ours replay/s",
                "replay/first",
                "openedx-ledger replay/s",
                "their replay/first",
                "bulk entries/s",
            ],
            rows,
        )
        + f"\n\nProvince scale: {PROVINCE_LEARNERS:,} learners x {ENTRIES_PER_LEARNER} entries. Goals: "
        f"`year_summary` ≤ 2 ms median; all learners' totals ≤ 1 s.\n\n"
        + markdown_table(["database", "entries in table", "year_summary median ms", "all 35,000 totals ms"], scale)
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(sys.argv[2] if len(sys.argv) > 2 else None)))
    else:
        print(run())
