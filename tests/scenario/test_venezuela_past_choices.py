"""Venezuela 2019 never tells as past what a player did not do: a card that tells a leader's choice as done
(Maduro broke with Washington, stripped deputies of their immunity; Guaidó swore the oath, wrote the op-ed,
held talks in Barbados) is read only in a game where that choice was made, which a flag records.

Bot games of every pairing of policies are replayed through the engine's public door, and each card on the
table is read, in English and in Spanish, with the flags of that moment: its title, its reader's text and
the options its reader may take. The world's events, which nobody reads before they happen, are checked
against their own condition: it must fail whenever the flag is not set.
"""

import random
import re

import pytest

from game.bots import get_policy
from game.engine import opening, resolve
from game.engine.core import outcome_chances
from game.engine.effects import SetFlag
from game.engine.fast import play
from game.sim.runner import game_seed

POLICIES = ("random", "historical", "greedy", "adaptive")
GAMES = 12  # a pairing; 16 pairings, so 192 games

# What a text may tell as past only when one of the flags is set: (flags, English, Spanish, the choice).
PAST = (
    ({"us_expelled"}, r"broke off relations with the United States|gave its diplomats 72 hours",
     r"rompió relaciones con Estados Unidos|dio 72 horas|les dio 72 horas", "Maduro expelled the US diplomats"),
    ({"immunity_lifted"}, r"stripped .{0,60}of their immunity|jailed or in exile since May|Since May some of your deputies",
     r"despojó de su inmunidad|presos o en el exilio|Desde mayo algunos de tus diputados",
     "Maduro's Constituent Assembly lifted the deputies' immunity"),
    ({"claim"}, r"sworn himself in|Since the oath|months after (the|Guaidó's) oath|board named by Guaidó"
                r"|assumption of the presidency|recognised by dozens|countries call you president"
                r"|(both|two) presidents",
     r"se ha juramentado|Desde el juramento|meses después del juramento|junta nombrada por Guaidó"
     r"|reconocido por decenas|países te llaman presidente|(los|dos) presidentes",
     "Guaidó swore the oath"),
    ({"no_oath"}, r"stops short of swearing himself in", r"no llega a juramentarse",
     "Guaidó let 23 January pass without the oath"),
    ({"amnesty_offered"}, r"in the New York Times, Guaidó wrote|repeat the amnesty|the amnesty is real"
                          r"|Guaidó's amnesty|[Tt]he amnesty holds",
     r"en The New York Times, Guaidó escribió|repetir la (oferta de )?amnistía|la amnistía es real"
     r"|la amnistía de Guaidó|[Ll]a amnistía se cumple",
     "Guaidó offered the soldiers an amnesty"),
    ({"uprising_failed"}, r"The generals did not move|revolt has failed|failed rising",
     r"Los generales no se movieron|alzamiento fracasado|rebelión ha fracasado", "a rising failed"),
    ({"southcom_letter"}, r"Vecchio sits down with US officers", r"Vecchio se sienta con oficiales",
     "Guaidó's envoy wrote to Southern Command"),
    ({"talks_open", "oslo_guaido"},
     r"(declared|declares) (Norway's mediation|the Norway process) over|(return|go back) to Barbados"
     r"|moved the talks to Barbados|The envoys meet again|[Aa]fter months of talks",
     r"(dio|diste) por terminad[ao] (la mediación|el proceso) de Noruega|volver a Barbados"
     r"|trasladó la negociación a Barbados|Los enviados vuelven a reunirse|[Tt]ras meses de negociación",
     "the two sides' envoys have talked"),
    # A rival's act, told to the other leader: his envoys, his promise, his deal.
    ({"envoys_maduro", "talks_open"},
     r"Maduro's envoys (say|offer|put|have offered|will|answer|fly home)|Jorge Rodríguez (wants|flies home)",
     r"[Ll]os enviados de Maduro (dicen|ofrecen|ponen|ofrecieron|vuelven a casa|responden)",
     "Maduro sent envoys to talk"),
    ({"oslo_guaido", "talks_open"},
     r"Guaidó's envoys (name|have put|want|wait|start|pack)|Guaidó's timetable",
     r"[Ll]os enviados de Guaidó (ponen|pusieron|quieren|esperan|empiezan|hacen)|cronograma de Guaidó",
     "Guaidó sent envoys to talk"),
    ({"small_parties_deal"}, r"Maduro's table|took Maduro's offers|the socialists return",
     r"mesa de Maduro|aceptaron las ofertas de Maduro|los socialistas vuelven", "Maduro signed with the small parties"),
    ({"election_promised"}, r"promised months ago|Earlier this year (Maduro|you) promised",
     r"prometió hace meses|A principios de año (Maduro prometió|prometiste)", "Maduro promised a presidential election"),
    # To whom: Europe asks only after a promise made to Europe, the generals only after one made to them.
    ({"election_promised_europe"}, r"The Europeans, who held off for that promise|The Europeans ask when",
     r"Los europeos, que esperaron por esa promesa|Los europeos preguntan cuándo", "Maduro promised Europe an election"),
    ({"election_promised_generals"}, r"promised the generals|promised them a new presidential",
     r"les prometió a los generales|les prometiste una nueva", "Maduro promised his generals an election"),
    ({"assembly_retaken"}, r"Since the early vote|the new Assembly",
     r"Desde la elección adelantada|la nueva Asamblea", "Maduro's party took the Assembly in an early vote"),
    ({"guaido_in_embassy"}, r"(walks|slips) out of the embassy|the guest of a friendly embassy|still in the embassy",
     r"sale de la embajada|huésped de una embajada amiga|[Ss]igues en la embajada", "Guaidó sheltered in an embassy"),
)


@pytest.fixture(scope="module")
def tables(scenario):
    """Every (role, card index, flags) a leader had on the table, over the games."""
    seen = set()
    for i, (first, second) in enumerate((a, b) for a in POLICIES for b in POLICIES):
        choose = [get_policy(p).chooser(scenario, role) for role, p in zip(scenario.order, (first, second))]
        for n in range(GAMES):
            seed = game_seed(3019 + i, n)
            choices = play(scenario, None, seed, choose, random.Random(seed)).choices
            state = opening(scenario, None, seed).state
            for choice in choices:
                seen.add((state.role, state.card, state.flags, state.meters, state.turn))
                state = resolve(state, choice).state
    return seen


def _reads(card, role, meters=None, flags=None, turn=None):
    """What a leader reads before choosing: the title, his text, and the options open to him (with the
    state of the moment, only those whose own condition holds)."""
    yield card.title
    yield card.text_for(role)
    for option in card.options:
        if option.open_to(role) and (meters is None or option.condition is None
                                     or option.condition(meters, flags, turn)):
            yield option.label


def _told(text: str, language: int):
    return [(flags, what) for flags, *patterns, what in PAST if re.search(patterns[language], text)]


def test_no_leader_reads_as_past_a_choice_nobody_made(scenario, spanish, tables):
    problems = set()
    for language, sc in enumerate((scenario, spanish)):
        for role, index, flags, meters, turn in tables:
            card = sc.cards[index]
            for text in _reads(card, role, meters, flags, turn):
                for needed, what in _told(text, language):
                    if not needed & flags:
                        problems.add(f"{card.id} ({role}, {'en es'.split()[language]}): tells '{what}' "
                                     f"with none of {sorted(needed)} set")
    assert sorted(problems) == []


def _results(card, role, meters, flags, turn):
    """What a leader may read after choosing: each outcome his open options can roll from here, with the
    flags it sets itself (an outcome may tell the act it records: "Maduro's envoys fly to Oslo")."""
    for option in card.options:
        if not option.open_to(role) or (option.condition is not None and not option.condition(meters, flags, turn)):
            continue
        for outcome, chance in zip(option.outcomes, outcome_chances(option, meters, flags, turn)):
            if chance > 0:
                sets = {e.flag for e in outcome.effects if isinstance(e, SetFlag) and e.value}
                yield outcome.text, flags | sets


def test_no_outcome_tells_an_act_nobody_did(scenario, spanish, tables):
    """The outcomes a leader reads under his roll are held to the same rule as the cards: his rival's
    envoys answer, his rival's promise is kept in mind, only in a game where the rival made them."""
    problems = set()
    for language, sc in enumerate((scenario, spanish)):
        for role, index, flags, meters, turn in tables:
            card = sc.cards[index]
            for text, known in _results(card, role, meters, flags, turn):
                for needed, what in _told(text, language):
                    if not needed & known:
                        problems.add(f"{card.id} ({role}, {'en es'.split()[language]}): '{text[:70]}' tells "
                                     f"'{what}' with none of {sorted(needed)} set")
    assert sorted(problems) == []


# What a text may NOT tell once the flag is set: it would forget a choice made months before.
FORGETS = (
    ("election_promised", r"^Maduro's envoys put a presidential election on the table|^The opposition is split over "
                          r"whether to believe Maduro\.",
     r"^Los enviados de Maduro ponen sobre la mesa una elección|^La oposición se divide sobre si creerle a Maduro\.",
     "Maduro's offer of a vote, as if he had never promised one"),
    ("assembly_retaken", r"Guaidó's majority is thin|The National Assembly meets, as it does every week"
                         r"|answer to the National Assembly|obey the National Assembly|your Assembly's control"
                         r"|corruption in the Assembly|head of the National Assembly|[Ii]gnore the Assembly"
                         r"|shrugs the Assembly off|return to the Assembly",
     r"La mayoría de Guaidó es estrecha|La Asamblea Nacional se reúne, como cada semana"
     r"|responden ahora a la Asamblea Nacional|obedecer a la Asamblea Nacional|control de tu Asamblea"
     r"|corrupción desde la Asamblea|frente de la Asamblea Nacional|[Ii]gnorar a la Asamblea"
     r"|importancia a la Asamblea|vuelvan a la Asamblea",
     "an Assembly the opposition still holds"),
    ("small_parties_deal", r"keep courting|have been courting", r"siguen cortejando|han estado cortejando",
     "Maduro still courting the small parties after they signed his deal"),
    ("assembly_vote_offered", r"^Call the elections now$", r"^Convocar ya las elecciones$",
     "an early Assembly vote as a new idea, after Maduro offered one on 2 February"),
    ("barbados_walkout", r"^The envoys meet again", r"^Los enviados se reúnen otra vez",
     "another round of talks, as if Guaidó had not walked out of Barbados"),
    ("barracks_ignored", r"your people have been meeting soldiers|your secret meetings with",
     r"tu gente se ha reunido en secreto|tus reuniones secretas con",
     "Guaidó's people meeting soldiers in secret, after he sent the barracks no word"),
    ("fund_public", r"The denial keeps the story alive",
     r"El desmentido mantiene viva la historia", "a denial that keeps alive a story only it made public"),
)


def test_no_leader_reads_what_an_earlier_choice_made_untrue(scenario, spanish, tables):
    """Later cards remember: once Maduro has promised a presidential election, his later offers say it
    is the promised one; once his party has taken the Assembly's seats, nobody reads that the opposition
    holds them."""
    problems = set()
    for language, sc in enumerate((scenario, spanish)):
        for role, index, flags, meters, turn in tables:
            card = sc.cards[index]
            texts = [(t, flags) for t in _reads(card, role, meters, flags, turn)] + list(_results(card, role, meters, flags, turn))
            for text, known in texts:
                for flag, *patterns, what in FORGETS:
                    if flag in known and re.search(patterns[language], text):
                        problems.add(f"{card.id} ({role}, {'en es'.split()[language]}): tells {what} with {flag} set")
    assert sorted(problems) == []


def _turn_first_set(scenario, flag):
    """The earliest turn a card's result can set the flag: what comes after it may have to remember it."""
    return min(card.fixed_turn or card.first_turn for card in scenario.cards for option in card.options
               for outcome in option.outcomes for e in outcome.effects
               if isinstance(e, SetFlag) and e.value and e.flag == flag)


def _due(card, role, meters, flags, turn):
    """Whether the rules allow the card to this leader at that moment: its roles, its dates, its condition."""
    if card.roles and role not in card.roles:
        return False
    if not (turn == card.fixed_turn if card.fixed_turn else card.first_turn <= turn <= card.last_turn):
        return False
    return card.condition is None or bool(card.condition.fn(meters, flags, turn))


def test_no_card_the_rules_allow_after_a_choice_forgets_it(scenario, spanish, tables):
    """The bot games seldom meet the rarer cards after a rare choice (the generals' offer after Maduro's party
    took the Assembly), so each moment of theirs is also read as if the choice had been made just before it:
    any card its date and condition allow there must not forget it (a Guaidó whose Assembly seats are lost
    must not answer the generals that 'the army must obey the National Assembly')."""
    problems = set()
    for language, sc in enumerate((scenario, spanish)):
        for flag, *patterns, what in FORGETS:
            first = _turn_first_set(scenario, flag)
            # Only the cards that hold such words somewhere are worth replaying.
            suspects = [card for card in sc.cards if any(
                re.search(patterns[language], text) for text in
                [card.title, card.text, *card.texts.values(),
                 *(o.label for o in card.options), *(oc.text for o in card.options for oc in o.outcomes)])]
            for role, _index, flags, meters, turn in tables:
                known = flags | {flag}
                for card in suspects:
                    if turn <= first or not _due(card, role, meters, known, turn):
                        continue
                    texts = [*_reads(card, role, meters, known, turn),
                             *(text for text, _ in _results(card, role, meters, known, turn))]
                    for text in texts:
                        if re.search(patterns[language], text):
                            problems.add(f"{card.id} ({role}, {'en es'.split()[language]}): tells {what} "
                                         f"with {flag} set")
    assert sorted(problems) == []


def test_the_games_reach_the_choices_later_cards_remember(tables):
    """The check above is not empty: the games make each remembered choice."""
    made = set().union(*(flags for _role, _index, flags, *_ in tables))
    assert {flag for flag, *_ in FORGETS} <= made


def test_the_games_reach_the_cards_that_tell_such_choices(scenario, tables):
    """The check above reads what the games show: it sees the cards that tell each choice."""
    shown = {scenario.cards[index].id for _role, index, *_ in tables}
    assert {"g_embassy", "g_immunity", "m_oped_answer", "after_uprising", "barbados", "g_embassy_exit"} <= shown


def test_the_envoys_talk_only_when_both_leaders_sent_them(scenario, tables):
    """Talks are open (and Barbados and the later rounds tell both sides' envoys at one table) only in a
    game where each leader said his envoys would go: one leader's offer never seats his rival's envoys."""
    one_sided = {(scenario.cards[index].id, role) for role, index, flags, *_ in tables
                 if "talks_open" in flags and not {"oslo_guaido", "envoys_maduro"} <= flags}
    assert one_sided == set()


def test_no_world_event_tells_a_choice_its_condition_does_not_require(scenario, spanish):
    meters = [tuple(v for _ in scenario.meters) for v in (0, 25, 50, 75, 100)]
    everyone = {f.id for f in scenario.flags}
    problems = []
    for language, sc in enumerate((scenario, spanish)):
        for card in sc.cards:
            if not card.event:
                continue
            for text in (card.title, card.text):
                for needed, what in _told(text, language):
                    without = frozenset(everyone - needed)
                    if card.condition is None or any(card.condition.fn(m, f, t) for m in meters
                                                     for f in (without, frozenset()) for t in (1, 20, 51)):
                        problems.append(f"{card.id}: tells '{what}' in a game where {sorted(needed)} is not set")
    assert problems == []


def test_no_ending_tells_a_choice_its_game_may_not_have_made(scenario, spanish):
    """An ending comes in games where any choice was made or refused: the year's end after a Guaidó who
    never claimed the presidency does not read 'Guaidó recognised by dozens of countries' (play-test s2),
    unless the ending's condition requires the flag that records the choice."""
    everyone = {f.id for f in scenario.flags}
    meters = [tuple(v for _ in scenario.meters) for v in (0, 25, 50, 75, 100)]
    problems = []
    for language, sc in enumerate((scenario, spanish)):
        for ending in sc.endings:
            texts = [ending.title] + [ending.text_for(role) for role in sc.order]
            for text in texts:
                for needed, what in _told(text, language):
                    without = frozenset(everyone - needed)
                    if ending.condition is None or any(ending.condition.fn(m, f, t) for m in meters
                                                       for f in (without, frozenset()) for t in (1, 30, 51)):
                        problems.append(f"{ending.id} ({'en es'.split()[language]}): tells '{what}' "
                                        f"in a game where {sorted(needed)} is not set")
    assert problems == []


def test_no_ending_tells_what_an_earlier_choice_made_untrue(scenario, spanish):
    """An ending that may come after a choice does not forget it: the army's change of sides in a game where
    Maduro's party has taken the Assembly's seats does not read 'the barracks answer to the National Assembly'."""
    meters = [tuple(v for _ in scenario.meters) for v in (0, 25, 50, 75, 100)]
    problems = []
    for language, sc in enumerate((scenario, spanish)):
        for ending in sc.endings:
            for text in [ending.title] + [ending.text_for(role) for role in sc.order]:
                for flag, *patterns, what in FORGETS:
                    if re.search(patterns[language], text) and (
                            ending.condition is None or any(ending.condition.fn(m, frozenset({flag}), t)
                                                            for m in meters for t in (1, 30, 51))):
                        problems.append(f"{ending.id} ({'en es'.split()[language]}): tells {what} with {flag} set")
    assert problems == []


@pytest.mark.parametrize(("text", "language", "choice"), [
    ("Last night you declared Norway's mediation over.", 0, "the two sides' envoys have talked"),
    ("The amnesty holds; the country exhales.", 0, "Guaidó offered the soldiers an amnesty"),
    ("After months of talks, both sides sign", 0, "the two sides' envoys have talked"),
    ("Offer to go back to Barbados if Maduro returns", 0, "the two sides' envoys have talked"),
    ("Anoche diste por terminada la mediación de Noruega.", 1, "the two sides' envoys have talked"),
    ("and the US refinery CITGO passes to a board named by Guaidó.", 0, "Guaidó swore the oath"),
    ("Guaidó's majority is thin: some deputies are jailed or in exile since May", 0,
     "Maduro's Constituent Assembly lifted the deputies' immunity"),
    ("Laugh it off and repeat the amnesty offer", 0, "Guaidó offered the soldiers an amnesty"),
    ("Maduro in the palace, Guaidó recognised by dozens of countries", 0, "Guaidó swore the oath"),
    ("Ya nadie gobierna Venezuela; los dos presidentes presiden unas ruinas.", 1, "Guaidó swore the oath"),
])
def test_the_check_knows_the_wordings_that_told_choices_as_past(text, language, choice):
    assert choice in [what for _flags, what in _told(text, language)]


RIVAL = {"guaido": "Maduro", "maduro": "Guaidó"}
# A leader's own free act: leaving, signing, accepting, resigning. His rival's police may seize him or put
# him on a plane; his rival's roll may not decide that he chose to go.
HIS_CHOICE = r"\b{name}\b (takes the plane|boards|accepts|agrees|signs|resigns|flees|gives up|steps down)"


def _takers(card, option) -> set[str]:
    return {role for role in (card.roles or RIVAL) if option.open_to(role)}


def test_no_leaders_roll_decides_what_his_rival_chose(scenario):
    """An outcome of an option only one leader may take never tells his rival's free choice as made
    (play-test e1: Maduro's 'Offer him safe passage abroad: 19% he takes the plane' ended a human Guaidó's
    game by a choice Guaidó never made)."""
    problems = []
    for card in scenario.cards:
        for option in card.options:
            takers = _takers(card, option)
            if card.event or len(takers) != 1:
                continue
            (role,) = takers
            for outcome in option.outcomes:
                if re.search(HIS_CHOICE.format(name=RIVAL[role]), outcome.text):
                    problems.append(f"{card.id}: {role}'s '{option.label}' -> '{outcome.text}'")
    assert problems == []


@pytest.mark.parametrize(("text", "caught"), [
    ("Exhausted and threatened, Guaidó takes the plane.", True),
    ("Agents seize Guaidó at a checkpoint and put him on a plane to Bogotá.", False),
])
def test_the_roll_check_tells_a_choice_from_a_seizure(text, caught):
    assert bool(re.search(HIS_CHOICE.format(name="Guaidó"), text)) is caught


def test_an_election_is_not_called_and_counted_in_one_result(scenario):
    """Calling a vote and its result are weeks apart (play-test r4: Maduro called early Assembly elections
    and lost them in the same week)."""
    both = [f"{card.id}: '{option.label}' -> {outcome.text!r}" for card in scenario.cards for option in card.options
            if re.search(r"^(Call|Hold)\b.*\b(elections?|vote)\b", option.label)
            for outcome in option.outcomes if re.search(r"\bwins?\b|boycotts", outcome.text)]
    assert both == []
