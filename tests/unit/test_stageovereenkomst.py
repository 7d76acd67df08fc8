"""The stageovereenkomst calculator: helpful SBB-code errors, norms read from data, never a crash on input."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.rules_data import compile_rules
from calculators.vocabulary import CERTAINTIES
from calculators import Rules, run
from tests.helpers import default_inputs, examples, rules_with_value

ON = date(2026, 11, 28)
RULES = Rules(compile_rules())  # for the property tests: hypothesis does not mix with function fixtures


def test_default_form_is_a_complete_agreement(rules):
    """The form's defaults describe a complete agreement for a 15-year-old."""
    outcome = run("stageovereenkomst", default_inputs("stageovereenkomst", rules, ON), rules, ON)
    assert outcome["status"] == "pass", outcome


def test_a_five_digit_code_outside_the_vmbo_list_is_a_verdict_naming_every_valid_code(rules):
    """Code 19023 is no input error but a fail on stage.erkend_leerbedrijf that lists the ten vmbo codes."""
    outcome = run("stageovereenkomst", {**default_inputs("stageovereenkomst", rules, ON), "sbb_code": "19023"}, rules, ON)
    assert outcome["status"] == "fail" and not outcome["errors"]
    [finding] = [f for f in outcome["findings"] if f["status"] == "fail"]
    assert finding["rule"] == "stage.erkend_leerbedrijf" and "19023" in finding["message"]
    for code in rules.value("leerbedrijven.sbb_codes_vmbo", ON):
        assert code in finding["message"]


def test_the_same_code_gets_the_same_judgement_in_both_calculators(rules):
    """stage_uren and stageovereenkomst give the same rule, status and certainty for a non-vmbo code."""
    agreement = run("stageovereenkomst", {**default_inputs("stageovereenkomst", rules, ON), "sbb_code": "25180"}, rules, ON)
    plan = run("stage_uren", {"leeftijd": 16, "perioden": [
        {"leerjaar": "3", "weken": 40, "dagen_per_week": 2, "uren_per_dag": 8, "sbb_code": "25180"}]}, rules, ON)
    judged = [{(f["rule"], f["status"], f["certainty"]) for f in outcome["findings"] if f["rule"] == "stage.erkend_leerbedrijf"}
              for outcome in (agreement, plan)]
    assert judged[0] == judged[1] == {("stage.erkend_leerbedrijf", "fail", "bevestigd")}


def test_sbb_codes_come_from_data(compiled_rules):
    """Adding a code to leerbedrijven.sbb_codes_vmbo in a copy of the rules makes it accepted."""
    rules = Rules(compiled_rules)
    codes = dict(rules.value("leerbedrijven.sbb_codes_vmbo", ON), **{"19023": "VMBO – Testprofiel"})
    inputs = {**default_inputs("stageovereenkomst", rules, ON), "sbb_code": "19023"}
    assert run("stageovereenkomst", inputs, rules, ON)["status"] == "fail"
    assert run("stageovereenkomst", inputs, rules_with_value(compiled_rules, "leerbedrijven.sbb_codes_vmbo", codes), ON)["status"] == "pass"


def test_parent_signature_age_comes_from_data(compiled_rules):
    """With the age of majority at 21 in a copy of the rules, a 19-year-old needs a parent's signature."""
    inputs = {**default_inputs("stageovereenkomst", Rules(compiled_rules), ON), "leeftijd": 19, "ondertekend": ["school", "leerbedrijf", "leerling"]}
    assert run("stageovereenkomst", inputs, Rules(compiled_rules), ON)["status"] == "pass"
    raised = rules_with_value(compiled_rules, "stageovereenkomst.handtekening_ouder", 21)
    assert run("stageovereenkomst", inputs, raised, ON)["status"] == "fail"


def test_every_item_a_to_e_is_its_own_line(rules):
    """The agreement is checked item by item, one finding per item of data/."""
    items = rules.value("stageovereenkomst.onderdelen", ON)
    outcome = run("stageovereenkomst", {**default_inputs("stageovereenkomst", rules, ON), "onderdelen": ["a"]}, rules, ON)
    lines = [f for f in outcome["findings"] if f["rule"] == "stageovereenkomst.onderdelen"]
    assert len(lines) == len(items)
    assert [f["status"] for f in lines].count("fail") == len(items) - 1


def test_every_finding_cites_a_source_and_a_known_certainty(rules):
    """Each finding names a norm, at least one source with a url, and a certainty label of data/."""
    for age in (14, 16, 18):
        inputs = {**default_inputs("stageovereenkomst", rules, ON), "leeftijd": age, "onderdelen": ["b"], "verzekering": "niemand", "premie": "",
                  "stageleraar": "", "ondertekend": []}
        outcome = run("stageovereenkomst", inputs, rules, ON)
        assert outcome["findings"] and outcome["summary"]
        for finding in outcome["findings"]:
            assert rules.has(finding["rule"])
            assert finding["certainty"] in CERTAINTIES
            assert finding["sources"] and all(source["url"].startswith("https://") for source in finding["sources"])


@settings(max_examples=examples(150), deadline=None)
@given(
    code=st.one_of(st.text(max_size=8), st.integers(-1, 99999), st.none()),
    who=st.sampled_from(["school", "leerbedrijf", "ouders", "niemand", "", "x", None]),
    payer=st.sampled_from(["school", "leerbedrijf", "ouders", "niemand", "", "x", None]),
    signed=st.one_of(st.lists(st.sampled_from(["school", "leerling", "ouder", "x"])), st.text(max_size=20)),
    age=st.one_of(st.integers(-1, 99), st.text(max_size=3)),
)
def test_any_input_gives_an_outcome_and_never_raises(code, who, payer, signed, age):
    """Random input gives an outcome with a valid status."""
    inputs = {"leeftijd": age, "sbb_code": code, "verzekering": who, "premie": payer, "ondertekend": signed}
    outcome = run("stageovereenkomst", inputs, RULES, ON)
    assert outcome["status"] in ("pass", "fail", "warning", "invalid")
