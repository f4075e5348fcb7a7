"""
Importing the topic catalogue from XLSX or CSV: one row per topic, or per topic and linked course
or unit. All or nothing: every problem is listed with its row and column and nothing is written
while any remains; ``dry_run`` only checks. The file is read through the suite's one spreadsheet
reader, so a broken or oversized file is a problem to list, never a crash.

Columns (Chinese or English headers, title rows above them allowed): 代码/code, 名称/name,
说明/description, 启用/active, 课程或单元/resource key, 资源标题/resource title, 链接/url.
"""
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey, UsageKey

from cadre_common import spreadsheets
from cadre_common.chunks import chunked
from cadre_common.column_lengths import length_problem
from cadre_common.problems import RowProblem
from survey_plugin.catalogue import is_safe_link
from survey_plugin.data import CatalogueImportResult
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
REQUIRED = {"code", "name"}
# The column each field is stored in: its length is checked against the model's, in the dry run too.
COLUMN_OF = {"code": (Topic, "code"), "name": (Topic, "name"), "key": (TopicResource, "key"),
             "title": (TopicResource, "title"), "url": (TopicResource, "url")}
NO = {"否", "no", "false", "0", "停用"}


def import_topic_catalogue(*, data: bytes, filename: str, dry_run: bool = False) -> CatalogueImportResult:
    """Create or update the topics and their linked courses and units of the file, or list what is wrong."""
    try:
        rows = spreadsheets.read_sheets(data, filename, first_only=True)[0]
    except spreadsheets.UnreadableFile as error:
        return CatalogueImportResult(problems=(RowProblem(row=None, column="", message=str(error)),))
    sheet = spreadsheets.find_sheet(rows, spreadsheets.aliases_matcher(COLUMNS), REQUIRED.issubset)
    if sheet is None:
        message = _("No header row with the columns 代码 (code) and 名称 (name).")
        return CatalogueImportResult(problems=(RowProblem(row=None, column="", message=message),))
    topics: dict[str, dict] = {}
    resources: dict[tuple[str, str], dict] = {}
    problems = []
    for number, cells in sheet.rows:
        values = {field: sheet.columns.value(cells, field) for field in COLUMNS}
        for field, message in _row_problems(values, topics, resources):
            column = sheet.columns.label(field) if field in sheet.columns else COLUMNS[field][0]
            problems.append(RowProblem(row=number, column=column, message=message))
    checked = CatalogueImportResult(topics=len(topics), resources=len(resources), problems=tuple(problems))
    if problems or dry_run:
        return checked
    _write(topics, resources)
    return CatalogueImportResult(topics=len(topics), resources=len(resources), written=True)


def _row_problems(cells: dict, topics: dict, resources: dict) -> list[tuple[str, str]]:
    """Check one row, adding its topic and resource to ``topics`` and ``resources``; (field, message) each."""
    found = [(field, problem) for field, (model, column) in COLUMN_OF.items()
             for problem in [length_problem(model, column, cells[field])] if problem]
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
    topics.setdefault(code, {"name": name, "description": cells["description"],
                             "active": cells["active"].lower() not in NO})
    key = cells["key"]
    if key:
        key_problem = _key_problem(key)
        if key_problem:
            found.append(("key", key_problem))
        if not cells["title"]:
            found.append(("title", _("a linked course or unit needs a title")))
        if cells["url"] and not is_safe_link(cells["url"]):
            found.append(("url", _("%(url)r: a link is an http:// or https:// address or a path on this site "
                                   "starting with /") % {"url": cells["url"][:80]}))
        if (code, key) in resources:
            found.append(("key", _("this course or unit is linked to %(code)s twice") % {"code": code}))
        resources[(code, key)] = {"title": cells["title"], "url": cells["url"]}
    return found


def _key_problem(key: str) -> str | None:
    for parser in (CourseKey.from_string, UsageKey.from_string):
        try:
            parser(key)
            return None
        except InvalidKeyError:
            continue
    return _("%(key)r is neither a course key nor a unit's usage key") % {"key": key}


def _write(topics: dict[str, dict], resources: dict[tuple[str, str], dict]) -> None:
    with transaction.atomic():
        for code, values in topics.items():
            Topic.objects.update_or_create(code=code, defaults=values)
        by_code = {topic.code: topic for chunk in chunked(topics) for topic in Topic.objects.filter(code__in=chunk)}
        for (code, key), values in resources.items():
            TopicResource.objects.update_or_create(topic=by_code[code], key=key, defaults=values)
