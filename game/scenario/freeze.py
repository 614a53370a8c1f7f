"""Freezing a checked draft into the engine's immutable objects."""

from __future__ import annotations

from game.engine import model as m

from .crosscheck import Checked
from .effect_models import Freezing, freeze_effect
from .located import Item
from .models import Option
from .shape import Draft


def _text(text: str | dict) -> tuple[str, dict[str, str]]:
    """(the text, each role's own): a text per role is shown first-entry-first where no role reads it."""
    if isinstance(text, dict):
        return next(iter(text.values()), ""), dict(text)
    return text, {}


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

    def effects(item: Item, sub: tuple, raw) -> tuple[m.Effect, ...]:
        ctx = Freezing(item, exprs, meter_index, calendar.turn_of)
        return tuple(freeze_effect(e, ctx, sub + ("effects", i)) for i, e in enumerate(raw or ()))

    def results(item: Item, sub: tuple, outcomes, text: str, raw_effects) -> tuple[m.Outcome, ...]:
        """Outcomes with their chances, or the one certain result."""
        if outcomes is None:
            return (m.Outcome(None, text, effects(item, sub, raw_effects)),)
        return tuple(m.Outcome(exprs.get(item, sub + ("outcomes", i, "chance")), out.text,
                               effects(item, sub + ("outcomes", i), out.effects), out.label)
                     for i, out in enumerate(outcomes))

    def option(item: Item, o: int, opt: Option) -> m.Option:
        sub = ("options", o)
        return m.Option(opt.label, results(item, sub, opt.outcomes, opt.text or "", opt.effects),
                        exprs.get(item, sub + ("when",)), opt.unavailable, opt.historical,
                        frozenset(opt.roles) if opt.roles is not None else None)

    def card(item: Item) -> m.Card:
        c = item.model
        text, texts = _text(c.text)
        if c.event:  # a world event: nobody decides, its one option's outcome is rolled
            options: tuple[m.Option, ...] = (m.Option("", results(item, (), c.outcomes, text, c.effects)),)
        else:
            options = tuple(option(item, o, opt) for o, opt in enumerate(c.options or ()))
        fixed = calendar.turn_of(c.on) if c.on is not None else 0
        return m.Card(
            id=c.id, title=c.title, text=text, options=options,
            roles=frozenset() if c.event else frozenset(c.roles) if c.roles is not None else role_ids,
            condition=exprs.get(item, ("when",)), weight=exprs.get(item, ("weight",)),
            first_turn=fixed or (calendar.turn_of(c.from_) if c.from_ else 1),
            last_turn=fixed or (calendar.turn_of(c.until) if c.until else 1 << 30),
            once=c.once, cooldown=c.cooldown, tags=tuple(c.tags), sources=cite(c.sources),
            historical=c.historical, note=c.note, texts=texts, event=c.event, fixed_turn=fixed, day=c.on,
            happened=m.Happened(*c.happened) if c.happened else None)

    def ending(item: Item) -> m.Ending:
        e = item.model
        text, texts = _text(e.text)
        return m.Ending(e.id, e.title, text, dict(e.results), exprs.get(item, ("when",)), e.priority,
                        e.history, cite(e.sources), texts)

    return m.Scenario(
        id=head["id"], title=head["title"], version=head["version"], description=head["description"],
        meters=tuple(m.Meter(x.id, x.label, x.description, x.min, x.max, x.start, dict(x.start_by_role),
                             x.short or "", frozenset(x.hidden_from))
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
        format=draft.format,
        order=tuple(draft.turns.model.order) if draft.turns else (),
        event_chance=exprs.get(draft.turns, ("events",)) if draft.turns else None,
    )
