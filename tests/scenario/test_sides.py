"""On a card both leaders may draw, each option belongs to the side it is written for: no leader is offered
his rival's move (Maduro asked to "call for food parcels", Guaidó to "treat it as a bluff").

An option on such a card names its `roles`. A stance either leader could take is common on purpose, and says
so by listing every role that draws the card; an option with no `roles` is a slip, since it reaches both.
"""

from pathlib import Path

import pytest

from game.scenario import load

SCENARIOS = sorted(p.parent for p in (Path(__file__).resolve().parents[2] / "scenarios").glob("*/scenario.yaml"))


def _shared_cards(scenario):
    return [c for c in scenario.cards if not c.event and len(c.roles) > 1]


@pytest.fixture(scope="module", params=SCENARIOS, ids=lambda p: p.name)
def scenario(request):
    return load(request.param)


def test_every_option_on_a_card_both_sides_draw_says_whose_it_is(scenario):
    unowned = [f"{c.id}: {o.label}" for c in _shared_cards(scenario) for o in c.options if o.roles is None]
    assert not unowned, "give these options `roles` (every drawer's id if both may take it on purpose):\n" + \
        "\n".join(unowned)


def test_a_leader_is_never_offered_an_option_that_names_him_as_someone_else(scenario):
    """An option speaks to the one who takes it ('the democracies that back you'), so a label that names its
    own taker ('the democracies that back Guaidó', offered to Guaidó) was written for the other side."""
    surname = {r.id: r.name.split()[-1] for r in scenario.roles}
    wrong = [f"{c.id} ({role}): {o.label}" for c in scenario.cards if not c.event for o in c.options
             for role in sorted(o.roles if o.roles is not None else c.roles) if surname[role] in o.label]
    assert not wrong, "\n".join(wrong)


def test_the_shared_cards_are_really_checked():
    """Venezuela has shared cards and world cards both leaders draw, so the checks above have work to do."""
    venezuela = load(Path(__file__).resolve().parents[2] / "scenarios" / "venezuela-2019")
    shared = _shared_cards(venezuela)
    assert len(shared) > 20
    assert any(o.roles == frozenset(c.roles) for c in shared for o in c.options), "no deliberately common option"
