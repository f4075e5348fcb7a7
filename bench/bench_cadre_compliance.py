"""
Cadre compliance at province scale: 35,000 cadres in 1,000 organisations, 700,000 ledger entries.

- the province dashboard (``api.compliance_overview`` of the root, as a province administrator),
  and the dashboard page's call (``api.compliance_report``: those counts and the first 100 cadres);
- one district's drill-down list (``api.compliance_list``, as that district's training administrator);
- the full province XLSX export (``compliance_list`` then ``list_export.list_file``, the steps of
  ``run_export``), in a fresh process of its own so that its peak RSS is the export's alone;
- every cadre's status recomputed (``assessment.assess_cadres`` over every serving cadre).

One required course is configured (``CADRE_TRAINING_REQUIRED_COURSES``), as a province runs it, so
the required-course query over the ledger is part of every figure. ``today`` is fixed at
15 October, so the pace, the onboarding deadlines and every status are reproducible.
"""

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from bench.common import (
    REPO_ROOT,
    databases,
    markdown_table,
    measure_in_subprocess,
    median_ms,
    peak_memory_mb,
    setup_django,
    timings_ms,
)

YEAR = 2026
TODAY = date(YEAR, 10, 15)
CITIES = 16
DISTRICTS_PER_CITY = 10
ORGANISATIONS = 1000
CADRES_PER_ORGANISATION = 35  # 35,000 cadres
ENTRIES_PER_CADRE = 20  # 700,000 entries: 4 last year, 16 this year
LAST_YEAR_ENTRIES = 4
NEW_CADRE_SHARE = 0.15  # took office this year: their onboarding deadlines count
LEFT_SHARE = 0.02  # left office: not assessed
SEED_CHUNK = 1000  # cadres per bulk_record_entries call
REQUIRED_COURSE = "course-v1:SDFTU+CADRE101+2026"
SETTINGS = {"CADRE_TRAINING_REQUIRED_COURSES": [REQUIRED_COURSE]}
TARGETS = {"overview_ms": 1000, "list_ms": 200, "export_s": 20, "export_mb": 500, "assess_s": 30}

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅志"


def _apply_settings():
    from django.conf import settings

    for name, value in SETTINGS.items():
        setattr(settings, name, value)


def _connect(database_url):
    """Django on the database the measuring process seeded (no drop, no migrate)."""
    sys.path.insert(0, str(REPO_ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "devhost.settings.test"
    os.environ.setdefault("DEVHOST_VAR_DIR", str(REPO_ROOT / "devhost" / "var" / "bench"))
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    _apply_settings()


# --- seeding ------------------------------------------------------------------------------------


def _build_tree():
    """1 province, 16 cities, 10 districts each, the rest grassroots unions spread over the districts."""
    from credit_plugin.organisations.tree import save_organisation

    province = save_organisation(code="370000", name="山东省总工会", level="province", parent=None)
    organisations, districts = [province], []
    for city_number in range(1, CITIES + 1):
        city = save_organisation(code=f"37{city_number:02d}00", name=f"第{city_number}市总工会", level="city",
                                 parent=province)
        organisations.append(city)
        for district_number in range(1, DISTRICTS_PER_CITY + 1):
            district = save_organisation(
                code=f"37{city_number:02d}{district_number:02d}", name=f"第{city_number}市第{district_number}区总工会",
                level="district", parent=city,
            )
            organisations.append(district)
            districts.append(district)
    grassroots = ORGANISATIONS - len(organisations)
    for index in range(grassroots):
        district = districts[index % len(districts)]
        number = index // len(districts) + 1
        organisations.append(save_organisation(
            code=f"{district.code}{number:03d}", name=f"{district.name}第{number}基层工会", level="grassroots",
            parent=district,
        ))
    return province, districts, organisations


def _cadre_plan(rng, organisations):
    """(organisation, took office, registered, status, credits per entry this year, required course day or None)."""
    plan = []
    for organisation in organisations:
        for _ in range(CADRES_PER_ORGANISATION):
            if rng.random() < NEW_CADRE_SHARE:
                took = date(YEAR, 1, 5) + timedelta(days=rng.randrange(0, 270))
                # Most register within the 15 days, some late.
                registered = took + timedelta(days=rng.choice([0, 1, 3, 7, 10, 14, 20, 30]))
                # Most finish the required course within 3 months, some late, some not yet.
                roll = rng.random()
                required = (took + timedelta(days=rng.randrange(5, 85)) if roll < 0.7
                            else took + timedelta(days=rng.randrange(95, 150)) if roll < 0.8 else None)
                if required and required >= TODAY:
                    required = None
            else:
                took = date(rng.randrange(2008, YEAR), rng.randrange(1, 13), rng.randrange(1, 29))
                registered, required = took, None
            # Yearly totals: ~30 % past the target, ~35 % on pace, ~35 % behind (credits per entry x 16).
            roll = rng.random()
            per_entry = (rng.randrange(570, 750) if roll < 0.30 else rng.randrange(380, 560) if roll < 0.65
                         else rng.randrange(0, 340)) / Decimal(100)
            status = "left" if rng.random() < LEFT_SHARE else "serving"
            plan.append((organisation, took, registered, status, per_entry, required))
    return plan


def _seed(rng):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from credit_plugin import api
    from credit_plugin.models import CadreProfile

    user_model = get_user_model()
    province, districts, organisations = _build_tree()
    plan = _cadre_plan(rng, organisations)
    joined = datetime(YEAR - 1, 1, 1, tzinfo=UTC)
    user_model.objects.bulk_create(
        [
            user_model(
                username=f"c{index}", email=f"c{index}@example.com", password=make_password(None),
                first_name=rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice([1, 2]))), last_name="",
                date_joined=joined,
            )
            for index in range(len(plan))
        ],
        batch_size=5000,
    )
    ids = dict(user_model.objects.filter(username__startswith="c").values_list("username", "id"))
    user_ids = [ids[f"c{index}"] for index in range(len(plan))]
    CadreProfile.objects.bulk_create(
        [
            CadreProfile(
                user_id=user_id, organisation=organisation, category=rng.choice(["chair", "vice_chair", "full_time",
                                                                                 "part_time"]),
                took_office_on=took, registered_on=registered, status=status, position="工会主席",
                phone=f"138{rng.randrange(10**8):08d}",
            )
            for user_id, (organisation, took, registered, status, _, _) in zip(user_ids, plan, strict=True)
        ],
        batch_size=5000,
    )
    entries_start = time.perf_counter()
    with _no_certificates():
        for offset in range(0, len(plan), SEED_CHUNK):
            chunk = zip(user_ids[offset : offset + SEED_CHUNK], plan[offset : offset + SEED_CHUNK], strict=True)
            api.bulk_record_entries(
                entries=[entry for user_id, cadre in chunk for entry in _entries(rng, user_id, cadre)]
            )
    entries_s = time.perf_counter() - entries_start
    admins = {}
    for role, organisation in (("province-admin", province), ("district-admin", districts[0])):
        admins[role] = user_model.objects.create(username=role, password=make_password(None))
        api.assign_training_administrator(user_id=admins[role].id, organisation_code=organisation.code)
    return province, districts[0], admins, entries_s


@contextmanager
def _no_certificates():
    """
    Seed without issuing the ~10,000 annual certificates the crossed targets would queue.

    The devhost runs Celery tasks eagerly, so each would be issued and its PDF drawn inside
    ``bulk_record_entries`` (the LMS does that on a worker); that is not what is measured here.
    """
    from credit_plugin.ledger.signals import YEAR_TARGET_MET
    from credit_plugin.receivers import on_year_target_met

    uid = "credit_plugin.receivers.on_year_target_met"
    connected = YEAR_TARGET_MET.disconnect(dispatch_uid=uid)
    try:
        yield
    finally:
        if connected:
            YEAR_TARGET_MET.connect(on_year_target_met, dispatch_uid=uid)


def _entries(rng, user_id, cadre):
    from credit_plugin import api

    _, took, _, _, per_entry, required = cadre
    hours = (per_entry * Decimal("0.45")).quantize(Decimal("0.01"))
    first_day = max(date(YEAR, 1, 1), took)
    span = max((TODAY - first_day).days, 1)
    entries = []
    for number in range(ENTRIES_PER_CADRE):
        if number < LAST_YEAR_ENTRIES:
            day, credits, entry_hours, reference = date(YEAR - 1, 3 + number * 2, 10), Decimal(6), Decimal(3), "c-old"
        else:
            day, credits, entry_hours = first_day + timedelta(days=rng.randrange(span)), per_entry, hours
            reference = f"course-v1:SDFTU+C{rng.randrange(200)}+{YEAR}"
            if number == ENTRIES_PER_CADRE - 1 and required:
                day, reference = required, REQUIRED_COURSE
        entries.append(api.NewLedgerEntry(
            user_id=user_id, credits=credits, hours=entry_hours,
            earned_at=datetime(day.year, day.month, day.day, 2, tzinfo=UTC),  # 10:00 in Shanghai, same day
            source_kind=api.SourceKind.ONLINE_COURSE, reference=reference, recorded_by="bench",
            idempotency_key=f"seed:{user_id}:{number}",
        ))
    return entries


# --- measuring ----------------------------------------------------------------------------------


def measure(database_url):
    setup_django(database_url)
    _apply_settings()
    from credit_plugin import api
    from credit_plugin.compliance import assessment
    from credit_plugin.models import CadreProfile, LedgerEntry, Organisation

    start = time.perf_counter()
    province, district, admins, entries_s = _seed(random.Random(2026))
    seed_s = time.perf_counter() - start
    figures = {
        "seed_s": seed_s, "entries_s": entries_s, "organisations": Organisation.objects.count(),
        "cadres": CadreProfile.objects.count(), "entries": LedgerEntry.objects.count(),
    }
    print(f"seeded {figures['organisations']} organisations, {figures['cadres']} cadres, {figures['entries']} "
          f"entries in {seed_s:.0f} s (ledger entries {entries_s:.0f} s)", file=sys.stderr, flush=True)

    figures["load_before"] = os.getloadavg()[0]

    def overview():
        return api.compliance_overview(viewer=admins["province-admin"], organisation_code=province.code, year=YEAR,
                                       today=TODAY)

    overall, children = overview()
    figures["statuses"] = {status: getattr(overall, status) for status in api.ComplianceStatus.values}
    figures["serving"] = overall.total
    figures["children"] = len(children)
    samples = timings_ms(overview, repeat=5, warmup=1)
    figures["overview_ms"], figures["overview_samples"] = median_ms(samples), samples

    def dashboard_page():
        report = api.compliance_report(viewer=admins["province-admin"], organisation_code=province.code, year=YEAR,
                                       today=TODAY)
        return report, report.cadres[:100]  # the counts, and the page the dashboard shows

    report, first_page = dashboard_page()
    assert (report.overall, report.children) == (overall, children) and len(first_page) == 100
    figures["page_ms"] = median_ms(timings_ms(dashboard_page, repeat=5, warmup=1))

    def drill_down():
        return api.compliance_list(viewer=admins["district-admin"], organisation_code=district.code, year=YEAR,
                                   today=TODAY)

    listed = drill_down()
    figures["list_rows"] = len(listed)
    figures["list_organisations"] = Organisation.objects.filter(path__startswith=district.path).count()
    figures["list_statuses"] = {status: sum(1 for c in listed if c.status == status)
                                for status in api.ComplianceStatus.values}
    figures["list_ms"] = median_ms(timings_ms(drill_down, repeat=20, warmup=3))
    # The district admin may not see the province: the list must not widen.
    assert all(row.organisation_code.startswith(district.code) for row in listed)

    def assess_everyone():
        return assessment.assess_cadres(api.serving_cadres(in_year=YEAR), api.serving_cadre_ids(in_year=YEAR),
                                        year=YEAR, today=TODAY)

    samples = timings_ms(assess_everyone, repeat=3, warmup=1)
    figures["assess_s"] = median_ms(samples) / 1000
    figures["load_after"] = os.getloadavg()[0]

    # The export is measured from run()'s small process: a child started from this one would inherit
    # this process's peak RSS (Linux keeps the high-water mark across fork and exec).
    figures["export_viewer_id"], figures["export_organisation"] = admins["province-admin"].id, province.code
    return figures


def _export_in_subprocess(database_url, viewer_id, organisation_code) -> dict:
    """The export measured in a fresh process on the database ``measure`` left seeded."""
    command = [sys.executable, "-m", "bench.bench_cadre_compliance", "--export"]
    command += ([database_url] if database_url else []) + [str(viewer_id), organisation_code]
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"export failed on {database_url or 'SQLite'}:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _high_water_mb() -> float | None:
    """This process's own peak RSS (Linux VmHWM), a cross-check of getrusage's."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return None
    found = [line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")]
    return int(found[0]) / 1024 if found else None


def measure_export(database_url, viewer_id, organisation_code):
    """The province export in a fresh process: time, then tracemalloc peak; peak RSS of this process."""
    _connect(database_url)
    from django.contrib.auth import get_user_model

    from credit_plugin import api
    from credit_plugin.compliance import list_export

    viewer = get_user_model().objects.get(pk=viewer_id)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    organisation = api.visible_organisation(viewer=viewer, code=organisation_code)

    def export():
        start = time.perf_counter()
        cadres = api.compliance_list(viewer=viewer, organisation_code=organisation_code, year=YEAR, today=TODAY)
        listed = time.perf_counter()
        content = list_export.list_file(
            cadres=cadres, file_format="xlsx", progress=lambda done: None,
            title=list_export.list_title(organisation_name=organisation.name, year=YEAR),
        )
        return len(cadres), len(content), listed - start, time.perf_counter() - listed

    runs = [export() for _ in range(2)]
    rss, high_water = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, _high_water_mb()
    _, heap_mb = peak_memory_mb(export)
    rows, size, _, _ = runs[0]
    return {
        "export_rows": rows, "export_bytes": size,
        "export_s": statistics.median(list_s + file_s for _, _, list_s, file_s in runs),
        "export_list_s": statistics.median(list_s for _, _, list_s, _ in runs),
        "export_file_s": statistics.median(file_s for _, _, _, file_s in runs),
        "export_heap_mb": heap_mb, "export_rss_mb": rss, "export_rss_before_mb": rss_before,
        "export_hwm_mb": high_water,
    }


def _mark(value, target):
    return "✅" if value <= target else "❌"


def run() -> str:
    rows, notes = [], []
    for label, url in databases():
        f = measure_in_subprocess("bench.bench_cadre_compliance", url)
        f.update(_export_in_subprocess(url, f["export_viewer_id"], f["export_organisation"]))
        counts = ", ".join(f"{status} {count:,}" for status, count in f["statuses"].items())
        print(f"{label}: seeded {f['organisations']:,} organisations, {f['cadres']:,} cadres, {f['entries']:,} "
              f"entries in {f['seed_s']:.0f} s (entries {f['entries_s']:.0f} s)")
        print(f"{label}: {f['serving']:,} serving cadres: {counts}")
        print(f"{label}: province overview median {f['overview_ms']:.0f} ms "
              f"(runs {', '.join(f'{s:.0f}' for s in f['overview_samples'])})")
        print(f"{label}: province dashboard page (counts and 100 cadres) median {f['page_ms']:.0f} ms")
        print(f"{label}: district list ({f['list_rows']} cadres in {f['list_organisations']} organisations) "
              f"median {f['list_ms']:.1f} ms")
        print(f"{label}: province XLSX export of {f['export_rows']:,} rows ({f['export_bytes'] / 2**20:.1f} MB) "
              f"{f['export_s']:.1f} s (list {f['export_list_s']:.1f} s + file {f['export_file_s']:.1f} s), "
              f"heap peak {f['export_heap_mb']:.0f} MB, RSS peak {f['export_rss_mb']:.0f} MB "
              f"(VmHWM {f['export_hwm_mb'] or 0:.0f} MB; after Django start-up {f['export_rss_before_mb']:.0f} MB)")
        print(f"{label}: assess_cadres over all profiles median {f['assess_s']:.1f} s; load average "
              f"{f['load_before']:.1f} before measuring, {f['load_after']:.1f} after", flush=True)
        rows += [
            [label, "province dashboard (`compliance_overview`, whole tree)", f"{f['overview_ms']:,.0f} ms",
             "≤ 1,000 ms", _mark(f["overview_ms"], TARGETS["overview_ms"])],
            [label, "  the dashboard page (`compliance_report`: those counts and page 1, 100 cadres)",
             f"{f['page_ms']:,.0f} ms", "≤ 1,000 ms", _mark(f["page_ms"], TARGETS["overview_ms"])],
            [label, f"district drill-down (`compliance_list`, {f['list_rows']} cadres)", f"{f['list_ms']:.1f} ms",
             "≤ 200 ms", _mark(f["list_ms"], TARGETS["list_ms"])],
            [label, f"province XLSX export ({f['export_rows']:,} rows; list {f['export_list_s']:.1f} s + file "
             f"{f['export_file_s']:.1f} s)", f"{f['export_s']:.1f} s", "≤ 20 s",
             _mark(f["export_s"], TARGETS["export_s"])],
            [label, "  its peak Python heap (tracemalloc) / process peak RSS",
             f"{f['export_heap_mb']:.0f} MB / {f['export_rss_mb']:.0f} MB", "≤ 500 MB",
             _mark(max(f["export_heap_mb"], f["export_rss_mb"]), TARGETS["export_mb"])],
            [label, "all statuses recomputed (`assess_cadres`, every profile)", f"{f['assess_s']:.1f} s", "≤ 30 s",
             _mark(f["assess_s"], TARGETS["assess_s"])],
        ]
        notes.append(f"{label}: seeding {f['seed_s']:.0f} s (ledger entries through `bulk_record_entries` "
                     f"{f['entries_s']:.0f} s); 1-minute load average {f['load_before']:.1f} before measuring and "
                     f"{f['load_after']:.1f} after (on {os.cpu_count()} cores); {f['serving']:,} serving cadres: "
                     f"{counts}; the district's list: "
                     + ", ".join(f"{status} {count}" for status, count in f["list_statuses"].items()) + ".")
    return (
        f"{ORGANISATIONS:,} organisations (1 province, {CITIES} cities, {CITIES * DISTRICTS_PER_CITY} districts, the "
        f"rest grassroots unions under the districts), {CADRES_PER_ORGANISATION} cadres in each "
        f"({ORGANISATIONS * CADRES_PER_ORGANISATION:,}, {LEFT_SHARE:.0%} left office), "
        f"{ENTRIES_PER_CADRE} ledger entries per cadre ({ORGANISATIONS * CADRES_PER_ORGANISATION * ENTRIES_PER_CADRE:,}"
        f", {LAST_YEAR_ENTRIES} of them last year); one required course configured; year {YEAR} as of {TODAY}. "
        f"Medians: dashboard and its page of 5 runs, list of 20, export of 2 (in a fresh process, so the RSS is the "
        f"export's; the heap is a third run under tracemalloc), recomputation of 3.\n\n"
        + markdown_table(["database", "what", "measured", "target", ""], rows)
        + "\n\n" + "\n".join(f"- {note}" for note in notes)
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(sys.argv[2] if len(sys.argv) > 2 else None)))
    elif sys.argv[1:2] == ["--export"]:
        arguments = sys.argv[2:]
        url = arguments.pop(0) if len(arguments) == 3 else None
        print(json.dumps(measure_export(url, int(arguments[0]), arguments[1])))
    else:
        print(run())
