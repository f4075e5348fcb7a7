"""
The competition leaderboard as the learner sees it: the plugin's rows (points first, then less
time), names shown as the author chooses, and the standings blocks kept before those rows.
"""
from cadre_common.masking import mask_name
from credit_plugin import api as credit_api


def shown_board(board: credit_api.Leaderboard, *, me: int | None, names: str) -> dict:
    """The rows and the asking learner's own rank; others' names full, masked (王*纲) or hidden."""
    def row(standing: credit_api.Standing) -> dict:
        mine = standing.user_id == me
        name = standing.full_name if mine else {
            "full": standing.full_name, "masked": mask_name(standing.full_name), "hidden": ""}.get(names, "")
        return {"rank": standing.rank, "name": name, "points": standing.points, "seconds": standing.seconds,
                "me": mine}

    return {"rows": [row(standing) for standing in board.rows], "me": row(board.me) if board.me else None,
            "total": board.total}


def legacy_standings(standings: dict) -> dict[int, tuple[int, int]]:
    """
    {user id: (points, seconds)} from the dict blocks kept in ``user_state_summary`` before the
    leaderboard became rows; entries that are not a learner's id and two whole numbers are left out.
    """
    found = {}
    for key, entry in (standings or {}).items():
        try:
            user_id, points, seconds = int(key), entry["points"], entry["seconds"]
        except (TypeError, ValueError, KeyError):
            continue
        if all(isinstance(value, int) and not isinstance(value, bool) and value >= 0 for value in (points, seconds)):
            found[user_id] = (points, seconds)
    return found
