"""The scenario format as pydantic models: the shape of every section, checked and turned into a schema."""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Literal, Union

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, PlainValidator,
                      StringConstraints, Tag, WithJsonSchema)

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
SCENARIO_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
SOURCE_ID_PATTERN = r"^[A-Za-z0-9_.-]+$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
# A reference is plain text here: whether it names something is checked later, with "did you mean".
Ref = str


def _date(value: object) -> _dt.date:
    if isinstance(value, _dt.datetime):
        raise ValueError("expected a date (YYYY-MM-DD) without a time")
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"'{value}' is not a valid date; write YYYY-MM-DD") from None
    raise ValueError("expected a date, YYYY-MM-DD")


Day = Annotated[_dt.date, PlainValidator(_date),
                WithJsonSchema({"type": "string", "format": "date", "description": "a date, YYYY-MM-DD"})]


def _free_date(value: object) -> object:
    # An unquoted 2019-01-24 arrives as a date, 2019 as a number: a source's date is free text.
    if isinstance(value, _dt.date) or (isinstance(value, int) and not isinstance(value, bool)):
        return value.isoformat() if isinstance(value, _dt.date) else str(value)
    return value


def _number_kind(value: object) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return "number"
    return "expression" if isinstance(value, str) else None


NumberOrExpr = Annotated[
    Union[Annotated[float, Tag("number")], Annotated[str, Tag("expression")]],
    Discriminator(_number_kind, custom_error_type="number_or_expression",
                  custom_error_message="expected a number or an expression in quotes"),
]


class Strict(BaseModel):
    """Unknown keys are errors, and no silent conversions ("5" is not 5)."""

    model_config = ConfigDict(extra="forbid", strict=True)


# Structured conditions: each form its own model, picked by its key.
class MeterTest(Strict):
    meter: Ref = Field(description="a meter id, or turn")
    gt: float | None = Field(None, description="holds when the meter is greater than this")
    gte: float | None = Field(None, description="holds when the meter is at least this")
    lt: float | None = Field(None, description="holds when the meter is less than this")
    lte: float | None = Field(None, description="holds when the meter is at most this")
    eq: float | None = Field(None, description="holds when the meter equals this")
    ne: float | None = Field(None, description="holds when the meter is not this")


class FlagTest(Strict):
    flag: Ref = Field(description="holds when this flag is set")


class NotTest(Strict):
    not_: Condition = Field(alias="not", description="holds when the condition does not")


class AllTest(Strict):
    all_: list[Condition] = Field(alias="all", min_length=1, description="holds when every condition holds")


class AnyTest(Strict):
    any_: list[Condition] = Field(alias="any", min_length=1, description="holds when any condition holds")


CONDITION_KEYS = ("meter", "flag", "not", "all", "any")


def _condition_kind(value: object) -> str | None:
    if isinstance(value, str):
        return "expression"
    if isinstance(value, dict):
        return next((f"{key} test" for key in CONDITION_KEYS if key in value), None)
    return None


Condition = Annotated[
    Union[Annotated[str, Tag("expression")], Annotated[MeterTest, Tag("meter test")],
          Annotated[FlagTest, Tag("flag test")], Annotated[NotTest, Tag("not test")],
          Annotated[AllTest, Tag("all test")], Annotated[AnyTest, Tag("any test")]],
    Discriminator(_condition_kind, custom_error_type="unknown_condition",
                  custom_error_message="a condition is an expression in quotes, or a mapping with one of"
                                       " meter, flag, not, all, any"),
]


# Effects: each kind its own model, picked by its key, so a mistake gets one precise message.
class ShiftEffect(Strict):
    shift: Ref = Field(description="the meter to change")
    by: int = Field(description="how much to add (negative to subtract); the result is clamped")


class SetEffect(Strict):
    set_: Ref = Field(alias="set", description="the meter to set")
    to: int = Field(description="the new value, within the meter's range")


class FlagEffect(Strict):
    flag: Ref = Field(description="the flag to set")


class ClearEffect(Strict):
    clear: Ref = Field(description="the flag to clear")


class QueueEffect(Strict):
    queue: Ref = Field(description="the card that comes up later, ahead of the deck")
    after: int = Field(1, ge=1, description="in how many turns (default 1)")


class EndEffect(Strict):
    end: Ref = Field(description="the ending the game reaches once this outcome's effects apply")


EFFECT_KEYS = ("shift", "set", "flag", "clear", "queue", "end")


def _effect_kind(value: object) -> str | None:
    if isinstance(value, dict):
        return next((f"{key} effect" for key in EFFECT_KEYS if key in value), None)
    return None


Effect = Annotated[
    Union[Annotated[ShiftEffect, Tag("shift effect")], Annotated[SetEffect, Tag("set effect")],
          Annotated[FlagEffect, Tag("flag effect")], Annotated[ClearEffect, Tag("clear effect")],
          Annotated[QueueEffect, Tag("queue effect")], Annotated[EndEffect, Tag("end effect")]],
    Discriminator(_effect_kind, custom_error_type="unknown_effect",
                  custom_error_message="unknown effect: expected one of " + ", ".join(EFFECT_KEYS)),
]


class Citation(Strict):
    id: Ref = Field(description="a source id from the manifest's sources")
    note: str = Field("", description="what this source supports")


def _citation_kind(value: object) -> str | None:
    return "source id" if isinstance(value, str) else "citation" if isinstance(value, dict) else None


CitationRef = Annotated[
    Union[Annotated[Ref, Tag("source id")], Annotated[Citation, Tag("citation")]],
    Discriminator(_citation_kind, custom_error_type="citation",
                  custom_error_message="a citation is a source id, or {id: ..., note: ...}"),
]
Citations = list[CitationRef]


class Outcome(Strict):
    chance: NumberOrExpr | None = Field(None, description="0 to 1, or an expression; leave it out on"
                                                          " one outcome to give it what the others leave")
    text: str = Field(description="what the player reads when this happens")
    effects: list[Effect] = Field([], description="applied in order")


class Option(Strict):
    label: str = Field(description="the choice, as the player sees it")
    when: Condition | None = Field(None, description="the option is greyed out unless this holds")
    unavailable: str = Field("", description="why the option is greyed out")
    historical: bool = Field(False, description="what really happened")
    outcomes: list[Outcome] | None = Field(None, min_length=1, max_length=4,
                                           description="1 to 4 possible results; or give text and effects")
    text: str | None = Field(None, description="for a certain result: what the player reads")
    effects: list[Effect] | None = Field(None, description="for a certain result: applied in order")


class Card(Strict):
    id: Id = Field(description="unique card id")
    title: str = Field(description="the card's heading")
    text: str = Field(description="what the player reads")
    roles: list[Ref] | None = Field(None, description="the roles that may draw it (default: all)")
    when: Condition | None = Field(None, description="the card is drawn only while this holds")
    weight: NumberOrExpr | None = Field(None, description="how likely against other cards (default 1);"
                                                          " 0: only as a follow-up")
    from_: Day | None = Field(None, alias="from", description="first date it may be drawn")
    until: Day | None = Field(None, description="last date it may be drawn")
    once: bool = Field(True, description="drawn at most once per game")
    cooldown: int = Field(0, ge=0, description="with once: false, turns before it may come again")
    tags: list[str] = Field([], description="free words for filtering and reports")
    sources: Citations = Field([], description="source ids, or {id, note}")
    historical: bool = Field(False, description="did this happen?")
    note: str = Field("", description="the reasoning behind the odds, for teachers")
    options: list[Option] = Field(min_length=1, max_length=5, description="1 to 5 options")


class Ending(Strict):
    id: Id = Field(description="unique ending id")
    title: str = Field(description="the ending's heading")
    text: str = Field(description="what the player reads")
    when: Condition | None = Field(None, description="checked after every turn; without it, reached"
                                                     " only by an end effect or the calendar")
    priority: int = Field(0, description="checked highest first (ties: file order)")
    results: dict[Ref, Literal["win", "loss", "draw"]] = Field(description="win, loss or draw for every role")
    history: str = Field("", description="what happened in reality")
    sources: Citations = Field([], description="source ids, or {id, note}")


class Meter(Strict):
    id: Id = Field(description="unique meter id, used in expressions")
    label: str = Field(description="the meter's name on screen")
    short: str | None = Field(None, max_length=16, description="a shorter name (at most 16 characters) shown"
                                                                " when the screen is too narrow for the label")
    description: str = Field(description="one line")
    min: int = Field(0, description="lowest value (default 0)")
    max: int = Field(100, description="highest value (default 100)")
    start: int = Field(description="value at the start of a game")
    start_by_role: dict[Ref, int] = Field({}, description="{role_id: value}: a role's own start value")


class Faction(Strict):
    id: Id = Field(description="unique faction id")
    name: str = Field(description="the faction's name")
    description: str = Field(description="one line")
    meters: list[Ref] = Field(description="meter ids that belong to this faction")


class Flag(Strict):
    id: Id = Field(description="unique flag id; test it as flag.ID")
    description: str = Field(description="what it means when set")


class GlossaryEntry(Strict):
    id: Id = Field(description="unique entry id")
    name: str = Field(description="the name shown")
    kind: str = Field("", description="person, institution, place, ...")
    description: str = Field(description="who or what it is")
    sources: Citations = Field([], description="source ids, or {id, note}")


class Source(Strict):
    id: Annotated[str, StringConstraints(pattern=SOURCE_ID_PATTERN, max_length=64)] = Field(
        description="unique source id: letters, digits, _ - .")
    outlet: str = Field(description="who published it")
    date: Annotated[str, BeforeValidator(_free_date)] = Field(description="free text: 2019-01-24, January 2019")
    summary: str = Field(description="one line, in your own words")
    title: str = Field("", description="the document's title")
    url: str = Field("", description="where to read it")


class Role(Strict):
    id: Id = Field(description="unique role id")
    name: str = Field(description="the role's name")
    title: str = Field("", description="a line under the name")
    briefing: str = Field(description="what the player is told at the start")
    goals: list[Ref] = Field(min_length=1, description="the endings this role wins with")
    score: str | None = Field(None, description="an expression bots playing this role try to raise")


class Calendar(Strict):
    start: Day = Field(description="the date of turn 1")
    days_per_turn: int = Field(7, ge=1, description="days per turn (default 7)")
    max_turns: int = Field(ge=1, description="the number of turns")
    timeout: Ref = Field(description="the ending reached when the last turn passes with no other")


class ContentFile(Strict):
    """A scenario file other than the manifest: any of the content sections."""

    meters: list[Meter] = Field([], description="the numbers the game is about")
    factions: list[Faction] = Field([], description="who the meters belong to")
    flags: list[Flag] = Field([], description="facts that become true during a game")
    cards: list[Card] = Field([], description="the events the player meets, one per turn")
    endings: list[Ending] = Field([], description="how a game can end")
    glossary: list[GlossaryEntry] = Field([], description="the who's who")


class Manifest(ContentFile):
    """scenario.yaml: what the scenario is, its sources, calendar and roles (and any content)."""

    format: Literal[1] = Field(description="the version of the scenario format: 1")
    id: Annotated[str, StringConstraints(pattern=SCENARIO_ID_PATTERN, max_length=64)] = Field(
        description="the scenario's id: lower-case letters, digits and -")
    title: str = Field(description="shown when the player picks a scenario")
    version: str = Field(description="the scenario's own version, as text")
    description: str = Field(description="a paragraph for the scenario picker")
    authors: list[str] = Field(min_length=1, description="a list of names")
    licence: str = Field(description="e.g. CC-BY-4.0")
    languages: list[str] = Field(["en"], description="language codes (default [en])")
    sources: list[Source] = Field([], description="the documents the scenario draws on")
    calendar: Calendar = Field(description="start, days_per_turn, max_turns, timeout")
    roles: list[Role] = Field(description="at least two playable roles")


SECTIONS = {"meters": Meter, "factions": Faction, "flags": Flag, "cards": Card, "endings": Ending,
            "glossary": GlossaryEntry, "sources": Source, "roles": Role}
MANIFEST_KEYS = tuple(k for k in Manifest.model_fields if k not in ContentFile.model_fields)
TAGS: dict[str, object] = {
    "number": float, "expression": str, "source id": str, "citation": Citation,
    "meter test": MeterTest, "flag test": FlagTest, "not test": NotTest, "all test": AllTest,
    "any test": AnyTest, "shift effect": ShiftEffect, "set effect": SetEffect, "flag effect": FlagEffect,
    "clear effect": ClearEffect, "queue effect": QueueEffect, "end effect": EndEffect,
}
for _model in (NotTest, AllTest, AnyTest):
    _model.model_rebuild()
