"""What the teacher page shows: a row per game, live from the class's records."""

from __future__ import annotations

import datetime as dt

from game.i18n import _

from .records import Records
from .scenarios import scenario_for

MAIN_METERS = 4
NAME_ROOM = 20
"""The columns a main meter's name has in the teacher's table, four to a cell: within it a meter goes by its label,
beyond it by its short name, by the rule the game's meter panel names it by (panel_name)."""


def teacher_rows(records: Records) -> list[dict]:
    """Every game, newest first, with names ready to show and its scenario's main meters as (name, value)."""
    from game.tui.views import panel_name  # here: the report takes MAIN_METERS from this module, and no screen's code

    games = records.games()
    for g in games:
        sc = scenario_for(g["scenario"])
        roles = {r.id: r.name for r in sc.roles} if sc else {}
        g["role_name"] = roles.get(g["role"], g["role"])
        g["opponent_text"] = g["opponent_name"] or (_("classmate (not yet joined)") if g["room"] else g["opponent"])
        labels = ([(m.id, panel_name(m.label, m.short, NAME_ROOM)) for m in sc.meters] if sc
                  else [(k, k) for k in g["meters"]])
        g["main_meters"] = [(label, g["meters"][mid]) for mid, label in labels[:MAIN_METERS] if mid in g["meters"]]
        g["updated_local"] = _local(g["updated"])
    games.reverse()
    return games


def _local(stamp: str) -> str:
    """A UTC time from the records as the teacher's clock shows it."""
    try:
        return dt.datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return stamp
