"""Simple fixed rules for the dominant-strategy scan: a player who always does the same simple thing.

- `always:K` takes option K of each card (numbered from 1, as on screen), or the first available
  option when K is not available to the role;
- `raise:METER` takes the option whose expected change of the meter is largest, `lower:METER` the
  one whose is smallest; the expected change weighs each outcome's change of the meter (its effects
  applied to the meters now, clamps included) by the outcome's chance. Ties go to the first.

If such a rule wins most games, the scenario has a strategy that needs no thought.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.core import apply, outcome_chances, table
from game.engine.model import Scenario
from game.i18n import _

from .registry import Choose, UnknownPolicy


def parse(name: str) -> "AlwaysOption | MeterRule":
    kind, _colon, arg = name.partition(":")
    if kind == "always" and arg.isdigit() and int(arg) >= 1:
        return AlwaysOption(int(arg))
    if kind in ("raise", "lower") and arg:
        return MeterRule(arg, kind == "raise")
    raise UnknownPolicy(_("unknown policy '{name}' (fixed rules: always:K with K from 1, raise:METER,"
                          " lower:METER)").format(name=name))


@dataclass(frozen=True)
class AlwaysOption:
    k: int  # from 1

    @property
    def name(self) -> str:
        return f"always:{self.k}"

    @property
    def summary(self) -> str:
        return _("always option {k} (else the first available)").format(k=self.k)

    @property
    def description(self) -> str:
        return _("stubborn")

    def chooser(self, scenario: Scenario, role: str) -> Choose:
        want = self.k - 1

        def choose(card, available, meters, flags, turn, rng) -> int:
            return want if want in available else available[0]

        return choose


@dataclass(frozen=True)
class MeterRule:
    meter: str
    up: bool

    @property
    def name(self) -> str:
        return f"{'raise' if self.up else 'lower'}:{self.meter}"

    @property
    def summary(self) -> str:
        text = _("always the option that raises {meter} most") if self.up else \
            _("always the option that lowers {meter} most")
        return text.format(meter=self.meter)

    @property
    def description(self) -> str:
        return _("single-minded")

    def chooser(self, scenario: Scenario, role: str) -> Choose:
        ids = [m.id for m in scenario.meters]
        if self.meter not in ids:
            raise UnknownPolicy(_("unknown policy '{name}': no meter '{meter}' (meters: {meters})").format(
                name=self.name, meter=self.meter, meters=", ".join(ids)))
        i = ids.index(self.meter)
        sign = 1.0 if self.up else -1.0
        plays = table(scenario, scenario.acting(role)).plays

        def change(effects, meters, flags, turn) -> int:
            m = list(meters)
            apply(effects, turn, m, set(flags), [], None)
            return m[i] - meters[i]

        def choose(card, available, meters, flags, turn, rng) -> int:
            if len(available) == 1:
                return available[0]
            top, pick = None, available[0]
            for k in available:
                _cond, fixed, option, effects = plays[card][k]
                chances = fixed if fixed is not None else outcome_chances(option, meters, flags, turn)
                v = sign * sum(p * change(eff, meters, flags, turn) for p, eff in zip(chances, effects) if p > 0.0)
                if top is None or v > top + 1e-12:
                    top, pick = v, k
            return pick

        return choose
