"""A card does not cite, as if it were news of its week, a document written weeks after the card can be read:
Venezuela's cards of 7 and 10 January cited a BBC report of 30-31 January, and February's cards an analysis
of September, while the sources screen said that analysis was "not quoted before 23 September".

A source written more than two weeks after the first day a card can be read is cited with a note that says
what it is to that card ("background: an analysis written in September"), which the card's citation shows.
"""

import datetime as dt
import re
from pathlib import Path

import pytest

from game.scenario import load

SCENARIOS = sorted(p.parent for p in (Path(__file__).resolve().parents[2] / "scenarios").glob("*/scenario.yaml"))
MONTHS = {m: i for i, m in enumerate(("january february march april may june july august september october november "
                                      "december").split(), 1)}
GRACE = dt.timedelta(days=14)  # a report of the week's events may come out a few days after it


def written(date: str) -> dt.date | None:
    """The earliest day a source's free-text date allows ('2019-02-28', '30-31 January 2019', 'late January
    2019', 'May-September 2019'), or None for one that names no month ('2019', 'autumn 2019')."""
    text = date.lower()
    if iso := re.match(r"(\d{4})-(\d{2})-(\d{2})", text):
        return dt.date(*map(int, iso.groups()))
    month, year = re.search("|".join(MONTHS), text), re.search(r"\d{4}", text)
    if not (month and year):
        return None
    day = re.search(r"\b(\d{1,2})\b", text[:month.start()])
    return dt.date(int(year.group()), MONTHS[month.group()], int(day.group(1)) if day else 21 if "late" in text else 1)


@pytest.mark.parametrize("date, day", [("2019-02-28", dt.date(2019, 2, 28)), ("30-31 January 2019", dt.date(2019, 1, 30)),
                                       ("late January 2019", dt.date(2019, 1, 21)), ("around 23 September 2019",
                                       dt.date(2019, 9, 23)), ("May-September 2019", dt.date(2019, 5, 1)),
                                       ("autumn 2019", None)])
def test_a_source_date_in_words_reads_as_its_earliest_day(date, day):
    assert written(date) == day


@pytest.mark.parametrize("folder", SCENARIOS, ids=lambda p: p.name)
def test_a_card_cites_a_later_document_only_with_a_note_saying_so(folder):
    scenario = load(folder)
    when = {s.id: written(s.date) for s in scenario.sources}
    late = []
    for card in scenario.cards:
        if card.fixed_turn:
            first = scenario.calendar.date_of(card.fixed_turn)
        elif getattr(card.weight, "const", None) == 0:
            continue  # only ever queued by another card's outcome, so no window says when
        else:
            first = scenario.calendar.date_of(max(card.first_turn, 1))
        late += [f"{card.id} (from {first}) cites {c.source} ({when[c.source]})" for c in card.sources
                 if when[c.source] and when[c.source] - first > GRACE and not c.note]
    assert not late, "\n".join(late)


@pytest.mark.parametrize("folder", SCENARIOS, ids=lambda p: p.name)
def test_a_note_names_a_source_by_the_number_players_see(folder):
    """A card's note, read in the debrief as 'Why these odds', says '[2]' as the card's citations and the
    sources screen number them, never a source's file name ('source 001') that players never see."""
    scenario = load(folder)
    ids = {s.id for s in scenario.sources}
    prefixes = {i.split("_")[0] for i in ids if i.split("_")[0].isdigit()} | ids  # '001' of '001_a6b97a...' 
    wrong = []
    for card in scenario.cards:
        words = set(re.findall(r"[\w-]+", card.note))
        wrong += [f"{card.id}: names '{w}'" for w in sorted(words & prefixes)]
        wrong += [f"{card.id}: [{n}] is no source" for n in re.findall(r"\[(\d+)", card.note)
                  if not 1 <= int(n) <= len(scenario.sources)]
    assert not wrong, "\n".join(wrong)


def test_a_source_mark_never_stands_inside_a_number():
    """Renumbering notes from 'source 000' to '[1]' once caught the 000 of Bolton's '5,000 troops to Colombia',
    which then read '5,[1] troops' on a card, in the who's who and in Spanish: a source mark is never glued to
    a number's digits."""
    root = Path(__file__).resolve().parents[2] / "scenarios"
    glued = [f"{path.relative_to(root)}:{n}: {line.strip()}"
             for path in sorted(root.rglob("*.yaml")) + sorted(root.rglob("*.md"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\d[,.]?\[\d+\]|\[\d+\]\d", line)]
    assert not glued, "\n".join(glued)
