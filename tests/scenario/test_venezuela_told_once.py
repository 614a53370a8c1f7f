"""Venezuela 2019 tells each thing once, in order, and to the right reader (issue 10, second play-test wave):

- a card never tells as done a choice its reader has yet to make: Guaidó read "Yesterday you slipped across the
  border to Cúcuta" before choosing whether to go, and "You are flying home" in a game where he stayed;
  Norway had "brought your envoys and Maduro's to Oslo" on the card where each leader decides whether to send
  them;
- an event is news once: the PDVSA sanctions were a world event on 28 January and news again on "Whose oil?";
  the Russian specialists "arrived" in December after October's card had them in Caracas already, and the
  jets' fly-past told the 1962 comparison before "Putin's new Cuba" did;
- a leader reads about himself as "you": Maduro read "his hardliners wonder if he is weak" under his own
  roll, and "Russia, China and Turkey stand with Maduro" on a card addressed to him.
"""

import re

import pytest

from game.engine.effects import SetFlag


# What a text may tell only when one of the flags is set, so only on a card whose condition requires one:
# (flags, English, Spanish, the choice).
CHOSEN = (
    ({"left_country"}, r"you left anyway|having crossed the border|slipped across the border to|You are in Bogotá"
                       r"|You are flying home|given you the floor",
     r"saliste igual|tras cruzar la frontera|Ayer cruzaste|Estás en Bogotá|Vuelas de regreso|te ha cedido la palabra",
     "Guaidó crossed into Colombia"),
    ({"oslo_guaido", "envoys_maduro", "talks_open"},
     r"brought your envoys and Maduro's to Oslo|hosting talks between your envoys",
     r"reunió discretamente en Oslo a tus enviados|acoge conversaciones entre tus enviados",
     "the envoys went to Oslo"),
)

# An event's news, in the words that tell it as new: only that event may say it so.
NEWS = (
    ("w_pdvsa", r"\b(puts?|has put|have put) (sanctions|curbs) on PDVSA", r"\b(sanciona|impone restricciones) a PDVSA"),
    ("w_russian_troops", r"(specialists|personnel|planes|troops)[^.]{0,40}\b(land at|lands? in|have arrived|has arrived)",
     r"(especialistas|militares|aviones)[^.]{0,40}\b(aterrizan|han llegado)"),
    ("w_new_cuba", r"missiles in Cuba in 1962|\b1962\b", r"misiles de Moscú en Cuba|\b1962\b"),
    # Norway's part comes out on 20 May; a card that may come after it does not offer it as a surprise.
    ("oslo_invitation", r"(A surprise|[Ss]uddenly)[^.]{0,20}\. Norway|Norway's diplomats offer to carry messages",
     r"[Ss]orpresa[^.]{0,20}noruegos|los diplomáticos noruegos se ofrecen a llevar mensajes"),
)


def _reads(card, role):
    """What a leader reads before choosing: the title, his text, and the options open to him."""
    yield card.title
    yield card.text_for(role)
    for option in card.options:
        if option.open_to(role):
            yield option.label


def _readers(scenario, card):
    return sorted(card.roles) if not card.event else [None]


def test_a_card_tells_a_choice_as_made_only_when_its_condition_requires_it(scenario, spanish):
    meters = [tuple(v for _ in scenario.meters) for v in (0, 50, 100)]
    everyone = {f.id for f in scenario.flags}
    problems = []
    for language, sc in enumerate((scenario, spanish)):
        for card in sc.cards:
            for role in _readers(sc, card):
                for text in _reads(card, role):
                    for needed, *patterns, what in CHOSEN:
                        if not re.search(patterns[language], text):
                            continue
                        without = frozenset(everyone - needed)
                        if card.condition is None or any(card.condition.fn(m, without, t) for m in meters
                                                         for t in (1, 20, 51)):
                            problems.append(f"{card.id} ({role}, {'en es'.split()[language]}): tells '{what}' "
                                            f"in a game where none of {sorted(needed)} is set")
    assert problems == []


@pytest.mark.parametrize(("text", "language", "choice"), [
    ("Yesterday you slipped across the border to Cúcuta, in Colombia, despite the travel ban.", 0,
     "Guaidó crossed into Colombia"),
    ("You are in Bogotá, having crossed the border in defiance of the travel ban", 0, "Guaidó crossed into Colombia"),
    ("Estás en Bogotá, tras cruzar la frontera desafiando la prohibición de salida", 1, "Guaidó crossed into Colombia"),
    ("The Lima Group meets in Bogotá with US Vice President Mike Pence, and it has given you the floor.", 0,
     "Guaidó crossed into Colombia"),
    ("Norway has quietly brought your envoys and Maduro's to Oslo for exploratory contacts", 0,
     "the envoys went to Oslo"),
])
def test_the_check_knows_the_wordings_that_told_choices_as_made(text, language, choice):
    assert choice in [what for _flags, *patterns, what in CHOSEN if re.search(patterns[language], text)]


def test_an_event_is_told_as_news_only_by_its_own_card(scenario, spanish):
    problems = []
    for language, sc in enumerate((scenario, spanish)):
        for card in sc.cards:
            texts = [card.title, card.text, *card.texts.values(),
                     *(outcome.text for option in card.options for outcome in option.outcomes)]
            for event, *patterns in NEWS:
                if card.id != event and any(re.search(patterns[language], t) for t in texts):
                    problems.append(f"{card.id} ({'en es'.split()[language]}) tells {event}'s news again")
    assert problems == []


@pytest.mark.parametrize(("text", "event"), [
    ("Washington has put curbs on PDVSA, the state oil company that pays for almost everything.", "w_pdvsa"),
    ("The United States puts curbs on PDVSA, your state oil company", "w_pdvsa"),
    ("and Russian military specialists have arrived to service them.", "w_russian_troops"),
    ("Commentators abroad compare Russia's hardware in Caracas to Moscow's missiles in Cuba in 1962.", "w_new_cuba"),
    ("A surprise. Norway's diplomats offer to carry messages, and Europe applauds.", "oslo_invitation"),
])
def test_the_news_check_knows_the_wordings_that_told_an_event_twice(text, event):
    assert [e for e, english, _spanish in NEWS if re.search(english, text)] == [event]


def _surname(role) -> str:
    return role.name.split()[-1]


def _unquoted(text: str) -> str:
    return re.sub(r'"[^"]*"', '""', text)


def test_a_leader_reads_his_own_card_as_you(scenario):
    """A card addressed to a leader calls him "you", never by his name, except inside a quotation (Bolton's
    "Maduro mafia")."""
    names = {role.id: _surname(role) for role in scenario.roles}
    problems = [f"{card.id} ({role}): {card.text_for(role)[:90]}"
                for card in scenario.cards if not card.event for role in sorted(card.roles)
                if re.search(rf"\b{names[role]}\b", _unquoted(card.text_for(role)))]
    assert problems == []


def _names(scenario) -> set[str]:
    words = {_surname(role) for role in scenario.roles}
    return words | {w for entry in scenario.glossary for w in re.findall(r"[A-ZÁÉÍÓÚ][\wáéíóú]+", entry.name)}


def _has_antecedent(text: str, end: int, names: set[str]) -> bool:
    """A name before the pronoun: one of the scenario's people or bodies, or a capitalised word that does not
    open a sentence."""
    head = text[:end]
    return (any(re.search(rf"\b{re.escape(name)}\b", head) for name in names)
            or re.search(r"(?<![.!?:;]\s)(?<!^)\b[A-ZÁÉÍÓÚ][\wáéíóú]+", head) is not None)


def dangling(text: str, names: set[str]) -> bool:
    text = _unquoted(text)
    return any(not _has_antecedent(text, m.start(), names) for m in re.finditer(r"\b(he|his|him|He|His|Him)\b", text))


def test_a_result_under_a_leaders_roll_names_whom_he_and_his_mean(scenario):
    """Results are written in the third person, for the story log both leaders read; under his own roll a
    leader must still know whom 'he' means: 'A softer tone. Some neighbours listen; his hardliners wonder if he
    is weak' left Maduro asking whose hardliners."""
    names = _names(scenario)
    problems = []
    for card in scenario.cards:
        if card.event:
            continue
        for option in card.options:
            takers = [role for role in card.roles if option.open_to(role)]
            if len(takers) != 1:
                continue
            problems += [f"{card.id} ({takers[0]}): {outcome.text}" for outcome in option.outcomes
                         if dangling(outcome.text, names)]
    assert problems == []


@pytest.mark.parametrize(("text", "caught"), [
    ("A softer tone. Some neighbours listen; his hardliners wonder if he is weak.", True),
    ("Another frozen account, another banned flight. He feels it.", True),
    ("A softer tone. Some neighbours listen; Maduro's hardliners wonder if he is weak.", False),
    ("Cabello keeps his list.", False),
])
def test_the_pronoun_check_tells_a_named_he_from_a_dangling_one(scenario, text, caught):
    assert dangling(text, _names(scenario)) is caught


def _words(text: str) -> set[str]:
    """A sentence's words that carry its sense: four letters or more, without a possessive."""
    return {w.lower().removesuffix("'s") for w in re.findall(r"[\w']+", text) if len(w) >= 4}


def test_the_flags_one_result_sets_each_say_something_new(scenario, spanish):
    """A player reads one 'Now true' line for each flag a result sets: 'Maduro has promised a new presidential
    election.' followed by 'Maduro promised Europe a new presidential election, at its deadline.' told him the
    promise twice. Two flags set together share no more than a third of their words."""
    problems = []
    for language, sc in enumerate((scenario, spanish)):
        said = {f.id: f.description for f in sc.flags}
        for card in sc.cards:
            for option in card.options:
                for outcome in option.outcomes:
                    flags = [e.flag for e in outcome.effects if isinstance(e, SetFlag) and e.value]
                    for i, a in enumerate(flags):
                        for b in flags[i + 1:]:
                            one, other = _words(said[a]), _words(said[b])
                            if len(one & other) > min(len(one), len(other)) / 3:
                                problems.append(f"{card.id} ({'en es'.split()[language]}): {said[a]!r} / {said[b]!r}")
    assert sorted(set(problems)) == []
