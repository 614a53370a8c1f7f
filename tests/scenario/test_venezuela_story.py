"""Venezuela 2019 holds together: over many bot games no leader, and not the world, reads the same card
twice unless the card is written to recur (its text reads as routine, not as news); and each leader's
briefing wants each meter the way the meter panel's arrows say.

Bot games of every pairing of policies are replayed through the engine's public door so that the world's
events are counted as well as the leaders' cards.
"""

import random
import re
from collections import Counter

import pytest

from game.bots import get_policy
from game.engine import CardDrawn, opening, resolve
from game.engine.fast import play
from game.sim.runner import game_seed
from game.tui.views import aims

POLICIES = ("random", "historical", "greedy", "adaptive")
GAMES = 12  # a pairing; 16 pairings, so 192 games

# The cards written to come back, each with why its text may be read again. Every other card is told once.
RECURRING = {
    "g_assembly_sits": "the Assembly's weekly sitting, told as routine ('as it does every week'); a quiet week's card",
    "m_cabinet_on_air": "the cabinet on state television, told as routine ('as they are most weeks'); a quiet week's card",
    "m_arrest_order": "the case file against Guaidó, back on the desk ('is back on your desk'), with the legal net's value",
}


@pytest.fixture(scope="module")
def readings(scenario):
    """For each game, how often each reader (a role, or "world" for the events) read each card."""
    out = []
    for i, (first, second) in enumerate((a, b) for a in POLICIES for b in POLICIES):
        choose = [get_policy(p).chooser(scenario, role) for role, p in zip(scenario.order, (first, second))]
        for n in range(GAMES):
            seed = game_seed(1019 + i, n)
            choices = play(scenario, None, seed, choose, random.Random(seed)).choices
            turn = opening(scenario, None, seed)
            events = list(turn.events)
            for choice in choices:
                turn = resolve(turn.state, choice)
                events += turn.events
            out.append(((first, second), Counter((e.role or "world", e.card) for e in events
                                                 if isinstance(e, CardDrawn))))
    return out


def test_only_the_cards_written_to_recur_may_come_back(scenario):
    """A card that may be drawn again says why in RECURRING; a card listed there may be drawn again."""
    assert sorted(c.id for c in scenario.cards if not c.once) == sorted(RECURRING)


def test_no_reader_reads_the_same_news_twice_in_nineteen_games_out_of_twenty(readings):
    repeated = []
    for pairing, read in readings:
        twice = sorted(f"{reader}: {card} x{n}" for (reader, card), n in read.items() if n > 1 and card not in RECURRING)
        if twice:
            repeated.append(f"{pairing}: {', '.join(twice)}")
    assert len(repeated) <= 0.05 * len(readings), f"{len(repeated)} of {len(readings)} games: {repeated[:10]}"


def test_the_replayed_games_read_the_world_too(readings):
    """The count above covers the world's events as well as the leaders' cards."""
    assert sum(n for _pairing, read in readings for (reader, _card), n in read.items() if reader == "world") > 0


def _named(scenario, words: str) -> set[str]:
    """The meters a briefing's list names, by label, by short label or by the label's head ('Legal net')."""
    found = {m.id for m in scenario.meters
             if any(name and name.lower() in words.lower()
                    for name in (m.label, m.short, re.split(r"'s | of | around | and oil", m.label)[0]))}
    if "army meters" in words:
        found |= {m.id for m in scenario.meters if m.id in ("high_command", "ranks")}
    return found


@pytest.mark.parametrize("role", ["guaido", "maduro"])
def test_each_briefing_wants_its_meters_the_way_its_arrows_and_score_do(scenario, role):
    """A briefing's 'which you want UP: ...' and 'which you want DOWN: ...' lists agree with the way the
    meter panel's arrows point for that role, which the role's score decides."""
    text = re.sub(r"\([^)]*\)", "", scenario.role(role).briefing)
    wanted = aims(scenario, role)
    for way, aim in (("UP", 1), ("DOWN", -1)):
        words = text.split(f"which you want {way}:")[1].split(".")[0]
        named = _named(scenario, words)
        assert len(named) >= 4, (way, words)
        assert {m: wanted[m] for m in named} == {m: aim for m in named}, way


# Words that promise a leader a move whenever he likes. No move is: each comes on a card drawn for its week.
ANY_TIME = (r"\bat any time\b|any week you (choose|like)|whenever you (like|choose|wish)",
            r"en cualquier momento|la semana que quieras|cuando quieras")


def test_no_text_promises_a_move_whenever_a_leader_likes(scenario, spanish):
    """Guaidó's briefing said 'Maduro may order your arrest at any time', and the warrant's card told Maduro
    he might send for it 'any week you choose'; but an arrest comes only on the cards that offer one. The
    briefings and what a leader reads on a card say when a move comes, not 'at any time'."""
    problems = []
    for language, sc in enumerate((scenario, spanish)):
        texts = [(role.id, role.briefing) for role in sc.roles]
        texts += [(card.id, text) for card in sc.cards
                  for text in (card.text, *card.texts.values(),
                               *(o.text for option in card.options for o in option.outcomes))]
        problems += [f"{where} ({'en es'.split()[language]}): {text[:80]!r}" for where, text in texts
                     if text and re.search(ANY_TIME[language], text)]
    assert problems == []


def _bare(label: str) -> str:
    return re.sub(r"\s*\((as in|en) 2019\)$", "", label).casefold()


# Words by which a label leans on a text the odds line does not show ("certain: still only a few", "nobody
# believes him either", "nobody from Guaidó's side"): the rival's result, or the result's own text.
LEANS = (r"\beither\b|^still\b|\bnobody from\b", r"\btampoco\b|^sigue(n)? (siendo|sin)\b|^nadie del lado")


def test_each_result_label_names_its_own_result(scenario, spanish):
    """A result's label is read in the odds line beside its option ('49% officers take note / 51% a few officers
    take note'): no label of an option holds a sibling's whole label, and none leans on words the line does
    not show."""
    problems = []
    for language, sc in enumerate((scenario, spanish)):
        for card in sc.cards:
            for option in card.options:
                labels = [_bare(o.label) for o in option.outcomes if o.label]
                problems += [f"{card.id} '{option.label}': {a!r} holds {b!r}" for a in labels for b in labels
                             if a != b and b in a]
                problems += [f"{card.id} '{option.label}': {label!r} leans on another text" for label in labels
                             if re.search(LEANS[language], label)]
    assert problems == []
