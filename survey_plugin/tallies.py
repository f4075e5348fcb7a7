"""
A survey's running tallies: what a response adds (or, when replaced, takes away), written in one
statement rather than one per option, because every learner's submit waits on it.

The increment is an upsert (``INSERT … ON CONFLICT / ON DUPLICATE KEY UPDATE count = count + …``),
which the ORM cannot express; the SQL is here and nowhere else.
"""
from collections import Counter

from django.db import connection

from survey_plugin.models import Tally

TEXT_ANSWERED = ""  # the option of a free-text question's row: how many answered it
RESPONSES = ("", "")  # the question id and option of the row that counts the survey's responses


def counted(answers) -> Counter:
    """{(question id, option, "count" or "rank"): amount} that ``answers`` add to the tallies."""
    counts: Counter = Counter()
    for answer in answers:
        if answer.text:
            counts[answer.question_id, TEXT_ANSWERED, "count"] += 1
            continue
        options = [str(answer.rating)] if answer.rating is not None else list(answer.choices)
        for position, option in enumerate(options, start=1):
            counts[answer.question_id, option, "count"] += 1
            counts[answer.question_id, option, "rank"] += position if answer.ranked else 0
    return counts


def apply(*, survey_id: int, added, removed=(), new_response: bool) -> None:
    """
    Add ``added`` answers to the tallies (and one to the responses, for a ``new_response``) and
    take ``removed`` ones away (a replaced response). Options a replaced response keeps cost
    nothing; new ones go in one upsert; the rest, which exist because they were counted before,
    are lowered in one update.
    """
    change = counted(added)
    change.subtract(counted(removed))
    if new_response:
        change[(*RESPONSES, "count")] += 1
    rows = {}
    for (question_id, option, what), amount in change.items():
        rows.setdefault((question_id, option), {"count": 0, "rank": 0})[what] = amount
    rising = sorted(key for key, row in rows.items() if row["count"] >= 0 and row["rank"] >= 0 and any(row.values()))
    falling = sorted(key for key, row in rows.items() if row["count"] < 0 or row["rank"] < 0)
    if rising:
        _upsert(survey_id, [(*key, rows[key]["count"], rows[key]["rank"]) for key in rising])
    if falling:
        _lower(survey_id, [(key, rows[key]) for key in falling])


def _upsert(survey_id: int, rows: list[tuple[str, str, int, int]]) -> None:
    quote = connection.ops.quote_name
    table = quote(Tally._meta.db_table)
    survey, question, option, count, rank = _columns()
    if connection.vendor == "mysql":
        on_conflict = (f"ON DUPLICATE KEY UPDATE {count} = {count} + VALUES({count}), "
                       f"{rank} = {rank} + VALUES({rank})")
    else:  # SQLite and PostgreSQL
        on_conflict = (f"ON CONFLICT ({survey}, {question}, {option}) DO UPDATE SET "
                       f"{count} = {table}.{count} + excluded.{count}, {rank} = {table}.{rank} + excluded.{rank}")
    columns = f"{survey}, {question}, {option}, {count}, {rank}"
    placeholders = ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows))
    parameters = [value for row in rows for value in (survey_id, *row)]
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({columns}) VALUES {placeholders} {on_conflict}", parameters)


def _lower(survey_id: int, rows: list[tuple[tuple[str, str], dict]]) -> None:
    """Each row's own amounts in one UPDATE, a CASE per column (the ORM's Case took longer to build than to run)."""
    quote = connection.ops.quote_name
    table = quote(Tally._meta.db_table)
    survey, question, option, count, rank = _columns()
    match = f"{question} = %s AND {option} = %s"
    whens = " ".join([f"WHEN {match} THEN %s"] * len(rows))
    keys = [value for (question_id, option_value), _amounts in rows for value in (question_id, option_value)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {count} = {count} + CASE {whens} ELSE 0 END, "
            f"{rank} = {rank} + CASE {whens} ELSE 0 END "
            f"WHERE {survey} = %s AND ({' OR '.join([f'({match})'] * len(rows))})",
            [value for key, amounts in rows for value in (*key, amounts["count"])]
            + [value for key, amounts in rows for value in (*key, amounts["rank"])]
            + [survey_id, *keys],
        )


def _columns() -> tuple[str, ...]:
    """The quoted columns: survey, question, option, count, rank total."""
    return tuple(
        connection.ops.quote_name(Tally._meta.get_field(name).column)
        for name in ("survey", "question_id", "option", "count", "rank_total")
    )
