"""The ids a scenario declares, for checking every reference with a "did you mean"."""

from __future__ import annotations

import keyword

import difflib
from dataclasses import dataclass, field

from .located import Item, Sink
from .shape import Draft

# Words an expression reads as its own (Python's keywords among them): an id like these could never be named.
RESERVED = frozenset({"turn", "flag", "true", "false"} | set(keyword.kwlist))
# What each section's items are called in messages.
NOUNS = {"meters": "meter", "factions": "faction", "flags": "flag", "cards": "card", "endings": "ending",
         "glossary": "glossary entry", "sources": "source", "roles": "role"}


@dataclass(slots=True)
class Names:
    """Declared ids per section (first declaration kept), and ids of items too broken to validate."""

    sink: Sink
    declared: dict[str, dict[str, Item]] = field(default_factory=dict)
    broken: dict[str, set[str]] = field(default_factory=dict)
    # What effects and the calendar do, for the warnings.
    set_flags: set[str] = field(default_factory=set)
    queued_cards: set[str] = field(default_factory=set)
    named_endings: set[str] = field(default_factory=set)

    @classmethod
    def declare(cls, draft: Draft, sink: Sink) -> "Names":
        """Gather ids, reporting duplicates (at the second, naming the first) and reserved ids."""
        names = cls(sink, broken=draft.broken)
        for section, items in draft.sections.items():
            seen: dict[str, Item] = {}
            noun = NOUNS[section]
            for item in items:
                ident = item.model.id
                if ident in RESERVED and section != "sources":
                    sink.error(item, ("id",), f"'{ident}' is reserved (expressions use it); pick another"
                                              f" {noun} id")
                if ident in seen:
                    first = seen[ident]
                    line, col = sink.positions[first.file].find(first.path + ("id",))
                    sink.error(item, ("id",), f"duplicate {noun} id '{ident}'; it is already defined at"
                                              f" {first.file}:{line}:{col}")
                    continue
                seen[ident] = item
            names.declared[section] = seen
        return names

    def known(self, section: str) -> set[str]:
        return set(self.declared[section]) | self.broken[section]

    def get(self, section: str, ident: str) -> Item | None:
        return self.declared[section].get(ident)

    def check(self, item: Item, sub: tuple, section: str, ident: str, at: str = "value") -> bool:
        """Report `ident` at `sub` unless it names a declared (or broken) item of `section`."""
        if ident in self.declared[section] or ident in self.broken[section]:
            return True
        near = difflib.get_close_matches(ident, sorted(self.declared[section]), n=1, cutoff=0.6)
        hint = f"; did you mean '{near[0]}'?" if near else f"; declare it under '{section}:'"
        self.sink.error(item, sub, f"unknown {NOUNS[section]} '{ident}'{hint}", at=at)
        return False
