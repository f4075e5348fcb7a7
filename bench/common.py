"""Helpers shared by the benchmarks: Django set-up on SQLite or MySQL, timing and memory."""
import os
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def setup_django(database_url: str | None = None, settings_module: str = "devhost.settings.test"):
    """Configure Django with the devhost's settings on a fresh, empty benchmark database and migrate it."""
    sys.path.insert(0, str(REPO_ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    # As in production: with DEBUG on, Django also logs every query, a cost no LMS request pays.
    os.environ.setdefault("DEVHOST_DEBUG", "false")
    var_dir = Path(os.environ.setdefault("DEVHOST_VAR_DIR", str(REPO_ROOT / "devhost" / "var" / "bench")))
    if database_url:
        os.environ["DATABASE_URL"] = database_url
        _recreate_mysql_database(database_url)
    else:
        os.environ.pop("DATABASE_URL", None)
        (var_dir / "devhost.sqlite3").unlink(missing_ok=True)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", run_syncdb=True, verbosity=0)


def timings_ms(function: Callable[[], object], repeat: int, warmup: int = 3) -> list[float]:
    """Wall-clock milliseconds of ``repeat`` calls, after ``warmup`` calls that are not counted."""
    for _ in range(warmup):
        function()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples)


def peak_memory_mb(function: Callable[[], object]) -> tuple[object, float]:
    """Run ``function`` and return its result and the peak Python heap it used, in MB."""
    tracemalloc.start()
    try:
        result = function()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak / 2**20


def markdown_table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def measure_in_subprocess(module: str, database_url: str | None) -> dict:
    """
    Run ``python -m MODULE --measure [DATABASE_URL]`` and return the JSON it prints last.

    Django can be set up once per process, so each database is measured in a process of its own.
    """
    import json
    import subprocess

    command = [sys.executable, "-m", module, "--measure"] + ([database_url] if database_url else [])
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{module} failed on {database_url or 'SQLite'}:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def databases() -> list[tuple[str, str | None]]:
    """SQLite always; MariaDB/MySQL when BENCH_MYSQL_URL is set (``make bench`` sets it)."""
    found = [("SQLite", None)]
    if os.environ.get("BENCH_MYSQL_URL"):
        found.append(("MariaDB", os.environ["BENCH_MYSQL_URL"]))
    return found


def _recreate_mysql_database(database_url: str):
    import dj_database_url
    import MySQLdb

    config = dj_database_url.parse(database_url)
    connection = MySQLdb.connect(
        host=config["HOST"] or "127.0.0.1", port=int(config["PORT"] or 3306), user=config["USER"],
        passwd=config["PASSWORD"] or "",
    )
    cursor = connection.cursor()
    cursor.execute(f"DROP DATABASE IF EXISTS `{config['NAME']}`")
    cursor.execute(f"CREATE DATABASE `{config['NAME']}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    connection.close()
