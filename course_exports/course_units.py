"""An OLX course archive read back as its tree: course keys, chapters, sections, units and resolved components."""
import tarfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

from cadre_common import json_input

from .errors import InputProblems
from .i18n import _

ROOT = "course/"
READ_SUFFIXES = (".xml", ".html", ".json")
# A course archive from Studio is a few MB with a few thousand files; beyond these it is refused.
MAX_ARCHIVE_BYTES = 200 * 1024 * 1024  # unpacked, all members together (streamed through, not kept)
MAX_TEXT_BYTES = 32 * 1024 * 1024  # the XML, HTML and JSON files, which are kept in memory to be read
MAX_ARCHIVE_MEMBERS = 20_000
# Course archives come from people: no entities, no DTD, no network, no huge trees.
SAFE_PARSER = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


@dataclass(frozen=True)
class CourseUnit:
    url_name: str
    title: str
    components: tuple  # (block type, the component's OLX element with url_name set) in unit order


@dataclass(frozen=True)
class CourseTree:
    org: str
    number: str
    run: str
    display_name: str
    language: str
    policy: dict  # the course's entry in policies/<run>/policy.json (start, end, …)
    chapters: tuple  # ((chapter title, ((section title, (CourseUnit, …)), …)), …)


def _read(files, path):
    return etree.fromstring(files[path], etree.XMLParser(**SAFE_PARSER)) if path in files else None


def _children(files, element, tag):
    for child in element.iterfind(tag):
        resolved = _read(files, f"{tag}/{child.get('url_name')}.xml")
        if resolved is not None:
            yield child.get("url_name"), resolved


def _unit(files, url_name, vertical) -> CourseUnit:
    components = []
    for child in vertical:
        element = _read(files, f"{child.tag}/{child.get('url_name')}.xml")
        if element is None:
            continue
        element.set("url_name", child.get("url_name"))
        if child.tag == "html" and element.get("filename"):
            element.text = files.get(f"html/{element.get('filename')}.html", b"").decode("utf-8")
        components.append((child.tag, element))
    return CourseUnit(url_name, vertical.get("display_name", ""), tuple(components))


def _member_problem(member: tarfile.TarInfo) -> str | None:
    """Why an archive member is refused (None when it may be read): links, devices, names that climb out."""
    name = member.name.replace("\\", "/")
    if member.issym() or member.islnk():
        return _("{name}: a link; a course archive holds only files and folders").format(name=member.name)
    if not (member.isfile() or member.isdir()):
        return _("{name}: neither a file nor a folder").format(name=member.name)
    if name.startswith("/") or PurePosixPath(name).is_absolute() or ".." in PurePosixPath(name).parts or (
            len(name) > 1 and name[1] == ":"):
        return _("{name}: a path outside the archive's folder").format(name=member.name)
    return None


def archive_files(archive_path: Path, *, suffixes=READ_SUFFIXES) -> dict[str, bytes]:
    """
    The files of a course archive ending in ``suffixes`` (name in the archive → content), read in
    bounded memory: at most ``MAX_ARCHIVE_MEMBERS`` members, ``MAX_ARCHIVE_BYTES`` unpacked in all
    (a compression bomb stops at the limit) and ``MAX_TEXT_BYTES`` of files kept; a link, a device
    or a name with ``..`` or an absolute path refuses the whole archive. InputProblems says what is wrong.
    """
    files, total, kept, members = {}, 0, 0, 0
    try:
        with tarfile.open(archive_path, mode="r:*") as archive:
            for member in archive:  # one member at a time, never the whole listing at once
                members += 1
                if members > MAX_ARCHIVE_MEMBERS:
                    raise InputProblems([_("{file}: more than {most} files; not a course archive this tool "
                                           "reads").format(file=archive_path, most=MAX_ARCHIVE_MEMBERS)])
                problem = _member_problem(member)
                if problem:
                    raise InputProblems([f"{archive_path}: {problem}"])
                total += member.size if member.isfile() else 0
                if total > MAX_ARCHIVE_BYTES:
                    raise InputProblems([_("{file}: unpacks to more than {most} MB; not a course archive this "
                                           "tool reads").format(file=archive_path, most=MAX_ARCHIVE_BYTES // 2**20)])
                if member.isfile() and member.name.endswith(suffixes):
                    kept += member.size
                    if kept > MAX_TEXT_BYTES:
                        raise InputProblems([_("{file}: its XML, HTML and JSON files come to more than {most} MB; "
                                               "not a course archive this tool reads").format(
                                                   file=archive_path, most=MAX_TEXT_BYTES // 2**20)])
                    files[member.name] = archive.extractfile(member).read(member.size)
    except (OSError, tarfile.TarError, EOFError, zlib.error) as exc:
        raise InputProblems([_("{file}: not a readable course archive ({reason})").format(
            file=archive_path, reason=exc)]) from exc
    return files


def read_course(archive_path: Path, *, files: dict[str, bytes] | None = None) -> CourseTree:
    """
    The course in an archive, following course.xml → chapters → sequentials → verticals
    (``files``: the archive's files as ``archive_files`` read them, when they are at hand).
    """
    files = {name.removeprefix(ROOT): content for name, content in (
        archive_files(archive_path) if files is None else files).items()}
    try:
        pointer = _read(files, "course.xml")
        run = pointer.get("url_name") if pointer is not None else None
        course = _read(files, f"course/{run}.xml")
        policy = json_input.loads(files.get(f"policies/{run}/policy.json", b"{}")).get(f"course/{run}", {})
    except (etree.XMLSyntaxError, ValueError, AttributeError) as exc:
        raise InputProblems([_("{file}: not an OLX course ({reason})").format(file=archive_path, reason=exc)]) from exc
    if course is None:
        raise InputProblems([_("{file}: not an OLX course (no course/course.xml and its course file)").format(
            file=archive_path)])
    chapters = tuple(
        (chapter.get("display_name", ""), tuple(
            (section.get("display_name", ""), tuple(_unit(files, name, vertical)
                                                    for name, vertical in _children(files, section, "vertical")))
            for _name, section in _children(files, chapter, "sequential")))
        for _name, chapter in _children(files, course, "chapter"))
    return CourseTree(org=pointer.get("org", ""), number=pointer.get("course", ""), run=run,
                      display_name=course.get("display_name", ""), language=course.get("language", ""),
                      policy=policy, chapters=chapters)


def course_units(archive_path: Path) -> list[CourseUnit]:
    """Every unit (vertical) of the archive's course, in course order."""
    tree = read_course(archive_path)
    return [unit for _title, sections in tree.chapters for _section, units in sections for unit in units]
