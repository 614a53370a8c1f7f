"""Wilson intervals and percentiles against values published elsewhere and computed by hand."""

import pytest

from game.sim.stats import percentile, spread, wilson


@pytest.mark.parametrize("successes, trials, lo, hi", [
    # R: binom::binom.confint(x, n, methods = "wilson")
    (0, 10, 0.0, 0.2775328),
    (1, 10, 0.0178762, 0.4041500),
    (5, 10, 0.2365931, 0.7634069),
    (10, 10, 0.7224672, 1.0),
    # Newcombe (1998), table I, example (c): 81 of 263 -> 0.2553 to 0.3662
    (81, 263, 0.2553, 0.3662),
])
def test_wilson_interval_matches_published_values(successes, trials, lo, hi):
    got = wilson(successes, trials)
    assert got == pytest.approx((lo, hi), abs=1e-4)


def test_wilson_interval_narrows_with_more_trials_and_always_holds_the_share():
    widths = [wilson(3 * n // 10, n)[1] - wilson(3 * n // 10, n)[0] for n in (10, 100, 1000, 10000)]
    assert widths == sorted(widths, reverse=True)
    for k in range(0, 21):
        lo, hi = wilson(k, 20)
        assert 0.0 <= lo <= k / 20 <= hi <= 1.0
    assert wilson(0, 0) == (0.0, 1.0)  # no trials, no knowledge


@pytest.mark.parametrize("values, q, expected", [
    ([1, 2, 3, 4], 0.5, 2.5),
    ([1, 2, 3, 4], 0.1, 1.3),
    ([1, 2, 3, 4], 0.9, 3.7),
    ([7], 0.9, 7),
    ([5, 5, 5, 9], 0.5, 5),
    ([1, 1, 1, 1, 1, 1, 1, 1, 1, 10], 0.9, 1.9),
    ([3, 1, 2], 0.0, 1),
    ([3, 1, 2], 1.0, 3),
])
def test_percentiles_interpolate_between_order_statistics(values, q, expected):
    counts = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    assert percentile(counts, q) == pytest.approx(expected)


def test_spread_gives_the_three_figures_the_report_shows():
    assert spread({v: 1 for v in range(1, 12)}) == {"median": 6, "p10": 2, "p90": 10}
