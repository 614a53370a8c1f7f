"""The rules of a crisis game: pure, replayable, standard library only."""

from .expr import Expr, ExprError, parse
from .model import (
    Calendar, Card, Citation, Effect, End, Ending, Faction, Flag, GlossaryEntry, Meter, Option, Outcome, Queue, Role,
    Scenario, SetFlag, SetMeter, Shift, Source,
)
from .replay import Log, ReplayError, digest, log_of, replay
from .rules import IllegalMove, opening, options, outcome_chances, resolve, start
from .state import (
    CardDrawn, EndingReached, FlagChanged, FollowUpQueued, MeterChanged, OptionChosen, OptionView, OutcomeRolled,
    State, Turn, TurnPassed,
)

__all__ = [
    "Calendar", "Card", "CardDrawn", "Citation", "Effect", "End", "Ending", "EndingReached", "Expr", "ExprError", "Faction",
    "Flag", "FlagChanged", "FollowUpQueued", "GlossaryEntry", "IllegalMove", "Log", "Meter", "MeterChanged",
    "opening", "Option", "OptionChosen", "OptionView", "Outcome", "OutcomeRolled", "Queue", "ReplayError", "Role", "Scenario",
    "SetFlag", "SetMeter", "Shift", "Source", "State", "Turn", "TurnPassed", "digest", "log_of", "options",
    "outcome_chances", "parse", "replay", "resolve", "start",
]
