"""
How fast course_exports turns large banks and outlines into OLX.

Targets (issue 8): a 5,000-question XLSX → level_challenge OLX in ≤ 3 s and ≤ 300 MB peak
memory; a 20-unit course build ≤ 2 s. No database is involved, so one subprocess measures
everything (peak RSS is the whole process's, on top of the Python heap tracemalloc sees).
Side by side: openpyxl alone iterating the same sheet, the floor any XLSX reader pays.
"""

import io
import json
import resource
import sys
import tempfile
from pathlib import Path

from bench.common import REPO_ROOT, markdown_table, median_ms, peak_memory_mb, timings_ms

QUESTIONS = 5000
UNITS = 20
BANK_FOR_COURSE = 1000
TAGS = [
    "工会法",
    "工会章程",
    "工会经费",
    "民主管理",
    "劳动法律",
    "安全生产",
    "女职工权益",
    "集体协商",
    "组织建设",
    "廉洁自律",
]


def bank(count: int, tags=TAGS):
    from question_bank.api import OPTION_IDS, Difficulty, Option, Question, QuestionKind

    kinds, levels = list(QuestionKind), list(Difficulty)
    questions = []
    for number in range(count):
        kind = kinds[number % 3]
        if kind == QuestionKind.TRUE_FALSE:
            options, answer = (Option("T", "正确"), Option("F", "错误")), ("T",)
        else:
            options = tuple(
                Option(letter, f"第{number}题的选项{letter}：依法维护职工合法权益") for letter in OPTION_IDS[:4]
            )
            answer = ("B",) if kind == QuestionKind.SINGLE else ("A", "C")
        questions.append(
            Question(
                id=f"bench-{number:05d}",
                kind=kind,
                stem=f"第{number}题：根据《中华人民共和国工会法》，下列说法正确的是（ ）。",
                options=options,
                answer=answer,
                explanation="参见工会法相关条款。",
                difficulty=levels[number % 3],
                tags=(tags[number % len(tags)],),
            )
        )
    return questions


def xlsx_to_olx(data: bytes):
    from question_bank.api import read_bank, write_bank

    questions, problems = read_bank(data, filename="bank.xlsx")
    assert not problems and len(questions) == QUESTIONS, problems[:3]
    return write_bank(questions, filename="bank.olx")[0]


def openpyxl_floor(data: bytes):
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    rows = sum(1 for _row in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return rows


def outline_yaml(units: int) -> str:
    lines = ["course: {org: CadreU, number: BENCH, run: '2026', display_name: 基准课程}", "chapters:"]
    for chapter in range(units // 5):
        lines += [
            f"  - title: 第{chapter + 1}章",
            "    sections:",
            f"      - title: 第{chapter + 1}节",
            "        units:",
        ]
        for unit in range(5):
            tag = TAGS[(chapter * 5 + unit) % len(TAGS)]
            lines += [
                f"          - title: 单元{chapter * 5 + unit + 1}",
                "            components:",
                "              - video: {youtube: dQw4w9WgXcQ}",
                "              - html: '<p>学习要点</p>'",
                f"              - level_challenge: {{bank: bank.xlsx, filter: {{tags: [{tag}]}}}}",
            ]
    return "\n".join(lines) + "\n"


def measure():
    sys.path.insert(0, str(REPO_ROOT))
    from course_exports.api import build_course
    from question_bank.api import write_bank

    def write_bank_template(questions, filename):
        return write_bank(questions, filename=filename)[0]

    data = write_bank_template(bank(QUESTIONS), "bank.xlsx")
    olx_samples = timings_ms(lambda: xlsx_to_olx(data), repeat=3, warmup=1)
    floor_samples = timings_ms(lambda: openpyxl_floor(data), repeat=3, warmup=1)
    _olx, heap_mb = peak_memory_mb(lambda: xlsx_to_olx(data))
    with tempfile.TemporaryDirectory() as directory:
        base = Path(directory)
        (base / "bank.xlsx").write_bytes(write_bank_template(bank(BANK_FOR_COURSE), "bank.xlsx"))
        (base / "outline.yaml").write_text(outline_yaml(UNITS), encoding="utf-8")
        build_samples = timings_ms(
            lambda: build_course(base / "outline.yaml", base / "course.tar.gz"), repeat=3, warmup=1
        )
    return {
        "olx_ms": median_ms(olx_samples),
        "floor_ms": median_ms(floor_samples),
        "heap_mb": heap_mb,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "build_ms": median_ms(build_samples),
        "xlsx_kb": len(data) / 1024
    }


def run() -> str:
    import subprocess

    result = subprocess.run(
        [sys.executable, "-m", "bench.bench_course_exports", "--measure"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    ratio = figures["olx_ms"] / figures["floor_ms"]
    print(
        f"5,000-question XLSX → OLX: {figures['olx_ms']:.0f} ms (openpyxl alone {figures['floor_ms']:.0f} ms, "
        f"{ratio:.1f}×), heap {figures['heap_mb']:.0f} MB, RSS {figures['rss_mb']:.0f} MB; "
        f"{UNITS}-unit build {figures['build_ms']:.0f} ms"
    )
    rows = [
        [
            f"{QUESTIONS:,}-question XLSX ({figures['xlsx_kb']:.0f} KB) → level_challenge OLX",
            f"{figures['olx_ms']:.0f} ms",
            "≤ 3,000 ms",
        ],
        [
            "  peer: openpyxl alone iterating the same sheet (floor)",
            f"{figures['floor_ms']:.0f} ms",
            f"ours/floor {ratio:.1f}×",
        ],
        [
            "  peak Python heap (tracemalloc) / process peak RSS",
            f"{figures['heap_mb']:.0f} MB / {figures['rss_mb']:.0f} MB",
            "≤ 300 MB",
        ],
        [
            f"{UNITS}-unit course build (video + HTML + challenge per unit, {BANK_FOR_COURSE:,}-question bank) → "
            ".tar.gz",
            f"{figures['build_ms']:.0f} ms",
            "≤ 2,000 ms",
        ],
    ]
    return "Median of 3 runs after a warm-up, one process, no database.\n\n" + markdown_table(
        ["what", "measured", "target"], rows
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure()))
    else:
        print(run())
