"""Invariants of the engine under any seed and any sequence of choices (hypothesis)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import digest, options, resolve, start

from .build import Option, Outcome, SetMeter, Shift, card, n, scenario, x

shift = st.builds(Shift, st.integers(0, 1), st.integers(-300, 300))
setm = st.builds(SetMeter, st.integers(0, 1), st.integers(-300, 300))
effects = st.lists(st.one_of(shift, setm), max_size=4).map(tuple)


@st.composite
def scenarios(draw):
    cards = []
    for i in range(draw(st.integers(1, 6))):
        opts = []
        for j in range(draw(st.integers(1, 3))):
            outs = tuple(Outcome(n(draw(st.floats(0, 1))), f"o{k}", draw(effects)) for k in range(draw(st.integers(1, 3))))
            opts.append(Option(f"opt{j}", outs, condition=x("army > 50") if j == 2 else None))
        cards.append(card(f"c{i}", *opts, once=draw(st.booleans()), cooldown=draw(st.integers(0, 2))))
    return scenario(cards, max_turns=draw(st.integers(1, 15)))


@settings(max_examples=60, deadline=None)
@given(scenarios(), st.integers(0, 2**63), st.lists(st.integers(0, 2), max_size=20), st.sampled_from(["a", "b"]))
def test_meters_stay_in_range_and_games_replay(sc, seed, picks, role):
    def run():
        s = start(sc, role, seed)
        k = 0
        while not s.over:
            ok = [v.index for v in options(s) if v.available]
            s = resolve(s, ok[picks[k % len(picks)] % len(ok)] if picks else ok[0]).state
            k += 1
            for value, meter in zip(s.meters, sc.meters):
                assert meter.lo <= value <= meter.hi
        return s

    first, second = run(), run()
    assert first.over and first.turn <= sc.calendar.max_turns
    assert digest(first) == digest(second)
