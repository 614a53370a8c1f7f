"""Venezuela 2019 on its calendar: every leader has a card every week, and no card's text contradicts the
week it is read in (a card that says "Saturday 23 February" is only read in the week that holds it).

Bot games of every pairing of policies supply the weeks each decision card is really read in; world events,
which nobody decides, are checked against the weeks their date window allows.
"""

import datetime as dt
import random
import re

import pytest

from game.bots import get_policy
from game.engine.fast import play
from game.sim.runner import game_seed

POLICIES = ("random", "historical", "greedy", "adaptive")
GAMES = 40  # a pairing; 16 pairings, so 640 games, a few seconds
# (role, turn) pairs where the scenario means a role to pass its week; none in this scenario.
INTENDED_IDLE: set[tuple[str, int]] = set()

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DATE = re.compile(r"(?:(%s),? )?(\d{1,2}) (%s)\b" % ("|".join(WEEKDAYS), "|".join(MONTHS)))
LEADING_MONTH = re.compile(r"(%s)\b" % "|".join(MONTHS))
# Words before a date that look ahead ("until Sunday 3 February", "ends on 5 January"): such a date may
# lie after the week the card is read in.
AHEAD = re.compile(r"\b(until|from|by|ends on|deadline|next|before|due|this)\W+(\w+\W+){0,2}$", re.IGNORECASE)
# Words that put a date in the reader's own week or after it ("This Thursday, 7 February"): such a date may not
# lie before the week the card is read in.
NOW = re.compile(r"\b(next|this)\W+(\w+\W+){0,2}$", re.IGNORECASE)


@pytest.fixture(scope="module")
def games(scenario):
    out = []
    for i, (first, second) in enumerate((a, b) for a in POLICIES for b in POLICIES):
        choose = [get_policy(p).chooser(scenario, role) for role, p in zip(scenario.order, (first, second))]
        for n in range(GAMES):
            seed = game_seed(2019 + i, n)
            out.append(((first, second), play(scenario, None, seed, choose, random.Random(seed))))
    return out


def _texts(scenario, card):
    """(reader, text) for the title and each reader's text."""
    yield "title", card.title
    if card.event:
        yield "everyone", card.text
    else:
        for role in card.roles or [r.id for r in scenario.roles]:
            yield role, card.text_for(role)


def _year(scenario):
    return scenario.calendar.start.year


def _problems(scenario, card, reader, text, first: dt.date, last: dt.date) -> list[str]:
    """What in `text` contradicts a card read in a week that starts between `first` and `last`."""
    out = []
    for m in DATE.finditer(text):
        weekday, day, month = m.group(1), int(m.group(2)), MONTHS.index(m.group(3)) + 1
        date = dt.date(_year(scenario), month, day)
        where = f"{card.id} ({reader}): '{m.group(0)}'"
        if weekday and WEEKDAYS[date.weekday()] != weekday:
            out.append(f"{where} is a {WEEKDAYS[date.weekday()]}")
        if not text[:m.start()].strip():  # the text opens with its day: the week must hold it
            if not (first <= date and date <= last + dt.timedelta(days=6)) or (
                    first != last and not first <= date <= first + dt.timedelta(days=6)):
                out.append(f"{where} opens a card read in weeks from {first} to {last}")
        elif not AHEAD.search(text[max(0, m.start() - 40):m.start()]):
            if date > first + dt.timedelta(days=6):
                out.append(f"{where} is told as past in a card read as early as the week of {first}")
        elif date < last and NOW.search(text[max(0, m.start() - 40):m.start()]):  # read in April
            out.append(f"{where} is told as ahead in a card read as late as the week of {last}")
    m = LEADING_MONTH.match(text)
    if m:
        month = MONTHS.index(m.group(1)) + 1
        if not (first.month == month == (last + dt.timedelta(days=6)).month):
            out.append(f"{card.id} ({reader}) opens with '{m.group(1)}' in weeks from {first} to {last}")
    return out


def test_every_leader_has_a_card_every_week(scenario, games):
    idle = {}
    for pairing, game in games:
        for slot, role in enumerate(scenario.order):
            acted = {step[0] for step in game.steps if step[5] == slot}
            # The game's last week counts only if this role's move in it is sure to have come.
            whole_last = game.ending == scenario.calendar.timeout_ending or any(
                step[0] == game.turn and step[5] > slot for step in game.steps)
            for turn in range(1, game.turn + (1 if whole_last else 0)):
                if turn not in acted and (role, turn) not in INTENDED_IDLE:
                    idle.setdefault((role, turn), []).append(pairing)
    assert idle == {}


def test_no_decision_card_contradicts_the_week_it_is_read_in(scenario, games):
    cal = scenario.calendar
    problems = set()
    for _pairing, game in games:
        for turn, idx, *_rest, slot in game.steps:
            card = scenario.cards[idx]
            week = cal.date_of(turn)
            for reader, text in _texts(scenario, card):
                if reader in ("title", scenario.order[slot]):
                    problems.update(_problems(scenario, card, reader, text, week, week))
    assert sorted(problems) == []


def test_no_card_can_be_dated_outside_the_weeks_its_window_allows(scenario):
    """Every card, events too, against every week it may come in: a fixed card's, or its window's."""
    cal = scenario.calendar
    problems = []
    for card in scenario.cards:
        if card.fixed_turn:
            lo = hi = card.fixed_turn
        else:
            lo, hi = max(1, card.first_turn or 1), min(cal.max_turns, card.last_turn or cal.max_turns)
        for reader, text in _texts(scenario, card):
            problems += _problems(scenario, card, reader, text, cal.date_of(lo), cal.date_of(hi))
    assert problems == []


@pytest.mark.parametrize(("text", "wrong"), [
    ("Saturday 23 February. Aid at the bridges.", False),
    ("Friday 23 February. Aid at the bridges.", True),  # 23 February 2019 was a Saturday
    ("December. A year ago you were barely known.", True),  # read in a November week
    ("On 23 January Maduro broke off relations.", False),
    ("On 30 November the Assembly votes.", True),  # told as past before it happened
    ("Europe gave Maduro until Sunday 3 February.", False),
    ("This Thursday, 7 February, Mexico and Uruguay gather governments.", True),  # read on 18 February
])
def test_the_check_catches_a_date_that_contradicts_its_week(scenario, text, wrong):
    card = scenario.cards[0]
    week = dt.date(2019, 2, 18) if "February" in text or "January" in text else dt.date(2019, 11, 18)
    if "23 February" in text:
        week = dt.date(2019, 2, 18)
    assert bool(_problems(scenario, card, "reader", text, week, week)) is wrong


HISTORY = " (as in 2019)"


def test_every_rolled_result_has_a_name_and_history_names_its_own(scenario):
    """Odds read '52% the crowd holds / 48% arrested', never bare numbers; on a card that happened, history's
    option names the outcome that happened ('... (as in 2019)'), so the odds and the debrief show it; a card
    marked 'what if' claims no outcome as history."""
    unnamed, history = [], []
    for card in scenario.cards:
        for i, option in enumerate(card.options):
            outcomes = option.outcomes
            if len(outcomes) > 1:
                unnamed += [f"{card.id} option {i} outcome {k}" for k, o in enumerate(outcomes) if not o.label]
            told = [o for o in outcomes if o.label.endswith(HISTORY)]
            if card.historical and (option.historical or card.event) and len(outcomes) > 1 and len(told) != 1:
                history.append(f"{card.id} option {i}: {len(told)} outcomes say '{HISTORY}'")
            if not card.historical and told:
                history.append(f"{card.id} option {i}: a 'what if' card says '{HISTORY}'")
    assert unnamed == []
    assert history == []


def test_no_card_is_read_more_than_twice_in_one_game_in_nineteen_games_out_of_twenty(scenario, games):
    """A leader reads their own cards and, on the move screen, the rival's: counting both, a card told a third
    time reads as the same news again. At most one game in twenty may show any card three times."""
    over = []
    for pairing, game in games:
        told: dict[int, int] = {}
        for step in game.steps:
            told[step[1]] = told.get(step[1], 0) + 1
        worst = max(told, key=told.get, default=None)
        if worst is not None and told[worst] > 2:
            over.append(f"{pairing}: {scenario.cards[worst].id} x{told[worst]}")
    assert len(over) <= 0.05 * len(games), f"{len(over)} of {len(games)} games: {over[:10]}"


# Events a text may speak of only once they have happened: (what, day, English, Spanish). A card read in
# a week that starts before the day (its header shows that week's first day, or its own fixed day) must
# not tell them: "The streets fill again" spoke of blackouts from 24 February, before the 7 March one.
EVENTS = (
    ("the blackout of 7 March", dt.date(2019, 3, 7), r"\bblackouts?\b|without power|lights come back",
     r"\bapag[oó]n|\bapagones\b|sin luz|vuelve la luz"),
    ("Marrero's arrest, 21 March", dt.date(2019, 3, 21), r"\bMarrero\b", r"\bMarrero\b"),
    ("the rising of 30 April", dt.date(2019, 4, 30), r"failed rising|revolt has failed|since 30 April|after 30 April",
     r"alzamiento fracasado|rebelión ha fracasado|desde el 30 de abril|después del 30 de abril"),
    ("four million abroad, counted in June", dt.date(2019, 6, 7), r"four million|4 million", r"cuatro millones"),
    ("the Bachelet report, 4 July", dt.date(2019, 7, 4), r"Bachelet|human rights report",
     r"Bachelet|informe de derechos humanos"),
    ("the freeze of 5 August", dt.date(2019, 8, 5), r"froze everything|full embargo|Since 5 August",
     r"congel[oó] todo|embargo total|Desde el 5 de agosto"),
)


def _read_in_week(scenario, card, role):
    """Everything a leader may read on the card: title, his text, his options and their outcomes."""
    yield card.title
    yield card.text_for(role)
    for option in card.options:
        if option.open_to(role):
            yield option.label
            for outcome in option.outcomes:
                yield outcome.text


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_card_tells_an_event_before_its_day(scenario, games, language):
    from game.scenario.translations import translated
    sc = scenario if language == "en" else translated(scenario, "es")
    cal = scenario.calendar
    problems = set()
    for _pairing, game in games:
        for turn, idx, *_rest, slot in game.steps:
            card = sc.cards[idx]
            shown = card.day or cal.date_of(turn)
            for what, day, *patterns in EVENTS:
                if shown >= day:
                    continue
                pattern = patterns[language == "es"]
                for text in _read_in_week(sc, card, scenario.order[slot]):
                    if re.search(pattern, text, re.IGNORECASE):
                        problems.add(f"{card.id} ({language}, read {shown}): tells {what}: {text[:80]!r}")
    assert not problems, "\n".join(sorted(problems))
