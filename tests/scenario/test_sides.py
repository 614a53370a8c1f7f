"""On a card both leaders may draw, each option belongs to the side it is written for: no leader is offered
his rival's move (Maduro asked to "call for food parcels", Guaidó to "treat it as a bluff").

An option on such a card names its `roles`; an option with no `roles` is a slip, since it reaches both. A
scenario may list every drawer on a stance either could take; Venezuela writes such a stance once for each
leader, in his own words, so that one result is not told twice (tests/scenario/test_venezuela_second_mover.py).

And the one who moves first on such a card is not told what his rival does about it, since the rival has not
chosen yet: Guaidó read "Maduro calls it an invasion plan", then Maduro chose whether to.
"""

import re
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
    assert sum(len(o.roles) == 1 for c in shared for o in c.options) > 60, "few options of one side's own"


# What a leader decides in the words of a result: "Maduro calls it...", "Maduro's side does not answer".
DECIDES = r"(calls|says|tells|claims|answers|refuses|agrees|accepts|orders|offers|does not|will not|dares|ignores" \
    r"|blocks|arrests|declares|denounces|announces)"


def _decides(surname: str) -> re.Pattern:
    """A sentence in which the named leader, or his side, decides something."""
    return re.compile(rf"\b{re.escape(surname)}(?:'s (?:side|government))? {DECIDES}\b")


def test_the_first_to_move_on_a_shared_card_is_not_told_what_his_rival_will_decide(scenario):
    """The card's text and the results of the first mover's own options leave the rival's answer to the rival."""
    if not scenario.order:
        pytest.skip("one role acts")
    first, later = scenario.order[0], scenario.order[1:]
    surname = {r.id: r.name.split()[-1] for r in scenario.roles}
    told = []
    for card in _shared_cards(scenario):
        if first not in card.roles:
            continue
        texts = [("its text", card.texts.get(first, card.text) if card.texts else card.text)]
        texts += [(o.label, oc.text) for o in card.options if o.roles is not None and o.roles <= {first}
                  for oc in o.outcomes]
        for rival in (r for r in later if r in card.roles):
            says = _decides(surname[rival])
            told += [f"{card.id} ({where}): {text}" for where, text in texts if says.search(text)]
    assert not told, "\n".join(told)


@pytest.mark.parametrize("text", ["Maduro calls it an invasion plan.", "Norway passes it on. Maduro's side does not answer."])
def test_the_check_catches_a_rival_deciding_in_a_result(text):
    assert _decides("Maduro").search(text)
    assert not _decides("Maduro").search("Maduro loses his best customer.")
