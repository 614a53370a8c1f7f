"""The Venezuela scenario is calibrated for two-sided play: the bounds of its issue, each measured on
enough seeded games that the 95% interval of the estimate clears the bound (a Wilson interval).

"Maduro still in power" reads the endings as the scenario tells them: he keeps power when he
consolidates, when Guaidó is arrested or exiled, in a stalemate, and after a crackdown (he "keeps
his palace"); he does not after a transition, a palace coup, an intervention, a settlement with new
elections, or an economic collapse in which "nobody governs".

Kept fast (it is part of `make test`): a few hundred games a measure, played once per module.
"""

import random

import pytest

from game.bots import get_policy
from game.engine.fast import play
from game.scenario import load, resolve_scenario
from game.sim.report import to_dict
from game.sim.runner import Batch, game_seed, simulate
from game.sim.scan import rules
from game.sim.stats import wilson

RUNS = 400  # games a cell: at the shares measured, every interval below clears its bound
SCAN_RUNS = 100  # games a fixed rule at first
RECHECK_RUNS = 800  # games a rule whose first interval reaches the bound
ROLES = ("guaido", "maduro")
IN_POWER = {"consolidation", "guaido_exiled", "stalemate", "crackdown"}
KEY_CARDS = ("oath", "aid_convoy", "uprising", "w_pdvsa", "oslo_invitation")
# Guaidó's policy, Maduro's: the pairings where the rare endings (collapse, intervention, settlement)
# are measured, on more games since each must reach half a per cent.
RARE_PAIRINGS = (("random", "random"), ("historical", "random"))
RARE_RUNS = 800
RARE_SHARE = 0.005


@pytest.fixture(scope="module")
def scenario():
    return load(resolve_scenario("venezuela-2019"))


def _batch(policy: dict[str], runs: int = RUNS) -> Batch:
    return Batch(None, "historical", runs, 2019, seats=tuple(policy.items()))


@pytest.fixture(scope="module")
def cells(scenario):
    """Each role's results against the historical opponent, with random and with greedy play,
    history against history, and the two pairings with a random Maduro that reach the rare endings."""
    wanted = {("historical", "historical"): {}}
    for role in ROLES:
        for policy in ("random", "greedy"):
            wanted[(role, policy)] = {role: policy}
    batches = [_batch(p) for p in wanted.values()]
    for pairing in RARE_PAIRINGS:
        wanted[pairing] = dict(zip(ROLES, pairing))
        batches.append(_batch(wanted[pairing], RARE_RUNS))
    summaries = simulate(scenario, batches, jobs=2)
    out = {}
    for key, batch in zip(wanted, batches):
        out[key] = {s.role: to_dict(s) for s in summaries if s.batch is batch}
    return out


def test_the_scenario_knows_every_ending_and_card_this_test_reads(scenario):
    assert IN_POWER <= {e.id for e in scenario.endings}
    assert set(KEY_CARDS) <= {c.id for c in scenario.cards}


def test_history_against_history_leaves_maduro_in_power_at_least_sixty_percent(cells):
    run = cells[("historical", "historical")]["maduro"]
    kept = sum(n for ending, n in run["endings"].items() if ending in IN_POWER)
    low, _high = wilson(kept, run["runs"])
    assert low >= 0.60, f"Maduro in power in {kept / run['runs']:.1%} of historical games"


def test_both_roles_read_the_same_history(cells):
    run = cells[("historical", "historical")]
    assert run["guaido"]["endings"] == run["maduro"]["endings"]


@pytest.mark.parametrize("role", ROLES)
def test_good_choices_beat_random_ones_by_fifteen_points(cells, role):
    greedy = cells[(role, "greedy")][role]
    random_ = cells[(role, "random")][role]
    gap = greedy["win_rate"] - random_["win_rate"]
    # The difference of two independent shares: its 95% half-width is under 1.96 * sqrt(sum of variances).
    var = sum(r["win_rate"] * (1 - r["win_rate"]) / r["runs"] for r in (greedy, random_))
    assert gap - 1.96 * var ** 0.5 >= 0.15, f"{role}: greedy {greedy['win_rate']:.1%}, random {random_['win_rate']:.1%}"


def _rule_wins(scenario, planned, runs):
    batches = [_batch({role: rule}, runs) for role, rule in planned]
    summaries = simulate(scenario, batches, jobs=2)
    out = {}
    for (role, rule), batch in zip(planned, batches):
        d = to_dict(next(s for s in summaries if s.batch is batch and s.role == role))
        out[(role, rule)] = (d["wins"], d["runs"])
    return out


def test_no_fixed_rule_wins_more_than_fifty_five_percent_against_history(scenario):
    """Every rule on a few games; the ones whose interval does not clear the bound, on many more."""
    planned = [(role, rule) for role in ROLES for rule in rules(scenario, role)]
    first = _rule_wins(scenario, planned, SCAN_RUNS)
    doubtful = [key for key, (wins, runs) in first.items() if wilson(wins, runs)[1] > 0.55]
    second = _rule_wins(scenario, doubtful, RECHECK_RUNS) if doubtful else {}
    too_strong = [f"{role} {rule}: {wins / runs:.1%}" for (role, rule), (wins, runs) in second.items()
                  if wilson(wins, runs)[1] > 0.55]
    assert too_strong == []


def _games(scenario, policy: str, runs: int):
    choose = [get_policy(policy).chooser(scenario, role) for role in scenario.order]
    for i in range(runs):
        seed = game_seed(2019, i)
        yield play(scenario, None, seed, choose, random.Random(seed))


@pytest.mark.parametrize("policy", ["historical"])
def test_the_key_events_come_up_in_nine_games_out_of_ten(scenario, policy):
    index = {c.id: i for i, c in enumerate(scenario.cards)}
    n = len(scenario.cards)
    world = len(scenario.order) * n
    counts = dict.fromkeys(KEY_CARDS, 0)
    runs = 600
    for game in _games(scenario, policy, runs):
        drawn = {step[1] for step in game.steps}
        for card in KEY_CARDS:
            i = index[card]
            if i in drawn or game.seen[world + i]:
                counts[card] += 1
    for card, k in counts.items():
        low, _high = wilson(k, runs)
        assert low >= 0.90, f"{card} came up in {k / runs:.1%} of {policy} games"


@pytest.mark.parametrize("policy", ["historical", "random"])
def test_no_card_is_seen_more_than_twice_in_nineteen_games_out_of_twenty(scenario, policy):
    runs, fine = 300, 0
    for game in _games(scenario, policy, runs):
        seen: dict[tuple[int], int] = {}
        for step in game.steps:
            key = (step[5], step[1])
            seen[key] = seen.get(key, 0) + 1
        fine += max(seen.values(), default=0) <= 2
    low, _high = wilson(fine, runs)
    assert low >= 0.95, f"no card seen three times in only {fine / runs:.1%} of {policy} games"


def test_every_card_and_ending_is_reached_somewhere(scenario, cells):
    best_card = {c.id: max(run[r]["cards_drawn"].get(c.id, 0) for run in cells.values() for r in run)
                 for c in scenario.cards}
    best_ending = {e.id: max(run[r]["endings"].get(e.id, 0) for run in cells.values() for r in run)
                   for e in scenario.endings}
    assert [c for c, k in best_card.items() if k == 0] == []
    assert [e for e, k in best_ending.items() if k == 0] == []


def test_every_ending_comes_in_half_a_percent_of_games_under_some_pairing(scenario, cells):
    best = {e.id: max(run[r]["endings"].get(e.id, 0) / run[r]["runs"] for run in cells.values() for r in run)
            for e in scenario.endings}
    assert {e: f"{share:.2%}" for e, share in best.items() if share < RARE_SHARE} == {}


def test_history_against_history_rarely_ends_in_a_crackdown(cells):
    run = cells[("historical", "historical")]["maduro"]
    _low, high = wilson(run["endings"].get("crackdown", 0), run["runs"])
    assert high <= 0.06, f"crackdown in {run['endings'].get('crackdown', 0) / run['runs']:.1%} of historical games"
