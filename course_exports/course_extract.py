"""Our blocks found in an exported course archive, their banks and surveys written back out as files."""
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

from question_bank import api as bank_api

from .course_units import SAFE_PARSER, archive_files, read_course
from .errors import InputProblems
from .outline import COMPONENT_TYPES
from .outline_writer import outline_yaml, safe_name

OUTLINE_NAME = "outline.yaml"


class ExtractError(InputProblems):
    """The archive cannot be read."""


@dataclass(frozen=True)
class Extracted:
    filename: str  # written into the output directory
    block_type: str
    url_name: str
    display_name: str
    questions: int  # 0 for surveys


def _our_elements(files: dict[str, bytes]):
    """Our blocks' elements in every XML file of the archive, and the files that are not well-formed XML."""
    found, problems = [], []
    for name, content in files.items():
        if PurePosixPath(name).suffix != ".xml":
            continue
        try:
            root = etree.fromstring(content, etree.XMLParser(**SAFE_PARSER))
        except etree.XMLSyntaxError as exc:
            problems.append(f"{name}: {exc}")
            continue
        found.extend((name, element) for element in root.iter("level_challenge", "demand_survey")
                     if not _is_pointer(element))
    return found, problems


def _is_pointer(element) -> bool:
    """``<level_challenge url_name="x"/>`` in a unit only points at level_challenge/x.xml."""
    return set(element.attrib) == {"url_name"} and len(element) == 0


def extract_course(archive_path: Path, output_dir: Path) -> list[Extracted]:
    """
    Write each level_challenge bank as XLSX, each demand_survey as OLX, and ``outline.yaml``.

    Building that outline gives the same course again (for the components an outline can hold).
    """
    try:
        files = archive_files(archive_path)
    except InputProblems as exc:
        raise ExtractError(exc.problems) from exc
    blocks, problems = _our_elements(files)
    if problems:
        raise ExtractError(problems)
    outputs = []
    for member, element in blocks:
        url_name = safe_name(element.get("url_name") or PurePosixPath(member).stem)
        display_name = element.get("display_name", "")
        if element.tag == "level_challenge":
            questions, found = bank_api.questions_from_element(element)
            problems.extend(f"{member}: {problem}" for problem in found if not problem.skipped)
            outputs.append((Extracted(f"{url_name}.xlsx", "level_challenge", url_name, display_name, len(questions)),
                            lambda questions=questions, name=f"{url_name}.xlsx": bank_api.write_bank(
                                questions, filename=name)[0]))
        else:
            outputs.append((Extracted(f"{url_name}.survey.xml", "demand_survey", url_name, display_name, 0),
                            lambda element=element: etree.tostring(element, encoding="utf-8", pretty_print=True)))
    if problems:
        raise ExtractError(problems)
    try:
        tree = read_course(archive_path, files=files)
    except InputProblems as exc:
        raise ExtractError(exc.problems) from exc
    outline = outline_yaml(tree, component_types=COMPONENT_TYPES).encode("utf-8")
    outputs.append((Extracted(OUTLINE_NAME, "outline", tree.run, tree.display_name, 0), lambda: outline))
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    for extracted, content in outputs:
        (output_dir / extracted.filename).write_bytes(content())
    return [extracted for extracted, _content in outputs]
