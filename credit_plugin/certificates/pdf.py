"""
A certificate as a one-page A4 PDF, Chinese first, drawn with reportlab in the CJK font of
:mod:`credit_plugin.certificates.fonts` (embedded as a subset): title, the body (兹证明 … 同志 …),
credits and hours, serial number, issue date, issuer with the seal stamped over it, and a QR code
to the verification page. Wording and look come from a :class:`CertificateTemplate`.
"""
import functools
import io
import string
import threading
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from credit_plugin.certificates.fonts import certificate_font
from credit_plugin.certificates.qr import draw_qr
from credit_plugin.certificates.templates import CertificateTemplate

__all__ = ["CertificateContent", "placeholder_values", "render_certificate_pdf"]

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 86  # left and right edge of the body text
BODY_MAX_LINES = 6  # what fits between the title and the figures at the body's full size
SEAL_DIAMETER = 119  # 42 mm, the size of an organisation's round seal (公章)
QR_BOX = (86, 112, 92)  # x, y of the lower left corner and side of the QR code with its quiet zone, in points
SEAL_MAX_PIXELS = 480  # a bigger seal image is scaled down once: 480 px over 42 mm is 290 dpi
BACKGROUND_MAX_PIXELS = 1754  # A4's height at 150 dpi
# Kinsoku (避头尾): punctuation that never starts a line, and that never ends one.
NO_LINE_START = set("，。、；：！？）》」』】〕”’％%,.;:!?)]}·…—")
NO_LINE_END = set("（《「『【〔“‘([{")

_rendering = threading.Lock()


@dataclass(frozen=True)
class CertificateContent:
    """Everything a certificate's PDF shows, already decided; drawing it decides nothing."""

    holder_name: str
    organisation_name: str
    kind_title: str  # e.g. 年度培训合格证书, 合格证
    year: int
    credits: Decimal
    hours: Decimal
    serial_number: str
    issued_on: date
    issuer_name: str
    verification_url: str  # encoded in the QR code and printed under it
    seal_image: bytes | None = None  # PNG (transparent background) or JPEG
    reference: str = ""  # what it was issued for (an exam); the template's reference_body names it
    exam_date: date | None = None  # an exam certificate's exam day and score: the template's result_body
    score: Decimal | None = None
    status_text: str = ""  # e.g. 已撤销: printed across the page when not empty


def format_amount(value: Decimal) -> str:
    """92.50 → 92.5, 40.00 → 40: the way figures are written on a certificate."""
    text = format(Decimal(value), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_date(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def placeholder_values(content: CertificateContent) -> dict[str, str]:
    """The text each template placeholder stands for."""
    return {
        "holder_name": content.holder_name,
        "organisation_name": content.organisation_name,
        "kind_title": content.kind_title,
        "year": str(content.year),
        "credits": format_amount(content.credits),
        "hours": format_amount(content.hours),
        "serial_number": content.serial_number,
        "issued_on": format_date(content.issued_on),
        "issuer_name": content.issuer_name,
        "reference": content.reference,
        "exam_date": format_date(content.exam_date) if content.exam_date else "",
        "score": format_amount(content.score) if content.score is not None else "",
    }


def render_certificate_pdf(
    content: CertificateContent, *, template: CertificateTemplate | None = None, font_cache_dir=None
) -> bytes:
    """
    The certificate as PDF bytes. ``font_cache_dir`` is where the converted font is kept (see
    :func:`credit_plugin.certificates.fonts.font_cache_dir`); it matters only the first time in a process.
    """
    template = template or CertificateTemplate()
    font = certificate_font(template.font, cache_dir=font_cache_dir)
    values = placeholder_values(content)
    seal = _seal_reader(content.seal_image) if content.seal_image else None
    buffer = io.BytesIO()
    # reportlab keeps a font's per-document subset state on the shared font object: one document at a time.
    with _rendering:
        # The initial font is ours, or reportlab lists Helvetica (not embedded) in every PDF.
        canvas = Canvas(buffer, pagesize=A4, pageCompression=1, lang="zh-CN", initialFontName=font)
        canvas.setTitle(f"{content.kind_title} {content.serial_number}")
        canvas.setAuthor(content.issuer_name)
        canvas.setSubject(f"{content.holder_name} {content.year}")
        canvas.setCreator("openedx-cadre-training")
        _Page(canvas, template, font, values, content).draw(seal)
        canvas.save()
    return buffer.getvalue()


def _seal_reader(data: bytes) -> ImageReader:
    try:
        return _jpeg_on_white(data, SEAL_MAX_PIXELS)
    except ValueError as error:
        raise ValueError(f"seal_image {error}") from error


@functools.lru_cache(maxsize=8)
def _background_reader(path: str) -> ImageReader:
    with open(path, "rb") as image:
        return _jpeg_on_white(image.read(), BACKGROUND_MAX_PIXELS)


@functools.lru_cache(maxsize=32)
def _jpeg_on_white(data: bytes, max_pixels: int) -> ImageReader:
    """
    A PNG or JPEG image as a JPEG on white, decoded and scaled once per distinct image. reportlab
    copies a JPEG into each PDF as it is, instead of compressing the pixels again for every
    certificate; the seal, drawn with the Multiply blend mode, shows its white as transparent.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError) as error:
        raise ValueError("is not a PNG or JPEG image") from error
    if image.format not in ("PNG", "JPEG"):
        raise ValueError(f"is {image.format}, not PNG or JPEG")
    image = ImageOps.exif_transpose(image).convert("RGBA")
    image.thumbnail((max_pixels, max_pixels))
    on_white = Image.new("RGB", image.size, (255, 255, 255))
    on_white.paste(image, mask=image.getchannel("A"))
    jpeg = io.BytesIO()
    on_white.save(jpeg, "JPEG", quality=85, subsampling=0)  # full-resolution colour keeps red edges sharp
    return ImageReader(io.BytesIO(jpeg.getvalue()))


class _Page:
    """Draws one certificate on a canvas, top to bottom."""

    def __init__(self, canvas: Canvas, template: CertificateTemplate, font: str, values: dict, content):
        self.canvas, self.template, self.font, self.values, self.content = canvas, template, font, values, content
        self.title_colour = HexColor(template.title_colour)
        self.text_colour = HexColor(template.text_colour)
        self.accent_colour = HexColor(template.accent_colour)

    def fill(self, text: str) -> str:
        return text.format(**self.values)

    def draw(self, seal: ImageReader | None) -> None:
        if self.template.background_image:
            self.canvas.drawImage(_background_reader(self.template.background_image), 0, 0, PAGE_WIDTH, PAGE_HEIGHT)
        if self.template.border:
            self.draw_border()
        y = self.draw_heading()
        body = self.template.body
        if self.content.reference:
            has_result = self.content.exam_date and self.content.score is not None
            body = self.template.result_body if has_result else self.template.reference_body
        y = self.draw_paragraph(_runs(body, self.values), top=y - 70, size=17, leading=36)
        if self.template.show_figures:
            self.draw_figures(top=min(y - 34, 420))
        self.draw_issuer(seal)
        self.draw_verification()
        if self.content.status_text:
            self.draw_status(self.content.status_text)

    def draw_border(self) -> None:
        canvas = self.canvas
        canvas.saveState()
        canvas.setStrokeColor(self.accent_colour)
        canvas.setLineWidth(2.4)
        canvas.rect(24, 24, PAGE_WIDTH - 48, PAGE_HEIGHT - 48)
        canvas.setLineWidth(0.7)
        canvas.rect(32, 32, PAGE_WIDTH - 64, PAGE_HEIGHT - 64)
        canvas.setFillColor(self.accent_colour)
        for x in (28, PAGE_WIDTH - 28):
            for y in (28, PAGE_HEIGHT - 28):
                canvas.rect(x - 5, y - 5, 10, 10, stroke=0, fill=1)
        canvas.restoreState()

    def draw_heading(self) -> float:
        """Title, subtitle and year line; returns the baseline of the last one."""
        title = self.fill(self.template.title)
        y = 690
        spacing = 0.4 if len(title) <= 6 else 0.12  # a short title (合格证) is spaced out
        self.centred(title, y, 40, self.title_colour, spacing=spacing, bold=True, max_width=PAGE_WIDTH - 2 * MARGIN)
        for line, size, colour in ((self.template.subtitle, 12, self.accent_colour),
                                   (self.template.year_line, 15, self.text_colour)):
            text = self.fill(line)
            if text:
                y -= 32
                self.centred(text, y, size, colour, spacing=0.1)
        return y

    def centred(self, text, y, size, colour, *, spacing=0.0, bold=False, centre=PAGE_WIDTH / 2, max_width=None):
        size = _fitting_size(text, self.font, size, max_width, spacing=spacing) if max_width else size
        space = size * spacing
        width = stringWidth(text, self.font, size) + space * (len(text) - 1)
        self.text_at(text, centre - width / 2, y, size, colour, spacing=space, bold=bold)

    def text_at(self, text, x, y, size, colour, *, spacing=0.0, bold=False):
        canvas = self.canvas
        # Character spacing and render mode outlive the text object in PDF: keep them to this text.
        canvas.saveState()
        line = canvas.beginText(x, y)
        line.setFont(self.font, size)
        if spacing:
            line.setCharSpace(spacing)
        canvas.setFillColor(colour)
        if bold:  # the font has one weight: a thin outline of the same colour makes it bold
            canvas.setStrokeColor(colour)
            canvas.setLineWidth(size * 0.03)
            line.setTextRenderMode(2)
        line.textOut(text)
        canvas.drawText(line)
        canvas.restoreState()

    def draw_paragraph(self, runs, *, top: float, size: float, leading: float) -> float:
        """
        The body: justified lines, first line indented two characters, in a smaller size if it
        would take more than ``BODY_MAX_LINES``; returns the last baseline.
        """
        width = PAGE_WIDTH - 2 * MARGIN
        units = _units(runs)
        lines = _break_lines(units, self.font, size, width, indent=2 * size)
        while len(lines) > BODY_MAX_LINES and size > 11:
            size, leading = size * 0.9, leading * 0.9
            lines = _break_lines(units, self.font, size, width, indent=2 * size)
        y = top
        for number, line in enumerate(lines):
            x = MARGIN + (2 * size if number == 0 else 0)
            available = width - (2 * size if number == 0 else 0)
            natural = sum(unit.width for unit in line)
            characters = sum(len(unit.text) for unit in line)
            space = 0.0
            if number < len(lines) - 1 and characters > 1:  # justified, but never spread wider than half a character
                space = max(0.0, min(size * 0.5, (available - natural) / (characters - 1)))
            for unit in line:
                colour = self.title_colour if unit.emphasised else self.text_colour
                self.text_at(unit.text, x, y, size, colour, spacing=space, bold=unit.emphasised)
                x += unit.width + space * len(unit.text)
            y -= leading
        return y + leading

    def draw_figures(self, *, top: float) -> None:
        canvas = self.canvas
        boxes = ((self.values["credits"], self.template.credits_label),
                 (self.values["hours"], self.template.hours_label))
        box_width, box_height, gap = 150, 74, 36
        left = (PAGE_WIDTH - 2 * box_width - gap) / 2
        canvas.saveState()
        canvas.setStrokeColor(self.accent_colour)
        canvas.setLineWidth(0.9)
        for number, (value, label) in enumerate(boxes):
            x = left + number * (box_width + gap)
            canvas.roundRect(x, top - box_height, box_width, box_height, 8)
            centre = x + box_width / 2
            self.centred(value, top - 40, 28, self.title_colour, bold=True, centre=centre, max_width=box_width - 16)
            self.centred(self.fill(label), top - 62, 12, self.text_colour, spacing=0.3, centre=centre)
        canvas.restoreState()

    def draw_issuer(self, seal: ImageReader | None) -> None:
        centre, name_y = 418, 206
        self.centred(self.values["issuer_name"], name_y, 16, self.text_colour, centre=centre, max_width=230)
        date_text = self.fill(self.template.date_label) + self.values["issued_on"]
        self.centred(date_text, name_y - 28, 15, self.text_colour, centre=centre, max_width=230)
        if seal is not None:
            # Stamped over the issuer and date like a real 公章: multiplied, the text under the ink stays
            # legible and the seal's white background disappears.
            self.canvas.saveState()
            self.canvas.setBlendMode("Multiply")
            half = SEAL_DIAMETER / 2
            self.canvas.drawImage(seal, centre - half, name_y - 14 - half, SEAL_DIAMETER, SEAL_DIAMETER)
            self.canvas.restoreState()

    def draw_verification(self) -> None:
        x, y, size = QR_BOX
        draw_qr(self.canvas, self.content.verification_url, x=x, y=y, size=size)
        self.centred(self.fill(self.template.qr_caption), y - 12, 11, self.text_colour, centre=x + size / 2,
                     spacing=0.2)
        serial = self.fill(self.template.serial_label) + self.values["serial_number"]
        self.centred(serial, 62, 11, self.text_colour, max_width=PAGE_WIDTH - 2 * MARGIN)
        url = self.fill(self.template.url_label) + self.content.verification_url
        self.centred(url, 46, 8, HexColor("#666666"), max_width=PAGE_WIDTH - 2 * MARGIN)

    def draw_status(self, text: str) -> None:
        canvas = self.canvas
        canvas.saveState()
        canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canvas.rotate(32)
        colour = self.title_colour.clone(alpha=0.2)  # a colour's own alpha is what reportlab applies
        size = _fitting_size(text, self.font, 96, PAGE_WIDTH, spacing=0.2)
        width = stringWidth(text, self.font, size) + size * 0.2 * (len(text) - 1)
        self.text_at(text, -width / 2, -size / 3, size, colour, spacing=size * 0.2)
        canvas.restoreState()


def _fitting_size(text: str, font: str, size: float, max_width: float | None, *, spacing: float = 0.0) -> float:
    """``size``, or smaller so that ``text`` fits in ``max_width`` (never below 60 % of it)."""
    if not max_width or not text:
        return size
    width = stringWidth(text, font, size) + size * spacing * (len(text) - 1)
    return size if width <= max_width else max(size * 0.6, size * max_width / width)


@dataclass
class _Unit:
    """What a line may not be broken inside: one CJK character, or a run of Latin letters and digits."""

    text: str
    emphasised: bool
    width: float = 0.0


def _runs(text: str, values: dict) -> list[tuple[str, bool]]:
    """The body as (text, emphasised) runs: what the placeholders filled in is emphasised."""
    runs = []
    for literal, field, _, _ in string.Formatter().parse(text):
        if literal:
            runs.append((literal, False))
        if field is not None and values[field]:
            runs.append((values[field], True))
    return runs


def _joins(character: str) -> bool:
    """Latin letters, digits and the punctuation inside numbers and codes: 92.5, CT-2026-000123."""
    return character.isascii() and (character.isalnum() or character in ".-_/@:")


def _units(runs) -> list[_Unit]:
    units = []
    for text, emphasised in runs:
        for character in text:
            previous = units[-1] if units else None
            if previous and previous.emphasised == emphasised and _joins(character) and _joins(previous.text[-1]):
                previous.text += character
            else:
                units.append(_Unit(character, emphasised))
    return units


def _break_lines(units: list[_Unit], font: str, size: float, width: float, *, indent: float) -> list[list[_Unit]]:
    lines, line, used, available = [], [], 0.0, width - indent
    for unit in units:
        unit.width = stringWidth(unit.text, font, size)
        if line and used + unit.width > available and unit.text not in NO_LINE_START:
            carried = []
            while line and line[-1].text in NO_LINE_END:  # an opening bracket goes down with what it opens
                carried.insert(0, line.pop())
            lines.append(line)
            line, used, available = carried, sum(u.width for u in carried), width
        line.append(unit)
        used += unit.width
    if line:
        lines.append(line)
    return lines
