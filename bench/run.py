"""
Run every benchmark in bench/ and rewrite bench/RESULTS.md.

A benchmark is a module ``bench/bench_*.py`` with a ``run() -> str`` function that measures,
prints its figures as it goes, and returns a Markdown section for RESULTS.md. Benchmarks are
never part of ``make test``. ``python bench/run.py NAME…`` runs only the named ones.
"""
import datetime
import importlib.util
import os
import platform
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.node()}: {os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, Python {platform.python_version()}"


def load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(names):
    sys.path.insert(0, str(REPO_ROOT))
    paths = sorted(BENCH_DIR.glob("bench_*.py"))
    if names:
        paths = [path for path in paths if path.stem.removeprefix("bench_") in names]
    if not paths:
        print("no benchmarks to run")
        return 0
    results = BENCH_DIR / "RESULTS.md"
    sections = read_sections(results)
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    for path in paths:
        print(f"\n## {path.stem}", flush=True)
        body = load(path).run().strip()
        sections[path.stem] = f"## {path.stem}\n\nRun {today} on {machine()}.\n\n{body}"
    header = "# Benchmark results\n\nWritten by `make bench`; each section says when and where it ran.\n"
    body = "\n\n".join(sections[name] for name in sorted(sections))
    results.write_text(f"{header}\n{body}\n", encoding="utf-8")
    print(f"\nwrote {results}")
    return 0


def read_sections(results: Path) -> dict[str, str]:
    """The sections already in RESULTS.md, by benchmark name, so a partial run keeps the others."""
    if not results.exists():
        return {}
    sections = {}
    for chunk in results.read_text(encoding="utf-8").split("\n## ")[1:]:
        name = chunk.split("\n", 1)[0].strip()
        sections[name] = "## " + chunk.strip()
    return sections


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
