"""The examenpakket calculator: the rekenen rule by date, norms read from data, never a crash on input."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.rules_data import CERTAINTIES, compile_rules
from calculators import Rules, run
from tests.helpers import default_inputs, examples, rules_with_value

ON = date(2026, 11, 28)
RULES = Rules(compile_rules())  # for the property tests: hypothesis does not mix with function fixtures


def _package(*grades, nederlands=6, profielvak=6, **extra) -> dict:
    rows = [{"soort": "keuzevak", "eindcijfer": grade} for grade in grades]
    return {"leerweg": "bb", "profiel": "ZW", "onderdelen": ["nederlands-ce", "nederlands-se", "profielvak"],
            "keuzevakken": rows, "cijfer_nederlands": nederlands, "cijfer_profielvak": profielvak, "rekenen": "ja", **extra}


def _statuses(outcome: dict, rule: str) -> set[str]:
    return {f["status"] for f in outcome["findings"] if f["rule"] == rule}


def test_default_form_is_a_passing_package(rules):
    """The form's defaults describe a realistic lwt pupil who passes."""
    inputs = default_inputs("examenpakket", rules, ON)
    outcome = run("examenpakket", inputs, rules, ON)
    assert outcome["status"] == "pass", outcome
    assert outcome["values"]["geslaagd"] is True


def test_rekenen_rule_switches_on_1_august_2020(rules):
    """Before school year 2020-2021 the rekentoets applies, from 1 August 2020 the schoolexamen rekenen."""
    inputs = _package(6, 6, 6, 6, rekenen="nee", wiskunde=True)
    before = run("examenpakket", inputs, rules, date(2020, 7, 31))
    after = run("examenpakket", inputs, rules, date(2020, 8, 1))
    assert before["values"]["rekenen"] == "de rekentoets"
    assert after["values"]["rekenen"] == "het schoolexamen rekenen"
    # The rekentoets was for every pupil; the schoolexamen rekenen only without wiskunde (exemption uncertain).
    assert _statuses(before, "examen.rekenen") == {"fail"}
    assert _statuses(after, "examen.rekenen") == set()
    assert _statuses(after, "examen.rekenen_vrijstelling_wiskunde_extra") == {"warning"}


def test_pass_mark_for_nederlands_comes_from_data(compiled_rules):
    """Lowering examen.uitslag.nederlands_minimum in a copy of the rules turns a 5 for Nederlands into a pass."""
    inputs = _package(7, 7, 7, 7, nederlands=5)
    assert _statuses(run("examenpakket", inputs, Rules(compiled_rules), ON), "examen.uitslag.nederlands_minimum") == {"fail"}
    lowered = rules_with_value(compiled_rules, "examen.uitslag.nederlands_minimum", 5)
    assert _statuses(run("examenpakket", inputs, lowered, ON), "examen.uitslag.nederlands_minimum") == {"pass"}


def test_rounding_of_combinatiecijfer_comes_from_data(compiled_rules):
    """With one decimal instead of a whole number, an average of 5,5 no longer rounds up to a pass."""
    inputs = _package(5, 6, 5, 6)
    whole = run("examenpakket", inputs, Rules(compiled_rules), ON)
    assert whole["values"]["combinatiecijfer"] == 6 and whole["status"] == "warning"
    one_decimal = run("examenpakket", inputs, rules_with_value(compiled_rules, "examen.combinatiecijfer_afronding", 1), ON)
    assert one_decimal["values"]["combinatiecijfer"] == 5.5 and one_decimal["status"] == "fail"


def test_more_than_four_keuzevakken_all_count_in_the_average(rules):
    """All keuzevakken count in the combinatiecijfer, also a fifth one."""
    outcome = run("examenpakket", _package(6, 6, 6, 6, 4), rules, ON)
    assert outcome["values"]["aantal_keuzevakken"] == 5
    assert outcome["values"]["combinatiecijfer_gemiddelde"] == 5.6


def test_every_finding_cites_a_source_and_a_known_certainty(rules):
    """Each finding names a norm, at least one source with a url, and a certainty label of data/."""
    for inputs in (_package(6, 6, 6, 6), _package(3, 9, 5, 6, nederlands=5, leerweg="tl", rekenen="nee")):
        outcome = run("examenpakket", inputs, rules, ON)
        assert outcome["findings"] and outcome["summary"]
        for finding in outcome["findings"]:
            assert rules.has(finding["rule"])
            assert finding["certainty"] in CERTAINTIES
            assert finding["sources"] and all(source["url"].startswith("https://") for source in finding["sources"])


grade = st.one_of(st.none(), st.integers(-5, 15), st.floats(allow_nan=True), st.text(max_size=6))


@settings(max_examples=examples(150), deadline=None)
@given(
    leerweg=st.sampled_from(["bb", "kb", "gl", "tl", "x", ""]),
    rows=st.lists(st.fixed_dictionaries({
        "soort": st.sampled_from(["keuzevak", "profielmodule", "", "x"]),
        "profiel": st.sampled_from(["ZW", "PIE", "BWI", "", None, "??"]),
        "eindcijfer": grade,
    }), max_size=10),
    nederlands=grade,
    profielvak=grade,
    day=st.dates(date(2010, 1, 1), date(2040, 1, 1)),
)
def test_any_input_gives_an_outcome_and_never_raises(leerweg, rows, nederlands, profielvak, day):
    """Random input, on any date, gives an outcome with a valid status."""
    inputs = {"leerweg": leerweg, "profiel": "ZW", "keuzevakken": rows, "cijfer_nederlands": nederlands,
              "cijfer_profielvak": profielvak, "rekenen": "ja"}
    outcome = run("examenpakket", inputs, RULES, day)
    assert outcome["status"] in ("pass", "fail", "warning", "invalid")
