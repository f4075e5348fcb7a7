"""
Certificate PDFs: ``credit_plugin.certificates.pdf.render_certificate_pdf`` over a batch of 2,000
different certificates (Chinese names, organisations, serials, verification URLs, one seal), each
PDF written to a file as storage would:

- certificates per second on one core, and on both cores (two worker processes), for the
  35,000 certificates of a province (goal: ≥ 40/s on one core, 35,000 in under 15 minutes);
- memory: peak Python heap (tracemalloc) and RSS after the first and the last 500 (flat);
- side by side, in the same run, with the same CJK TrueType font (our converted Noto Serif SC):
  learning-credentials' own ``generate_pdf_credential`` (goal: ours ≥ 4x faster), and plain
  reportlab drawing the same page (the floor; goal: ours ≥ half of it). The three take turns in
  rounds, so whatever else the machine is doing slows them alike.
"""

import json
import multiprocessing
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from bench.common import REPO_ROOT, markdown_table, measure_in_subprocess

BATCH = 2000
WINDOW = 500  # RSS is compared between the first and the last WINDOW certificates
# The three generators take turns, round after round, so a busy machine slows them alike.
ROUNDS = 8
CHUNK = 125  # certificates per round for ours and the floor
PEER_CHUNK = 5  # … and for learning-credentials, 25 times slower
TWO_CORE_SHARE = 1000  # certificates per worker process in the two-core run
PROVINCE = 35000
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "小纲建国丽娟志强秀英海燕伟明红梅晓东春华玉兰文静永刚德胜淑珍国庆宏伟桂芳振华翠花鹏飞婷婷"
PLACES = ["杭州市西湖区", "宁波市鄞州区", "温州市鹿城区", "嘉兴市南湖区", "湖州市吴兴区", "绍兴市越城区",
          "金华市婺城区"]
UNITS = ["总工会", "教育工会", "机关工会", "卫生健康工会", "交通运输工会", "某某街道总工会", "某某社区联合工会"]


def seal_png() -> bytes:
    """A red round seal with a star on a transparent background, 480 px, like an uploaded 公章."""
    import io
    import math

    from PIL import Image, ImageDraw

    size = 480
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((12, 12, size - 12, size - 12), outline=(200, 20, 20, 235), width=size // 22)
    star = [(size / 2 + (size / 6 if n % 2 == 0 else size / 15) * math.sin(n * math.pi / 5),
             size / 2 - (size / 6 if n % 2 == 0 else size / 15) * math.cos(n * math.pi / 5)) for n in range(10)]
    draw.polygon(star, fill=(200, 20, 20, 235))
    data = io.BytesIO()
    image.save(data, "PNG")
    return data.getvalue()


def batch(count: int, seal: bytes, seed: int = 6) -> list:
    from credit_plugin.certificates.pdf import CertificateContent

    chooser = random.Random(seed)
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
    return [
        CertificateContent(
            holder_name=chooser.choice(SURNAMES) + "".join(chooser.sample(GIVEN, chooser.choice((1, 2)))),
            organisation_name=chooser.choice(PLACES) + chooser.choice(UNITS), kind_title="年度培训合格证书",
            year=2026, credits=Decimal(chooser.randrange(900, 1300)) / 10,
            hours=Decimal(chooser.randrange(400, 600)) / 10,
            serial_number=f"ZJ-2026-{number + 1:06d}", issued_on=date(2026, 12, 2), issuer_name="浙江省总工会",
            seal_image=seal,
            verification_url="https://lms.example.org/cadre-credits/certificates/verify/"
            + "".join(chooser.choice(letters) for _ in range(22)) + "/",
        )
        for number in range(count)
    ]


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


# --- ours -------------------------------------------------------------------------------------------


def ours(folder: Path):
    """Our renderer, warmed up (the font registered: once per process); returns it and the first call's ms."""
    from credit_plugin.certificates.pdf import render_certificate_pdf

    def generate(number, content):
        (folder / f"ours-{number % 50}.pdf").write_bytes(render_certificate_pdf(content))

    started = time.perf_counter()
    render_certificate_pdf(batch(1, seal_png(), seed=99)[0])
    return generate, (time.perf_counter() - started) * 1000


def measure_batch(generate, contents, folder: Path) -> dict:
    """Ours over the whole batch: the rate, RSS after each certificate, PDF sizes; then the peak heap."""
    rss = []
    started = time.perf_counter()
    for number, content in enumerate(contents):
        generate(number, content)
        rss.append(rss_mb())
    seconds = time.perf_counter() - started
    sizes = [(folder / f"ours-{number}.pdf").stat().st_size for number in range(50)]
    tracemalloc.start()
    for number, content in enumerate(contents):
        generate(number, content)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "per_second": len(contents) / seconds, "peak_heap_mb": peak / 2**20,
        "rss_first_mb": max(rss[:WINDOW]), "rss_last_mb": max(rss[-WINDOW:]), "kb": sum(sizes) / len(sizes) / 1024,
    }


def rounds(generators: dict, contents) -> dict:
    """Each generator's median certificates/s over ROUNDS turns, taken in turn on different certificates."""
    rates = {name: [] for name in generators}
    position = 0
    for _ in range(ROUNDS):
        for name, (generate, size) in generators.items():
            chunk = contents[position:position + size]
            position = (position + size) % (len(contents) - CHUNK)
            started = time.perf_counter()
            for number, content in enumerate(chunk):
                generate(number, content)
            rates[name].append(len(chunk) / (time.perf_counter() - started))
    return {name: statistics.median(values) for name, values in rates.items()}


def _worker(arguments) -> float:
    """One worker process of the two-core run: render its share and return when it finished."""
    start_at, share, seed = arguments
    sys.path.insert(0, str(REPO_ROOT))
    from credit_plugin.certificates.pdf import render_certificate_pdf

    contents = batch(share, seal_png(), seed=seed)
    while time.time() < start_at:  # both start together, after their imports
        time.sleep(0.001)
    with tempfile.TemporaryDirectory() as folder:
        for number, content in enumerate(contents):
            (Path(folder) / f"{number % 50}.pdf").write_bytes(render_certificate_pdf(content))
    return time.time()


def measure_two_cores(share: int) -> float:
    """Certificates per second with two worker processes (the font registered in each, as in Celery)."""
    context = multiprocessing.get_context("spawn")
    start_at = time.time() + 8
    with context.Pool(2) as pool:
        finished = pool.map(_worker, [(start_at, share, 1), (start_at, share, 2)])
    return 2 * share / (max(finished) - start_at)


# --- plain reportlab, the floor -----------------------------------------------------------------------


def floor(folder: Path, seal_image: bytes):
    """
    The same page drawn with plain reportlab calls and nothing else: the same converted font
    registered once, every line with ``drawString`` at a fixed place (lines broken by hand), the
    border, the seal with ``drawImage(…, mask="auto")`` and the QR code as the same squares.
    """
    import io

    from reportlab.lib.colors import HexColor
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from credit_plugin.certificates.fonts import truetype_font_path
    from credit_plugin.certificates.pdf import format_amount, format_date
    from credit_plugin.certificates.qr import draw_qr

    pdfmetrics.registerFont(TTFont("FloorSerifSC", str(truetype_font_path("serif"))))
    seal = ImageReader(io.BytesIO(seal_image))

    def draw(content) -> bytes:
        data = io.BytesIO()
        canvas = Canvas(data, pagesize=A4, pageCompression=1, initialFontName="FloorSerifSC")
        canvas.setStrokeColor(HexColor("#9A7B2F"))
        canvas.rect(24, 24, 547, 794)
        canvas.rect(32, 32, 531, 778)
        canvas.setFillColor(HexColor("#B3261E"))
        canvas.setFont("FloorSerifSC", 40)
        canvas.drawCentredString(297, 690, content.kind_title)
        canvas.setFillColor(HexColor("#222222"))
        canvas.setFont("FloorSerifSC", 15)
        canvas.drawCentredString(297, 658, f"（{content.year}年度）")
        canvas.setFont("FloorSerifSC", 17)
        for number, line in enumerate((
            f"兹证明{content.holder_name}同志（{content.organisation_name}）参加",
            f"{content.year}年度工会干部教育培训，累计取得{format_amount(content.credits)}学分、"
            f"{format_amount(content.hours)}学",
            "时，达到年度学习要求，特发此证。",
        )):
            canvas.drawString(86 + (34 if number == 0 else 0), 588 - 36 * number, line)
        canvas.setFont("FloorSerifSC", 28)
        canvas.drawCentredString(204, 400, format_amount(content.credits))
        canvas.drawCentredString(390, 400, format_amount(content.hours))
        canvas.setFont("FloorSerifSC", 16)
        canvas.drawCentredString(418, 206, content.issuer_name)
        canvas.drawCentredString(418, 178, format_date(content.issued_on))
        canvas.drawImage(seal, 358, 132, 119, 119, mask="auto")
        draw_qr(canvas, content.verification_url, x=86, y=112, size=92)
        canvas.setFont("FloorSerifSC", 11)
        canvas.drawCentredString(132, 100, "扫码验证")
        canvas.drawCentredString(297, 62, f"证书编号：{content.serial_number}")
        canvas.setFont("FloorSerifSC", 8)
        canvas.drawCentredString(297, 46, f"验证网址：{content.verification_url}")
        canvas.save()
        return data.getvalue()

    def generate(number, content):
        (folder / f"floor-{number % 50}.pdf").write_bytes(draw(content))

    generate(0, batch(1, seal_image, seed=99)[0])
    return generate


# --- learning-credentials -----------------------------------------------------------------------------


def _template_pdf(path: Path, seal: bytes) -> None:
    """learning-credentials' template: the page's fixed parts (border, seal, a QR code, its caption)."""
    import io

    from reportlab.lib.colors import HexColor
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    from credit_plugin.certificates.fonts import certificate_font
    from credit_plugin.certificates.qr import draw_qr

    font = certificate_font("serif")
    canvas = Canvas(str(path), pagesize=A4, initialFontName=font)
    canvas.setStrokeColor(HexColor("#9A7B2F"))
    canvas.rect(24, 24, 547, 794)
    canvas.rect(32, 32, 531, 778)
    canvas.drawImage(ImageReader(io.BytesIO(seal)), 358, 132, 119, 119, mask="auto")
    draw_qr(canvas, "https://lms.example.org/cadre-credits/certificates/verify/TEMPLATE/", x=86, y=112, size=92)
    canvas.setFont(font, 11)
    canvas.drawCentredString(132, 100, "扫码验证")
    canvas.save()


def _peer_options(content) -> dict:
    """The same texts as learning-credentials text elements (centred lines; it breaks no lines itself)."""
    from credit_plugin.certificates.pdf import format_amount

    credits, hours = format_amount(content.credits), format_amount(content.hours)
    body = (f"兹证明{{name}}同志（{content.organisation_name}）参加\n{content.year}年度工会干部教育培训，"
            f"累计取得{credits}学分、{hours}学\n时，达到年度学习要求，特发此证。")
    return {
        "template": "certificate-template",
        "defaults": {"font": "noto-serif-sc", "color": "#222222"},
        "text_elements": {
            "name": False,
            "context": {"text": body, "y": 588, "size": 17, "line_height": 2.1},
            "date": {"text": "{issue_date}", "y": 178, "size": 16},
            "title": {"text": content.kind_title, "y": 690, "size": 40, "color": "#B3261E"},
            "year": {"text": f"（{content.year}年度）", "y": 658, "size": 15},
            "figures": {"text": f"{credits} 学分          {hours} 学时", "y": 400, "size": 28, "color": "#B3261E"},
            "issuer": {"text": content.issuer_name, "y": 206, "size": 16},
            "serial": {"text": f"证书编号：{content.serial_number}", "y": 62, "size": 11},
            "url": {"text": f"验证网址：{content.verification_url}", "y": 46, "size": 8},
        },
    }


def peer(folder: Path, seal_image: bytes):
    """
    learning-credentials' own ``generate_pdf_credential(credential, options)`` on the same texts,
    in Django outside the LMS. Two things it takes from the LMS are stood in for, nothing else:
    ``CredentialAsset.get_asset_by_slug`` (a database row pointing at an uploaded file) returns the
    files themselves, and ``get_localized_credential_date`` (edx-platform's ``strftime_localized``)
    formats the date. It draws no per-certificate QR code or seal: those are in its template.
    """
    import uuid
    from types import SimpleNamespace

    import django
    from django.conf import settings

    from credit_plugin.certificates.fonts import truetype_font_path
    from credit_plugin.certificates.pdf import format_date

    settings.configure(
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "django_celery_beat",
                        "learning_paths", "learning_credentials"],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        MEDIA_ROOT=str(folder / "media"), MEDIA_URL="/media/", LMS_ROOT_URL="https://lms.example.org",
        USE_TZ=True, TIME_ZONE="Asia/Shanghai", SECRET_KEY="bench", DEFAULT_AUTO_FIELD="django.db.models.AutoField",
    )
    django.setup()
    from django.core.files import File
    from learning_credentials import generators

    template = folder / "template.pdf"
    _template_pdf(template, seal_image)
    font = str(truetype_font_path("serif"))
    assets = {"certificate-template": lambda: File(open(template, "rb"), name=str(template)),  # noqa: SIM115
              "noto-serif-sc": lambda: font}
    generators.CredentialAsset.get_asset_by_slug = classmethod(lambda cls, slug: assets[slug]())
    generators.get_localized_credential_date = lambda moment: format_date(moment.date())

    def generate(number, content):
        credential = SimpleNamespace(
            uuid=uuid.uuid4(), verify_uuid=uuid.uuid4(), user=SimpleNamespace(id=1), user_full_name=content.holder_name,
            learning_context_name=content.kind_title, created=datetime.combine(content.issued_on, datetime.min.time()),
        )
        return generators.generate_pdf_credential(credential, _peer_options(content))

    generate(0, batch(1, seal_image, seed=99)[0])
    return generate


def measure() -> dict:
    sys.path.insert(0, str(REPO_ROOT))
    from credit_plugin.certificates.fonts import prebuild_fonts

    started = time.perf_counter()
    prebuild_fonts(("serif",))  # converted once and cached; instant when the cache has it
    font_seconds = time.perf_counter() - started
    seal = seal_png()
    contents = batch(BATCH, seal)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        generate, first_ms = ours(folder)
        figures = {"font_seconds": font_seconds, "first_ms": first_ms}
        # Before the peers are loaded (Django, pypdf, …), so the RSS is ours alone.
        figures["batch"] = measure_batch(generate, contents, folder)
        figures["two_cores"] = measure_two_cores(TWO_CORE_SHARE)
        generators = {"ours": (generate, CHUNK), "floor": (floor(folder, seal), CHUNK),
                      "peer": (peer(folder, seal), PEER_CHUNK)}
        figures["rates"] = rounds(generators, contents)
        sample = next((folder / "media" / "learning_credentials").glob("*.pdf"))
        peer_copy = REPO_ROOT / "test-output" / "certificates" / "learning-credentials-sample.pdf"
        peer_copy.parent.mkdir(parents=True, exist_ok=True)
        peer_copy.write_bytes(sample.read_bytes())
        figures["peer_sample"] = str(peer_copy.relative_to(REPO_ROOT))
    figures["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["load"] = os.getloadavg()[0]
    return figures


def run() -> str:
    f = measure_in_subprocess("bench.bench_certificates", None)
    rates, whole, two = f["rates"], f["batch"], f["two_cores"]
    ours_rate, floor_rate, peer_rate = rates["ours"], rates["floor"], rates["peer"]
    rows = [
        ["ours: `render_certificate_pdf`", f"{ours_rate:.0f}", "1.00"],
        ["plain reportlab, same page (floor)", f"{floor_rate:.0f}", f"{floor_rate / ours_rate:.2f}"],
        ["learning-credentials `generate_pdf_credential`", f"{peer_rate:.1f}", f"{peer_rate / ours_rate:.3f}"],
    ]
    print(
        f"ours {ours_rate:.0f}/s ({whole['per_second']:.0f}/s over {BATCH:,}; two cores {two:.0f}/s), floor "
        f"{floor_rate:.0f}/s, learning-credentials {peer_rate:.1f}/s; peak heap {whole['peak_heap_mb']:.1f} MB, "
        f"RSS {whole['rss_first_mb']:.0f} → {whole['rss_last_mb']:.0f} MB"
    )
    return (
        "One A4 certificate per call, each different (name, organisation, figures, serial, verification URL): "
        "Chinese text in the embedded CJK font (our converted Noto Serif SC, 13 MB as TrueType, for all three), "
        "a seal image, a QR code, the PDF written to a file. Goals: ≥ 40/s on one core, ≥ 4x "
        f"learning-credentials, ≥ half the plain-reportlab floor, {PROVINCE:,} certificates in under 15 minutes "
        "on 2 cores, memory flat over 2,000.\n\n"
        f"The three take turns, {ROUNDS} rounds of {CHUNK} certificates ({PEER_CHUNK} for learning-credentials); "
        f"medians of the rounds, one process (load average {f['load']:.1f} at the end):\n\n"
        + markdown_table(["generator", "certificates/s (one core)", "relative to ours"], rows)
        + f"\n\nOurs is {ours_rate / peer_rate:.0f}x learning-credentials and {ours_rate / floor_rate:.2f}x the "
        f"floor. Over a batch of {BATCH:,}: {whole['per_second']:.0f} certificates/s. Two worker processes (both "
        f"cores, {TWO_CORE_SHARE:,} each, the font registered in each as in Celery workers): {two:.0f} "
        f"certificates/s, so {PROVINCE:,} certificates take {PROVINCE / two / 60:.1f} minutes. The first "
        f"certificate in a process takes {f['first_ms']:.0f} ms (registering the font); converting the font "
        f"took {f['font_seconds']:.1f} s in this run (0 when the cache has it, ~20 s into an empty cache). "
        f"A certificate is {whole['kb']:.0f} KB.\n\n"
        f"Memory over {BATCH:,} certificates: peak Python heap {whole['peak_heap_mb']:.1f} MB (tracemalloc); RSS "
        f"{whole['rss_first_mb']:.0f} MB at most over the first {WINDOW} and {whole['rss_last_mb']:.0f} MB over "
        f"the last {WINDOW} (ours alone, before the peers are loaded); the whole benchmark process peaked at "
        f"{f['max_rss_mb']:.0f} MB RSS (with Django and learning-credentials loaded).\n\n"
        "The floor draws the same page with plain reportlab calls only: lines broken by hand, one `drawString` "
        "each, the seal as a PNG with `mask=\"auto\"`, the same QR squares. learning-credentials runs its own "
        "`generate_pdf_credential(credential, options)` in Django outside the LMS, with two stand-ins for the "
        "LMS: `CredentialAsset.get_asset_by_slug` returns the uploaded files (the template PDF, the font path) "
        "instead of reading database rows, and `get_localized_credential_date` formats the date instead of "
        "edx-platform's `strftime_localized`; the credential is a plain object with the attributes it reads. "
        "It cannot draw a per-certificate QR code or seal: they are in its template PDF, drawn once, which "
        "favours it. Its texts are eight text elements (it breaks no lines; the body's three lines are one "
        "element), and it registers the font anew, re-reading and re-parsing the 13 MB file, for each of them, "
        "then merges the page into the template with pypdf and encrypts it (AES-256), as it "
        f"does in the LMS. Its output: `{f['peer_sample']}`."
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure()))
    else:
        print(run())
