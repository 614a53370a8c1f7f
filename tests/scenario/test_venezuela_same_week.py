"""Venezuela 2019: when both leaders take the same stance on a shared card in one week, they read the same news.

Since a shared card reaches both leaders in the same week, each rolls his own outcome. On the cards below
the first leader's roll sets a flag and the second leader's odds follow it, so Guaidó never reads that
the idea of talks gained ground while Maduro reads that it was called naive. Each leader takes the stance in
his own words (no option is offered to both: tests/scenario/test_venezuela_second_mover.py), and Maduro's
result tells him as joining what Guaidó's roll settled. Bot games that always take
the listed answers are replayed through the engine's public door, and every week where both leaders
took them is checked.
"""

import random

import pytest

from game.engine import OptionChosen, OutcomeRolled, opening, resolve
from game.engine.fast import play
from game.sim.runner import game_seed

# card: (Guaidó's answer, Maduro's answer, for each of Guaidó's outcomes the one Maduro must read)
AGREE = {
    "w_crisis_group": ("Agree that only a negotiation can end this", "Agree; a negotiation, not an ouster",
                       {0: 0, 1: 1}),
    "w_evacuation": ("Say it is routine, and calm people down", "Call it a stunt, and tell people to stay calm",
                     {0: 0, 1: 1}),
    "w_military_option": ("Ask the region to rule out force, and leave it to Venezuelans",
                          "Demand at the UN that Washington renounce force", {0: 0, 1: 1}),
    "w_inflation": ("Ask the UN to send aid through its own agencies", "Appeal to the UN for aid, through your ministries",
                    {0: 0, 1: 1}),
    "w_exiles": ("Propose a regional fund for refugees", "Ask that any refugee fund also pay for aid inside Venezuela",
                 {0: 0, 1: 1}),
    "w_sides": ("Say neither list matters; the army decides", "Say the army has already chosen, and it stands with you",
                {0: 0, 1: 1}),
    "w_new_cuba": ("Play it down; this is about Venezuelans", "Play it down; Venezuela is nobody's base", {0: 0, 1: 1}),
    # Officers rattled by the notepad read alongside US ships; officers who close ranks, alongside no troops.
    "notepad": ("Say every option is on the table", "Call the bluff and carry on", {0: 1, 1: 0}),
}
GAMES = 150


def _index(card, label):
    return next(i for i, o in enumerate(card.options) if o.label == label)


@pytest.fixture(scope="module")
def weeks(scenario):
    """Per (game, turn, card) where both leaders took the listed answers: each leader's outcome."""
    cards = {c.id: c for c in scenario.cards}
    wanted = {role: {cid: _index(cards[cid], answers[k]) for cid, answers in AGREE.items()}
              for k, role in enumerate(("guaido", "maduro"))}
    ids = [c.id for c in scenario.cards]

    def chooser(role):
        def choose(card, available, meters, flags, turn, rng):
            want = wanted[role].get(ids[card])
            return want if want in available else rng.choice(available)
        return choose

    out = {}
    for n in range(GAMES):
        seed = game_seed(2019, n)
        choices = play(scenario, None, seed, [chooser(r) for r in scenario.order], random.Random(seed)).choices
        turn = opening(scenario, None, seed)
        events = list(turn.events)
        for choice in choices:
            turn = resolve(turn.state, choice)
            events += turn.events
        chosen = {(e.turn, e.card, e.role): e.option for e in events if isinstance(e, OptionChosen)}
        for e in events:
            if isinstance(e, OutcomeRolled) and e.card in AGREE and chosen.get((e.turn, e.card, e.role)) == wanted[e.role][e.card]:
                out.setdefault((n, e.turn, e.card), {})[e.role] = e.outcome
    return {k: v for k, v in out.items() if len(v) == 2}


def test_the_two_leaders_never_read_opposite_news_in_one_week(weeks):
    clashes = [f"game {n}, turn {t}, {card}: Guaidó read outcome {o['guaido']}, Maduro {o['maduro']}"
               for (n, t, card), o in weeks.items() if AGREE[card][2][o["guaido"]] != o["maduro"]]
    assert not clashes, clashes


def test_the_games_reach_every_listed_card_with_both_outcomes(weeks):
    """The check above is not empty: each card is met by both leaders, and Guaidó's roll goes both ways
    on the cards where both outcomes are likely enough to come up in these games."""
    met = {card for (_n, _t, card) in weeks}
    assert met == set(AGREE), sorted(set(AGREE) - met)
    both_ways = {card for card in AGREE if len({o["guaido"] for (_n, _t, c), o in weeks.items() if c == card}) == 2}
    assert len(both_ways) >= len(AGREE) // 2, sorted(set(AGREE) - both_ways)
