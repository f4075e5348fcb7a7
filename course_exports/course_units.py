"""An OLX course archive read back as its tree: course keys, chapters, sections, units and resolved components."""
import json
import tarfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .errors import InputProblems
from .i18n import _

ROOT = "course/"
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


def read_course(archive_path: Path) -> CourseTree:
    """The course in an archive, following course.xml → chapters → sequentials → verticals."""
    with tarfile.open(archive_path, mode="r:*") as archive:
        files = {member.name.removeprefix(ROOT): archive.extractfile(member).read()
                 for member in archive.getmembers()
                 if member.isfile() and member.name.endswith((".xml", ".html", ".json"))}
    try:
        pointer = _read(files, "course.xml")
        run = pointer.get("url_name") if pointer is not None else None
        course = _read(files, f"course/{run}.xml")
        policy = json.loads(files.get(f"policies/{run}/policy.json", b"{}")).get(f"course/{run}", {})
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
