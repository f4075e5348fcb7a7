"""The demo course built by `cadre-course build` from course_exports' example outline, shown as workbench units."""

import functools
import logging
from html import escape
from pathlib import Path

import nh3
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree
from workbench.scenarios import SCENARIOS, add_xml_scenario, get_scenarios

import course_exports
from course_exports.api import BuildError, build_course, course_units
from credit_plugin.api import credit_year
from devhost import demo_roster

log = logging.getLogger(__name__)
OUTLINE = Path(course_exports.__file__).parent / "examples" / "demo_outline.yaml"
SCENARIO_PREFIX = "cadre_demo.built_"
OUR_BLOCKS = ("level_challenge", "demand_survey")


def core_component_as_workbench_xml(block_type: str, element) -> str:
    """
    The LMS's own HTML and video components as the workbench's ``html_demo`` (the SDK has neither).

    Used only to show a course built by course_exports in the devhost; our blocks go in unchanged.
    """
    if block_type == "html":
        return f"<html_demo><div>{nh3.clean(element.text or '')}</div></html_demo>"
    youtube, source = element.get("youtube_id_1_0"), element.find("source")
    title = escape(element.get("display_name", ""))
    if element.get("edx_video_id"):  # the platform's video pipeline serves it; the devhost has none
        note = escape(_("This video comes from the platform's video pipeline (edx_video_id %(id)s); "
                        "the devhost shows its place only.") % {"id": element.get("edx_video_id")})
        return f"<html_demo><p class='video-stand-in'>▶ {title}：{note}</p></html_demo>"
    link = escape(f"https://www.youtube.com/watch?v={youtube}" if youtube else (
        source.get("src", "") if source is not None else ""))
    return f"<html_demo><p class='video-stand-in'>▶ {title}: <a href='{link}'>{link}</a></p></html_demo>"


def unit_scenario_xml(unit) -> str:
    """One built unit as a workbench scenario: our blocks as exported, LMS components as stand-ins."""
    parts = []
    for block_type, element in unit.components:
        if block_type in OUR_BLOCKS:
            element.attrib.pop("url_name", None)  # the workbench names its own usages
            parts.append(etree.tostring(element, encoding="unicode"))
        else:
            parts.append(core_component_as_workbench_xml(block_type, element))
    return "<vertical_demo>" + "".join(parts) + "</vertical_demo>"


DOWNLOADS = {  # what an author downloads from the home page: the example inputs and the course they build
    "demo_bank.xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", OUTLINE.parent),
    "demo_outline.yaml": ("application/yaml; charset=utf-8", OUTLINE.parent),
    "built_demo_course.tar.gz": ("application/gzip", None),
    # An administrator's download: the offline roster that completes 王小纲's year (devhost/demo_roster.py).
    "offline_roster.xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", None),
    "offline_roster.csv": ("text/csv; charset=utf-8", None),
}


def download_path(name: str) -> Path:
    """Where a file from DOWNLOADS is (the built course is built on first use, the roster for this year)."""
    if name in demo_roster.NAMES:
        folder = Path(settings.VAR_DIR) / "demo_data"
        demo_roster.write_demo_roster(folder, credit_year(timezone.now()))
        return folder / name
    directory = DOWNLOADS[name][1]
    if directory is None:
        directory = Path(settings.VAR_DIR)
        demo_course_scenarios()
    return directory / name


@functools.cache
def demo_course_scenarios() -> tuple[tuple[str, str, str], ...]:
    """The demo course's unit scenarios, built once per process (the workbench may be reset many times)."""
    return tuple(built_course_scenarios())


def built_course_scenarios(archive: Path | None = None) -> list[tuple[str, str, str]]:
    """(scenario id, description, XML) for every unit of the built demo course."""
    if archive is None:
        archive = Path(settings.VAR_DIR) / "built_demo_course.tar.gz"
        build_course(OUTLINE, archive)
    return [
        (f"{SCENARIO_PREFIX}{unit.url_name}", unit.title, unit_scenario_xml(unit))
        for unit in course_units(archive)
    ]


def ensure_built_course_scenarios():
    """Add the built course's units to the workbench once per process; a unit that fails is logged, not fatal."""
    get_scenarios()
    if any(scenario_id.startswith(SCENARIO_PREFIX) for scenario_id in SCENARIOS):
        return
    try:
        scenarios = demo_course_scenarios()
    except (BuildError, OSError):
        log.exception("Cannot build the demo course from %s", OUTLINE)
        return
    for scenario_id, description, xml in scenarios:
        try:
            add_xml_scenario(scenario_id, description, xml)
        except Exception:  # a block that cannot parse its OLX yet must not take the devhost down  # noqa: BLE001
            log.exception("Cannot load built unit %s", scenario_id)
