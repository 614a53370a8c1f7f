"""The statistics a balance report needs: Wilson intervals for shares, percentiles from counts."""

from __future__ import annotations

import math
from typing import Mapping

Z95 = 1.959963984540054  # the normal quantile for a two-sided 95% interval


def wilson(successes: int, trials: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for a share: honest near 0 and 1 and for few trials, unlike p ± z·se."""
    if trials <= 0:
        return (0.0, 1.0)
    p = successes / trials
    z2n = z * z / trials
    centre = (p + z2n / 2) / (1 + z2n)
    half = z / (1 + z2n) * math.sqrt(p * (1 - p) / trials + z2n / (4 * trials))
    # At 0 and n successes the bound is exactly 0 or 1; rounding must not move it.
    lo = 0.0 if successes == 0 else max(0.0, centre - half)
    hi = 1.0 if successes == trials else min(1.0, centre + half)
    return (lo, hi)


def percentile(counts: Mapping[int, int], q: float) -> float:
    """The q-quantile (0 <= q <= 1) of values given as {value: how many times}, by linear interpolation
    between order statistics (numpy's default): the median of 1, 2, 3, 4 is 2.5."""
    n = sum(counts.values())
    if n == 0:
        return math.nan
    pos = q * (n - 1)
    below = math.floor(pos)
    frac = pos - below
    lo = hi = None
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if lo is None and seen > below:
            lo = value
        if seen > below + 1 or (seen > below and frac == 0):
            hi = value
            break
    if hi is None:
        hi = lo
    return lo + (hi - lo) * frac


def spread(counts: Mapping[int, int]) -> dict[str, float]:
    """p10, median and p90, the three figures the report shows for a distribution."""
    return {"median": percentile(counts, 0.5), "p10": percentile(counts, 0.1), "p90": percentile(counts, 0.9)}
