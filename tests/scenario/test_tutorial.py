"""The bundled tutorial is the guide's example of format 2: two roles in one world, both acting every turn,
every card and ending reachable, and no single key that wins it."""

from __future__ import annotations

import random
from collections import defaultdict
from functools import cache

import pytest

from game.engine.fast import Played, play
from game.paths import bundled_scenarios
from game.scenario import check, load

GAMES = 3000


@cache
def tutorial():
    return load(bundled_scenarios() / "tutorial")


def at_random(card, available, meters, flags, turn, rng):
    return rng.choice(available)


def first_option(card, available, meters, flags, turn, rng):
    return available[0]


@cache
def random_games() -> tuple[Played, ...]:
    sc = tutorial()
    choosers = [at_random] * len(sc.order)
    return tuple(play(sc, None, seed, choosers, random.Random(seed)) for seed in range(GAMES))


def test_the_tutorial_is_two_sided():
    sc = tutorial()
    assert sc.format == 2 and sc.two_sided
    assert sorted(sc.order) == sorted(r.id for r in sc.roles) and len(sc.order) == 2
    assert sc.event_chance is not None
    assert all(r.score is not None for r in sc.roles)


def test_it_validates_with_no_errors_and_no_warnings():
    report = check(bundled_scenarios() / "tutorial")
    assert report.ok and report.errors == [] and report.warnings == [], str(report)
    # Its two answers to the other side's move are notes, not warnings: the mayor's letter, the union's vote.
    assert [n.message.split("'")[1] for n in report.notes] == ["the_demands", "the_offer"]


def test_both_roles_decide_on_every_turn_before_the_ending():
    sc = tutorial()
    everyone = set(range(len(sc.order)))
    for game in random_games()[:500]:
        acted = defaultdict(list)
        for turn, _card, _option, _outcome, _meters, slot in game.steps:
            acted[turn].append(slot)
        for turn in range(1, game.turn):
            # Each role once, in turn order: nobody's turn passed for want of a card.
            assert acted[turn] == sorted(everyone), (game.seed, turn, acted[turn])
        if game.ending == sc.calendar.timeout_ending and game.turn == sc.calendar.max_turns:
            assert acted[game.turn] == sorted(everyone), (game.seed, game.turn)


def test_every_card_and_every_ending_is_reached():
    sc = tutorial()
    n = len(sc.cards)
    drawn, endings = set(), set()
    for game in random_games():
        drawn.update(sc.cards[i % n].id for i, turn in enumerate(game.seen) if turn)
        endings.add(game.ending)
    assert {c.id for c in sc.cards} - drawn == set()
    assert {e.id for e in sc.endings} - endings == set()
    assert any(c.event for c in sc.cards if c.id in drawn)


@pytest.mark.parametrize("role", ["mayor", "union"])
def test_always_the_first_option_does_not_win(role):
    """Pressing 1 on every card, against a random opponent, wins no more than half the games or so."""
    sc = tutorial()
    choosers = [first_option if r == role else at_random for r in sc.order]
    runs = 2000
    wins = sum(play(sc, None, seed, choosers, random.Random(seed)).result_for(role) == "win" for seed in range(runs))
    assert wins / runs < 0.55
