"""Every calculator returns an outcome of the contract for any input, and never raises on bad input."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import NAMES, available, describe, run
from tests.helpers import default_inputs, examples

FINDING_STATUSES = {"pass", "fail", "warning", "info"}
CERTAINTIES = {"bevestigd", "bevestigd-2015", "alleen-seed", "onzeker", "tegenstrijdig", "gecorrigeerd"}
CALCULATORS = available()

json_scalars = st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=12)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)
reference_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))
text_numbers = st.sampled_from(["", " ", "0", "-1", "7,5", "7.5", "1e9", "abc", "25:00", "07:00", "19:30", "23:59", "2026-02-30", "19023", "19029", "ja", "nee", "NaN", "∞"])


def check_contract(outcome: dict, name: str, on: date) -> None:
    """The outcome has exactly the contract's keys, types and status rules."""
    assert set(outcome) == {"calculator", "reference_date", "status", "summary", "findings", "errors", "values"}
    assert outcome["calculator"] == name
    assert outcome["reference_date"] == on.isoformat()
    assert outcome["status"] in {"pass", "fail", "warning", "invalid"}
    assert isinstance(outcome["summary"], str) and outcome["summary"].strip()
    for error in outcome["errors"]:
        assert set(error) == {"field", "message"} and error["message"].strip()
    for finding in outcome["findings"]:
        assert set(finding) == {"rule", "status", "message", "certainty", "sources"}
        assert finding["status"] in FINDING_STATUSES
        assert finding["certainty"] in CERTAINTIES
        assert finding["message"].strip()
        assert finding["sources"] and all(source["url"].startswith("https://") for source in finding["sources"])
    statuses = {finding["status"] for finding in outcome["findings"]}
    if outcome["errors"]:
        assert outcome["status"] == "invalid" and not outcome["findings"]
    elif "fail" in statuses:
        assert outcome["status"] == "fail"
    elif "warning" in statuses:
        assert outcome["status"] == "warning"
    else:
        assert outcome["status"] == "pass"


def form_like_inputs(name: str):
    """Inputs shaped like the calculator's own description, with random and hostile values."""
    spec = describe(name)["inputs"]

    def value_for(field):
        choices = [c["value"] for c in field.get("choices", [])]
        options = [text_numbers, json_scalars]
        if choices:
            options.append(st.sampled_from(choices))
            options.append(st.lists(st.sampled_from(choices), max_size=6))
        return st.one_of(*options)

    def row(group):
        return st.fixed_dictionaries({}, optional={sub["name"]: value_for(sub) for sub in group["fields"]})

    optional = {}
    for field in spec:
        if field["type"] == "group":
            optional[field["name"]] = st.lists(row(field), max_size=field["rows"] + 1) | json_values
        else:
            optional[field["name"]] = value_for(field)
    return st.fixed_dictionaries({}, optional=optional)


def test_all_six_calculators_exist():
    """The six calculators of the site are all there."""
    assert CALCULATORS == NAMES


@pytest.mark.parametrize("name", CALCULATORS)
@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=json_values, on=reference_dates)
def test_any_json_gives_an_outcome(name, raw, on, rules):
    """Arbitrary JSON never raises and always gives a contract outcome."""
    check_contract(run(name, raw, rules, on), name, on)


@pytest.mark.parametrize("name", CALCULATORS)
@settings(max_examples=examples(1000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), on=reference_dates)
def test_form_shaped_input_gives_an_outcome(name, data, on, rules):
    """Inputs with the right names but random or hostile values never raise."""
    raw = data.draw(form_like_inputs(name))
    check_contract(run(name, raw, rules, on), name, on)


@pytest.mark.parametrize("name", CALCULATORS)
def test_default_form_gives_a_verdict(name, rules):
    """The defaults of the input description are a complete, valid example."""
    outcome = run(name, default_inputs(name, rules, date(2026, 11, 28)), rules, date(2026, 11, 28))
    assert outcome["status"] != "invalid", outcome["errors"]
