"""
An outline and its bank files turned into a course archive in OLX (course/ in a .tar.gz) for Studio.

Everything is checked before anything is written: a bad outline or bank raises BuildError with
every problem, and the archive appears only when complete.
"""
import errno
import gzip
import io
import json
import os
import struct
import tarfile
import tempfile
import zlib
from pathlib import Path

from lxml import etree

from question_bank import api as bank_api
from xblocks.demand_survey import olx as survey_olx
from xblocks.demand_survey.questions import survey_problems
from xblocks.level_challenge.olx import level_from_attributes

from .course_units import SAFE_PARSER
from .errors import InputProblems
from .i18n import _
from .outline import OutlineError, as_list, read_outline

# Each file an outline names (and the outline itself) is read whole; beyond this it is refused unread.
MAX_FILE_BYTES = 20 * 1024 * 1024
ADVANCED_MODULES = ["level_challenge", "demand_survey"]
COURSE_IMAGE = "images_course_image.png"
GRADER = {"type": "闯关测验", "short_label": "闯关", "min_count": 1, "drop_count": 0, "weight": 1.0}


def course_image_png(width: int = 378, height: int = 225) -> bytes:
    """A plain course card image (Studio requires one), drawn without any image library."""
    row = b"\x00" + bytes((178, 34, 34)) * width  # 中国红, one filter byte per row
    chunks = [(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)),
              (b"IDAT", zlib.compress(row * height, 9)), (b"IEND", b"")]
    return b"\x89PNG\r\n\x1a\n" + b"".join(
        struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body)) for tag, body in chunks)


class BuildError(InputProblems):
    """The course cannot be built."""


def _filtered(questions, settings):
    flt = settings.get("filter") or {}
    tags, difficulties = set(as_list(flt.get("tags"))), set(as_list(flt.get("difficulty")))
    return [q for q in questions if (not tags or tags & set(q.tags)) and
            (not difficulties or q.difficulty.value in difficulties)]


def _read_below(base: Path, name, *, most: int) -> bytes:
    """
    The file ``name`` names, relative to the outline's folder ``base`` and below it only: an absolute
    path, ``..`` or a link out of the folder raises OSError, as does a file over ``most`` bytes.
    """
    folder = base.resolve()
    if "\0" in str(name):
        raise OSError(errno.EINVAL, _("not a file name"))
    path = (folder / str(name)).resolve()
    if not path.is_relative_to(folder) or Path(str(name)).is_absolute():
        raise OSError(errno.EACCES, _("outside the outline's folder; name files below it"))
    if path.stat().st_size > most:
        raise OSError(errno.EFBIG, _("larger than {most} MB").format(most=most // 2**20))
    return path.read_bytes()


def _load_banks(outline, base: Path):
    """Every bank the outline names, read once; BuildError lists every file's problems."""
    banks, problems = {}, []
    for chapter in outline.chapters:
        for section in chapter.sections:
            for unit in section.units:
                for component in unit.components:
                    if component.type != "level_challenge" or component.settings["bank"] in banks:
                        continue
                    name = str(component.settings["bank"])
                    path = base / name
                    try:
                        data = _read_below(base, name, most=MAX_FILE_BYTES)
                    except OSError as exc:
                        problems.append(_("{file}: cannot be read ({reason})").format(file=name, reason=exc.strerror))
                        continue
                    questions, found = bank_api.read_bank(data, filename=path.name)
                    errors = [problem for problem in found if not problem.skipped]
                    problems.extend(f"{name}: {problem}" for problem in errors)
                    banks[name] = questions
    return banks, problems


def _xml(element) -> bytes:
    return etree.tostring(element, encoding="utf-8", pretty_print=True)


def course_files(outline, banks, base: Path) -> dict[str, bytes]:
    """Archive path (under course/) → content, for the whole course."""
    files, problems = {}, []
    run = outline.run
    course = etree.Element("course", url_name=run, org=outline.org, course=outline.number)
    files["course.xml"] = _xml(course)
    root = etree.Element("course", display_name=outline.display_name, language=outline.language)
    for c_index, chapter in enumerate(outline.chapters, start=1):
        chapter_name = f"c{c_index}"
        etree.SubElement(root, "chapter", url_name=chapter_name)
        chapter_xml = etree.Element("chapter", display_name=chapter.title)
        for s_index, section in enumerate(chapter.sections, start=1):
            section_name = f"{chapter_name}s{s_index}"
            etree.SubElement(chapter_xml, "sequential", url_name=section_name)
            section_xml = etree.Element("sequential", display_name=section.title)
            for u_index, unit in enumerate(section.units, start=1):
                unit_name = f"{section_name}u{u_index}"
                etree.SubElement(section_xml, "vertical", url_name=unit_name)
                unit_xml = etree.Element("vertical", display_name=unit.title)
                for k_index, component in enumerate(unit.components, start=1):
                    name = f"{unit_name}_{component.type}{k_index}"
                    etree.SubElement(unit_xml, component.type, url_name=name)
                    files.update(_component_files(component, name, banks, base, problems))
                files[f"vertical/{unit_name}.xml"] = _xml(unit_xml)
            files[f"sequential/{section_name}.xml"] = _xml(section_xml)
        files[f"chapter/{chapter_name}.xml"] = _xml(chapter_xml)
    files[f"course/{run}.xml"] = _xml(root)
    policy = {f"course/{run}": {"start": outline.start, "end": outline.end, "course_image": COURSE_IMAGE,
                                "advanced_modules": ADVANCED_MODULES}}
    files[f"policies/{run}/policy.json"] = json.dumps(policy, ensure_ascii=False, indent=2).encode("utf-8")
    files[f"policies/{run}/grading_policy.json"] = json.dumps(
        {"GRADER": [GRADER], "GRADE_CUTOFFS": {"Pass": 0.6}}, ensure_ascii=False, indent=2).encode("utf-8")
    files[f"static/{COURSE_IMAGE}"] = course_image_png()
    if problems:
        raise BuildError(problems)
    return files


def _component_files(component, name, banks, base, problems):
    settings, title = component.settings, component.title
    if component.type == "video":
        element = etree.Element("video", display_name=title or _("Video"))
        if settings.get("youtube"):
            youtube = str(settings["youtube"])
            element.set("youtube", f"1.00:{youtube}")
            element.set("youtube_id_1_0", youtube)
        elif settings.get("edx_video_id"):
            element.set("edx_video_id", str(settings["edx_video_id"]))
        else:
            element.set("html5_sources", json.dumps([str(settings["url"])]))
            etree.SubElement(element, "source", src=str(settings["url"]))
        return {f"video/{name}.xml": _xml(element)}
    if component.type == "html":
        text = settings.get("text")
        if not text:
            try:
                text = _read_below(base, settings["file"], most=MAX_FILE_BYTES).decode("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(_("{file}: cannot be read ({reason})").format(
                    file=settings["file"], reason=getattr(exc, "strerror", None) or exc))
                text = ""
        element = etree.Element("html", filename=name, display_name=title or _("Text"))
        return {f"html/{name}.xml": _xml(element), f"html/{name}.html": str(text).encode("utf-8")}
    if component.type == "level_challenge":
        questions = _filtered(banks.get(str(settings["bank"]), []), settings)
        if not questions:
            problems.append(_("{name}: the filter leaves no questions from {bank}").format(
                name=title or name, bank=settings["bank"]))
        levels = settings.get("levels") or ()
        for number, level in enumerate(levels, start=1):  # as Studio's import will read them: count: 1e999 is refused
            try:
                level_from_attributes({key: str(value) for key, value in level.items()}, number=number)
            except ValueError as exc:
                problems.append(f"{title or name}: {exc}")
        element = bank_api.level_challenge_element(questions, display_name=title, levels=levels)
        return {f"level_challenge/{name}.xml": _xml(element)}
    element = _survey_element(settings, base, problems, title or name)
    if title:
        element.set("display_name", title)
    return {f"demand_survey/{name}.xml": _xml(element)}


def _survey_element(settings, base, problems, name):
    """A <demand_survey>: its questions from the ``survey`` OLX file when given, other settings as attributes."""
    attributes = {key: str(value) for key, value in settings.items() if key != "survey"}
    if not settings.get("survey"):
        return etree.Element("demand_survey", attributes)
    try:
        element = etree.fromstring(_read_below(base, settings["survey"], most=MAX_FILE_BYTES),
                                   parser=etree.XMLParser(**SAFE_PARSER))
    except (OSError, etree.XMLSyntaxError) as exc:
        problems.append(_("{file}: cannot be read ({reason})").format(
            file=settings["survey"], reason=getattr(exc, "strerror", None) or exc))
        return etree.Element("demand_survey", attributes)
    if element.tag != "demand_survey":
        problems.append(_("{file}: the root element is <{tag}>, not <demand_survey>").format(
            file=settings["survey"], tag=element.tag))
        return etree.Element("demand_survey", attributes)
    try:
        _intro, questions = survey_olx.read_children(element)
        problems.extend(f"{name}: {problem}" for problem in survey_problems(questions))
    except ValueError as exc:
        problems.append(_("{file}: {reason}").format(file=settings["survey"], reason=exc))
    element.attrib.pop("url_name", None)
    for key, value in attributes.items():
        element.set(key, value)
    return element


def archive_bytes(files: dict[str, bytes]) -> bytes:
    """A .tar.gz with every file under course/, in a fixed order and with fixed times (reproducible)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", fileobj=buffer, mode="wb", compresslevel=6, mtime=0) as compressed, \
            tarfile.open(fileobj=compressed, mode="w") as archive:
        for path in sorted(files):
            info = tarfile.TarInfo(f"course/{path}")
            info.size, info.mtime, info.mode = len(files[path]), 0, 0o644
            archive.addfile(info, io.BytesIO(files[path]))
    return buffer.getvalue()


def build_course(outline_path: Path, output: Path) -> dict[str, bytes]:
    """Build ``output`` from the outline at ``outline_path`` (banks relative to it); BuildError otherwise."""
    try:
        outline_file = Path(outline_path)
        outline = read_outline(_read_below(outline_file.parent, outline_file.name, most=MAX_FILE_BYTES).decode("utf-8"))
    except OSError as exc:
        raise BuildError([_("{file}: cannot be read ({reason})").format(file=outline_path, reason=exc.strerror)]) \
            from exc
    except UnicodeDecodeError as exc:
        raise BuildError([_("{file}: not UTF-8 text").format(file=outline_path)]) from exc
    except OutlineError as exc:
        raise BuildError([f"{outline_path}: {problem}" for problem in exc.problems]) from exc
    base = Path(outline_path).parent
    banks, problems = _load_banks(outline, base)
    if problems:
        raise BuildError(problems)
    files = course_files(outline, banks, base)
    data = archive_bytes(files)
    output = Path(output)
    handle, temporary = tempfile.mkstemp(dir=output.parent or ".", prefix=".cadre-course-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    os.replace(temporary, output)
    return files
