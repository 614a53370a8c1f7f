"""A player chooses from at most five options on one card. A shared format-2 card holds each role's options, so
the five are counted per role (an option without `roles` counts for every role); format 1 keeps its five a card."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.engine import options, resolve, start
from game.scenario import check

DATA = Path(__file__).resolve().parent.parent / "data"


def _option(label: str, roles: str | None) -> str:
    head = f"      - label: {label}\n"
    return head + (f"        roles: [{roles}]\n" if roles else "") + "        text: Done.\n"


def _with_options(tmp_path: Path, chief: int, rebel: int, both: int) -> Path:
    """valid2 with one more card, 'council', holding the given numbers of options per role."""
    folder = tmp_path / "s"
    shutil.copytree(DATA / "valid2", folder)
    body = "".join(_option(f"Chief {i}", "chief") for i in range(chief))
    body += "".join(_option(f"Rebel {i}", "rebel") for i in range(rebel))
    body += "".join(_option(f"Either {i}", None) for i in range(both))
    card = f"  - id: council\n    title: The council\n    text: The council sits.\n    weight: 100\n    options:\n{body}"
    cards = folder / "cards.yaml"
    cards.write_text(cards.read_text(encoding="utf-8") + card, encoding="utf-8")
    return folder


def test_five_options_for_each_role_make_one_shared_card(tmp_path):
    report = check(_with_options(tmp_path, chief=5, rebel=4, both=0))
    assert report.ok, report.problems
    state = start(report.scenario, None, 1)
    for _ in range(20):  # each role, when the council comes to it, sees its own options only
        card = state.current_card
        if card is not None and card.id == "council":
            labels = [v.label for v in options(state)]
            assert labels and all(label.startswith(("Chief" if state.role == "chief" else "Rebel")) for label in labels)
            return
        state = resolve(state, next(v for v in options(state) if v.available).index).state
        if state.over:
            state = start(report.scenario, None, state.seed + 1)
    pytest.fail("the council never came")


@pytest.mark.parametrize("chief, rebel, both, who", [(6, 0, 0, "role 'chief' has 6"), (4, 2, 2, "role 'chief' has 6"),
                                                     (0, 0, 6, "every role has 6")])
def test_a_sixth_option_before_one_player_is_located(tmp_path, chief, rebel, both, who):
    report = check(_with_options(tmp_path, chief, rebel, both))
    assert not report.ok
    [problem] = report.errors
    assert problem.file.endswith("cards.yaml") and problem.line > 1 and who in problem.message, problem
