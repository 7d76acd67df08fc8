"""The onderwijstijd calculator: sources on every finding, norms read from data, never a crash on input."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.rules_data import CERTAINTIES, compile_rules
from calculators import Rules, run
from tests.helpers import default_inputs, examples, rules_with_value

ON = date(2026, 11, 28)
RULES = Rules(compile_rules())  # for the property test: hypothesis does not mix with function fixtures


def _plan(days_4: int = 189, stage_1: int = 0) -> dict:
    return {
        "leerjaren": [
            {"uren_school": 1000 - stage_1, "uren_stage": stage_1, "onderwijsdagen": 189},
            {"uren_school": 1000, "onderwijsdagen": 189},
            {"uren_school": 500, "uren_stage": 320, "onderwijsdagen": 189},
            {"uren_school": 560, "uren_stage": 320, "onderwijsdagen": days_4},
        ],
        "laatste_leerjaar": "tot_examen",
    }


def test_default_form_is_a_passing_example(rules):
    """The form's defaults (one row per leerjaar) parse and give a realistic plan that passes."""
    outcome = run("onderwijstijd", default_inputs("onderwijstijd", rules, ON), rules, ON)
    assert outcome["status"] == "pass", outcome
    assert outcome["values"]["uren_totaal"] > outcome["values"]["norm_klokuren"]


def test_every_finding_cites_a_source_and_a_known_certainty(rules):
    """Each finding names a norm, at least one source with a url, and a certainty label of data/."""
    for inputs in (default_inputs("onderwijstijd", rules, ON), _plan(days_4=150, stage_1=100), _plan(days_4=200)):
        outcome = run("onderwijstijd", inputs, rules, ON)
        assert outcome["findings"]
        for finding in outcome["findings"]:
            assert rules.has(finding["rule"])
            assert finding["certainty"] in CERTAINTIES
            assert finding["sources"] and all(source["url"].startswith("http") for source in finding["sources"])
            assert finding["message"].strip()


def test_total_norm_comes_from_data(compiled_rules):
    """Raising the total in a copy of the rules turns the same 3700-hour plan from pass into fail."""
    assert run("onderwijstijd", _plan(), Rules(compiled_rules), ON)["status"] == "pass"
    outcome = run("onderwijstijd", _plan(), rules_with_value(compiled_rules, "onderwijstijd.klokuren_totaal", 3701), ON)
    assert outcome["status"] == "fail"
    assert outcome["values"]["uren_tekort"] == 1


def test_days_norm_comes_from_data(compiled_rules):
    """A higher number of days in a copy of the rules makes 189 days per year too few."""
    outcome = run("onderwijstijd", _plan(), rules_with_value(compiled_rules, "onderwijstijd.dagen_per_jaar", 190), ON)
    failed = [f for f in outcome["findings"] if f["rule"] == "onderwijstijd.dagen_per_jaar" and f["status"] == "fail"]
    assert len(failed) == 3  # leerjaar 1-3; leerjaar 4 stops at the examen


def test_final_year_exception_comes_from_data(compiled_rules):
    """Without the final-year exception in the rules, 150 days in leerjaar 4 fail even when it stops at the examen."""
    plan = _plan(days_4=150)
    assert run("onderwijstijd", plan, Rules(compiled_rules), ON)["status"] == "pass"
    changed = rules_with_value(compiled_rules, "onderwijstijd.laatste_leerjaar_uitzondering", False)
    assert run("onderwijstijd", plan, changed, ON)["status"] == "fail"


def test_stage_counting_comes_from_data(compiled_rules):
    """If stage did not count as onderwijstijd, the same plan would fall 640 hours short."""
    changed = rules_with_value(compiled_rules, "onderwijstijd.stage_telt_mee", False)
    outcome = run("onderwijstijd", _plan(), changed, ON)
    assert outcome["status"] == "fail"
    assert outcome["values"]["uren_tekort"] == 640


def test_early_stage_years_come_from_data(compiled_rules):
    """When the rules allowed stage from leerjaar 1, stage in leerjaar 1 gives no conflict warning."""
    plan = _plan(stage_1=100)
    rules_now = Rules(compiled_rules)
    assert any(f["rule"] == "stage.leerjaren" for f in run("onderwijstijd", plan, rules_now, ON)["findings"])
    changed = rules_with_value(compiled_rules, "stage.leerjaren", [1, 2, 3, 4])
    assert not any(f["rule"] == "stage.leerjaren" for f in run("onderwijstijd", plan, changed, ON)["findings"])


_cell = st.one_of(st.none(), st.integers(-5, 3000), st.text(max_size=6), st.floats(allow_nan=True), st.booleans())


@settings(max_examples=examples(150), deadline=None)
@given(
    rows=st.lists(st.fixed_dictionaries({}, optional={"uren_school": _cell, "uren_stage": _cell, "onderwijsdagen": _cell}), max_size=5),
    last=st.one_of(st.none(), st.sampled_from(["tot_examen", "heel_jaar", "", "x", 3])),
)
def test_any_input_gives_an_outcome_and_never_raises(rows, last):
    """Random rows (text, negatives, floats, missing cells) give an outcome with a valid status, never an exception."""
    outcome = run("onderwijstijd", {"leerjaren": rows, "laatste_leerjaar": last}, RULES, ON)
    assert outcome["status"] in ("pass", "fail", "warning", "invalid")
    assert (outcome["status"] == "invalid") == bool(outcome["errors"])


_row = st.fixed_dictionaries({
    "uren_school": st.integers(0, 2000),
    "uren_stage": st.integers(0, 2000),
    "onderwijsdagen": st.integers(0, 366),
})


@settings(max_examples=examples(150), deadline=None)
@given(rows=st.lists(_row, min_size=1, max_size=4), last=st.sampled_from(["tot_examen", "heel_jaar"]))
def test_well_formed_plans_get_a_verdict_or_a_field_error(rows, last):
    """Plans within the field bounds reach the rules: a verdict with a summary, or an error on a named field."""
    outcome = run("onderwijstijd", {"leerjaren": rows, "laatste_leerjaar": last}, RULES, ON)
    if outcome["status"] == "invalid":
        assert all(error["field"].startswith("leerjaren.") for error in outcome["errors"])
    else:
        assert outcome["summary"] and len(rows) == 4
        total = sum(row["uren_school"] + row["uren_stage"] for row in rows)
        assert outcome["values"]["uren_totaal"] == total
        assert (outcome["values"]["uren_tekort"] > 0) == any(
            f["rule"] == "onderwijstijd.klokuren_totaal" and f["status"] == "fail" for f in outcome["findings"]
        )
