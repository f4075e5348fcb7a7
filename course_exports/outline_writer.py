"""A course archive's tree written back as an outline, so that extract → edit in Excel → build closes the loop."""
import re

import yaml

from .course_units import CourseTree

OLX_ONLY = ("url_name", "display_name")


def safe_name(url_name: str) -> str:
    """A url_name as a file name inside the output directory (never a path)."""
    return re.sub(r"[^\w\-]", "_", url_name) or "_"


def _component(block_type, element) -> dict:
    title = element.get("display_name", "")
    if block_type == "video":
        source = element.find("source")
        if element.get("youtube_id_1_0"):
            settings = {"youtube": element.get("youtube_id_1_0")}
        elif element.get("edx_video_id"):
            settings = {"edx_video_id": element.get("edx_video_id")}
        else:
            settings = {"url": source.get("src", "") if source is not None else ""}
    elif block_type == "html":
        settings = {"text": element.text or ""}
    elif block_type == "level_challenge":
        settings = {"bank": f"{safe_name(element.get('url_name', ''))}.xlsx"}
        levels = [{key: int(value) if value.isdigit() else value for key, value in level.attrib.items()}
                  for level in element.iterfind("level")]
        if levels:
            settings["levels"] = levels
    else:
        settings = {key: value for key, value in element.attrib.items() if key not in OLX_ONLY}
        if len(element):  # its questions travel in the .survey.xml file extract writes beside the outline
            settings = {"survey": f"{safe_name(element.get('url_name', ''))}.survey.xml"}
    component = {block_type: settings}
    if title:
        component["title"] = title
    return component


def outline_yaml(tree: CourseTree, *, component_types) -> str:
    """The outline YAML that rebuilds ``tree`` (components of other types are left out)."""
    course = {"org": tree.org, "number": tree.number, "run": tree.run, "display_name": tree.display_name}
    for key in ("start", "end"):
        if tree.policy.get(key):
            course[key] = tree.policy[key]
    if tree.language:
        course["language"] = tree.language
    chapters = [{"title": title, "sections": [
        {"title": section_title, "units": [
            {"title": unit.title, "components": [_component(block_type, element) for block_type, element
                                                  in unit.components if block_type in component_types]}
            for unit in units]}
        for section_title, units in sections]} for title, sections in tree.chapters]
    return yaml.safe_dump({"course": course, "chapters": chapters}, allow_unicode=True, sort_keys=False, width=100)
