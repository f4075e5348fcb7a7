"""The units of an OLX course archive, each with its components' OLX resolved from their pointer files."""

import tarfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .moodle_xml import SAFE_PARSER

ROOT = "course/"


@dataclass(frozen=True)
class CourseUnit:
    url_name: str
    title: str
    components: tuple  # (block type, the component's OLX element with url_name set) in unit order


def _read(files, path):
    return etree.fromstring(files[path], etree.XMLParser(**SAFE_PARSER)) if path in files else None


def course_units(archive_path: Path) -> list[CourseUnit]:
    """Every vertical in course order, following course.xml → chapters → sequentials → verticals."""
    with tarfile.open(archive_path, mode="r:*") as archive:
        files = {
            member.name.removeprefix(ROOT): archive.extractfile(member).read()
            for member in archive.getmembers()
            if member.isfile() and member.name.endswith((".xml", ".html"))
        }
    pointer = _read(files, "course.xml")
    course = _read(files, f"course/{pointer.get('url_name')}.xml")
    units = []
    for chapter in course.iterfind("chapter"):
        for sequential in _read(files, f"chapter/{chapter.get('url_name')}.xml").iterfind("sequential"):
            for vertical in _read(files, f"sequential/{sequential.get('url_name')}.xml").iterfind("vertical"):
                unit = _read(files, f"vertical/{vertical.get('url_name')}.xml")
                components = []
                for child in unit:
                    element = _read(files, f"{child.tag}/{child.get('url_name')}.xml")
                    if element is None:
                        continue
                    element.set("url_name", child.get("url_name"))
                    if child.tag == "html" and element.get("filename"):
                        element.text = files.get(f"html/{element.get('filename')}.html", b"").decode("utf-8")
                    components.append((child.tag, element))
                units.append(CourseUnit(vertical.get("url_name"), unit.get("display_name", ""), tuple(components)))
    return units
