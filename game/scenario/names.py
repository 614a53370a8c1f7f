"""The ids a scenario declares, for checking every reference with a "did you mean"."""

from __future__ import annotations

import keyword

import difflib
from dataclasses import dataclass, field

from game.i18n import N_, _

from .located import Item, Sink
from .shape import Draft

# Words an expression reads as its own (Python's keywords among them): an id like these could never be named.
RESERVED = frozenset({"turn", "flag", "true", "false"} | set(keyword.kwlist))
# What each section's items are called in messages.
NOUNS = {"meters": N_("meter"), "factions": N_("faction"), "flags": N_("flag"), "cards": N_("card"),
         "endings": N_("ending"), "glossary": N_("glossary entry"), "sources": N_("source"), "roles": N_("role")}


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
                    sink.error(item, ("id",), _("'{ident}' is reserved (expressions use it); pick another"
                                                " {noun} id").format(ident=ident, noun=_(noun)))
                if ident in seen:
                    first = seen[ident]
                    line, col = sink.positions[first.file].find(first.path + ("id",))
                    sink.error(item, ("id",), _("duplicate {noun} id '{ident}'; it is already defined at"
                                                " {file}:{line}:{col}").format(
                                                    noun=_(noun), ident=ident, file=first.file, line=line, col=col))
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
        hint = _("; did you mean '{name}'?").format(name=near[0]) if near else \
            _("; declare it under '{section}:'").format(section=section)
        self.sink.error(item, sub, _("unknown {noun} '{ident}'{hint}").format(
            noun=_(NOUNS[section]), ident=ident, hint=hint), at=at)
        return False
