"""A scenario's translations (translations/<language>/*.yaml): read safely, checked with located messages,
reported by `crisis validate`, and shown to a player who asks for the language."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import scenario_cache
from game.engine import Log, options, replay, resolve, start
from game.paths import bundled_scenarios
from game.scenario import check, installed, load
from game.scenario.command import run_validate
from game.scenario.schema import translation_schema_text
from game.scenario.translations import (check_translations, falls_back, scenario_languages, shown_language,
                                        translated)

DATA = Path(__file__).resolve().parent.parent / "data" / "translations"
TUTORIAL = bundled_scenarios() / "tutorial"
LOCATED = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): ")
# The Spanish of these scenarios is still being written. The lead removes this marker when it is done.
@pytest.fixture
def tutorial(tmp_path: Path) -> Path:
    """A copy of the bundled tutorial with its Spanish folder emptied: a test lays its own files there."""
    folder = tmp_path / "tutorial"
    shutil.copytree(TUTORIAL, folder)
    shutil.rmtree(folder / "translations" / "es")
    (folder / "translations" / "es").mkdir()
    return folder


def lines(folder: Path, capsys, *args: str, **kwargs) -> tuple[int, list[str]]:
    status = run_validate([str(folder), *args], **kwargs)
    return status, capsys.readouterr().out.splitlines()


# --- the tutorial, the format's worked example ----------------------------------------------------------------


def test_the_tutorial_ships_a_complete_spanish_translation(capsys):
    found = check_translations(TUTORIAL)
    assert found is not None and found.all_problems == []
    assert found.languages["es"].complete and found.languages["es"].total > 150
    status, out = lines(TUTORIAL, capsys)
    assert status == 0 and out[-1] == "es: complete"
    assert not any("warning" in line for line in out)
    assert scenario_languages(TUTORIAL) == ["en", "es"]


def test_the_spanish_tutorial_plays_to_an_ending_in_spanish():
    english = load(TUTORIAL)
    spanish = translated(english, "es")
    assert spanish.title == "Tutorial: La huelga del puerto" and spanish.role("mayor").name == "El alcalde"
    english_texts = {c.title for c in english.cards} | {o.text for c in english.cards for opt in c.options
                                                           for o in opt.outcomes}
    for seed in range(5):
        state = start(spanish, None, seed)
        read = []
        while not state.over:
            card = state.current_card
            read += [card.title, card.text_for(state.role)]
            available = [v.index for v in options(state) if v.available]
            turn = resolve(state, available[seed % len(available)])
            read += [getattr(e, "text", "") for e in turn.events if getattr(e, "text", "")]
            state = turn.state
        ending = spanish.ending(state.ending)
        read.append(ending.title)
        assert not set(read) & english_texts, "English text in a Spanish game"
        assert ending.title != english.ending(state.ending).title
        # The same game in English: the same choices, the same rolls, the same ending.
        again = replay(english, Log(english.id, english.content_hash, "", seed, state.choices))
        assert again.ending == state.ending and again.meters == state.meters


def test_a_citations_note_is_translated_where_the_card_shows_its_sources():
    english, spanish = load(TUTORIAL), translated(load(TUTORIAL), "es")
    noted = [(c.id, i) for c in english.cards for i, cite in enumerate(c.sources) if cite.note]
    assert noted, "the tutorial cites a source with a note"
    for card_id, i in noted:
        before, after = english.card(card_id).sources[i], spanish.card(card_id).sources[i]
        assert after.source == before.source and after.note and after.note != before.note


def test_a_sources_outlet_in_words_is_translated_and_never_counted_missing(tutorial: Path, capsys):
    spanish = translated(load(TUTORIAL), "es")
    assert spanish.source("invented").outlet == "El equipo de crisis"
    assert spanish.source("invented").date == load(TUTORIAL).source("invented").date  # an ISO-like date stays
    found = check_translations(TUTORIAL)
    assert found is not None and found.languages["es"].complete
    assert not any("outlet" in p.message or "date" in p.message for p in found.languages["es"].missing)


def test_a_translation_changes_text_only():
    english = load(TUTORIAL)
    spanish = translated(english, "es")
    assert spanish.content_hash == english.content_hash  # a save names the same scenario
    for a, b in zip(english.cards, spanish.cards):
        assert (a.id, a.condition, a.weight, a.first_turn, a.roles, a.event) == \
               (b.id, b.condition, b.weight, b.first_turn, b.roles, b.event)
        for x, y in zip(a.options, b.options):
            assert x.condition == y.condition and [o.effects for o in x.outcomes] == [o.effects for o in y.outcomes]
            assert [o.chance for o in x.outcomes] == [o.chance for o in y.outcomes]
    assert [m.start for m in english.meters] == [m.start for m in spanish.meters]


def test_the_languages_a_player_may_ask_for():
    sc = load(TUTORIAL)
    assert shown_language(sc, "es") == "es" and not falls_back(sc, "es")
    assert shown_language(sc, "es-MX") == "es" and not falls_back(sc, "es_MX")
    assert shown_language(sc, "fr") == "en" and falls_back(sc, "fr")
    assert not falls_back(sc, "en") and not falls_back(sc, None)
    assert translated(sc, "fr") is sc and translated(sc, "en") is sc and translated(sc, None) is sc


# --- the bundled scenarios' translations, in CI -----------------------------------------------------------------


def _bundled() -> list:
    params = []
    for folder in installed():
        if folder.parent != bundled_scenarios():
            continue
        params.append(pytest.param(folder, id=folder.name))
    return params


@pytest.mark.parametrize("folder", _bundled())
def test_every_bundled_translation_is_complete(folder: Path):
    sc = load(folder)
    found = check_translations(folder)
    assert found is not None
    assert [str(p) for p in found.all_problems] == []
    for code in sc.languages[1:]:
        lang = found.languages[code]
        assert lang.missing == [], f"{code}: {len(lang.missing)} texts not translated, first {lang.missing[0]}"


@pytest.mark.parametrize("folder", _bundled())
def test_every_bundled_translation_points_editors_at_its_schema(folder: Path):
    for file in sorted((folder / "translations").rglob("*.y*ml")):
        first = file.read_text(encoding="utf-8").splitlines()[0]
        depth = len(file.relative_to(bundled_scenarios()).parts) - 1
        assert first == f"# yaml-language-server: $schema={'../' * depth}translation.schema.json", file


def test_the_translation_schema_is_the_shipped_file():
    shipped = (bundled_scenarios() / "translation.schema.json").read_text(encoding="utf-8")
    assert shipped == translation_schema_text(), "regenerate: crisis schema --translation"
    schema = json.loads(shipped)
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == {"scenario", "roles", "meters", "factions", "flags", "glossary", "sources",
                                         "endings", "cards"}
    assert schema["$defs"]["CardText"]["properties"]["options"]["description"]


# --- broken translations: each gives located messages, never a traceback ----------------------------------------


def _expected(rule: str) -> list[str]:
    first = (DATA / f"{rule}.yaml").read_text(encoding="utf-8").splitlines()[0]
    return [w.strip() for w in first.removeprefix("# expect:").split("|")]


@pytest.mark.parametrize("rule", sorted(p.stem for p in DATA.glob("*.yaml")))
def test_a_broken_translation_is_located(tutorial: Path, rule: str, capsys):
    shutil.copyfile(DATA / f"{rule}.yaml", tutorial / "translations" / "es" / "broken.yaml")
    status, out = lines(tutorial, capsys)
    assert status == 1
    about = [line for line in out if "broken.yaml" in line]
    assert about, out
    for line in about:
        match = LOCATED.match(line)
        assert match and int(match["line"]) >= 2, line  # the first line is the comment: never blamed
    text = "\n".join(about)
    for words in _expected(rule):
        assert words in text, f"{rule}: {words!r} not in\n{text}"
    assert out[0].startswith("OK tutorial")  # the scenario itself still loads and plays


def test_what_is_wrong_falls_back_to_the_scenario_and_the_rest_is_used(tutorial: Path):
    (tutorial / "translations" / "es" / "cards.yaml").write_text(
        "cards:\n"
        "  emergency_budget:\n"
        "    title: Presupuesto de emergencia\n"
        "    text: Los fondos están en {meter.trust}.\n"  # a placeholder of another meter: not used
        "    options:\n"
        "      - {label: Recortar gastos, text: 7}\n"  # not text: that one falls back, the label is used
        "      - {label: Pedir prestado}\n", encoding="utf-8")
    english = load(tutorial)
    card = translated(english, "es").card("emergency_budget")
    assert card.title == "Presupuesto de emergencia"
    assert card.text == english.card("emergency_budget").text
    assert [o.label for o in card.options] == ["Recortar gastos", "Pedir prestado"]
    assert card.options[0].outcomes[0].text == english.card("emergency_budget").options[0].outcomes[0].text


# One bad text in the tutorial's own Spanish: (file, the text as shipped, the bad text in its place, the key of what
# falls back). Everything else in that file is still shown.
PER_TEXT = {
    "an escape sequence": ("world.yaml", "label: Apoyo al alcalde", 'label: "Apoyo \\e]0;al alcalde"',
                           ("meters", "trust", "label")),
    "a C1 control": ("world.yaml", "label: Apoyo al alcalde", 'label: "Apoyo \\x9b al alcalde"',
                     ("meters", "trust", "label")),
    "an anchor": ("world.yaml", "label: Apoyo al alcalde", "label: &apoyo Apoyo al alcalde", ("meters", "trust", "label")),
    "an alias": ("world.yaml", "label: Caja municipal", "label: &caja Caja municipal\n    description: *caja",
                 ("meters", "funds")),
    "a tag": ("world.yaml", "label: Apoyo al alcalde", "label: !!binary QXBveW8=", ("meters", "trust", "label")),
    "a duplicate key": ("world.yaml", "label: Apoyo al alcalde", "label: Apoyo al alcalde\n    label: Apoyo",
                        ("meters", "trust", "label")),
    "a list as a key": ("world.yaml", "label: Apoyo al alcalde", "label: Apoyo al alcalde\n    [label]: Apoyo", ()),
    "a number out of range": ("world.yaml", "label: Apoyo al alcalde", "label: 1.0e+400", ("meters", "trust", "label")),
    "a number": ("world.yaml", "label: Apoyo al alcalde", "label: 5", ("meters", "trust", "label")),
    "an empty text": ("world.yaml", "label: Apoyo al alcalde", 'label: ""', ("meters", "trust", "label")),
    "an unknown field": ("world.yaml", "label: Apoyo al alcalde", "labl: Apoyo al alcalde", ("meters", "trust", "label")),
    "a wrong placeholder in an outcome": ("cards.yaml", "text: El pueblo se siente escuchado.",
                                          "text: El pueblo se siente escuchado el {fecha}.",
                                          ("cards", "walkout", "options", 0, "outcomes", 0, "text")),
    "a label too long": ("cards.yaml", "label: la nota sale a favor del alcalde",
                         "label: la nota sale a favor del alcalde, de su gente y de sus amigos",
                         ("cards", "walkout", "options", 0, "outcomes", 0, "label")),
    "one text where each role has its own": ("endings.yaml", "    text:\n      mayor: Las grúas",
                                             "    text: Las grúas\n    texto:\n      mayor: Las grúas",
                                             ("endings", "deal", "text")),
}


@pytest.mark.parametrize("kind", PER_TEXT)
def test_one_bad_text_falls_back_and_the_rest_of_its_file_is_shown(tmp_path: Path, kind: str, capsys):
    file, good, bad, key = PER_TEXT[kind]
    folder = tmp_path / "tutorial"
    shutil.copytree(TUTORIAL, folder)
    spanish = folder / "translations" / "es" / file
    text = spanish.read_text(encoding="utf-8")
    assert good in text
    spanish.write_text(text.replace(good, bad, 1), encoding="utf-8")
    shipped = check_translations(TUTORIAL, only="es").languages["es"].texts
    found = check_translations(folder, only="es")
    texts = found.languages["es"].texts
    lost = set(shipped) - set(texts)
    assert all(k[:len(key)] == key for k in lost), f"{kind}: lost {sorted(lost)}"
    assert len(lost) <= 2 and all(texts.get(k) == shipped[k] for k in set(texts) - set(shipped) - lost)
    if key:
        assert lost, f"{kind}: the bad text was used"
    status, out = lines(folder, capsys)
    about = [line for line in out if f"es/{file}:" in line]
    assert status == 1 and about and all(LOCATED.match(line) and "nothing in this file" not in line
                                         for line in about), out
    # The game shows what fell back in English and every other text of the file in Spanish.
    english, game = load(folder), translated(load(folder), "es")
    meters, factions = {m.id: m for m in game.meters}, {f.id: f for f in game.factions}
    if key[:3] == ("meters", "trust", "label"):
        assert meters["trust"].label == next(m.label for m in english.meters if m.id == "trust")
        assert meters["funds"].label == "Caja municipal" and factions["dockers"].name == "Los estibadores"
    elif not key or key[0] == "meters":
        assert meters["trust"].label == "Apoyo al alcalde" and factions["dockers"].name == "Los estibadores"
    elif key[0] == "cards":
        assert game.card("walkout").title == "El paro" and game.card("talks").title == "Negociación en la alcaldía"
    elif key[0] == "endings":
        assert game.ending("deal").title == "Hay acuerdo" and game.ending("deal").text == english.ending("deal").text


def test_a_file_that_cannot_be_read_says_none_of_it_is_used(tutorial: Path, capsys):
    (tutorial / "translations" / "es" / "broken.yaml").write_text("cards:\n  walkout: {title: [El paro}\n",
                                                                  encoding="utf-8")
    status, out = lines(tutorial, capsys)
    assert status == 1
    assert any("broken.yaml:2:" in line and "invalid YAML" in line and "nothing in this file is used" in line
               for line in out), out


def test_one_text_is_translated_in_one_file_only(tutorial: Path, capsys):
    es = tutorial / "translations" / "es"
    (es / "a.yaml").write_text("cards:\n  walkout: {title: El paro}\n", encoding="utf-8")
    (es / "b.yaml").write_text("meters: {}\ncards:\n  walkout: {title: La huelga}\n", encoding="utf-8")
    status, out = lines(tutorial, capsys)
    assert status == 1
    assert any(line.startswith(str(es / "b.yaml") + ":3:3: ") and "already translated at" in line
               and "a.yaml:2:3" in line for line in out), out


def test_the_languages_listed_and_the_folders_agree(tutorial: Path, capsys):
    (tutorial / "translations" / "es").rmdir()
    (tutorial / "translations" / "fr").mkdir()
    (tutorial / "translations" / "fr" / "cards.yaml").write_text("cards:\n  walkout: {title: La grève}\n",
                                                                   encoding="utf-8")
    (tutorial / "translations" / "English").mkdir()
    (tutorial / "translations" / "cards.yaml").write_text("cards: {}\n", encoding="utf-8")
    status, out = lines(tutorial, capsys)
    text = "\n".join(out)
    assert status == 1
    assert "scenario.yaml:12:" in text and "'languages' lists 'es', but there is no translations/es/" in text
    assert "translations/fr/ holds a translation, but 'languages' does not list 'fr'" in text
    assert "'English' is not a language code" in text
    assert "a translation file belongs in a folder named by its language" in text
    assert scenario_languages(tutorial) == ["en"]  # es is listed but not there; fr is there but not listed


def test_missing_texts_are_counted_and_listed_at_the_scenarios_own_place(tutorial: Path, capsys):
    (tutorial / "translations" / "es" / "cards.yaml").write_text("cards:\n  walkout: {title: El paro}\n",
                                                                  encoding="utf-8")
    status, out = lines(tutorial, capsys)
    assert status == 0  # missing text is not an error: it shows in the scenario's language
    total = check_translations(tutorial).languages["es"].total
    assert out[-1] == f"es: {total - 1} of {total} texts not translated (--missing es lists them)"
    status, out = lines(tutorial, capsys, missing="es")
    listed = [line for line in out if "no es translation of" in line]
    assert len(listed) == total - 1
    assert f"{tutorial}/cards.yaml:7:14: note: no es translation of card 'walkout': text for mayor" in \
        [line.replace(str(tutorial.resolve()), str(tutorial)) for line in listed]
    assert not any("card 'walkout': title" in line for line in listed)
    _status, out = lines(tutorial, capsys, missing="fr")
    assert out[-1] == "fr: no translation in this scenario (its translations: es)"


def test_translation_files_are_not_read_as_scenario_content(tutorial: Path):
    (tutorial / "translations" / "es" / "cards.yaml").write_text("cards:\n  walkout: {title: El paro}\n",
                                                                  encoding="utf-8")
    report = check(tutorial)
    assert report.ok and [p.message for p in report.problems] == [p.message for p in check(TUTORIAL).problems]
    assert report.scenario.content_hash == load(TUTORIAL).content_hash  # translations are not in a save's hash


def test_a_link_out_of_the_scenario_is_not_followed(tutorial: Path, tmp_path: Path, capsys):
    secret = tmp_path / "secret.yaml"
    secret.write_text("cards:\n  walkout: {title: the player's own file}\n", encoding="utf-8")
    (tutorial / "translations" / "es" / "cards.yaml").symlink_to(secret)
    status, out = lines(tutorial, capsys)
    assert status == 1 and any("a link to a file outside the scenario folder" in line for line in out)
    assert "the player's own file" not in translated(load(tutorial), "es").card("walkout").title


def test_a_huge_or_binary_translation_is_refused_unread(tutorial: Path, capsys):
    es = tutorial / "translations" / "es"
    (es / "big.yaml").write_bytes(b"cards: {}\n" + b"#" * (1 << 20))
    (es / "binary.yaml").write_bytes(b"cards:\0\x01")
    (es / "latin1.yaml").write_bytes("cards:\n  walkout: {title: Acción}\n".encode("latin-1"))
    status, out = lines(tutorial, capsys)
    text = "\n".join(out)
    assert status == 1
    assert "big.yaml:1:1: file is too large" in text and "binary.yaml:1:7: binary file" in text
    assert "latin1.yaml:2:" in text and "not UTF-8 text" in text


# --- the game: in the player's language -------------------------------------------------------------------------


def test_the_scenario_cache_keeps_each_language(tutorial: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CRISIS_HOME", str(tmp_path / "home"))
    es = tutorial / "translations" / "es"
    (es / "cards.yaml").write_text("cards:\n  walkout: {title: El paro}\n", encoding="utf-8")
    for _ in range(2):  # the second time from the cache
        assert scenario_cache.load(tutorial, "es").card("walkout").title == "El paro"
        assert scenario_cache.load(tutorial, "en").card("walkout").title == "The walkout"
        assert scenario_cache.load(tutorial, "fr").card("walkout").title == "The walkout"
    # An edit to a translation is seen at once: the cache is keyed on the translation's bytes too.
    (es / "cards.yaml").write_text("cards:\n  walkout: {title: La huelga}\n", encoding="utf-8")
    assert scenario_cache.load(tutorial, "es").card("walkout").title == "La huelga"
    assert scenario_cache.load(tutorial, "en").card("walkout").title == "The walkout"


def test_a_save_resumes_in_the_players_language():
    english = load(TUTORIAL)
    state = start(english, None, 7)
    for _ in range(3):
        state = resolve(state, next(v.index for v in options(state) if v.available)).state
    log = Log(english.id, english.content_hash, "", 7, state.choices)  # saved by an English player
    resumed = replay(translated(english, "es"), log)  # opened by a Spanish one
    assert resumed.meters == state.meters and resumed.turn == state.turn
    assert resumed.current_card.title == translated(english, "es").card(state.current_card.id).title
    assert resumed.current_card.title != state.current_card.title


# --- any translation file: located problems, never a traceback ---------------------------------------------------

_WORDS = ["scenario", "roles", "meters", "factions", "flags", "glossary", "sources", "endings", "cards", "walkout",
          "talks", "council_hearing", "shipping_line", "deal", "mayor", "union", "trust", "funds", "title", "text",
          "note", "options", "outcomes", "label", "unavailable", "name", "briefing", "short", "description",
          "summary", "history", "kind", "invented", "port_ellis", "dockers", "press_on_side", "walkot"]
_LEAVES = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.sampled_from(["", "{date}", "{", "x}", "hola"]),
                    st.text(max_size=12))
_VALUES = st.recursive(_LEAVES, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), inner,
                                                max_size=4)), max_leaves=25)


@pytest.fixture(scope="module")
def shared_tutorial(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz") / "tutorial"
    shutil.copytree(TUTORIAL, folder)
    shutil.rmtree(folder / "translations" / "es")
    (folder / "translations" / "es").mkdir()
    return folder


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.dictionaries(st.sampled_from(_WORDS[:9] + ["card"]), _VALUES, min_size=1, max_size=4))
def test_any_translation_file_gives_located_problems(shared_tutorial: Path, value: dict):
    (shared_tutorial / "translations" / "es" / "fuzz.yaml").write_text(yaml.safe_dump(value, allow_unicode=True),
                                                                        encoding="utf-8")
    found = check_translations(shared_tutorial)
    assert found is not None
    for problem in found.all_problems:
        assert problem.file.endswith("fuzz.yaml") and problem.line >= 1 and problem.col >= 1, problem
        assert "internal error" not in problem.message
    translated(load(shared_tutorial), "es")  # whatever is sound is used, the rest falls back; never raises


# --- the guide -----------------------------------------------------------------------------------------------------


def test_the_guides_translation_example_is_a_sound_translation_of_the_tutorial(tutorial: Path):
    guide = (bundled_scenarios() / "README.md").read_text(encoding="utf-8")
    example = guide.split("<!-- translation example -->\n```yaml\n", 1)[1].split("```", 1)[0]
    (tutorial / "translations" / "es" / "example.yaml").write_text(example, encoding="utf-8")
    found = check_translations(tutorial)
    assert [str(p) for p in found.all_problems] == []
    spanish = translated(load(tutorial), "es")
    assert spanish.card("emergency_budget").options[1].outcomes[0].label == "llega el préstamo"
    assert spanish.card("emergency_budget").options[1].outcomes[1].label == "the bank stalls"  # {}: left as it was


def test_the_guide_names_every_key_of_a_translation_file():
    from game.scenario import translations as t

    guide = (bundled_scenarios() / "README.md").read_text(encoding="utf-8")
    section = guide.split("## Translations", 1)[1].split("\n## ", 1)[0]
    models = (t.TranslationFile, t.ScenarioText, t.RoleText, t.MeterText, t.FactionText, t.FlagText, t.GlossaryText,
              t.SourceText, t.EndingText, t.CardText, t.OptionText, t.OutcomeText)
    missing = [f"{m.__name__}.{name}" for m in models for name in m.model_fields
               if f"{name}:" not in section and f"`{name}`" not in section]
    assert missing == []
