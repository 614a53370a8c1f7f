"""Venezuela 2019: on a card both leaders play in one week, Maduro (who moves second) reads a card and results
that follow what Guaidó's roll has already settled (issue 10, second play-test wave).

- No option is offered to both leaders: when both took "Call on everyone to rule out force", the story log told
  "The Lima Group agrees; Washington does not." twice and Talks rose twice, and Maduro was offered Guaidó's
  words ("Neither; the army decides"). Each leader has his own stance; Maduro's follows Guaidó's flags.
- Maduro's card text does not state what Guaidó's result has just undone: after "whole squads of guardsmen lay
  down their shields and cross over", Maduro read "Your National Guard and the colectivos are waiting"; after
  Guaidó played "Putin's new Cuba" down and "the story loses heat", Maduro read "the phrase has caught on".
"""

import random
import re

import pytest

from game.engine.core import outcome_chances
from game.engine.effects import SetFlag

# (card, Guaidó's option or outcome label): what Maduro's text, or a result he can then roll, may not say.
UNDONE = {
    ("aid_convoy", "soldiers step aside"): r"are waiting|holds the other crossings|No aid lorry crosses",
    ("aid_convoy", "Stay in Venezuela and hand the aid to the Red Cross and the Church to take in slowly"):
        r"his volunteers are driving|Guaidó's convoys",
    ("barbados", "Walk out until Maduro agrees to leave first"): r"have put their demand on the table|talks go nowhere",
    ("small_parties", "a few parties come back"): r"want something to show for it",
    ("w_new_cuba", "the story loses heat"): r"has caught on|Moscow (is flattered|quietly plays it down)|has stuck",
    ("w_new_cuba", "the comparison sticks (as in 2019)"): r"has caught on|has gone cold|goes quiet",
    ("w_evacuation", "the rumours fade (as in 2019)"): r"war talk (spreads|has already spread)|queues grow",
    ("w_church", "Thank them and decline"): r"truce holds|truce breaks",
    ("southcom_letter", "Tear it up; foreign troops would split the country"): r"disgusted with Guaidó",
    ("oslo_invitation", "Refuse until Maduro agrees to leave"): r"If Guaidó's envoys are there|finds Guaidó's envoys",
}
# Maduro's results that name his rival yet have the same odds whatever Guaidó just chose on the card: each is
# read and listed here because it is true after any of Guaidó's choices. A new one must be read too (after
# "Tear it up", Maduro's "called an invasion plot ... disgusted with Guaidó" was certain).
BLIND_TO_GUAIDO = {
    ("barbados", "a vote on the table"), ("barbados", "the promised vote, at a price"),
    ("marrero_arrest", "he stays in jail (as in 2019)"),
    ("sep_minority_deal", "Hold the deal back and offer Guaidó's envoys talks under Norway's mediation"),
    ("oath", "he is seized"), ("oath", "he slips away"),
    ("ria_interview", "the freed join the marches"), ("uprising", "the generals go over"),
    ("talks_round", "Offer a new electoral council and release prisoners"),
    ("year_end", "Offer an amnesty to opposition deputies who return to the Assembly"),
    ("after_uprising", "he is seized"), ("after_uprising", "the raid fails"),
    ("autumn_plan", "Guaidó is seized"), ("autumn_plan", "most escape"),
    ("autumn_plan", "the opposition is split"), ("autumn_plan", "a second promise, doubted"),
    ("small_parties", "Give them places on a new electoral council"),
    ("assembly_term", "some deputies listen"),
    ("assembly_term", "Have the court ask the Constituent Assembly to lift opposition deputies' immunity"),
    ("assembly_retaken", "Have the new Assembly annul everything Guaidó signed"),
    ("assembly_retaken", "Offer the opposition a few seats on its committees"),
}
NAMES_RIVAL = re.compile(r"Guaidó|opposition|his envoys")
WORLDS = 60


def _shared(scenario):
    return [c for c in scenario.cards if not c.event and {"guaido", "maduro"} <= c.roles]


def test_no_option_on_a_card_both_leaders_play_is_offered_to_both(scenario):
    both = [f"{card.id}: '{option.label}'" for card in _shared(scenario) for option in card.options
            if {role for role in card.roles if option.open_to(role)} >= {"guaido", "maduro"}]
    assert both == []


def _flags_set(outcome):
    return {e.flag for e in outcome.effects if isinstance(e, SetFlag) and e.value and e.when is None}


def _firsts(scenario):
    """(card, Guaidó's option, outcome) for every result Guaidó can roll on a card both leaders play."""
    for card in _shared(scenario):
        for option in card.options:
            if option.open_to("guaido"):
                for outcome in option.outcomes:
                    yield card, option, outcome


def _seconds(scenario, card, flags, rng):
    """Maduro's text, and every result he can roll, in worlds where Guaidó's result set `flags`; nothing when
    the card's condition no longer lets Maduro play it."""
    for _ in range(WORLDS):
        meters = tuple(rng.randint(m.lo, m.hi) for m in scenario.meters)
        turn = rng.randint(max(card.first_turn, 1), min(card.last_turn, scenario.calendar.max_turns))
        state = frozenset(flags | {"claim", "talks_open", "small_parties_deal", "us_recognised"})
        if card.condition is not None and not card.condition(meters, state, turn):
            continue
        yield card.text_for("maduro")
        for option in card.options:
            if option.open_to("maduro") and (option.condition is None or option.condition(meters, state, turn)):
                for outcome, p in zip(option.outcomes, outcome_chances(option, meters, state, turn)):
                    if p > 0:
                        yield outcome.text


def test_maduro_never_reads_what_guaidos_result_has_just_undone(scenario):
    rng = random.Random(2019)
    problems = set()
    for card, option, outcome in _firsts(scenario):
        for key in ((card.id, outcome.label), (card.id, option.label)):
            if key in UNDONE:
                for text in _seconds(scenario, card, _flags_set(outcome), rng):
                    if re.search(UNDONE[key], text):
                        problems.add(f"{card.id}: after Guaidó's '{outcome.label or option.label}', Maduro reads {text!r}")
    assert sorted(problems) == []


def test_the_check_meets_every_result_it_lists(scenario):
    met = {(card.id, label) for card, option, outcome in _firsts(scenario) for label in (outcome.label, option.label)}
    assert set(UNDONE) <= met, sorted(set(UNDONE) - met)


def test_a_result_of_maduros_that_names_guaido_follows_what_guaido_chose_or_is_listed(scenario):
    """The class behind the table above: a Maduro result about his rival whose odds ignore every flag Guaidó's
    choice on the card can set. Either Guaidó's choice leaves a flag and the result follows it, or the result
    is listed in BLIND_TO_GUAIDO as true whatever he chose."""
    rng = random.Random(2019)
    blind = set()
    for card in _shared(scenario):
        traces = {frozenset(_flags_set(o)) for option in card.options if option.open_to("guaido")
                  for o in option.outcomes}
        for option in card.options:
            if not option.open_to("maduro"):
                continue
            for i, outcome in enumerate(option.outcomes):
                key = (card.id, outcome.label or option.label)
                if key in BLIND_TO_GUAIDO or not NAMES_RIVAL.search(outcome.text or ""):
                    continue
                follows = False
                for _ in range(WORLDS):
                    meters = tuple(rng.randint(m.lo, m.hi) for m in scenario.meters)
                    turn = rng.randint(max(card.first_turn, 1), min(card.last_turn, scenario.calendar.max_turns))
                    base = {"claim", "talks_open", "small_parties_deal", "us_recognised"}
                    odds = {round(outcome_chances(option, meters, frozenset(base | t), turn)[i], 9) for t in traces}
                    follows = follows or len(odds) > 1
                if not follows:
                    blind.add(f"{key}: {outcome.text!r}")
    assert sorted(blind) == []


def test_every_result_listed_as_blind_to_guaido_still_exists(scenario):
    keys = {(card.id, o.label or option.label) for card in _shared(scenario) for option in card.options
            for o in option.outcomes}
    assert BLIND_TO_GUAIDO <= keys, sorted(BLIND_TO_GUAIDO - keys)


# What one of Guaidó's results settles for the week, and the words of a card of Maduro's that it makes untrue
# (hot-seat, 5 August: Guaidó read "The generals ... make their peace with Maduro instead", and Maduro's very next
# card was three generals demanding that he hand power to a military council).
SETTLES = (
    (r"make their peace with Maduro|close ranks with Maduro|generals back down",
     r"hand power to a military council|remove Maduro themselves", "the generals dropped their council plot"),
)


def _maduro_can_read(scenario, card, flags, turns, rng):
    """Whether Maduro may draw `card` in one of `turns`, in some world where `flags` are set."""
    for _ in range(WORLDS):
        meters = tuple(rng.randint(m.lo, m.hi) for m in scenario.meters)
        turn = rng.choice(turns)
        if card.condition is None or card.condition(meters, frozenset(flags), turn):
            return True
    return False


def test_maduros_card_that_week_does_not_undo_what_guaidos_result_settled(scenario):
    """Guaidó moves first, so his result is in the story log when Maduro draws his own card that week: a card of
    Maduro's may not tell what that result has just settled the other way."""
    rng = random.Random(2019)
    base = {"claim", "talks_open", "small_parties_deal", "us_recognised"}
    problems = []
    for card in scenario.cards:
        for option in card.options:
            if card.event or "guaido" not in card.roles or not option.open_to("guaido"):
                continue
            for outcome in option.outcomes:
                for settled, undone, what in SETTLES:
                    if not re.search(settled, outcome.text):
                        continue
                    turns = list(range(max(card.first_turn, 1), min(card.last_turn, scenario.calendar.max_turns) + 1))
                    for other in scenario.cards:
                        if "maduro" in other.roles and not other.event and re.search(undone, other.text_for("maduro")) \
                                and _maduro_can_read(scenario, other, base | _flags_set(outcome), turns, rng):
                            problems.append(f"{card.id} '{outcome.label}' ({what}), then Maduro's {other.id}")
    assert problems == []


def test_the_settled_check_meets_the_results_and_cards_it_names(scenario):
    """Each SETTLES row finds a result of Guaidó's and a card of Maduro's: the check above is not empty."""
    texts = [o.text for c in scenario.cards for op in c.options for o in op.outcomes]
    cards = [c.text_for("maduro") for c in scenario.cards if "maduro" in c.roles and not c.event]
    for settled, undone, _what in SETTLES:
        assert any(re.search(settled, t) for t in texts) and any(re.search(undone, t) for t in cards)
