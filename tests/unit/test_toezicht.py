"""The toezicht checklist: item by item from data, norms read from data, never a crash on input."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.rules_data import CERTAINTIES, compile_rules
from calculators import Rules, run
from tests.helpers import default_inputs, examples, rules_with_value

ON = date(2026, 11, 28)
RULES = Rules(compile_rules())  # for the property tests: hypothesis does not mix with function fixtures


def test_default_form_is_a_complete_checklist(rules):
    """The form's defaults describe a 15-year-old doing light work with everything arranged."""
    outcome = run("toezicht", default_inputs("toezicht", rules, ON), rules, ON)
    assert outcome["status"] == "pass", outcome


def test_every_requirement_of_the_toezichthouder_is_its_own_line(rules):
    """The checklist has one finding per requirement in data/, so it prints as a checklist."""
    requirements = rules.value("werkzaamheden.toezichthouder.eisen", ON)
    outcome = run("toezicht", {**default_inputs("toezicht", rules, ON), "toezicht_eisen": []}, rules, ON)
    lines = [f for f in outcome["findings"] if f["rule"].startswith("werkzaamheden.toezichthouder.") and "toezichthouder:" in f["message"]]
    assert len(lines) == len(requirements)
    recommended = rules.value("werkzaamheden.toezichthouder.aanbevelingen", ON)
    assert sum(1 for f in lines if f["status"] == "info") == len(recommended)


def test_lifting_limit_comes_from_data(compiled_rules):
    """Raising werkzaamheden.tillen_max_kg in a copy of the rules makes lifting 11 kg at 15 allowed."""
    inputs = {**default_inputs("toezicht", Rules(compiled_rules), ON), "tillen_kg": 11}
    assert run("toezicht", inputs, Rules(compiled_rules), ON)["status"] == "fail"
    assert run("toezicht", inputs, rules_with_value(compiled_rules, "werkzaamheden.tillen_max_kg", 12), ON)["status"] == "pass"


def test_risky_work_starts_where_kind_ends(compiled_rules):
    """Risky work is allowed from the age at which a pupil stops being a kind, as data/ says."""
    inputs = {**default_inputs("toezicht", Rules(compiled_rules), ON), "leeftijd": 16, "soort_werk": "risicovol"}
    assert run("toezicht", inputs, Rules(compiled_rules), ON)["values"]["soort_werk_toegestaan"] is True
    later = rules_with_value(compiled_rules, "werktijden.leeftijd_jeugdige_vanaf", 17)
    assert run("toezicht", inputs, later, ON)["values"]["soort_werk_toegestaan"] is False


def test_every_finding_cites_a_source_and_a_known_certainty(rules):
    """Each finding names a norm, at least one source with a url, and a certainty label of data/."""
    for age in (13, 15, 16, 18):
        inputs = {**default_inputs("toezicht", rules, ON), "leeftijd": age, "soort_werk": "risicovol", "kenmerken": ["kassawerk"],
                  "tillen_kg": 30, "toezichthouder_leeftijd": 17, "toezicht_eisen": [], "werkgever": []}
        outcome = run("toezicht", inputs, rules, ON)
        assert outcome["findings"] and outcome["summary"]
        for finding in outcome["findings"]:
            assert rules.has(finding["rule"])
            assert finding["certainty"] in CERTAINTIES
            assert finding["sources"] and all(source["url"].startswith("https://") for source in finding["sources"])


@settings(max_examples=examples(150), deadline=None)
@given(
    age=st.one_of(st.integers(-3, 120), st.text(max_size=4), st.none()),
    kind=st.sampled_from(["licht", "niet-industrieel", "risicovol", "", "x"]),
    kg=st.one_of(st.integers(-10, 1000), st.floats(allow_nan=True), st.text(max_size=5)),
    eisen=st.one_of(st.lists(st.sampled_from(["1", "6", "7", "x"])), st.text(max_size=20)),
)
def test_any_input_gives_an_outcome_and_never_raises(age, kind, kg, eisen):
    """Random input gives an outcome with a valid status."""
    inputs = {"leeftijd": age, "soort_werk": kind, "tillen_kg": kg, "duwen_trekken_kg": kg,
              "toezichthouder_leeftijd": age, "toezicht_eisen": eisen}
    outcome = run("toezicht", inputs, RULES, ON)
    assert outcome["status"] in ("pass", "fail", "warning", "invalid")
