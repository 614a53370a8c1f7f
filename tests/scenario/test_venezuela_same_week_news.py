"""Venezuela 2019: two leaders who answer one shared card differently in one week do not read opposite news.

A shared card reaches Guaidó and Maduro in the same week, and each rolls the outcome of his own answer.
When the two answers differ, nothing ties the rolls together but the flags the first leader's outcome
sets, which the second's conditions and odds may follow. So Guaidó must never read that the marches grew
while Maduro, the same week, reads that they thinned out.

For every shared card, every outcome Guaidó can roll and every outcome Maduro can then roll (his card
and option still allowed, and his odds above zero, in some world where Guaidó's outcome set its flags
and none of the card's other flags are set) are paired. A pair fails when both outcomes move the same
meter in opposite directions and both texts tell the reader about it (the marches, the generals, the
soldiers), unless it is listed below with the reason the two texts agree.
"""

import random
import re

import pytest

from game.engine.core import outcome_chances
from game.engine.effects import SetFlag, Shift
from game.scenario.translations import translated

# What a text must speak of to narrate a move of the meter, in English and in Spanish.
NARRATES = {
    "street": (r"\bmarch|\bcrowds?\b|\bstreets\b", r"\bmarcha|multitud|\bcalles\b"),
    "high_command": (r"\bgenerals?\b|\bofficers?\b|high command", r"\bgenerales?\b|\boficiales?\b|alto mando"),
    "ranks": (r"\bsoldiers?\b|guardsm[ae]n|\bprivates\b|\branks\b|\btroops\b", r"\bsoldados?\b|guardias\b|\btropa"),
}

# (card, Guaidó's outcome label, Maduro's outcome label): why the two texts do not contradict.
AGREE_ANYWAY = {
    ("fund_claim", "the rumour sticks", "loyalty stiffens (as in 2019)"):
        "both tell that the rumour made an amnesty look like a bribe to the officers",
    ("notepad", "officers hear him", "no troops come (as in 2019)"):
        "both tell the officers that no foreign troops are coming, from either leader",
    ("notepad", "most say words are cheap", "no troops come (as in 2019)"):
        "both tell the officers that no foreign troops are coming, from either leader",
    ("rio_lists", "some generals start to worry", "Call it a pretext for invasion and hold militia drills"):
        "some generals worry while most rally: the texts say 'some' and 'most'",
    ("rio_lists", "Leave the generals off, to keep an amnesty credible",
     "Call it a pretext for invasion and hold militia drills"):
        "the officers note who is off the lists while most generals rally: no contradiction",
    ("w_military_option", "officers ask about amnesty", "Caracas shrugs (as in 2019)"):
        "a few senior officers ask while most generals shrug: the texts say 'a few' and 'most'",
}

WORLDS = 150


def _flags_set(outcome):
    return {e.flag: e.value for e in outcome.effects if isinstance(e, SetFlag) and e.when is None}


def _moves(outcome):
    return {e.meter: e.by for e in outcome.effects if isinstance(e, Shift) and isinstance(e.by, int) and e.when is None}


def _pairs(scenario, rng):
    """Every (card, Guaidó's option and outcome, Maduro's option and outcome) that can come in one week."""
    flag_ids = [f.id for f in scenario.flags]
    for card in scenario.cards:
        if card.event or not {"guaido", "maduro"} <= card.roles:
            continue
        mine = {f for o in card.options for out in o.outcomes for f in _flags_set(out)}
        g_options = [o for o in card.options if o.roles is None or "guaido" in o.roles]
        m_options = [o for o in card.options if o.roles is None or "maduro" in o.roles]
        for g in g_options:
            for g_out in g.outcomes:
                reachable = set()
                for _ in range(WORLDS):
                    flags = {f for f in flag_ids if f not in mine and rng.random() < 0.4}
                    flags |= {f for f, v in _flags_set(g_out).items() if v}
                    flags = frozenset(flags)
                    meters = tuple(rng.randint(m.lo, m.hi) for m in scenario.meters)
                    turn = rng.randint(card.first_turn, min(card.last_turn, scenario.calendar.max_turns))
                    if card.condition is not None and not card.condition(meters, flags, turn):
                        continue
                    for mi, m in enumerate(m_options):
                        if m.condition is not None and not m.condition(meters, flags, turn):
                            continue
                        for oi, p in enumerate(outcome_chances(m, meters, flags, turn)):
                            if p > 0:
                                reachable.add((mi, oi))
                for mi, oi in sorted(reachable):
                    yield card, g, g_out, m_options[mi], m_options[mi].outcomes[oi]


def _texts(scenario, spanish):
    """(card id, option label, outcome index) -> Spanish outcome text, read through the translation."""
    es = {}
    cards = {c.id: c for c in spanish.cards}
    for card in scenario.cards:
        for o, o_es in zip(card.options, cards[card.id].options):
            for out, out_es in zip(o.outcomes, o_es.outcomes):
                es[card.id, id(out)] = out_es.text
    return es


def test_different_answers_in_one_week_do_not_tell_opposite_news(scenario):
    spanish = translated(scenario, "es")
    es = _texts(scenario, spanish)
    meters = [m.id for m in scenario.meters]
    clashes = []
    for card, g, g_out, m, m_out in _pairs(scenario, random.Random(2019)):
        g_moves, m_moves = _moves(g_out), _moves(m_out)
        for meter, by in g_moves.items():
            other = m_moves.get(meter, 0)
            name = meters[meter]
            if name not in NARRATES or by * other >= 0:
                continue
            for lang, pattern in enumerate(NARRATES[name]):
                texts = (g_out.text, m_out.text) if lang == 0 else (es[card.id, id(g_out)], es[card.id, id(m_out)])
                if all(re.search(pattern, t, re.IGNORECASE) for t in texts):
                    key = (card.id, g_out.label or g.label, m_out.label or m.label)
                    if key not in AGREE_ANYWAY:
                        clashes.append(f"{card.id}: Guaidó '{g.label}' -> {texts[0]!r} ({name} {by:+}); "
                                       f"Maduro '{m.label}' -> {texts[1]!r} ({name} {other:+})")
                    break
    assert not clashes, "\n".join(sorted(set(clashes)))


def test_the_check_sees_the_shared_cards(scenario):
    """The pairs above are not empty: most shared cards give both leaders outcomes to pair."""
    pairs = list(_pairs(scenario, random.Random(1)))
    assert {"exiles_count", "exodus", "aid_convoy", "w_evacuation"} <= {card.id for card, *_ in pairs}
    # Every pair listed as agreeing anyway still comes up: the list holds no stale excuse.
    met = {(card.id, g_out.label or g.label, m_out.label or m.label) for card, g, g_out, m, m_out in pairs}
    assert set(AGREE_ANYWAY) <= met, sorted(set(AGREE_ANYWAY) - met)
