"""
render_certificate_pdf: one A4 page, Chinese first, in an embedded subset of the CJK font, so it
shows the same on a machine without any Chinese font; the QR code is the verification URL.
"""
import io
import re
import subprocess
from pathlib import Path

import pytest
import segno
from PIL import Image, ImageChops, ImageDraw, ImageFont
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from credit_plugin.certificates.fonts import truetype_font_path
from credit_plugin.certificates.pdf import QR_BOX, render_certificate_pdf
from credit_plugin.certificates.qr import QUIET_ZONE
from credit_plugin.certificates.templates import CertificateTemplate
from tests.credit_plugin.certificates.helpers import VERIFICATION_URL, poppler, rasterise, replace, seal_png

REPO_ROOT = Path(__file__).resolve().parents[3]
# Where the page rasterised without Chinese system fonts is kept for a person to look at.
SCREENSHOT = REPO_ROOT / "test-output" / "certificates" / "certificate-without-chinese-system-fonts.png"
FULL_WIDTH_SPACE = "\u3000"  # as wide as a Chinese character, and draws nothing


def run(tool: str, *arguments, pdf: bytes, tmp_path: Path) -> str:
    source = tmp_path / "certificate.pdf"
    source.write_bytes(pdf)
    command = [poppler(tool), *arguments, str(source)] + (["-"] if tool == "pdftotext" else [])
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def page_text(pdf: bytes, tmp_path: Path) -> str:
    """The page's text as pdftotext extracts it, without any whitespace (spaced-out titles join up)."""
    return re.sub(r"\s+", "", run("pdftotext", pdf=pdf, tmp_path=tmp_path))


def test_a_certificate_is_one_a4_page(content, tmp_path):
    info = run("pdfinfo", pdf=render_certificate_pdf(content), tmp_path=tmp_path)

    assert re.search(r"^Pages:\s+1$", info, re.M)
    assert re.search(r"^Page size:\s+595\.2\d* x 841\.89\d* pts \(A4\)", info, re.M)


def test_the_cjk_font_is_embedded_as_a_truetype_subset_and_nothing_else_is_used(content, tmp_path):
    pdf = render_certificate_pdf(content)
    rows = run("pdffonts", pdf=pdf, tmp_path=tmp_path).splitlines()[2:]

    assert len(rows) == 1, rows  # no Helvetica or other font the reader would have to supply
    name, kind, _, embedded, subset, unicode_map = rows[0].split()[:6]
    assert re.fullmatch(r"[A-Z]{6}\+NotoSerifSC-Regular", name)
    assert (kind, embedded, subset, unicode_map) == ("TrueType", "yes", "yes", "yes")
    assert b"/FontFile2" in pdf
    # A subset: the whole font is 13 MB, the certificate a few dozen KB.
    assert len(pdf) < 150_000


def test_the_text_is_there_to_copy_and_search(content, tmp_path):
    text = page_text(render_certificate_pdf(content), tmp_path)

    for expected in (
        "年度培训合格证书", "（2026年度）", "兹证明王小纲同志（杭州市西湖区总工会）参加2026年度工会干部教育培训",
        "累计取得92.5学分、41学时", "特发此证。", "浙江省总工会", "2026年12月2日", "扫码验证",
        "证书编号：CT-2026-000123", VERIFICATION_URL,
    ):
        assert expected in text


def test_chinese_shows_on_a_machine_without_any_chinese_font(content, tmp_path, latin_only_fonts):
    """
    Rasterised by poppler with fontconfig limited to one Latin font, the holder's name is drawn in
    the shapes of 王, 小 and 纲 from the embedded font, not as empty boxes (what a font that is not
    embedded gives there, as the control at the end shows).
    """
    fc_list = subprocess.run(["fc-list", ":lang=zh"], env=latin_only_fonts, capture_output=True, text=True,
                             check=False)
    assert fc_list.stdout.strip() == ""  # really no Chinese font to fall back on

    pdf = render_certificate_pdf(content)
    page = rasterise(pdf, tmp_path, env=latin_only_fonts, dpi=150, name="named")
    blank = rasterise(render_certificate_pdf(replace(content, holder_name=FULL_WIDTH_SPACE * 3)), tmp_path,
                      env=latin_only_fonts, dpi=150, name="blank")
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    rasterise(pdf, tmp_path, env=latin_only_fonts, dpi=100, name="screenshot", colour=True).save(SCREENSHOT)

    scores = glyph_scores(page, blank, "王小纲")
    assert scores is not None, "nothing was drawn where the name goes"
    for character, (own, best_other) in zip("王小纲", scores, strict=True):
        assert own >= 0.45 and own >= best_other + 0.15, (character, own, best_other)

    # The control: the same check on a name in reportlab's built-in STSong-Light, which is not
    # embedded, finds nothing like the characters (poppler draws the same empty box for each).
    assert not glyphs_look_right(
        rasterise(_cid_font_line("王小纲"), tmp_path, env=latin_only_fonts, dpi=150, name="cid-named"),
        rasterise(_cid_font_line(FULL_WIDTH_SPACE * 3), tmp_path, env=latin_only_fonts, dpi=150,
                  name="cid-blank"),
        "王小纲",
    )


def glyphs_look_right(page: Image.Image, blank: Image.Image, text: str) -> bool:
    scores = glyph_scores(page, blank, text)
    return scores is not None and all(own >= 0.45 and own >= other + 0.15 for own, other in scores)


def glyph_scores(page: Image.Image, blank: Image.Image, text: str) -> list[tuple[float, float]] | None:
    """
    What ``page`` draws and ``blank`` does not, cut into one piece per character of ``text``, and
    for each piece its overlap (intersection over union) with that character drawn from the font
    file, and the best overlap with any other character of ``text``; None when nothing differs.
    """
    difference = ImageChops.difference(page, blank).point(lambda value: 255 if value > 64 else 0)
    box = difference.getbbox()
    if box is None:
        return None
    left, top, right, bottom = box
    step = (right - left) / len(text)
    pieces = [_normalised(difference.crop((round(left + n * step), top, round(left + (n + 1) * step), bottom)))
              for n in range(len(text))]
    font = ImageFont.truetype(str(truetype_font_path()), 64)
    references = [_normalised(_drawn(character, font)) for character in text]
    scores = []
    for number, piece in enumerate(pieces):
        overlaps = [_overlap(piece, reference) for reference in references]
        scores.append((overlaps[number], max(overlaps[:number] + overlaps[number + 1:], default=0.0)))
    return scores


def _drawn(character: str, font) -> Image.Image:
    image = Image.new("L", (128, 128), 0)
    ImageDraw.Draw(image).text((32, 32), character, font=font, fill=255)
    return image


def _normalised(mask: Image.Image) -> Image.Image | None:
    """The ink of ``mask`` cropped to its bounds and scaled to 32 × 32, black and white."""
    box = mask.getbbox()
    return mask.crop(box).resize((32, 32)).point(lambda value: 255 if value > 96 else 0).convert("1") if box else None


def _overlap(first: Image.Image | None, second: Image.Image | None) -> float:
    if first is None or second is None:
        return 0.0
    both = ImageChops.logical_and(first, second).convert("L").histogram()[255]
    either = ImageChops.logical_or(first, second).convert("L").histogram()[255]
    return both / either if either else 0.0


def _cid_font_line(name: str) -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    data = io.BytesIO()
    canvas = Canvas(data)
    canvas.setFont("STSong-Light", 17)
    canvas.drawString(100, 700, f"兹证明{name}同志")
    canvas.save()
    return data.getvalue()


def test_the_qr_code_is_the_verification_url(content, tmp_path):
    dpi = 300
    page = rasterise(render_certificate_pdf(content), tmp_path, env={}, dpi=dpi)
    expected = segno.make_qr(VERIFICATION_URL, error="m", boost_error=True).matrix
    x, y, size = QR_BOX
    step = size / (len(expected) + 2 * QUIET_ZONE)
    scale = dpi / 72

    def dark(row: int, column: int) -> bool:
        centre_x = (x + (QUIET_ZONE + column + 0.5) * step) * scale
        centre_y = page.height - (y + size - (QUIET_ZONE + row + 0.5) * step) * scale
        return page.getpixel((round(centre_x), round(centre_y))) < 128

    drawn = [[dark(row, column) for column in range(len(expected))] for row in range(len(expected))]
    assert drawn == [[bool(module) for module in row] for row in expected]
    # The quiet zone around it is white, so a phone finds the code.
    assert not any(dark(row, -2) or dark(-2, row) for row in range(len(expected)))


def test_a_revoked_certificate_says_so_across_the_page(content, tmp_path):
    text = page_text(render_certificate_pdf(replace(content, status_text="已撤销")), tmp_path)

    # Drawn at a slant, its characters come out of the page between the lines they cross.
    assert re.search("已.*撤.*销", text)
    assert "撤" not in page_text(render_certificate_pdf(content), tmp_path)


def test_an_exam_certificate_names_the_exam(content, tmp_path):
    exam = replace(content, kind_title="合格证", reference="2026年度工会财务知识考试")

    text = page_text(render_certificate_pdf(exam), tmp_path)

    assert "合格证" in text
    assert "兹证明王小纲同志（杭州市西湖区总工会）参加2026年度工会财务知识考试，成绩合格，特发此证。" in text
    assert "累计取得" not in text


def test_a_long_body_still_fits_on_the_page(content, tmp_path):
    organisation = "中华全国总工会某某省某某市某某区某某街道某某社区联合工会委员会基层工会" * 3
    pdf = render_certificate_pdf(replace(content, organisation_name=organisation))

    assert organisation in page_text(pdf, tmp_path)
    assert re.search(r"^Pages:\s+1$", run("pdfinfo", pdf=pdf, tmp_path=tmp_path), re.M)


def test_the_seal_is_stamped_as_an_image_and_is_optional(content):
    with_seal = render_certificate_pdf(content)
    without_seal = render_certificate_pdf(replace(content, seal_image=None))

    assert b"/Subtype /Image" in with_seal
    assert b"/Subtype /Image" not in without_seal


def test_a_jpeg_seal_works_too(content):
    jpeg = io.BytesIO()
    Image.open(io.BytesIO(seal_png())).convert("RGB").save(jpeg, "JPEG")

    assert b"/Subtype /Image" in render_certificate_pdf(replace(content, seal_image=jpeg.getvalue()))


@pytest.mark.parametrize("data", [b"not an image", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"])
def test_a_seal_that_is_not_a_png_or_jpeg_is_refused(content, data):
    with pytest.raises(ValueError, match="seal_image"):
        render_certificate_pdf(replace(content, seal_image=data))


def test_a_template_changes_the_wording_without_code(content, tmp_path):
    template = CertificateTemplate(title="荣誉证书", body="{holder_name}同志：表彰你在{year}年度的学习。", border=False,
                                   show_figures=False, qr_caption="微信扫一扫")

    text = page_text(render_certificate_pdf(content, template=template), tmp_path)

    assert "荣誉证书" in text
    assert "王小纲同志：表彰你在2026年度的学习。" in text
    assert "微信扫一扫" in text
    assert "年度培训合格证书" not in text
