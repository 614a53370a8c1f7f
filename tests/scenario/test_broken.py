"""Each broken fixture gives its own located message: the words an author needs, at the right place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.scenario import ScenarioError, check, load

BROKEN = Path(__file__).resolve().parent.parent / "data" / "broken"

E, W, N = "error", "warning", "note"
# rule (a folder under tests/data/broken; f2_* lay over tests/data/valid2), file, line, col (None: any), words the
# message contains, severity
CASES = [
    ("yaml_syntax", "cards.yaml", 6, 7, ["invalid YAML"], E),
    ("empty_file", "cards.yaml", 1, 1, ["empty file"], E),
    ("comments_only", "cards.yaml", 1, 1, ["empty file", "only comments"], E),
    ("binary_file", "cards.yaml", 2, 15, ["binary file", "NUL"], E),
    ("not_utf8", "cards.yaml", 3, 18, ["not UTF-8", "0xf4"], E),
    ("top_level_list", "cards.yaml", 1, 1, ["list at the top level", "mapping"], E),
    ("top_level_scalar", "cards.yaml", 1, 1, ["single value", "mapping"], E),
    ("unknown_key", "cards.yaml", 5, 5, ["unknown key 'wieght'", "did you mean 'weight'?"], E),
    ("duplicate_key", "cards.yaml", 5, 5, ["duplicate key 'title'", "line 3"], E),
    ("anchor", "cards.yaml", 5, 11, ["anchor '&common'", "not allowed"], E),
    ("alias", "cards.yaml", 6, 11, ["alias '*common'", "not allowed"], E),
    ("alias_bomb", "cards.yaml", 1, 4, ["anchor '&a'", "not allowed"], E),
    ("alias_bomb", "cards.yaml", 2, 8, ["alias '*a'"], E),
    ("custom_tag", "cards.yaml", 5, 11, ["tag '!!python/object/apply:os.system'", "not allowed"], E),
    ("unknown_meter_in_expression", "cards.yaml", 5, 12, ["unknown name 'ordr'", "did you mean 'order'?"], E),
    ("function_call", "cards.yaml", 5, 12, ["function calls are not allowed"], E),
    ("subscript", "cards.yaml", 5, 11, ["subscripts", "not allowed"], E),
    ("power", "cards.yaml", 5, 14, ["only + - * /"], E),
    ("unknown_flag", "cards.yaml", 5, 26, ["unknown flag 'alarn'", "did you mean 'flag.alarm'?"], E),
    ("block_expression", "cards.yaml", 7, 7, ["unknown name 'moneyy'", "did you mean 'money'?"], E),
    ("structured_unknown_meter", "cards.yaml", 5, 41, ["unknown meter 'monney'", "did you mean 'money'?"], E),
    ("unknown_condition", "cards.yaml", 5, 11, ["condition", "meter, flag, not, all, any"], E),
    ("meter_test_without_comparison", "cards.yaml", 5, 5, ["meter test needs one of", "gte"], E),
    ("reserved_keyword", "world.yaml", 7, 9, ["'and' is reserved", "pick another meter id"], E),
    ("unavailable_without_when", "cards.yaml", 25, 22, ["'unavailable' is shown only when", "no 'when'"], W),
    ("when_without_unavailable", "cards.yaml", 11, 15, ["option 'Double the patrols'", "has a 'when' but no 'unavailable'"], W),
    ("short_label_too_long", "world.yaml", 4, 12, ["'short'", "at most 16 characters"], E),
    ("duplicate_id", "world.yaml", 7, 9, ["duplicate meter id 'money'", "more.yaml:2:9"], E),
    ("bad_effect", "cards.yaml", 9, 13, ["unknown effect 'shfit'", "did you mean 'shift'?"], E),
    ("effect_two_kinds", "cards.yaml", 9, 35, ["both 'shift' and 'flag'"], E),
    ("effect_bad_amount", "cards.yaml", 9, 32, ["'by'", "whole number", "2.5"], E),
    ("unknown_meter_in_effect", "cards.yaml", 9, 21, ["unknown meter 'ordre'", "did you mean 'order'?"], E),
    ("set_out_of_range", "cards.yaml", 9, 30, ["11", "outside", "'money'", "[0, 10]"], E),
    ("unknown_card_in_queue", "cards.yaml", 9, 21, ["unknown card 'patrl'", "did you mean 'patrol'?"], E),
    ("queue_after_zero", "cards.yaml", 9, 36, ["'after'", "at least 1"], E),
    ("unknown_ending", "cards.yaml", 9, 19, ["unknown ending 'order_lst'", "did you mean 'order_lost'?"], E),
    ("missing_result", "endings.yaml", 5, 5, ["results has no entry for role 'rebel'"], E),
    ("bad_result", "endings.yaml", 5, 22, ["'chief'", "'win', 'loss' or 'draw'", "'winner'"], E),
    ("bad_result", "endings.yaml", 13, 41, ["unknown role 'rebbel'", "did you mean 'rebel'?"], E),
    ("goal_not_win", "scenario.yaml", 23, 13, ["goal 'order_kept'", "'chief'", "win", "draw"], E),
    ("unknown_goal", "scenario.yaml", 22, 13, ["unknown ending 'order_lots'", "did you mean 'order_lost'?"], E),
    ("cooldown_once", "cards.yaml", 5, 5, ["cooldown", "once-only", "once: false"], E),
    ("probability_over_1", "cards.yaml", 8, 21, ["chance 1.5", "between 0 and 1"], E),
    ("quoted_chance_over_1", "cards.yaml", 8, 21, ["chance 1.5", "between 0 and 1"], E),
    ("two_open_outcomes", "cards.yaml", 9, 13, ["only one outcome may leave out 'chance'"], E),
    ("too_many_outcomes", "cards.yaml", 7, 9, ["'outcomes'", "at most 4", "found 5"], E),
    ("chance_not_a_number", "cards.yaml", 8, 21, ["'chance'", "number or an expression"], E),
    ("negative_weight", "cards.yaml", 5, 13, ["weight -1", "0 or more"], E),
    ("no_unconditioned_option", "cards.yaml", 5, 5, ["every option has a 'when'", "never stuck"], E),
    ("too_many_options", "cards.yaml", 5, 5, ["'options'", "at most 5", "found 6"], E),
    ("no_options", "cards.yaml", 5, 5, ["'options'", "at least 1"], E),
    ("option_both_forms", "cards.yaml", 6, 9, ["either 'outcomes'", "not both"], E),
    ("option_without_result", "cards.yaml", 6, 9, ["needs 'outcomes'"], E),
    ("unknown_source", "cards.yaml", 5, 26, ["unknown source 'memoo'", "did you mean 'memo'?"], E),
    ("bad_date", "cards.yaml", 5, 11, ["'from'", "'2026-02-30' is not a valid date", "YYYY-MM-DD"], E),
    ("dates_reversed", "cards.yaml", 6, 12, ["until", "before from"], E),
    ("happened_bad", "cards.yaml", 6, 15, ["'happened'", "'2019-13' is not a date, a month, a range or a year",
                                           "2019-02-22..2019-03-04"], E),
    ("happened_bad_year", "cards.yaml", 6, 15, ["'happened'", "'201903' is not a year", "four digits"], E),
    ("happened_reversed", "cards.yaml", 6, 15, ["'happened'", "'2019-03-04..2019-02-22' ends before it starts"], E),
    ("happened_bad_day", "cards.yaml", 6, 15, ["'happened'", "'2019-02-30' is not a valid date"], E),
    ("happened_not_historical", "cards.yaml", 5, 5, ["'happened'", "a what if", "historical: true"], E),
    ("bad_id", "cards.yaml", 2, 9, ["'Patrol' is not a valid id", "lower-case"], E),
    ("bad_scenario_id", "scenario.yaml", 2, 5, ["'Base_1' is not a valid id", "scenario id"], E),
    ("missing_key", "cards.yaml", 2, 5, ["missing required key 'title'"], E),
    ("wrong_type", "cards.yaml", 5, 11, ["'once'", "true or false"], E),
    ("version_number", "scenario.yaml", 4, 10, ["'version'", "expected text", "quotes"], E),
    ("format_3", "scenario.yaml", 1, 9, ["unsupported format 3", "reads formats 1 and 2"], E),
    ("unknown_role", "cards.yaml", 5, 13, ["unknown role 'chef'", "did you mean 'chief'?"], E),
    ("manifest_key_in_content", "cards.yaml", 8, 1, ["'calendar' belongs in scenario.yaml"], E),
    ("reserved_id", "world.yaml", 13, 9, ["'turn' is reserved"], E),
    ("meter_range", "world.yaml", 5, 12, ["start 150", "[0, 100]"], E),
    ("meter_range", "world.yaml", 10, 10, ["max (10) must be greater than min (10)"], E),
    ("meter_in_two_factions", "world.yaml", 18, 21, ["meter 'order' already belongs to faction 'guards'"], E),
    ("one_role", "scenario.yaml", 14, 1, ["at least two roles", "found 1"], E),
    ("unknown_timeout", "scenario.yaml", 13, 12, ["unknown ending 'stalmate'", "did you mean 'stalemate'?"], E),
    ("chances_not_one", "cards.yaml", 7, 9, ["add up to 0.6, not 1"], W),
    ("flag_never_set", "world.yaml", 19, 9, ["flag 'alarm' is tested but no effect sets it"], W),
    ("weight_zero_unqueued", "cards.yaml", 5, 13, ["weight 0", "no queue effect names it"], W),
    ("unreachable_ending", "endings.yaml", 16, 9, ["ending 'forgotten'", "can never be reached"], W),
    # Format-2 keys and forms in a format-1 scenario.
    ("format2_key_in_format1", "cards.yaml", 16, 13, ["'label' needs format: 2", "format 1"], E),
    ("format2_turns_in_format1", "scenario.yaml", 29, 1, ["'turns' needs format: 2"], E),
    ("format2_effect_when_in_format1", "cards.yaml", 18, 40, ["'when' needs format: 2"], E),
    ("format2_amount_expression_in_format1", "cards.yaml", 17, 32, ["'by' as an expression needs format: 2"], E),
    ("format2_text_per_role_in_format1", "cards.yaml", 4, 5, ["'text' as a mapping", "needs format: 2"], E),
    ("format1_keys_offered", "cards.yaml", 16, 13, ["unknown key 'lable'", "expected one of: chance, text, effects"], E),
    # Format 2 (laid over tests/data/valid2).
    ("f2_missing_turns", "scenario.yaml", 3, 1, ["missing required key 'turns'", "turn order"], E),
    ("f2_order_unknown_role", "scenario.yaml", 25, 18, ["unknown role 'chef'", "did you mean 'chief'?"], E),
    ("f2_order_unknown_role", "scenario.yaml", 25, 3, ["the order leaves out role 'chief'"], E),
    ("f2_order_duplicate_role", "scenario.yaml", 25, 25, ["role 'rebel' is already in the order"], E),
    ("f2_events_over_1", "scenario.yaml", 26, 11, ["chance of 1.5", "between 0 and 1"], E),
    ("f2_start_by_role", "world.yaml", 10, 5, ["'start_by_role'", "one shared world", "one start value"], E),
    ("f2_hidden_from_unknown_role", "world.yaml", 10, 19, ["unknown role 'chef'", "did you mean 'chief'?"], E),
    ("f2_event_with_options", "cards.yaml", 65, 5, ["an event has no 'options'"], E),
    ("f2_event_with_roles", "cards.yaml", 62, 5, ["an event has no 'roles'"], E),
    ("f2_event_without_results", "cards.yaml", 59, 5, ["an event needs 'outcomes', or 'effects'"], E),
    ("f2_results_on_a_card", "cards.yaml", 35, 5, ["'effects' is for a world event (event: true)"], E),
    ("f2_on_with_window", "cards.yaml", 48, 5, ["'on' fixes the card to one turn", "'until'"], E),
    ("f2_on_outside_calendar", "cards.yaml", 47, 9, ["'on' 2026-03-20 is outside the calendar"], E),
    ("f2_fixed_same_turn", "cards.yaml", 35, 5, ["cards 'patrol' and 'riot'", "both fixed to turn 3 for role 'chief'"], E),
    ("f2_text_missing_role", "cards.yaml", 4, 5, ["text has no entry for role 'rebel'"], E),
    ("f2_text_for_a_role_that_cannot_draw", "cards.yaml", 7, 7, ["role 'rebel' cannot draw the card", "never read"], E),
    ("f2_option_unknown_role", "cards.yaml", 24, 17, ["unknown role 'rebbel'", "did you mean 'rebel'?"], E),
    ("f2_option_role_cannot_draw", "cards.yaml", 38, 24, ["role 'rebel' cannot draw card 'riot'", "never take"], E),
    ("f2_option_nobody_may_take", "cards.yaml", 38, 9, ["an option no role that can draw the card may take"], E),
    ("f2_role_stuck", "cards.yaml", 35, 5, ["every option open to role 'rebel' has a 'when'", "never stuck"], E),
    ("f2_outcome_label_too_long", "cards.yaml", 12, 20, ["'label'", "at most 40 characters"], E),
    ("f2_effect_when_unknown_flag", "cards.yaml", 28, 35, ["unknown flag 'curfw'", "did you mean 'flag.curfew'?"], E),
    ("f2_amount_unknown_meter", "cards.yaml", 15, 37, ["unknown name 'unrst'", "did you mean 'unrest'?"], E),
    ("f2_set_constant_out_of_range", "cards.yaml", 16, 35, ["150 is outside meter 'unrest''s range [0, 100]"], E),
    ("f2_queue_after_and_on", "cards.yaml", 58, 27, ["give 'after' or 'on', not both"], E),
    ("f2_queue_on_outside_calendar", "cards.yaml", 58, 31, ["'on' 2027-02-02 is outside the calendar"], E),
    ("f2_queue_never_comes", "cards.yaml", 22, 17, ["card 'riot'", "after its window closes (turn 3)",
                                                    "never come"], W),
    ("f2_queue_never_comes", "cards.yaml", 59, 13, ["card 'riot' is due on turn 6 or later", "never come"], W),
    ("f2_queue_waits", "cards.yaml", 22, 17, ["card 'riot'", "before its window opens (turn 5)",
                                              "wait for the window"], W),
    ("f2_ending_text_missing_role", "endings.yaml", 4, 5, ["text has no entry for role 'rebel'"], E),
    ("f2_placeholder_unknown", "cards.yaml", 5, 31, ["unknown meter 'ordr' in placeholder {meter.ordr}"], E),
    ("f2_placeholder_in_folded_text", "cards.yaml", 35, 13, ["unknown placeholder {mayor}", "{meter.ID}"], E),
    ("f2_placeholder_lone_brace", "endings.yaml", 17, 33, ["a lone '}'", "'}}'"], E),
    # What a modder needed to be told (issue 12): unused content, and why a condition can never hold.
    ("source_date_decimal", "scenario.yaml", 12, 11, ["'date': expected text, got 2019.1; put it in quotes"], E),
    ("version_true", "scenario.yaml", 5, 10, ["'version': expected text, got true; put it in quotes"], E),
    ("source_uncited", "scenario.yaml", 14, 9, ["source 'unused_memo' is cited by no card, ending or glossary"], W),
    ("f2_faction_name_too_long", "extra.yaml", 3, 11, ["faction 'townsfolk''s name is 47 characters",
                                                       "cut on the meter panel after 28"], W),
    ("f2_flag_set_never_tested", "extra.yaml", 2, 9, ["flag 'rumour' is set but no condition", "tests it"], W),
    ("f2_meter_unread", "extra.yaml", 2, 9, ["meter 'morale' is read by no condition, chance", "ending"], W),
    ("f2_condition_never_holds_turn", "extra.yaml", 5, 11, ["card 'late' can never be drawn", "'turn > 40'",
                                                            "(turn runs from 1 to 6)"], W),
    ("f2_window_outside_calendar", "extra.yaml", 5, 5, ["card 'next_year' can never be drawn",
                                                         "outside the calendar"], W),
    ("queue_outside_window", "extra.yaml", 12, 13, ["card 'council' may be due outside its date window",
                                                    "format 1", "whatever its dates"], W),
    ("f2_card_after_other_role", "extra.yaml", 13, 9, ["card 'answer' comes to role 'chief' only after another"
                                                        " role's move"], N),
]


def test_every_fixture_has_a_case():
    assert {case[0] for case in CASES} == {p.name for p in BROKEN.iterdir()}


@pytest.mark.parametrize("rule, file, line, col, words, severity", CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_broken_fixture_reports_a_located_problem(broken, rule, file, line, col, words, severity):
    folder = broken(rule)
    report = check(folder)
    here = [p for p in report.problems if p.file == str(folder / file) and p.line == line
            and (col is None or p.col == col) and p.severity == severity]
    assert here, f"nothing at {file}:{line}:{col}; got:\n{report}"
    assert any(all(w in p.message for w in words) for p in here), f"words {words} not in:\n{report}"
    if severity == E:
        assert not report.ok and report.scenario is None
        with pytest.raises(ScenarioError) as raised:
            load(folder)
        assert f"{folder / file}:{line}:" in str(raised.value)
    else:
        assert report.ok and report.scenario is not None


def test_oversize_file_is_refused_without_reading_it(base):
    big = base / "huge.yaml"
    with open(big, "wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    report = check(base)
    (problem,) = report.errors
    assert (problem.file, problem.line, problem.col) == (str(big), 1, 1)
    assert "too large" in problem.message and "52,428,800 bytes" in problem.message
    assert "1 MiB" in problem.message


def test_too_many_files_are_refused(base):
    for i in range(200):
        (base / f"extra_{i:03}.yaml").write_text("flags: []\n")
    report = check(base)
    assert [str(p) for p in report.errors] == [f"{base}: 204 YAML files; a scenario may have at most 200"]


def test_too_many_cards_are_refused(base):
    cards = "".join(f"  - {{id: c{i}, title: T, text: X, options: [{{label: a, text: b}}]}}\n" for i in range(4999))
    (base / "more.yaml").write_text("cards:\n" + cards)
    # With the base's two cards, more.yaml's 4,999th card is the 5,001st.
    (problem,) = check(base).errors
    assert (Path(problem.file).name, problem.line) == ("more.yaml", 5000)
    assert "too many cards" in problem.message and "5000" in problem.message


def test_a_folder_without_a_manifest_says_so(base):
    os.remove(base / "scenario.yaml")
    assert any("no scenario.yaml" in str(p) for p in check(base).errors)


def test_hidden_files_and_folders_are_skipped(base):
    (base / ".draft.yaml").write_text("not: [valid\n")
    (base / ".git").mkdir()
    (base / ".git" / "cards.yaml").write_text("- a list\n")
    (base / "notes.txt").write_text("not yaml at all\0")
    assert check(base).ok


def test_files_in_subfolders_are_read_in_path_order(base):
    (base / "more").mkdir()
    (base / "more" / "flags.yaml").write_text("flags:\n  - {id: extra, description: An extra flag.}\n")
    (base / "zz.yml").write_text("flags:\n  - {id: last, description: Read last.}\n")
    scenario = load(base)
    # more/flags.yaml < world.yaml < zz.yml
    assert [f.id for f in scenario.flags] == ["extra", "alarm", "last"]


def test_problems_of_all_files_come_at_once_sorted_by_file_and_line(base):
    (base / "cards.yaml").write_text((BROKEN / "unknown_key" / "cards.yaml").read_text()
                                     .replace("orders.", "orders.\n    nope: 1"))
    (base / "world.yaml").write_text((BROKEN / "meter_range" / "world.yaml").read_text())
    report = check(base)
    shown = [(Path(p.file).name, p.line) for p in report.problems]
    assert shown == sorted(shown)
    assert {("cards.yaml", 5), ("cards.yaml", 6), ("world.yaml", 5), ("world.yaml", 10)} <= set(shown)


def test_report_is_capped_at_a_hundred_lines(base):
    bad = "".join(f"  - {{id: flag_{i}, wrong_{i}: 1}}\n" for i in range(150))
    (base / "flags.yaml").write_text("flags:\n" + bad)
    with pytest.raises(ScenarioError) as raised:
        load(base)
    lines = str(raised.value).splitlines()
    assert len(lines) == 101
    assert lines[-1] == "... and 200 more problems"


def test_a_missing_manifest_key_does_not_hide_other_problems(broken):
    folder = broken("goal_not_win")
    manifest = folder / "scenario.yaml"
    manifest.write_text(manifest.read_text().replace("licence: CC0-1.0\n", ""))
    messages = [p.message for p in check(folder).errors]
    assert "missing required key 'licence'" in messages
    assert any(m.startswith("goal 'order_kept' does not give role 'chief' a win") for m in messages)


def test_a_format1_file_is_offered_format1_keys_and_a_format2_file_its_own(base2):
    cards = base2 / "cards.yaml"
    cards.write_text(cards.read_text().replace("label: the streets calm", "lable: the streets calm"))
    messages = [p.message for p in check(base2).errors]
    assert "unknown key 'lable'; did you mean 'label'?" in messages


def test_an_option_with_no_role_is_an_option_nobody_may_take(base2):
    cards = base2 / "cards.yaml"
    cards.write_text(cards.read_text().replace("roles: [rebel]", "roles: []"))
    assert any("an option no role that can draw the card may take" in p.message for p in check(base2).errors)


def test_placeholders_in_format1_text_are_shown_as_written(base):
    cards = base / "cards.yaml"
    cards.write_text(cards.read_text().replace("The guards ask for orders.", "The guards ask {for} orders."))
    report = check(base)
    assert report.ok and report.scenario.card("patrol").text == "The guards ask {for} orders."


def test_a_date_window_outside_the_calendar_is_reported_once(broken):
    report = check(broken("f2_window_outside_calendar"))
    assert [p.severity for p in report.problems if "next_year" in p.message] == [W], str(report)


def test_a_condition_that_can_never_hold_always_says_why(base2):
    cards = base2 / "cards.yaml"
    cards.write_text(cards.read_text() + (BROKEN / "f2_condition_never_holds_turn" / "extra.yaml").read_text()
                     .replace("cards:\n", "").replace('"turn > 40"', '"1 > 2"'))
    (problem,) = [p for p in check(base2).warnings if "'late'" in p.message]
    assert problem.message.endswith("can never hold (it is false whatever the meters, flags and turn)")


def test_a_note_is_neither_an_error_nor_a_warning(broken):
    report = check(broken("f2_card_after_other_role"))
    assert report.ok and report.warnings == [] and len(report.notes) == 1
    assert str(report.notes[0]).split(": ")[1] == "note"
