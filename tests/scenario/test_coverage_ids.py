"""A scenario's coverage checklist (coverage.md) says where each fact of its sources lands, by card id: when
cards were merged or renamed for two-sided play, six ids in Venezuela's list (m_high_command, g_warrant,
g_blackout...) went on naming cards that no longer existed, so a teacher following the list found nothing."""

import re
from pathlib import Path

import pytest

from game.scenario import load

ROOT = Path(__file__).resolve().parents[2] / "scenarios"
LISTS = sorted(ROOT.glob("*/coverage.md"))


@pytest.mark.parametrize("path", LISTS, ids=lambda p: p.parent.name)
def test_every_card_id_in_the_coverage_list_is_a_card(path):
    ids = {card.id for card in load(path.parent).cards}
    named = set(re.findall(r"\b([gmw]_[a-z0-9_]+)\b", path.read_text(encoding="utf-8")))
    assert named, "the list names no card id: this test reads nothing"
    assert not sorted(named - ids), sorted(named - ids)
