"""Venezuela 2019 on its calendar: every leader has a card every week, and no text on a card, its options and
their results included, contradicts the week it is read in (a card that says "Saturday 23 February" is only read
in the week that holds it; "It is Christmas" is not read on 2 December).

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
# A weekday with no day beside it ("on Monday", "last Wednesday") names a day only in a card read in one week.
BARE_WEEKDAY = re.compile(r"\b(%s)\b(?!,? \d)" % "|".join(WEEKDAYS))
# A month with no day before it and no year after it, told as past ("the vote you offered in February").
BARE_MONTH = re.compile(r"(?<!\d )\b(%s)\b(?! \d)" % "|".join(MONTHS))
PAST_MONTH = re.compile(r"\b(in|since|of)\W+$")  # "last May" is last year's
# Days a text may name without a number, in each language, with the date each stands for in the game's year
# (the calendar's; a day told as ahead may be next year's: "a message for New Year's Day" in December), and the
# words that tell that day as today ("It is Christmas") or as past ("since Christmas").
FEASTS = {
    "en": {"Christmas Eve": (12, 24), "Christmas": (12, 25), "New Year's Eve": (12, 31),
           "New Year's Day": (1, 1), "Easter": (4, 21), "Carnival": (3, 4)},
    "es": {"Nochebuena": (12, 24), "Navidad": (12, 25), "Nochevieja": (12, 31), "Año Nuevo": (1, 1),
           "Semana Santa": (4, 14), "Pascua": (4, 21), "Carnaval": (3, 4)},
}
TODAY = {"en": re.compile(r"\b(it is|it's|today is|tonight is|on this)\W+$", re.IGNORECASE),
         "es": re.compile(r"\b(es|hoy es|esta noche es|en esta)\W+(la\W+)?$", re.IGNORECASE)}
SINCE = {"en": re.compile(r"\b(last|since|after|over)\W+$", re.IGNORECASE),
         "es": re.compile(r"\b(pasad[ao]|desde|después de|tras)\W+(la\W+|el\W+)?$", re.IGNORECASE)}
# The northern seasons, as English and Spanish write them: a season told as this one has not yet ended, and one
# told as the last one has.
SEASONS = {"spring": ((3, 20), (6, 20)), "summer": ((6, 21), (9, 22)), "autumn": ((9, 23), (12, 21)),
           "primavera": ((3, 20), (6, 20)), "verano": ((6, 21), (9, 22)), "otoño": ((9, 23), (12, 21))}
THIS_SEASON = re.compile(r"\b(this|it is|esta|este|es)\W+(%s)\b" % "|".join(SEASONS), re.IGNORECASE)
LAST_SEASON = re.compile(r"\b(last|la|el)\W+(%s)\W+pasad[oa]|\blast\W+(%s)\b" % ("|".join(SEASONS),
                                                                                    "|".join(SEASONS)), re.IGNORECASE)


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
    """(reader, text) for the title, each reader's text, and the options he may take with their results: all
    of it shows under the card's date."""
    yield "title", card.title
    if card.event:
        yield "everyone", card.text
        for outcome in card.options[0].outcomes if card.options else ():
            yield "everyone", outcome.text
        return
    for role in card.roles or [r.id for r in scenario.roles]:
        yield role, card.text_for(role)
        for option in card.options:
            if option.open_to(role):
                yield role, option.label
                if option.unavailable:
                    yield role, option.unavailable
                for outcome in option.outcomes:
                    yield role, outcome.text


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
    if first != last:
        out += [f"{card.id} ({reader}): '{m.group(0)}' names a day in a card read in weeks from {first} to {last}"
                for m in BARE_WEEKDAY.finditer(text)]
    for m in BARE_MONTH.finditer(text):
        month = MONTHS.index(m.group(1)) + 1
        if m.start() and PAST_MONTH.search(text[max(0, m.start() - 20):m.start()]) and month > first.month:
            out.append(f"{card.id} ({reader}): '{m.group(0)}' is told as past in a card read as early as {first}")
    return out + _named_day_problems(scenario, card, reader, text, first, last, "en")


def _named_day_problems(scenario, card, reader, text, first: dt.date, last: dt.date, language: str) -> list[str]:
    """What in `text` names a feast or a season that a week from `first` to `last` contradicts: a feast told as
    today outside its week, as past before it, or as ahead after it; this season once it has ended, the last one
    before it has."""
    out = []
    where = f"{card.id} ({reader}, {language})"
    year = _year(scenario)
    for name, (month, day) in sorted(FEASTS[language].items(), key=lambda item: -len(item[0])):
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if any(other != name and other.startswith(name) and text.startswith(other, m.start())
                   for other in FEASTS[language]):
                continue  # "Christmas Eve" is not "Christmas"
            date = dt.date(year, month, day)
            before = text[max(0, m.start() - 20):m.start()]
            if TODAY[language].search(before):
                if not (first <= date <= first + dt.timedelta(days=6) and last <= date):
                    out.append(f"{where}: '{before.strip()} {name}' is told as today in weeks from {first} to {last}")
            elif SINCE[language].search(before) or re.match(r"\W+pasad[ao]", text[m.end():]):
                if date > first:
                    out.append(f"{where}: '{name}' is told as past in a card read as early as {first}")
            elif date < last and dt.date(year + 1, month, day) - last > dt.timedelta(days=120):
                out.append(f"{where}: '{name}' is told as ahead in a card read as late as {last}")
    for m in THIS_SEASON.finditer(text):
        _start, end = SEASONS[m.group(2).lower()]
        if last > dt.date(year, *end):
            out.append(f"{where}: '{m.group(0)}' in a card read as late as {last}")
    for m in LAST_SEASON.finditer(text):
        start, _end = SEASONS[(m.group(2) or m.group(3)).lower()]
        if first <= dt.date(year, *start):
            out.append(f"{where}: '{m.group(0)}' in a card read as early as {first}")
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


def _weeks(scenario, card) -> tuple[dt.date, dt.date]:
    """The first days of the first and last weeks a card may come in: a fixed card's, or its window's."""
    cal = scenario.calendar
    if card.fixed_turn:
        lo = hi = card.fixed_turn
    else:
        lo, hi = max(1, card.first_turn or 1), min(cal.max_turns, card.last_turn or cal.max_turns)
    return cal.date_of(lo), cal.date_of(hi)


def test_no_card_can_be_dated_outside_the_weeks_its_window_allows(scenario):
    """Every card, events too, against every week it may come in: a fixed card's, or its window's."""
    problems = []
    for card in scenario.cards:
        for reader, text in _texts(scenario, card):
            problems += _problems(scenario, card, reader, text, *_weeks(scenario, card))
    assert problems == []


def test_no_spanish_text_names_a_feast_or_season_its_weeks_contradict(scenario, spanish):
    """The Spanish reads the same weeks: 'Es Navidad' is no more read on 2 December than 'It is Christmas'."""
    problems = []
    for card in spanish.cards:
        for reader, text in _texts(spanish, card):
            problems += _named_day_problems(spanish, card, reader, text, *_weeks(scenario, card), "es")
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


@pytest.mark.parametrize(("text", "language", "first", "last", "wrong"), [
    # A result of 'Christmas apart', whose window opens on 2 December: the header shows 2 December.
    ("It is Christmas, and few come.", "en", (12, 2), (12, 23), True),
    ("Es Navidad, y va poca gente.", "es", (12, 2), (12, 23), True),
    ("It is Christmas, and few come.", "en", (12, 23), (12, 23), False),
    ("Families are saving what they can for Christmas, and few come.", "en", (12, 2), (12, 23), False),
    ("More than four million Venezuelans will spend Christmas abroad.", "en", (12, 2), (12, 23), False),
    ("Since Christmas the exiles have been writing home.", "en", (12, 2), (12, 23), True),
    ("Las familias pasarán la Nochebuena lejos.", "es", (12, 2), (12, 23), False),
    ("Families march with torches this spring.", "en", (3, 4), (7, 29), True),
    ("The crowds of last spring are gone.", "en", (3, 4), (9, 30), True),
    ("Hold at last the early Assembly vote you offered in February", "en", (1, 28), (6, 24), True),
    ("Hold at last the early Assembly vote you offered in February", "en", (6, 3), (11, 25), False),
    ("Last Wednesday Guaidó wrote in the New York Times.", "en", (2, 4), (2, 18), True),
    ("Last Wednesday Guaidó wrote in the New York Times.", "en", (2, 4), (2, 4), False),
])
def test_the_check_catches_wording_that_names_a_day_its_week_contradicts(scenario, text, language, first, last,
                                                                       wrong):
    card = scenario.cards[0]
    weeks = dt.date(2019, *first), dt.date(2019, *last)
    found = (_problems(scenario, card, "reader", text, *weeks) if language == "en"
             else _named_day_problems(scenario, card, "reader", text, *weeks, language))
    assert bool(found) is wrong, found


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
