"""The scenario format as pydantic models: the shape of every section, checked and turned into a schema."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Discriminator, Field, StringConstraints, Tag

from game.i18n import N_, _

from .effect_models import EFFECT_KEYS, EFFECT_MODELS, EFFECT_TAGS, EffectEntry
from .effect_models import ClearEffect, EndEffect, FlagEffect, QueueEffect, SetEffect, ShiftEffect
from .fields import (CONDITION_KEYS, CONDITION_TAGS, ID_PATTERN, SCENARIO_ID_PATTERN, SOURCE_ID_PATTERN,
                     VALUE_TAGS, AllTest, AnyTest, Condition, Day, FlagTest, Happened, Id, MeterTest, NotTest,
                     FreeText, NumberOrExpr, Ref, RoleText, Strict, WholeOrExpr, forms, only_in, since)

__all__ = ["AllTest", "AnyTest", "CONDITION_KEYS", "ClearEffect", "Condition", "EFFECT_KEYS", "EFFECT_MODELS",
           "EndEffect", "FlagEffect", "FlagTest", "ID_PATTERN", "MeterTest", "NotTest", "NumberOrExpr",
           "QueueEffect", "SCENARIO_ID_PATTERN", "SOURCE_ID_PATTERN", "SetEffect", "ShiftEffect", "WholeOrExpr"]

# Effects: each kind its own model (effect_models.py), picked by its key, so a mistake gets one precise message.
Effect = EffectEntry


class Citation(Strict):
    id: Ref = Field(description="a source id from the manifest's sources")
    note: str = Field("", description="what this source supports")


def _citation_kind(value: object) -> str | None:
    return "source id" if isinstance(value, str) else "citation" if isinstance(value, dict) else None


CitationRef = Annotated[
    Union[Annotated[Ref, Tag("source id")], Annotated[Citation, Tag("citation")]],
    Discriminator(_citation_kind, custom_error_type="citation",
                  custom_error_message=N_("a citation is a source id, or {id: ..., note: ...}")),
]
Citations = list[CitationRef]


class Outcome(Strict):
    chance: NumberOrExpr | None = Field(None, description="0 to 1, or an expression; leave it out on"
                                                          " one outcome to give it what the others leave")
    text: str = Field(description="what the player reads when this happens")
    effects: list[Effect] = Field([], description="applied in order")
    label: str = Field("", max_length=40, description="format 2: a short name for this result, at most 40"
                                                     " characters, shown with the odds (\"the crowd holds\")",
                       json_schema_extra=since(2))


class Option(Strict):
    label: str = Field(description="the choice, as the player sees it")
    when: Condition | None = Field(None, description="the option is greyed out unless this holds")
    unavailable: str = Field("", description="why the option is greyed out")
    historical: bool = Field(False, description="what really happened")
    outcomes: list[Outcome] | None = Field(None, min_length=1, max_length=4,
                                           description="1 to 4 possible results; or give text and effects")
    text: str | None = Field(None, description="for a certain result: what the player reads")
    effects: list[Effect] | None = Field(None, description="for a certain result: applied in order")
    roles: list[Ref] | None = Field(None, description="format 2: the roles that may take it (default: every"
                                                      " role that draws the card)", json_schema_extra=since(2))


MAX_ROLE_OPTIONS = 5  # what one player chooses from on one card (keys 1-5)
MAX_CARD_OPTIONS = 20  # a shared card holds each role's options; a bound on what an untrusted file may hold


def _too_many_options(options: object, fmt: int) -> list[tuple[tuple, str, str]]:
    """At most MAX_ROLE_OPTIONS options before one player: on a format-1 card all of them; on a format-2 card
    those open to each role (an option without `roles` is open to every role that draws the card)."""
    if not isinstance(options, list):
        return []
    if fmt < 2:
        if len(options) <= MAX_ROLE_OPTIONS:
            return []
        return [(("options",), "key", "'options': " + _("allows at most {most}, found {found}").format(
            most=MAX_ROLE_OPTIONS, found=len(options)))]
    every = sum(1 for o in options if not (isinstance(o, dict) and isinstance(o.get("roles"), list)))
    named: dict[str, int] = {}
    for o in options:
        if isinstance(o, dict) and isinstance(o.get("roles"), list):
            for role in {r for r in o["roles"] if isinstance(r, str)}:
                named[role] = named.get(role, 0) + 1
    counts = {role: every + n for role, n in named.items()}
    worst = max(counts.items(), key=lambda kv: kv[1], default=("", every))
    if worst[1] <= MAX_ROLE_OPTIONS:
        return []
    if worst[0]:
        message = _("'options': a player chooses from at most {most} options on one card; role '{role}' has"
                    " {found} here").format(most=MAX_ROLE_OPTIONS, role=worst[0], found=worst[1])
    else:
        message = _("'options': a player chooses from at most {most} options on one card; every role has"
                    " {found} here (give options 'roles' to share a card)").format(most=MAX_ROLE_OPTIONS,
                                                                                   found=worst[1])
    return [(("options",), "key", message)]


class Card(Strict):
    id: Id = Field(description="unique card id")
    title: str = Field(description="the card's heading")
    text: RoleText = Field(description="what the player reads. Format 2: or {role id: text}, one for every"
                                       " role that may draw the card", json_schema_extra=forms(mapping=2))
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
    happened: Happened | None = Field(None, description="on a historical card: when its event really happened, a"
                                                        " day (2019-03-11), a month (2019-03), a range"
                                                        " (2019-02-22..2019-03-04) or a year (2019)")
    note: str = Field("", description="the reasoning behind the odds, for teachers")
    options: list[Option] | None = Field(None, min_length=1, max_length=MAX_CARD_OPTIONS,
                                         description="1 to 5 options for each role that draws the card (format 1:"
                                                     " 1 to 5); required, except on an event")
    event: bool = Field(False, description="format 2: a world event, which nobody decides: no options and no"
                                           " roles, but outcomes (or effects) rolled for everyone",
                        json_schema_extra=since(2))
    outcomes: list[Outcome] | None = Field(None, min_length=1, max_length=4,
                                           description="format 2, on an event: 1 to 4 possible results",
                                           json_schema_extra=since(2))
    effects: list[Effect] | None = Field(None, description="format 2, on an event with a certain result: applied"
                                                           " in order (the card's text is what is read)",
                                         json_schema_extra=since(2))
    on: Day | None = Field(None, description="format 2: the card is played on the turn whose period holds this"
                                             " date (instead of from, until and weight)",
                           json_schema_extra=since(2))

    @classmethod
    def shape_rules(cls, raw: dict, fmt: int) -> list[tuple[tuple, str, str]]:
        """(path, at, message) for what the card's shape lacks: a missing key's path locates its parent.
        A card has options, or is an event with outcomes or effects; a card fixed to a date has no window."""
        given = {key for key, value in raw.items() if value is not None}
        found = [((key,), "value", _("'{key}': expected a list, got nothing").format(key=key))
                 for key in ("options", "outcomes", "effects") if key in raw and raw[key] is None]
        found.extend(_too_many_options(raw.get("options"), fmt))
        if fmt < 2:
            return found or ([] if "options" in given else [(("options",), "key", _("missing required key 'options'"))])
        if raw.get("event") is True:
            for key, why in (("options", _("nobody decides it: give 'outcomes', or 'effects' for a certain"
                                           " result")), ("roles", _("it happens in the one world every role shares"))):
                if key in raw:
                    found.append(((key,), "key", _("an event has no '{key}': {why}").format(key=key, why=why)))
            if {"outcomes", "effects"} <= given:
                found.append((("effects",), "key", _("give an event either 'outcomes' or 'effects', not both")))
            elif not {"outcomes", "effects"} & set(raw):
                found.append((("outcomes",), "key", _("an event needs 'outcomes', or 'effects' for a certain"
                                                      " result")))
        else:
            if "options" not in raw:
                found.append((("options",), "key", _("missing required key 'options' (or event: true for a world"
                                                     " event)")))
            for key in ("outcomes", "effects"):
                if key in raw:
                    found.append(((key,), "key", _("'{key}' is for a world event (event: true); a card's"
                                                   " results belong in its options").format(key=key)))
        if "on" in raw:
            for key in ("from", "until", "weight"):
                if key in raw:
                    found.append(((key,), "key", _("'on' fixes the card to one turn: '{key}' does not apply"
                                                   " to it; leave it out").format(key=key)))
        return found


class Ending(Strict):
    id: Id = Field(description="unique ending id")
    title: str = Field(description="the ending's heading")
    text: RoleText = Field(description="what the player reads. Format 2: or {role id: text}, one for every"
                                       " role", json_schema_extra=forms(mapping=2))
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
    start_by_role: dict[Ref, int] = Field({}, description="format 1: {role_id: value}: a role's own start value",
                                          json_schema_extra=only_in(1, N_("one shared world: a meter has one start"
                                                                          " value")))
    hidden_from: list[Ref] = Field([], description="format 2: the roles that may not see this meter",
                                   json_schema_extra=since(2))


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
    date: FreeText = Field(description="free text: 2019-01-24, January 2019")
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


class Turns(Strict):
    order: list[Ref] = Field(min_length=1, description="every role's id once: the order in which the roles act"
                                                       " each turn")
    events: NumberOrExpr | None = Field(None, description="each turn's chance, 0 to 1 (a number or an"
                                                          " expression), of one random world event (default:"
                                                          " none)")


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

    format: Literal[1, 2] = Field(description="the version of the scenario format: 1, or 2 (one shared world"
                                             " where every role acts each turn)")
    id: Annotated[str, StringConstraints(pattern=SCENARIO_ID_PATTERN, max_length=64)] = Field(
        description="the scenario's id: lower-case letters, digits and -")
    title: str = Field(description="shown when the player picks a scenario")
    version: FreeText = Field(description="the scenario's own version, as text (2 or \"1.0\": a decimal needs"
                                          " quotes, since 1.10 would read as 1.1)")
    description: str = Field(description="a paragraph for the scenario picker")
    authors: list[str] = Field(min_length=1, description="a list of names")
    licence: str = Field(description="e.g. CC-BY-4.0")
    languages: list[str] = Field(["en"], description="language codes (default [en])")
    sources: list[Source] = Field([], description="the documents the scenario draws on")
    calendar: Calendar = Field(description="start, days_per_turn, max_turns, timeout")
    roles: list[Role] = Field(description="at least two playable roles")
    turns: Turns | None = Field(None, description="format 2, required: order (the roles' turn order) and events"
                                                  " (each turn's chance of a world event)",
                                json_schema_extra=since(2))

    @classmethod
    def shape_rules(cls, raw: dict, fmt: int) -> list[tuple[tuple, str, str]]:
        if fmt >= 2 and raw.get("turns") is None:
            return [(("turns",), "key", _("missing required key 'turns': format 2 needs the roles' turn order"
                                  " (turns: {order: [role ids]})"))]
        return []


SECTIONS = {"meters": Meter, "factions": Faction, "flags": Flag, "cards": Card, "endings": Ending,
            "glossary": GlossaryEntry, "sources": Source, "roles": Role}
MANIFEST_KEYS = tuple(k for k in Manifest.model_fields if k not in ContentFile.model_fields)
TAGS: dict[str, object] = {"source id": str, "citation": Citation, **VALUE_TAGS, **CONDITION_TAGS, **EFFECT_TAGS}
