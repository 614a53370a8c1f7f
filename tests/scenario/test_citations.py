"""A card does not cite, as if it were news of its week, a document written weeks after the card can be read:
Venezuela's cards of 7 and 10 January cited a BBC report of 30-31 January, and February's cards an analysis
of September, while the sources screen said that analysis was "not quoted before 23 September".

A source that may have been written after the first day a card can be read is cited with a note that says
what it is to that card and when it was written ("background: an analysis written in September"), which the
card's citation shows; the next day's report of the card's own day needs none. Venezuela's oath of 23 January once cited a BBC report of 30-31 January, a round-up of
24-25 January and a column of "late January" untagged, while the card of 10 January tagged the same three: the
test then gave every source two weeks' grace, read "late January" as its earliest day (21 January), took any
note (even one about the source's content) as the mark, and left out every card that only comes as a
follow-up, even one with a date window.
"""

import datetime as dt
import re
from pathlib import Path

import pytest

from game.engine.effects import Queue
from game.scenario import load

SCENARIOS = sorted(p.parent for p in (Path(__file__).resolve().parents[2] / "scenarios").glob("*/scenario.yaml"))
MONTHS = {m: i for i, m in enumerate(("january february march april may june july august september october november "
                                      "december").split(), 1)}
GRACE = dt.timedelta(days=1)  # the next day's paper reports the day's events


def written(date: str, latest: bool = False) -> dt.date | None:
    """The earliest day a source's free-text date allows ('2019-02-28', '30-31 January 2019', 'late January
    2019', 'May-September 2019'), or None for one that names no month ('2019', 'autumn 2019'); with `latest`,
    the last day it allows ('30-31 January' -> 31 January, 'late January' -> 31 January, 'May-September' -> 30
    September)."""
    text = date.lower()
    if iso := re.match(r"(\d{4})-(\d{2})-(\d{2})", text):
        return dt.date(*map(int, iso.groups()))
    months, year = list(re.finditer("|".join(MONTHS), text)), re.search(r"\d{4}", text)
    if not (months and year):
        return None
    month = months[-1] if latest else months[0]
    days = re.findall(r"\b(\d{1,2})\b", text[:month.start()][-12:] if latest else text[:month.start()])
    if latest:
        if not days:  # the month's last day
            following = dt.date(int(year.group()) + (MONTHS[month.group()] == 12), MONTHS[month.group()] % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(int(year.group()), MONTHS[month.group()], int(days[-1]))
    return dt.date(int(year.group()), MONTHS[month.group()], int(days[0]) if days else 21 if "late" in text else 1)


@pytest.mark.parametrize("date, day", [("2019-02-28", dt.date(2019, 2, 28)), ("30-31 January 2019", dt.date(2019, 1, 30)),
                                       ("late January 2019", dt.date(2019, 1, 21)), ("around 23 September 2019",
                                       dt.date(2019, 9, 23)), ("May-September 2019", dt.date(2019, 5, 1)),
                                       ("autumn 2019", None)])
def test_a_source_date_in_words_reads_as_its_earliest_day(date, day):
    assert written(date) == day


@pytest.mark.parametrize("date, day", [("2019-02-28", dt.date(2019, 2, 28)), ("30-31 January 2019", dt.date(2019, 1, 31)),
                                       ("24-25 January 2019", dt.date(2019, 1, 25)),
                                       ("late January 2019", dt.date(2019, 1, 31)), ("around 23 September 2019",
                                       dt.date(2019, 9, 23)), ("May-September 2019", dt.date(2019, 9, 30)),
                                       ("May 2019", dt.date(2019, 5, 31)), ("autumn 2019", None)])
def test_a_source_date_in_words_reads_as_its_latest_day(date, day):
    assert written(date, latest=True) == day


def says_when(note: str) -> bool:
    """A note that marks a later source says so: 'background: ...', or names the month it was written in."""
    return note.lower().startswith("background") or any(m in note.lower() for m in MONTHS)


def _queued_by(scenario) -> dict[str, list[int]]:
    """For each card another card's outcome queues, the first turns on which those cards can be read."""
    found: dict[str, list[int]] = {}
    for card in scenario.cards:
        start = card.fixed_turn or card.first_turn
        for option in card.options:
            for outcome in option.outcomes:
                for effect in outcome.effects:
                    if isinstance(effect, Queue):
                        found.setdefault(effect.card, []).append(start + (0 if effect.at else effect.after))
    return found


@pytest.mark.parametrize("folder", SCENARIOS, ids=lambda p: p.name)
def test_a_card_cites_a_later_document_only_with_a_note_saying_so(folder):
    scenario = load(folder)
    when = {s.id: written(s.date, latest=True) for s in scenario.sources}
    late = []
    queued_by = _queued_by(scenario)
    for card in scenario.cards:
        if card.fixed_turn:
            first = card.day or scenario.calendar.date_of(card.fixed_turn)  # the day it shows
        elif getattr(card.weight, "const", None) == 0 and card.first_turn <= 1:
            # only ever queued by another card's outcome, and no window says when: no earlier than the
            # earliest card that queues it (g_deal, queued from Barbados on 8 July, cited Norway's
            # "May-September" statements untagged)
            turns = [t for t in queued_by.get(card.id, ()) if t]
            if not turns:
                continue
            first = scenario.calendar.date_of(max(min(turns), 1))
        else:
            first = scenario.calendar.date_of(max(card.first_turn, 1))
        late += [f"{card.id} (from {first}) cites {c.source} ({when[c.source]}) with note {c.note!r}"
                 for c in card.sources if when[c.source] and when[c.source] - first > GRACE and not says_when(c.note)]
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
