"""
Importing offline training and exam credits from a roster file, all or nothing.

Every row is checked before anything is written; any problem rejects the whole file with every
problem listed (row, column, what is wrong). Re-importing a file records nothing new: each row's
idempotency key is the learner, the training and its date.
"""

import hashlib
from dataclasses import replace
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cadre_common import spreadsheets
from cadre_common.chunks import chunked
from cadre_common.column_lengths import length_problem
from cadre_common.dates import parse_day
from cadre_common.problems import RowProblem
from credit_plugin import config
from credit_plugin.ledger.data import NewLedgerEntry, OfflineImportResult, PlannedEntry, SourceKind
from credit_plugin.ledger.models import LedgerEntry
from credit_plugin.ledger.recording import bulk_record_entries
from credit_plugin.ledger.signals import OFFLINE_EXAM_PASSED
from credit_plugin.organisations import api as organisations_api

ALIASES = {
    "name": {"姓名", "name", "full name", "学员姓名"},
    "username": {"用户名", "username", "账号", "登录名", "user"},
    "email": {"邮箱", "email", "e-mail", "电子邮箱", "mail"},
    "employee_number": {"工号", "employee number", "employee no", "employee_number", "职工编号"},
    "training": {"培训名称", "training", "training name", "培训项目", "课程名称", "考试名称"},
    "date": {"培训日期", "date", "training date", "日期", "考试日期"},
    "credits": {"学分", "credits"},
    "hours": {"学时", "hours", "class hours"},
    "score": {"考试成绩", "score", "成绩", "exam score"},
    "passed": {"是否合格", "passed", "合格", "pass"},
}
IDENTIFIERS = ("username", "email", "employee_number")
YES = {"是", "合格", "通过", "yes", "y", "true", "1", "√", "pass", "passed"}
NO = {"否", "不合格", "未通过", "no", "n", "false", "0", "×", "fail", "failed"}
MAX_AMOUNT = Decimal("1000")
EARLIEST = date(2000, 1, 1)


def import_offline_credits(
    *, data: bytes, filename: str, recorded_by: str, dry_run: bool, progress=None
) -> OfflineImportResult:
    """Check the whole file; unless ``dry_run`` or any row is wrong, record every new entry at once."""
    result = plan_import(data=data, filename=filename, recorded_by=recorded_by, progress=progress)
    result = replace(result, dry_run=dry_run)
    if result.errors or dry_run:
        return result
    new = [planned for planned in result.planned if not planned.already_recorded]
    with transaction.atomic():
        recorded = bulk_record_entries(entries=[planned.entry for planned in new]).recorded
        _announce_exams(new)
    return replace(result, recorded=recorded)


class _Plan:
    """What a roster holds, gathered row by row."""

    def __init__(self):
        self.planned, self.skipped, self.errors = [], [], []

    def result(self) -> OfflineImportResult:
        return OfflineImportResult(planned=_marked_already_recorded(self.planned), skipped=tuple(self.skipped),
                                   errors=tuple(self.errors))


def plan_import(*, data, filename, recorded_by, progress=None) -> OfflineImportResult:
    result = _Plan()
    try:
        rows = spreadsheets.read_sheets(data, filename, first_only=True)[0]
    except spreadsheets.UnreadableFile as error:
        result.errors.append(RowProblem(None, "", str(error)))
        return result.result()
    sheet = spreadsheets.find_sheet(rows, spreadsheets.aliases_matcher(ALIASES),
                                    lambda found: len(found) >= 3 and bool(set(IDENTIFIERS) & found))
    if sheet is None:
        result.errors.append(
            RowProblem(
                None,
                "",
                _(
                    "No header row found in the first rows. Expected columns such as 姓名, 用户名 or 邮箱 or 工号, "
                    "培训名称, 培训日期, 学分, 学时."
                ),
            )
        )
        return result.result()
    columns = sheet.columns
    missing = [name for name in ("training", "date", "credits", "hours") if name not in columns]
    if missing:
        labels = {"training": "培训名称", "date": "培训日期", "credits": "学分", "hours": "学时"}
        result.errors.append(
            RowProblem(
                None, "", _("Missing columns: %(columns)s.") % {"columns": ", ".join(labels[name] for name in missing)}
            )
        )
        return result.result()
    learners = _learners(sheet)
    seen = {}
    for number, cells in sheet.rows:
        if progress:
            progress()
        _plan_row(columns, number, cells, learners, seen, recorded_by, result)
    return result.result()


def _learners(sheet) -> dict[str, dict[str, organisations_api.Account]]:
    """Every learner the file names, looked up in one query per identifier column."""
    found = {}
    for identifier in ("username", "email"):
        values = {sheet.columns.value(cells, identifier) for _, cells in sheet.rows} - {""}
        if values:
            found[identifier] = organisations_api.accounts_by(identifier, values)
    numbers = {sheet.columns.value(cells, "employee_number") for _, cells in sheet.rows} - {""}
    if numbers:
        users = organisations_api.users_by_employee_number(numbers)
        accounts = organisations_api.accounts_by("id", users.values())
        found["employee_number"] = {number: accounts[str(user_id)] for number, user_id in users.items()
                                    if str(user_id) in accounts}
    return found


def _plan_row(columns, number, cells, learners, seen, recorded_by, result):
    errors = []

    def problem(field_name, message):
        errors.append(RowProblem(number, columns.label(field_name), message))

    user = _find_learner(columns, cells, learners, problem)
    training = columns.value(cells, "training")
    if not training:
        problem("training", _("the training name is empty"))
    too_long = length_problem(LedgerEntry, "title", training) or length_problem(LedgerEntry, "reference", training)
    if too_long:  # the training is the entry's title and reference: it must fit both columns
        problem("training", too_long)
    day = _parse_day(columns.value(cells, "date"), problem)
    credits = _parse_amount(columns.value(cells, "credits"), "credits", problem)
    hours = _parse_amount(columns.value(cells, "hours"), "hours", problem)
    score = _checked_score(columns.value(cells, "score"), problem)
    passed = _parse_passed(columns.value(cells, "passed"), problem) if "passed" in columns else None
    if errors:
        result.errors.extend(errors)
        return
    fact = (user.id, training, day)
    if fact in seen:
        message = _("repeats row %(row)s (same learner, training and date)") % {"row": seen[fact]}
        result.errors.append(RowProblem(number, columns.label("training"), message))
        return
    seen[fact] = number
    if passed is False:
        result.skipped.append(RowProblem(number, columns.label("passed"), _("not passed: no credits")))
        return
    kind = SourceKind.OFFLINE_EXAM if passed is not None or score else SourceKind.OFFLINE_TRAINING
    result.planned.append(PlannedEntry(
        row=number, username=user.username, full_name=user.name, training=training, day=day, credits=credits,
        hours=hours, source_kind=kind, score=score,
        entry=_entry(user.id, training, day, credits, hours, kind, recorded_by),
    ))


def _checked_score(score: str, problem) -> str:
    if score:
        try:
            if not 0 <= Decimal(score) <= 100:
                problem("score", _("%(value)r is not a score from 0 to 100") % {"value": score})
        except InvalidOperation:
            problem("score", _("%(value)r is not a number") % {"value": score})
    return score


def _entry(user_id, training, day, credits, hours, kind, recorded_by) -> NewLedgerEntry:
    """The entry a roster row records, keyed by learner, training and day: importing it again adds nothing."""
    digest = hashlib.sha256(f"{training}\n{day.isoformat()}".encode()).hexdigest()[:24]
    return NewLedgerEntry(
        user_id=user_id, credits=credits, hours=hours,
        earned_at=datetime.combine(day, time(12), tzinfo=config.credit_time_zone()), source_kind=kind,
        reference=training, title=training, recorded_by=recorded_by, idempotency_key=f"offline:{user_id}:{digest}",
    )


def _find_learner(columns, cells, learners, problem):
    for identifier in IDENTIFIERS:
        value = columns.value(cells, identifier)
        if not value:
            continue
        user = learners.get(identifier, {}).get(value.lower())
        if user is None:
            problem(identifier, _("no learner %(value)r") % {"value": value})
            return None
        name = columns.value(cells, "name")
        if name and user.name and "".join(name.split()) != "".join(user.name.split()):
            problem(
                "name",
                _("%(name)r is not the name of %(value)s (%(real)s)")
                % {"name": name, "value": value, "real": user.name},
            )
        return user
    problem(
        next((i for i in IDENTIFIERS if i in columns), "username"),
        _("no username, e-mail or employee number to identify the learner"),
    )
    return None


def _parse_day(text, problem):
    day = parse_day(text)
    if day is None:
        problem("date", _("%(value)r is not a date (write it as 2026-05-01)") % {"value": text})
        return None
    today = timezone.now().astimezone(config.credit_time_zone()).date()
    if day > today:
        problem("date", _("%(value)s is in the future") % {"value": day.isoformat()})
    elif day < EARLIEST:
        problem("date", _("%(value)s is outside any credit year") % {"value": day.isoformat()})
    return day


def _parse_amount(text, field_name, problem):
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        problem(field_name, _("%(value)r is not a number") % {"value": text})
        return None
    if not value.is_finite() or value < 0:
        problem(field_name, _("%(value)s is negative") % {"value": text})
    elif value > MAX_AMOUNT:
        problem(field_name, _("%(value)s is more than %(max)s") % {"value": text, "max": MAX_AMOUNT})
    return value.quantize(Decimal("0.01")) if value.is_finite() else None


def _parse_passed(text, problem):
    value = text.strip().lower()
    if not value:  # a training row in a sheet that also lists exams
        return None
    if value in YES:
        return True
    if value in NO:
        return False
    problem("passed", _("%(value)r is not 是 or 否") % {"value": text})
    return None


def _marked_already_recorded(planned) -> tuple[PlannedEntry, ...]:
    keys = [item.entry.idempotency_key for item in planned]
    recorded = set()
    for start in range(0, len(keys), 1000):
        recorded.update(
            LedgerEntry.objects.filter(idempotency_key__in=keys[start : start + 1000]).values_list(
                "idempotency_key", flat=True
            )
        )
    return tuple(replace(item, already_recorded=item.entry.idempotency_key in recorded) for item in planned)


def _announce_exams(new):
    exams = [item for item in new if item.source_kind == SourceKind.OFFLINE_EXAM]
    if not exams:
        return
    ids = {key: entry_id for chunk in chunked(item.entry.idempotency_key for item in exams) for key, entry_id in
           LedgerEntry.objects.filter(idempotency_key__in=chunk).values_list("idempotency_key", "id")}

    def send():
        for item in exams:
            OFFLINE_EXAM_PASSED.send(
                sender=LedgerEntry,
                user_id=item.entry.user_id,
                exam_name=item.training,
                exam_date=item.day,
                score=item.score,
                entry_id=ids.get(item.entry.idempotency_key),
            )

    transaction.on_commit(send)
