"""
The certificates' CJK font: an OFL font from PyPI with CFF outlines, converted once to TrueType
outlines that reportlab can embed, and cached on disk by the source font's hash.
"""
import importlib.metadata
import io

import pytest
from fontTools import subset
from fontTools.ttLib import TTFont
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError
from reportlab.pdfbase.ttfonts import TTFont as ReportlabFont
from reportlab.pdfgen.canvas import Canvas

from credit_plugin.certificates import fonts


def test_the_font_package_is_under_the_open_font_licence():
    metadata = importlib.metadata.metadata("pylopdf-fonts-zh-cn")

    assert "License :: OSI Approved :: SIL Open Font License 1.1 (OFL-1.1)" in metadata.get_all("Classifier")


def test_reportlab_refuses_the_fonts_as_shipped_which_is_why_they_are_converted():
    with pytest.raises(TTFError, match="postscript outlines"):
        ReportlabFont("shipped", str(fonts.source_font_path("serif")))


@pytest.mark.slow  # converts the whole face once on a machine that has not cached it (about 30 s)
def test_the_converted_font_has_truetype_outlines_for_chinese():
    converted = TTFont(str(fonts.truetype_font_path("serif")), lazy=True)

    assert "glyf" in converted and "CFF " not in converted
    cmap = converted.getBestCmap()
    assert all(ord(character) in cmap for character in "王小纲兹证明同志年度合格证书学分时0123456789.-CT（）：")
    assert len(cmap) > 25_000  # the whole of Chinese in everyday use, and the rare characters of names


def test_the_cached_font_is_reused_without_converting_again(monkeypatch):
    cached = fonts.truetype_font_path("serif")
    monkeypatch.setattr(fonts, "convert_to_truetype", _must_not_convert)

    assert fonts.truetype_font_path("serif") == cached


def test_an_empty_cache_gets_the_converted_font_once(tmp_path, monkeypatch):
    source = _small_cff_font(tmp_path, "王小纲")
    monkeypatch.setattr(fonts, "source_font_path", lambda face="serif": source)
    cache = tmp_path / "cache"

    converted = fonts.truetype_font_path("serif", cache_dir=cache)

    assert converted.parent == cache and converted.suffix == ".ttf"
    assert oct(converted.stat().st_mode)[-3:] == "644"  # readable by workers running as another user
    assert [path.name for path in cache.glob("*.part")] == []
    font = ReportlabFont("SmallSC", str(converted))  # reportlab takes it now
    assert font.face.charToGlyph.keys() >= {ord("王"), ord("小"), ord("纲")}
    pdfmetrics.registerFont(font)
    canvas = Canvas(io.BytesIO())
    canvas.setFont("SmallSC", 12)
    canvas.drawString(72, 72, "王小纲")
    canvas.save()
    monkeypatch.setattr(fonts, "convert_to_truetype", _must_not_convert)
    assert fonts.truetype_font_path("serif", cache_dir=cache) == converted


def test_a_changed_source_font_is_converted_anew(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    old, new = _small_cff_font(tmp_path, "王"), _small_cff_font(tmp_path, "王小")
    monkeypatch.setattr(fonts, "source_font_path", lambda face="serif": old)
    first = fonts.truetype_font_path("serif", cache_dir=cache)
    monkeypatch.setattr(fonts, "source_font_path", lambda face="serif": new)

    assert fonts.truetype_font_path("serif", cache_dir=cache) != first


def test_the_cache_folder_is_the_argument_else_the_environment_else_the_user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(fonts.CACHE_ENV, str(tmp_path / "from-env"))
    assert fonts.font_cache_dir(tmp_path / "given") == tmp_path / "given"
    assert fonts.font_cache_dir() == tmp_path / "from-env"
    monkeypatch.delenv(fonts.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert fonts.font_cache_dir() == tmp_path / "xdg" / "openedx-cadre-training" / "fonts"


def test_the_fonts_can_be_built_ahead_of_time_from_the_command_line(tmp_path, monkeypatch, capsys):
    source = _small_cff_font(tmp_path, "证")
    monkeypatch.setattr(fonts, "source_font_path", lambda face="serif": source)

    assert fonts.main(["--cache-dir", str(tmp_path / "cache"), "serif"]) == 0

    printed = capsys.readouterr().out.strip()
    assert printed.startswith(str(tmp_path / "cache")) and printed.endswith(".ttf")


def test_an_unknown_face_is_refused():
    with pytest.raises(ValueError, match="unknown certificate font 'kai'"):
        fonts.source_font_path("kai")
    with pytest.raises(SystemExit):
        fonts.main(["kai"])


def _must_not_convert(source, target):
    raise AssertionError("converted again")


def _small_cff_font(folder, text):
    """The shipped Noto Sans SC (CFF outlines) cut down to ``text``, to convert in a moment."""
    options = subset.Options()
    options.layout_features = []
    font = TTFont(str(fonts.source_font_path("sans")), lazy=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    path = folder / f"small-{len(text)}.otf"
    font.save(str(path))
    return path
