"""A valid format-2 scenario (tests/data/valid2, every format-2 key in use) freezes into the engine objects."""

from __future__ import annotations

from game.engine import model as m
from game.scenario import check, load


def test_valid2_loads_without_problems(base2):
    report = check(base2)
    assert report.ok and report.problems == [], str(report)


def test_turns_become_the_order_and_the_event_chance(base2):
    s = load(base2)
    assert (s.format, s.order, s.two_sided) == (2, ("rebel", "chief"), True)
    assert s.event_chance.text == "0.2 + unrest / 200"
    assert s.event_chance((50, 30), frozenset(), 1) == 0.2 + 30 / 200


def test_meters_hidden_from_roles_and_one_start(base2):
    order, unrest = load(base2).meters
    assert order.hidden_from == frozenset() and unrest.hidden_from == frozenset({"chief"})
    assert unrest.start_by_role == {} and not unrest.visible_to("chief") and unrest.visible_to("rebel")


def test_text_per_role_and_options_per_role(base2):
    patrol = load(base2).card("patrol")
    assert patrol.texts == {"chief": "Order stands at {meter.order}. The guards ask for orders.",
                            "rebel": "The guards are out; your people wait."}
    assert patrol.text == patrol.texts["chief"] and patrol.text_for("rebel") == patrol.texts["rebel"]
    double, stir, wait = patrol.options
    assert (double.roles, stir.roles, wait.roles) == (frozenset({"chief"}), frozenset({"rebel"}), None)
    assert [o.label for o in double.outcomes] == ["the streets calm", "a riot"]
    assert not patrol.event and patrol.fixed_turn == 0


def test_effects_with_conditions_and_computed_amounts(base2):
    s = load(base2)
    calm, riot = s.card("patrol").options[0].outcomes
    shift, set_ = calm.effects
    assert isinstance(shift, m.Shift) and shift.meter == 0 and shift.by.text == "unrest / 10" and shift.when is None
    assert isinstance(set_, m.SetMeter) and set_.to.text == "unrest - 5" and set_.when.text == "unrest > 20"
    assert riot.effects[0] == m.Shift(0, -10)
    flag, queue = riot.effects[1:]
    assert (flag.flag, flag.value) == ("curfew", True) and flag.when((39, 0), frozenset(), 1) is True
    assert (queue.card, queue.after, queue.at, queue.when.text) == ("riot", 1, 0, "turn < 6")
    clear = s.card("patrol").options[1].outcomes[0].effects[1]
    assert (clear.flag, clear.value, clear.when.text) == ("curfew", False, "flag.curfew")
    (end,) = s.card("riot").options[0].outcomes[0].effects
    assert end.ending == "order_lost" and end.when.text == "order < 30"


def test_a_constant_expression_amount_folds_to_a_number(base2):
    cards = base2 / "cards.yaml"
    cards.write_text(cards.read_text().replace('by: "unrest / 10"', 'by: "2 * 3 + 0.5"'))
    shift = load(base2).card("patrol").options[0].outcomes[0].effects[0]
    assert shift == m.Shift(0, 7)  # 6.5 rounds half away from zero


def test_world_events_fixed_dates_and_queue_on_a_date(base2):
    s = load(base2)
    festival, storm = s.card("festival"), s.card("storm")
    assert festival.event and festival.roles == frozenset() and len(festival.options) == 1
    assert (festival.first_turn, festival.last_turn, festival.fixed_turn) == (3, 3, 3)
    (option,) = festival.options
    assert option.label == "" and [o.label for o in option.outcomes] == ["it goes well", "a brawl"]
    assert option.outcomes[1].effects[1] == m.Queue("riot", 1, None, 5)  # 2026-02-02 is in turn 5
    # A certain event: one outcome, whose text is the card's.
    (option,) = storm.options
    (outcome,) = option.outcomes
    assert (option.label, outcome.chance, outcome.text) == ("", None, storm.text)
    (shift,) = outcome.effects
    assert (shift.meter, shift.by, shift.when.text) == (0, -3, "order > 5")
    assert storm.event and storm.fixed_turn == 0 and storm.weight is None


def test_ending_text_per_role(base2):
    s = load(base2)
    kept = s.ending("order_kept")
    assert kept.texts == {"chief": "You kept order, {role}.", "rebel": "The chief kept order."}
    assert kept.text_for("rebel") == "The chief kept order." and kept.text == "You kept order, {role}."
    assert s.ending("stalemate").texts == {}


def test_format1_keeps_its_defaults(base):
    s = load(base)
    assert (s.format, s.order, s.event_chance) == (1, (), None)
    assert all(not c.event and c.fixed_turn == 0 and c.texts == {} for c in s.cards)
    assert all(o.roles is None for c in s.cards for o in c.options)
