"""The competition leaderboard: points first, then less time; names shown as the author chooses."""

from cadre_common.masking import mask_name


def ranking(standings: dict, *, me: str, names: str, limit: int = 20) -> dict:
    """The top ``limit`` rows and the asking learner's own rank."""
    ordered = sorted(standings.items(), key=lambda item: (-item[1]["points"], item[1]["seconds"], item[0]))

    def shown(user_key, row):
        if user_key == me:
            return row["name"]
        return {"full": row["name"], "masked": mask_name(row["name"]), "hidden": ""}.get(names, "")

    rows = [{"rank": rank, "name": shown(user_key, row), "points": row["points"], "seconds": row["seconds"],
             "me": user_key == me} for rank, (user_key, row) in enumerate(ordered, start=1)]
    mine = next((row for row in rows if row["me"]), None)
    return {"rows": rows[:limit], "me": mine, "total": len(rows)}
