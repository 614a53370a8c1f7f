"""What the teacher page shows: a row per game, live from the class's records."""

from __future__ import annotations

import datetime as dt

from .records import Records
from .scenarios import scenario_for

MAIN_METERS = 4


def teacher_rows(records: Records) -> tuple[list[dict], list[dict]]:
    """Every game, newest first, with names ready to show, and the meters to show as columns."""
    games = records.games()
    meters: list[dict] = []
    for g in games:
        sc = scenario_for(g["scenario"])
        role = sc.role(g["role"]) if sc is not None and g["role"] in {r.id for r in sc.roles} else None
        g["role_name"] = role.name if role else g["role"]
        g["updated_local"] = _local(g["updated"])
        g["opponent_text"] = g["opponent_name"] or ("classmate (not yet joined)" if g["room"] else g["opponent"])
        for m in (sc.meters if sc else [{"id": k} for k in g["meters"]]):
            mid = m.id if sc else m["id"]
            if len(meters) < MAIN_METERS and mid not in {x["id"] for x in meters}:
                meters.append({"id": mid, "label": m.label if sc else mid})
    games.reverse()
    return games, meters


def _local(stamp: str) -> str:
    """A UTC time from the records as the teacher's clock shows it."""
    try:
        return dt.datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return stamp
