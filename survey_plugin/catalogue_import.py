"""
Importing the topic catalogue from XLSX or CSV: one row per topic, or per topic and linked course
or unit. All or nothing: every problem is listed with its row and column and nothing is written
while any remains; ``dry_run`` only checks.

Columns (Chinese or English headers): 代码/code, 名称/name, 说明/description, 启用/active,
课程或单元/resource key, 资源标题/resource title, 链接/url.
"""
import csv
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey, UsageKey
from openpyxl import load_workbook

from survey_plugin.models import Topic, TopicResource

COLUMNS = {
    "code": ("代码", "code", "主题代码"),
    "name": ("名称", "name", "主题名称"),
    "description": ("说明", "description"),
    "active": ("启用", "active"),
    "key": ("课程或单元", "resource key", "resource", "课程"),
    "title": ("资源标题", "resource title", "title"),
    "url": ("链接", "url"),
}
REQUIRED = ("code", "name")
NO = {"否", "no", "false", "0", "停用"}


@dataclass(frozen=True)
class CatalogueProblem:
    row: int
    column: str
    message: str

    def __str__(self):
        return _("row %(row)s, column %(column)s: %(message)s") % {
            "row": self.row, "column": self.column, "message": self.message}


@dataclass
class CatalogueImportResult:
    topics: int = 0
    resources: int = 0
    problems: list[CatalogueProblem] = field(default_factory=list)
    written: bool = False


def read_rows(data: bytes, filename: str) -> list[list[str]]:
    """Rows of cells as text; CSV in UTF-8 (with or without BOM) or GB18030."""
    if filename.lower().endswith((".xlsx", ".xlsm")):
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        return [["" if cell is None else str(cell).strip() for cell in row]
                for row in sheet.iter_rows(values_only=True)]
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValueError(_("The file is neither UTF-8 nor GB18030 text."))
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]


def _header(rows) -> tuple[int, dict[str, int]]:
    """The first row naming the required columns (title rows above it are skipped)."""
    for number, row in enumerate(rows):
        lowered = [cell.lower() for cell in row]
        found = {name: lowered.index(alias.lower()) for name, aliases in COLUMNS.items()
                 for alias in aliases if alias.lower() in lowered}
        if all(name in found for name in REQUIRED):
            return number, found
    return -1, {}


def _key_problem(key: str) -> str | None:
    for parser in (CourseKey.from_string, UsageKey.from_string):
        try:
            parser(key)
            return None
        except InvalidKeyError:
            continue
    return _("%(key)r is neither a course key nor a unit's usage key") % {"key": key}


def _row_problems(cells: dict, topics: dict, resources: dict) -> list[tuple[str, str]]:
    """Check one row, adding its topic and resource to ``topics`` and ``resources``; (column, message) each."""
    found = []
    code, name = cells["code"], cells["name"]
    if not code:
        return [("code", _("the topic code is empty"))]
    if slugify(code, allow_unicode=True) != code:
        found.append(("code", _("%(code)r: use letters, digits and hyphens only") % {"code": code}))
    if not name:
        found.append(("name", _("the topic name is empty")))
    elif code in topics and topics[code]["name"] != name:
        found.append(("name", _("%(code)s was named %(first)r in an earlier row") % {
            "code": code, "first": topics[code]["name"]}))
    topics.setdefault(code, {"name": name, "description": cells.get("description", ""),
                             "active": cells.get("active", "").lower() not in NO})
    key = cells.get("key")
    if key:
        key_problem = _key_problem(key)
        if key_problem:
            found.append(("key", key_problem))
        if not cells.get("title"):
            found.append(("title", _("a linked course or unit needs a title")))
        if (code, key) in resources:
            found.append(("key", _("this course or unit is linked to %(code)s twice") % {"code": code}))
        resources[(code, key)] = {"title": cells.get("title", ""), "url": cells.get("url", "")}
    return found


def import_topic_catalogue(data: bytes, filename: str, *, dry_run: bool = False) -> CatalogueImportResult:
    result = CatalogueImportResult()
    try:
        rows = read_rows(data, filename)
    except (ValueError, OSError, KeyError) as error:
        result.problems.append(CatalogueProblem(0, "-", str(error) or _("The file could not be read.")))
        return result
    start, columns = _header(rows)
    if start < 0:
        message = _("No header row with the columns 代码 (code) and 名称 (name).")
        result.problems.append(CatalogueProblem(1, "-", message))
        return result
    headers = rows[start]
    topics: dict[str, dict] = {}
    resources: dict[tuple[str, str], dict] = {}
    for number, row in enumerate(rows[start + 1:], start=start + 2):
        cells = {name: row[index] if index < len(row) else "" for name, index in columns.items()}
        if any(cells.values()):
            for name, message in _row_problems(cells, topics, resources):
                column = headers[columns[name]] if name in columns else headers[columns["key"]]
                result.problems.append(CatalogueProblem(number, column, message))
    result.topics, result.resources = len(topics), len(resources)
    if result.problems or dry_run:
        return result
    with transaction.atomic():
        for code, values in topics.items():
            Topic.objects.update_or_create(code=code, defaults=values)
        by_code = {topic.code: topic for topic in Topic.objects.filter(code__in=topics)}
        for (code, key), values in resources.items():
            TopicResource.objects.update_or_create(topic=by_code[code], key=key, defaults=values)
    result.written = True
    return result
