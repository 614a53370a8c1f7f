"""Freezing a checked draft into the engine's immutable objects."""

from __future__ import annotations

from game.engine import model as m

from .crosscheck import Checked
from .located import Item
from .models import ClearEffect, EndEffect, FlagEffect, Option, QueueEffect, SetEffect, ShiftEffect
from .shape import Draft


def freeze(draft: Draft, checked: Checked, content_hash: str, path: str) -> m.Scenario:
    """Build the Scenario; call only when the draft has no errors."""
    exprs = checked.exprs
    head = draft.head
    sections = draft.sections
    calendar_model = draft.calendar.model  # type: ignore[union-attr]
    calendar = m.Calendar(calendar_model.start, calendar_model.days_per_turn, calendar_model.max_turns,
                          calendar_model.timeout)
    meter_index = {item.model.id: i for i, item in enumerate(sections["meters"])}
    role_ids = frozenset(item.model.id for item in sections["roles"])

    def cite(sources) -> tuple[m.Citation, ...]:
        return tuple(m.Citation(c) if isinstance(c, str) else m.Citation(c.id, c.note) for c in sources)

    def effects(raw) -> tuple:
        out: list[m.Effect] = []
        for e in raw or ():
            if isinstance(e, ShiftEffect):
                out.append(m.Shift(meter_index[e.shift], e.by))
            elif isinstance(e, SetEffect):
                out.append(m.SetMeter(meter_index[e.set_], e.to))
            elif isinstance(e, FlagEffect):
                out.append(m.SetFlag(e.flag, True))
            elif isinstance(e, ClearEffect):
                out.append(m.SetFlag(e.clear, False))
            elif isinstance(e, QueueEffect):
                out.append(m.Queue(e.queue, e.after))
            elif isinstance(e, EndEffect):
                out.append(m.End(e.end))
        return tuple(out)

    def option(item: Item, o: int, opt: Option) -> m.Option:
        sub = ("options", o)
        if opt.outcomes is None:
            outcomes = (m.Outcome(None, opt.text or "", effects(opt.effects)),)
        else:
            outcomes = tuple(m.Outcome(exprs.get(item, sub + ("outcomes", i, "chance")), out.text,
                                       effects(out.effects)) for i, out in enumerate(opt.outcomes))
        return m.Option(opt.label, outcomes, exprs.get(item, sub + ("when",)), opt.unavailable, opt.historical)

    def card(item: Item) -> m.Card:
        c = item.model
        return m.Card(
            id=c.id, title=c.title, text=c.text,
            options=tuple(option(item, o, opt) for o, opt in enumerate(c.options)),
            roles=frozenset(c.roles) if c.roles is not None else role_ids,
            condition=exprs.get(item, ("when",)), weight=exprs.get(item, ("weight",)),
            first_turn=calendar.turn_of(c.from_) if c.from_ else 1,
            last_turn=calendar.turn_of(c.until) if c.until else 1 << 30,
            once=c.once, cooldown=c.cooldown, tags=tuple(c.tags), sources=cite(c.sources),
            historical=c.historical, note=c.note)

    def ending(item: Item) -> m.Ending:
        e = item.model
        return m.Ending(e.id, e.title, e.text, dict(e.results), exprs.get(item, ("when",)), e.priority,
                        e.history, cite(e.sources))

    return m.Scenario(
        id=head["id"], title=head["title"], version=head["version"], description=head["description"],
        meters=tuple(m.Meter(x.id, x.label, x.description, x.min, x.max, x.start, dict(x.start_by_role),
                             x.short or "")
                     for x in (i.model for i in sections["meters"])),
        roles=tuple(m.Role(r.model.id, r.model.name, r.model.briefing, tuple(r.model.goals), r.model.title,
                           exprs.get(r, ("score",))) for r in sections["roles"]),
        cards=tuple(card(item) for item in sections["cards"]),
        endings=tuple(ending(item) for item in sections["endings"]),
        calendar=calendar,
        factions=tuple(m.Faction(f.id, f.name, f.description, tuple(f.meters))
                       for f in (i.model for i in sections["factions"])),
        flags=tuple(m.Flag(f.model.id, f.model.description) for f in sections["flags"]),
        sources=tuple(m.Source(s.id, s.outlet, s.date, s.summary, s.title, s.url)
                      for s in (i.model for i in sections["sources"])),
        glossary=tuple(m.GlossaryEntry(g.id, g.name, g.description, g.kind, cite(g.sources))
                       for g in (i.model for i in sections["glossary"])),
        authors=tuple(head["authors"]), licence=head["licence"], languages=tuple(head["languages"]),
        content_hash=content_hash, path=path,
    )
