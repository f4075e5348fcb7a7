"""
Leaderboards as rows: each learner's best in each competition, and the ranking read from them.

Every write is a short statement of its own, so concurrent writers never hold two locks and
never wait on each other in a cycle: an UPDATE that only improves a row, after, for a learner's
first standing, an INSERT that ignores a row a concurrent writer inserted first. Learners
finishing together each get their row; of two writes for one learner, the better stays whatever
their order.
"""
from collections.abc import Mapping

from django.db.models import Q
from django.utils import timezone

from credit_plugin.competitions.data import Leaderboard, Standing
from credit_plugin.competitions.models import LeaderboardRow
from credit_plugin.organisations import api as organisations_api

_ORDER = ("-points", "seconds", "user_id")


def _organisation_code(user_id: int) -> str:
    profile = organisations_api.cadre_profile(user_id=user_id)
    return profile.organisation_code if profile else ""


def record_standing(*, competition_key: str, user_id: int, points: int, seconds: int) -> None:
    """Keep ``points`` in ``seconds`` as the learner's standing if it is better: more points, or less time."""
    organisation_code = _organisation_code(user_id)
    mine = LeaderboardRow.objects.filter(competition_key=competition_key, user_id=user_id)
    recorded = mine.values_list("points", "seconds", "organisation_code").first()
    if recorded is not None and (recorded[0], -recorded[1]) >= (points, -seconds):
        # Rows only improve, so what is recorded now is at least as good as what was read.
        if recorded[2] != organisation_code:
            mine.update(organisation_code=organisation_code)
        return
    better = Q(points__lt=points) | Q(points=points, seconds__gt=seconds)
    values = {"points": points, "seconds": seconds, "organisation_code": organisation_code,
              "updated_at": timezone.now()}
    if recorded is None:
        LeaderboardRow.objects.bulk_create(
            [LeaderboardRow(competition_key=competition_key, user_id=user_id, **values)], ignore_conflicts=True)
    mine.filter(better).update(**values)  # a no-op when the insert above was this write, or a better one won


def import_standings(*, competition_key: str, standings: Mapping[int, tuple[int, int]]) -> int:
    """
    Standings kept before this table ({user id: (points, seconds)}), each recorded as above: importing
    them twice, or while learners submit, changes nothing that is better. Returns how many were recorded.
    """
    known = organisations_api.names_of(list(standings))  # an entry of a deleted account is left out
    for user_id, (points, seconds) in standings.items():
        if user_id in known:
            record_standing(competition_key=competition_key, user_id=user_id, points=points, seconds=seconds)
    return len(known)


def leaderboard(*, competition_key: str, user_id: int | None, limit: int = 20) -> Leaderboard:
    """The top ``limit`` standings and the asking learner's own, ranked by points, then less time."""
    rows = LeaderboardRow.objects.filter(competition_key=competition_key)
    fields = ("user_id", "points", "seconds", "organisation_code")
    top = list(rows.order_by(*_ORDER).values_list(*fields)[:limit])
    mine = next((row for row in top if row[0] == user_id), None)
    my_rank = next((rank for rank, row in enumerate(top, start=1) if row[0] == user_id), None)
    if mine is None and user_id is not None:
        mine = rows.filter(user_id=user_id).values_list(*fields).first()
        if mine is not None:
            _, points, seconds, _ = mine
            ahead = Q(points__gt=points) | Q(points=points, seconds__lt=seconds) | Q(
                points=points, seconds=seconds, user_id__lt=user_id)
            my_rank = rows.filter(ahead).count() + 1
    names = organisations_api.names_of([row[0] for row in top] + ([mine[0]] if mine else []))

    def standing(rank, row):
        return Standing(rank=rank, user_id=row[0], full_name=names.get(row[0], ""), points=row[1], seconds=row[2],
                        organisation_code=row[3])

    return Leaderboard(
        rows=tuple(standing(rank, row) for rank, row in enumerate(top, start=1)),
        me=standing(my_rank, mine) if mine else None,
        total=rows.count(),
    )
