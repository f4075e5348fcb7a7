"""
A course outline (YAML): course keys, chapters, sections, units and the components in each unit.

Read into frozen data, with every mistake listed by its path in the outline
(``chapters[1].sections[0].units[2].components[0]: …``) so an author can fix them all at once.
"""
import re
from dataclasses import dataclass, field

import yaml

from .errors import InputProblems
from .i18n import _

KEY_PART = re.compile(r"^[A-Za-z0-9_.\-]+$")
COMPONENT_TYPES = ("video", "html", "level_challenge", "demand_survey")
DIFFICULTIES = ("easy", "medium", "hard")
MAX_OUTLINE_ENTRIES = 200_000  # keys, values and list items, as reading visits them


@dataclass(frozen=True)
class Component:
    type: str  # one of COMPONENT_TYPES
    title: str
    settings: dict = field(default_factory=dict)  # what the outline gave for this type (validated)


@dataclass(frozen=True)
class Unit:
    title: str
    components: tuple[Component, ...]


@dataclass(frozen=True)
class Section:
    title: str
    units: tuple[Unit, ...]


@dataclass(frozen=True)
class Chapter:
    title: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Outline:
    org: str
    number: str
    run: str
    display_name: str
    start: str
    end: str
    chapters: tuple[Chapter, ...]
    language: str = "zh-cn"


class OutlineError(InputProblems):
    """The outline cannot be built."""


def read_outline(text: str) -> Outline:
    """The outline in ``text``, or OutlineError listing every problem."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = _("line {line}").format(line=mark.line + 1) if mark else _("the outline")
        raise OutlineError([_("{where}: not valid YAML ({reason})").format(
            where=where, reason=getattr(exc, "problem", None) or exc)]) from exc
    except RecursionError as exc:  # PyYAML composes nested values recursively: [[[[… 20 KB deep
        raise OutlineError([_("the outline: nested too deeply")]) from exc
    if _expands_beyond(data, MAX_OUTLINE_ENTRIES):
        raise OutlineError([_("the outline: more than {most} entries once its aliases (*name) are expanded").format(
            most=MAX_OUTLINE_ENTRIES)])
    problems = []
    outline = _outline(data, problems)
    if problems:
        raise OutlineError(problems)
    return outline


def _expands_beyond(data, most: int) -> bool:
    """
    Whether the outline holds more than ``most`` entries counted as reading it visits them: YAML
    aliases share one value many times, so a small file can stand for billions (an alias bomb).
    Stops counting at ``most``.
    """
    pending, seen = [data], 0
    while pending:
        value = pending.pop()
        seen += 1
        if seen > most:
            return True
        if isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return False


def _mapping(value, path, problems):
    if not isinstance(value, dict):
        problems.append(_("{path}: expected a mapping of keys to values").format(path=path))
        return {}
    return value


def _list(value, path, problems):
    if not isinstance(value, list) or not value:
        problems.append(_("{path}: expected a non-empty list").format(path=path))
        return []
    return value


def _text(data, key, path, problems, *, required=True):
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.append(_("{path}.{key}: missing").format(path=path, key=key))
        return ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        problems.append(_("{path}.{key}: expected text").format(path=path, key=key))
        return ""
    return str(value).strip()


def _outline(data, problems):
    data = _mapping(data, _("the outline"), problems)
    course = _mapping(data.get("course"), "course", problems)
    keys = {}
    for key in ("org", "number", "run"):
        keys[key] = _text(course, key, "course", problems)
        if keys[key] and not KEY_PART.match(keys[key]):
            problems.append(_("course.{key}: \"{value}\" may hold only letters, digits, _ . and -").format(
                key=key, value=keys[key]))
    chapters = tuple(_chapter(chapter, f"chapters[{index}]", problems)
                     for index, chapter in enumerate(_list(data.get("chapters"), "chapters", problems)))
    start = _text(course, "start", "course", problems, required=False) or "2026-01-01T00:00:00Z"
    end = _text(course, "end", "course", problems, required=False)
    if not end and start[:4].isdigit():
        end = f"{int(start[:4]) + 1}{start[4:]}"  # a year of training unless the outline says otherwise
    return Outline(display_name=_text(course, "display_name", "course", problems), start=start, end=end,
                   language=_text(course, "language", "course", problems, required=False) or "zh-cn",
                   chapters=chapters, **keys)


def _chapter(data, path, problems):
    data = _mapping(data, path, problems)
    sections = tuple(_section(section, f"{path}.sections[{index}]", problems)
                     for index, section in enumerate(_list(data.get("sections"), f"{path}.sections", problems)))
    return Chapter(title=_text(data, "title", path, problems), sections=sections)


def _section(data, path, problems):
    data = _mapping(data, path, problems)
    units = tuple(_unit(unit, f"{path}.units[{index}]", problems)
                  for index, unit in enumerate(_list(data.get("units"), f"{path}.units", problems)))
    return Section(title=_text(data, "title", path, problems), units=units)


def _unit(data, path, problems):
    data = _mapping(data, path, problems)
    components = tuple(_component(component, f"{path}.components[{index}]", problems) for index, component in
                       enumerate(_list(data.get("components"), f"{path}.components", problems)))
    return Unit(title=_text(data, "title", path, problems), components=tuple(c for c in components if c))


def _component(data, path, problems):
    data = _mapping(data, path, problems)
    if not data:
        return None
    types = [key for key in data if key in COMPONENT_TYPES]
    if len(types) != 1:
        problems.append(_("{path}: name exactly one of {types}").format(path=path, types=", ".join(COMPONENT_TYPES)))
        return None
    kind = types[0]
    settings = data[kind]
    if kind == "html" and isinstance(settings, str):
        settings = {"text": settings}
    settings = _mapping(settings if settings is not None else {}, f"{path}.{kind}", problems)
    title = _text(data, "title", path, problems, required=False)
    check = {"video": _video, "html": _html, "level_challenge": _level_challenge, "demand_survey": _survey}[kind]
    check(settings, f"{path}.{kind}", problems)
    return Component(type=kind, title=title, settings=settings)


def _video(settings, path, problems):
    sources = [key for key in ("youtube", "edx_video_id", "url") if settings.get(key)]
    if len(sources) != 1:
        problems.append(_("{path}: give exactly one of youtube, edx_video_id or url").format(path=path))
    youtube = settings.get("youtube")
    if youtube and not re.fullmatch(r"[A-Za-z0-9_\-]{11}", str(youtube)):
        problems.append(_("{path}.youtube: \"{value}\" is not an 11-character YouTube id").format(
            path=path, value=youtube))
    url = settings.get("url")
    if url and not re.match(r"^https?://\S+$", str(url)):
        problems.append(_("{path}.url: \"{value}\" is not an http(s) address").format(path=path, value=url))


def _html(settings, path, problems):
    if not (settings.get("text") or settings.get("file")):
        problems.append(_("{path}: give text or file").format(path=path))


def _level_challenge(settings, path, problems):
    if not settings.get("bank"):
        problems.append(_("{path}.bank: missing (the question bank file)").format(path=path))
    flt = _mapping(settings.get("filter", {}) or {}, f"{path}.filter", problems)
    unknown = set(flt) - {"tags", "difficulty"}
    if unknown:
        problems.append(_("{path}.filter: unknown keys {keys}; use tags and difficulty").format(
            path=path, keys=", ".join(sorted(map(str, unknown)))))
    for difficulty in as_list(flt.get("difficulty")):
        if difficulty not in DIFFICULTIES:
            problems.append(_("{path}.filter.difficulty: \"{value}\" is not easy, medium or hard").format(
                path=path, value=difficulty))
    levels = settings.get("levels", [])
    if not isinstance(levels, list) or not all(isinstance(level, dict) for level in levels):
        problems.append(_("{path}.levels: expected a list of mappings").format(path=path))


def _survey(settings, path, problems):
    """A demand survey: optional attributes, and ``survey``, the OLX file with its questions."""
    if "survey" in settings and not isinstance(settings["survey"], str):
        problems.append(_("{path}.survey: expected the name of a .survey.xml file").format(path=path))


def as_list(value):
    if value is None:
        return []
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]
