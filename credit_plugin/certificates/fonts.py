"""
The certificates' CJK font: Noto Serif SC or Noto Sans SC from PyPI (pylopdf-fonts-zh-cn, SIL OFL 1.1),
converted once from CFF to TrueType outlines, cached on disk, registered once per process with
reportlab, which embeds a subset of it in every PDF (docs/decisions/0006).

reportlab reads only TrueType outlines, and the converted file takes ~20 s to make: it is made
the first time it is needed (or ahead of time with ``python -m credit_plugin.certificates.fonts``)
and kept, keyed by the source font's hash, in the cache folder.
"""
import argparse
import contextlib
import hashlib
import logging
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

log = logging.getLogger(__name__)

# The faces a template may name, with the family name reportlab knows each by.
FACES = {"serif": "CadreNotoSerifSC", "sans": "CadreNotoSansSC"}
CACHE_ENV = "CADRE_TRAINING_CERTIFICATE_FONT_CACHE"
# Part of the cached file's name: bump it when the conversion changes, so old files are not reused.
CONVERSION_VERSION = "1"
# What reportlab reads from a TrueType font; the layout tables (GSUB, GPOS, …) only slow it down.
KEPT_TABLES = {"cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post", "glyf", "loca"}

_registered: dict[str, str] = {}
_lock = threading.Lock()


def source_font_path(face: str = "serif") -> Path:
    """The OpenType (CFF) file shipped by the font package for ``face``."""
    import pylopdf_fonts_zh_cn

    if face not in FACES:
        raise ValueError(f"unknown certificate font {face!r}: one of {', '.join(FACES)}")
    return Path(pylopdf_fonts_zh_cn.serif_path() if face == "serif" else pylopdf_fonts_zh_cn.sans_path())


def font_cache_dir(cache_dir: str | os.PathLike | None = None) -> Path:
    """
    Where converted fonts are kept: ``cache_dir`` if given, else ``$CADRE_TRAINING_CERTIFICATE_FONT_CACHE``,
    else ``$XDG_CACHE_HOME/openedx-cadre-training/fonts`` (``~/.cache/…``).
    """
    chosen = cache_dir or os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "openedx-cadre-training" / "fonts"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def truetype_font_path(face: str = "serif", *, cache_dir: str | os.PathLike | None = None) -> Path:
    """The TrueType-outline version of ``face``, converted now if the cache does not have it yet."""
    source = source_font_path(face)
    folder = font_cache_dir(cache_dir)
    target = folder / f"{source.stem}-{_sha256(source)[:16]}-v{CONVERSION_VERSION}.ttf"
    if target.exists():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    # One process converts while the others (LMS workers, Celery) wait for its file, not convert too.
    with _file_lock(folder / f"{target.name}.lock"):
        if not target.exists():
            started = time.monotonic()
            handle, partial = tempfile.mkstemp(dir=folder, prefix=f".{target.stem}-", suffix=".part")
            os.close(handle)
            try:
                convert_to_truetype(source, Path(partial))
                os.chmod(partial, 0o644)  # mkstemp's 0600 would hide it from workers running as another user
                os.replace(partial, target)
            finally:
                Path(partial).unlink(missing_ok=True)
            log.info("converted %s to TrueType outlines in %.1f s: %s", source.name, time.monotonic() - started, target)
    return target


@contextlib.contextmanager
def _file_lock(path: Path):
    try:
        import fcntl
    except ImportError:  # not POSIX: at worst two processes convert, and os.replace keeps the file whole
        yield
        return
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def convert_to_truetype(source: Path, target: Path) -> None:
    """Write ``source`` (an OpenType font with CFF outlines) to ``target`` with quadratic TrueType outlines."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(str(source))
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        # max_err 1 font unit of 1000: invisible at any print size; reverse: TrueType winds clockwise.
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    for tag in list(font.keys()):
        if tag != "GlyphOrder" and tag not in KEPT_TABLES:
            del font[tag]
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, glyphs
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names: reportlab maps characters through cmap
    font.sfntVersion = "\0\1\0\0"
    font.save(str(target))


def certificate_font(face: str = "serif", *, cache_dir: str | os.PathLike | None = None) -> str:
    """The reportlab font name of ``face``, registered on first use (converted first if need be)."""
    name = _registered.get(face)
    if name:
        return name
    with _lock:
        if face not in _registered:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            pdfmetrics.registerFont(TTFont(FACES[face], str(truetype_font_path(face, cache_dir=cache_dir))))
            _registered[face] = FACES[face]
    return _registered[face]


def prebuild_fonts(faces=tuple(FACES), *, cache_dir: str | os.PathLike | None = None) -> list[Path]:
    """Convert every face ahead of time (at image build or deploy), so no certificate waits for it."""
    return [truetype_font_path(face, cache_dir=cache_dir) for face in faces]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Convert the certificates' CJK fonts once and cache them.")
    parser.add_argument("--cache-dir", help=f"default: ${CACHE_ENV} or ~/.cache/openedx-cadre-training/fonts")
    parser.add_argument("faces", nargs="*", help=f"any of {', '.join(FACES)} (default: all)")
    options = parser.parse_args(argv)
    unknown = sorted(set(options.faces) - set(FACES))
    if unknown:
        parser.error(f"unknown font {', '.join(unknown)}: choose from {', '.join(FACES)}")
    for path in prebuild_fonts(options.faces or tuple(FACES), cache_dir=options.cache_dir):
        print(path)
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())
