"""
Importing a bank file into the block's bank, the way the author chose: add its new questions, also
update the questions whose ids match, or replace the whole bank. First a preview (what will be added,
changed, removed, which levels' part of the bank changes, what the levels could no longer draw), then
the same import confirmed: all or nothing, refused while a level could not draw its questions, and
refused when the bank changed since the preview. Pure functions; the block applies a plan.
"""
import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext_noop as _  # marked here, translated by the block's i18n service

from cadre_common.spreadsheets import SheetSpec, xlsx_bytes
from question_bank import api as bank_api
from xblocks.level_challenge import level_form
from xblocks.level_challenge.bank import BankIndex

MODES = ("add", "update", "replace")
IMPORT_TEXT = {
    "no_file": _("Choose a bank file to import."),
    "bad_mode": _("Choose how to import: add, update or replace."),
    "stale": _("The bank changed since the preview. Preview the import again."),
    "preview": _("Preview: {added} added, {changed} changed, {removed} removed, {unchanged} unchanged; "
                 "the bank will hold {total} questions. Nothing is saved yet."),
    "imported": _("Imported: {added} added, {changed} changed, {removed} removed; the bank holds {total} questions."),
    "levels_affected": _("Levels whose questions change: {levels}."),
    "no_level_affected": _("No level's questions change."),
    "open_attempts_unknown": _("A learner with an open attempt holding a changed or removed question finds it "
                               "closed when they come back; it does not count against their attempts."),
    "blocked": _("Not imported: with this bank, a level could not draw its questions."),
}
TEMPLATE_NAME = "题库导入模板.xlsx"
TEMPLATE_INSTRUCTIONS = (
    ("填写说明",),
    ("每行一道题；第一行是列名，请勿修改。",),
    ("题型：单选、多选或判断。",),
    ("选项A–选项H：单选、多选题至少两个选项；判断题不填选项。",),
    ("答案：单选写一个字母，如 B；多选写多个字母，如 ABD 或 A、B、D；判断写 对 或 错。",),
    ("难度：易、中、难（不填为中）。",),
    ("知识点：一个或多个标签，用分号分隔；关卡按标签抽题。",),
    ("编号：可不填，导入时按题目内容生成；要“更新编号相同的题目”时请保留导出文件中的编号。",),
    ("导入方式：添加（只加入新题目）、更新（同时更新编号相同的题目）、替换（整个题库换成文件中的题目）。",),
)


@dataclass(frozen=True)
class ImportPlan:
    mode: str
    questions: tuple  # the bank after the import, in order
    added: int
    changed: int
    removed: int
    unchanged: int  # of the file's questions: already in the bank as they are (or kept, adding)


def plan_import(current, incoming, mode: str) -> ImportPlan:
    """The bank after importing ``incoming`` into ``current`` in ``mode``, with what changes."""
    by_id = {question.id: question for question in current}
    seen, new = set(), []
    for question in incoming:  # a file naming an id twice: its first question counts
        if question.id not in seen:
            seen.add(question.id)
            new.append(question)
    incoming_by_id = {question.id: question for question in new}
    added = [question for question in new if question.id not in by_id]
    if mode == "add":
        questions = (*current, *added)
        changed, removed = 0, 0
    elif mode == "update":
        questions = (*(incoming_by_id.get(question.id, question) for question in current), *added)
        changed = sum(1 for question in current if question.id in incoming_by_id
                      and incoming_by_id[question.id] != question)
        removed = 0
    else:
        questions = tuple(new)
        changed = sum(1 for question in new if question.id in by_id and by_id[question.id] != question)
        removed = sum(1 for question in current if question.id not in incoming_by_id)
    unchanged = len(new) - len(added) - changed
    return ImportPlan(mode=mode, questions=questions, added=len(added), changed=changed, removed=removed,
                      unchanged=unchanged)


def _pool_of(level, index: BankIndex) -> dict:
    return {question.id: question for question in index.pool(level.tags)}


def affected_levels(levels, before: BankIndex, after: BankIndex) -> list[int]:
    """The levels (from 0) whose part of the bank is not the same questions after the import."""
    return [number for number, level in enumerate(levels) if _pool_of(level, before) != _pool_of(level, after)]


def import_report(plan: ImportPlan, levels, before: BankIndex, *, translate) -> dict:
    """What the author sees before confirming (and after): counts, levels affected, what the levels would lack."""
    after = BankIndex.of(plan.questions)
    affected = affected_levels(levels, before, after)
    problems = level_form.form_problems([level.to_dict() for level in levels], after, translate=translate)
    counts = {"added": plan.added, "changed": plan.changed, "removed": plan.removed, "unchanged": plan.unchanged,
              "total": len(plan.questions)}
    names = "、".join(translate(_("Level {number}")).format(number=number + 1) + f"（{levels[number].title}）"
                     for number in affected)
    lines = [translate(IMPORT_TEXT["levels_affected"]).format(levels=names) if affected
             else translate(IMPORT_TEXT["no_level_affected"])]
    if plan.changed or plan.removed:
        lines.append(translate(IMPORT_TEXT["open_attempts_unknown"]))
    return {"mode": plan.mode, **counts, "levels_affected": affected, "notes": lines,
            "fields": [problem.to_dict() for problem in problems],
            "summary": translate(IMPORT_TEXT["preview"]).format(**counts),
            "bank_version": "", "saved": False}


def template_workbook(examples) -> bytes:
    """The import template: the bank's sheet with Chinese headers and example questions, and how to fill it in."""
    csv_text = bank_api.write_bank(examples, filename="template.csv")[0].decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(csv_text)))
    return xlsx_bytes([
        SheetSpec(title="题库", rows=rows, bold_rows=frozenset({1}), widths=(14, 8, 40, 16, 16, 16, 16)),
        SheetSpec(title="填写说明", rows=TEMPLATE_INSTRUCTIONS, heading_rows=frozenset({1}), widths=(90,)),
    ])
