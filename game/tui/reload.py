"""Playing on after a scenario's files change (`crisis play --scenario PATH --watch`): a worker that watches the
folder and posts what it finds, and the carrying of the current game's choices over to the new content.

The game screen decides what to do with a `ScenarioReloaded` message: with `carried` set, go on from that
state (the same turn); with `why` set, say why the game cannot go on and offer a new game; with `problems`
set (a broken edit), show the validator's located messages and keep playing the last good version."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from threading import Event

from textual.message import Message

from game.engine.model import Scenario
from game.engine.rules import resolve, start
from game.engine.state import State
from game.i18n import _


@dataclass(frozen=True, slots=True)
class Carried:
    """The game replayed on the new content (`state`), or why it cannot be (`why`)."""

    state: State | None
    why: str = ""


def carry_over(old: State, new: Scenario) -> Carried:
    """Replay `old`'s choices on `new` with the same seed: each turn must draw the same card, and each choice
    is the option with the same label. The first place where that fails is the reason, said plainly."""
    before = old.scenario
    if new.two_sided != before.two_sided:
        return Carried(None, _("the scenario's format changed (from {old} to {new})").format(
            old=before.format, new=new.format))
    if new.two_sided and new.order != before.order:
        return Carried(None, _("the roles or their turn order changed (was {old}; now {new})").format(
            old=", ".join(before.order), new=", ".join(new.order) or _("none")))
    role = None if before.two_sided else old.role
    if role is not None and role not in {r.id for r in new.roles}:
        return Carried(None, _("role '{role}' is no longer in the scenario").format(role=role))
    ids = {c.id for c in new.cards}
    try:
        was, now = start(before, role, old.seed), start(new, role, old.seed)
        for choice in old.choices:
            card = was.current_card
            if now.over:
                return Carried(None, _("with the new content the game ends on turn {turn} ({ending}), before the"
                                       " turn you were on").format(turn=now.turn, ending=new.ending(now.ending).title))
            if card.id not in ids:
                return Carried(None, _("card '{card}' (turn {turn}) is no longer in the scenario").format(
                    card=card.id, turn=was.turn))
            if now.current_card.id != card.id:
                said = (_("on turn {turn} {role} now draws '{new}', where the game drew '{old}'") if before.two_sided
                        else _("on turn {turn} now draws '{new}', where the game drew '{old}'"))
                return Carried(None, said.format(turn=was.turn, role=was.role, new=now.current_card.id, old=card.id))
            label = card.options[choice].label
            index = next((k for k, o in enumerate(now.current_card.options) if o.label == label), None)
            if index is None:
                return Carried(None, _("card '{card}' no longer has the option '{option}' chosen on turn {turn}").format(
                    card=card.id, option=label, turn=was.turn))
            was, now = resolve(was, choice).state, resolve(now, index).state
    except ValueError as err:  # an option no longer available, a role that cannot act: the engine says which
        return Carried(None, _("the game's moves do not replay on the new content: {error}").format(error=err))
    return Carried(now)


class ScenarioReloaded(Message):
    """The scenario's files changed: the new scenario (None when it has errors) and what the checks found."""

    def __init__(self, scenario: Scenario | None, problems: list | None = None) -> None:
        super().__init__()
        self.scenario = scenario
        self.problems = list(problems or ())


def watch_scenario(target, folder: str | Path, stop: Event) -> None:
    """Run in a thread worker: post a ScenarioReloaded to `target` (a screen) each time the folder changes."""
    from game.scenario import check
    from game.scenario.translations import player_language, translated
    from game.scenario.watch import changes

    for _changed in changes(folder, stop):
        report = check(folder)
        shown = translated(report.scenario, player_language(), folder) if report.ok else None  # as it was shown
        target.post_message(ScenarioReloaded(shown,
                                             report.errors if not report.ok else report.problems))
