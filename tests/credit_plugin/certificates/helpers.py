"""What the certificate tests draw with: a seal, poppler's rasteriser, and a fontconfig without Chinese fonts."""
import dataclasses
import io
import math
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from credit_plugin.certificates.pdf import CertificateContent

VERIFICATION_URL = "https://lms.example.org/cadre-credits/certificates/verify/Xq3kP9vT2mW8rL5nB7cD4e/"


def seal_png(size: int = 480) -> bytes:
    """A red round seal with a star on a transparent background, like an organisation's 公章."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((12, 12, size - 12, size - 12), outline=(200, 20, 20, 235), width=size // 22)
    centre, outer, inner = size / 2, size / 6, size / 15
    star = [
        (centre + (outer if n % 2 == 0 else inner) * math.sin(n * math.pi / 5),
         centre - (outer if n % 2 == 0 else inner) * math.cos(n * math.pi / 5))
        for n in range(10)
    ]
    draw.polygon(star, fill=(200, 20, 20, 235))
    data = io.BytesIO()
    image.save(data, "PNG")
    return data.getvalue()


def replace(content: CertificateContent, **changes) -> CertificateContent:
    return dataclasses.replace(content, **changes)


def poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} (Debian poppler-utils) is not installed")
    return path


def latin_only_fontconfig(folder: Path) -> dict:
    """
    An environment whose fontconfig knows one Latin font and nothing else (Bitstream Vera, which
    reportlab ships), so poppler has no Chinese font to substitute for one the PDF lacks.
    """
    import reportlab

    fonts = folder / "fonts"
    fonts.mkdir()
    shutil.copy(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf", fonts)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{fonts}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return {"FONTCONFIG_FILE": str(config), "FONTCONFIG_PATH": str(folder)}


def rasterise(pdf: bytes, tmp_path: Path, *, env: dict, dpi: int = 100, name: str = "page",
              colour: bool = False) -> Image.Image:
    """The PDF's first page as an image (grey-scale unless ``colour``), rendered by pdftoppm in ``env``."""
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [poppler("pdftoppm"), "-r", str(dpi), *([] if colour else ["-gray"]), "-png", "-singlefile", str(source),
         str(tmp_path / name)],
        check=True, env={**os.environ, **env}, capture_output=True,
    )
    with Image.open(tmp_path / f"{name}.png") as image:
        return image.convert("RGB" if colour else "L")
