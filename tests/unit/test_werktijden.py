"""The werktijden calculator: sources on every finding, norms read from data, never a crash on input."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.rules_data import CERTAINTIES, compile_rules
from calculators import Rules, run
from tests.helpers import default_inputs, examples, rules_with_value
from calculators.werktijden import DAYS

ON = date(2026, 11, 28)
RULES = Rules(compile_rules())  # for the property tests: hypothesis does not mix with function fixtures


def _week(age: int, *days: dict) -> dict:
    return {"leeftijd": age, "dagen": list(days)}


def _failed(outcome: dict, rule: str) -> bool:
    return any(f["rule"] == rule and f["status"] == "fail" for f in outcome["findings"])


def test_default_form_is_a_passing_week_with_every_day(rules):
    """The form's defaults give one row per weekday, Monday first, and a realistic week that passes."""
    inputs = default_inputs("werktijden", rules, ON)
    assert [row["dag"] for row in inputs["dagen"]] == list(DAYS)
    outcome = run("werktijden", inputs, rules, ON)
    assert outcome["status"] == "pass", outcome
    assert outcome["values"]["uren_stage_week"] > 0 and outcome["values"]["uren_school_week"] > 0


def test_every_finding_cites_a_source_and_a_known_certainty(rules):
    """Each finding names a norm, at least one source with a url, and a certainty label of data/."""
    weeks = [
        default_inputs("werktijden", rules, ON),
        _week(15, {"dag": "zondag", "uren_school": 4, "stage_begin": "06:00", "stage_einde": "20:00", "pauze_minuten": 10}),
        _week(17, {"dag": "zondag", "stage_begin": "05:00", "stage_einde": "23:30", "pauze_minuten": 20}),
        _week(13, {"dag": "maandag", "stage_begin": "09:00", "stage_einde": "12:00"}),
        _week(19, {"dag": "maandag", "stage_begin": "09:00", "stage_einde": "12:00"}),
    ]
    for inputs in weeks:
        outcome = run("werktijden", inputs, rules, ON)
        assert outcome["findings"] and outcome["summary"]
        for finding in outcome["findings"]:
            assert rules.has(finding["rule"])
            assert finding["certainty"] in CERTAINTIES
            assert finding["sources"] and all(source["url"].startswith("http") for source in finding["sources"])


def test_daily_limit_comes_from_data(compiled_rules):
    """With 8 instead of 7 hours a day in a copy of the rules, a 7,5-hour day of a 15-year-old passes."""
    week = _week(15, {"dag": "maandag", "stage_begin": "08:00", "stage_einde": "16:00", "pauze_minuten": 30})
    assert _failed(run("werktijden", week, Rules(compiled_rules), ON), "werktijden.kind.max_uren_per_dag")
    changed = rules_with_value(compiled_rules, "werktijden.kind.max_uren_per_dag", 8)
    assert not _failed(run("werktijden", week, changed, ON), "werktijden.kind.max_uren_per_dag")


def test_times_of_day_come_from_data(compiled_rules):
    """Moving the evening limit to 20:00 in a copy of the rules allows a stage until 19:30 at 15."""
    week = _week(15, {"dag": "dinsdag", "stage_begin": "13:00", "stage_einde": "19:30", "pauze_minuten": 30})
    assert run("werktijden", week, Rules(compiled_rules), ON)["status"] == "fail"
    changed = rules_with_value(compiled_rules, "werktijden.kind.laatste_einde", "20:00")
    assert run("werktijden", week, changed, ON)["status"] == "pass"


def test_school_time_counting_comes_from_data(compiled_rules):
    """If school time did not count as working time, 4 hours of school and 3,5 of stage would fit in 7."""
    week = _week(15, {"dag": "dinsdag", "uren_school": 4, "stage_begin": "13:00", "stage_einde": "16:30"})
    assert _failed(run("werktijden", week, Rules(compiled_rules), ON), "werktijden.kind.max_uren_per_dag")
    changed = rules_with_value(compiled_rules, "werktijden.schooltijd_telt_mee", False)
    outcome = run("werktijden", week, changed, ON)
    assert not _failed(outcome, "werktijden.kind.max_uren_per_dag")
    assert outcome["values"]["uren_dinsdag"] == 3.5


def test_age_bounds_come_from_data(compiled_rules):
    """Raising the adult age to 19 in a copy of the rules makes the 9-hour limit apply to an 18-year-old."""
    week = _week(18, {"dag": "maandag", "stage_begin": "07:00", "stage_einde": "17:30", "pauze_minuten": 30})
    assert run("werktijden", week, Rules(compiled_rules), ON)["status"] == "pass"
    changed = rules_with_value(compiled_rules, "werktijden.leeftijd_volwassen_vanaf", 19)
    assert _failed(run("werktijden", week, changed, ON), "werktijden.jeugdige.max_uren_per_dienst")


def test_break_threshold_comes_from_data(compiled_rules):
    """With a break required after 4 hours in a copy of the rules, 4,5 hours without a break fails."""
    week = _week(15, {"dag": "maandag", "stage_begin": "08:00", "stage_einde": "12:30"})
    assert run("werktijden", week, Rules(compiled_rules), ON)["status"] == "pass"
    changed = rules_with_value(compiled_rules, "werktijden.kind.pauze_na_uren", 4)
    assert _failed(run("werktijden", week, changed, ON), "werktijden.kind.pauze_minuten")


_time = st.one_of(st.none(), st.text(max_size=6), st.sampled_from(["07:00", "19:00", "23:59", "00:00", "25:00", "7.30", "12:60"]))
_cell = st.one_of(st.none(), st.integers(-5, 400), st.text(max_size=5), st.floats(allow_nan=True), st.booleans())


@settings(max_examples=examples(150), deadline=None)
@given(
    age=_cell,
    rows=st.lists(
        st.fixed_dictionaries({}, optional={
            "dag": st.one_of(st.none(), st.sampled_from(DAYS + ("maan", ""))),
            "uren_school": _cell, "stage_begin": _time, "stage_einde": _time, "pauze_minuten": _cell,
        }),
        max_size=8,
    ),
)
def test_any_input_gives_an_outcome_and_never_raises(age, rows):
    """Random schedules (bad times, text, negatives, duplicate days) give an outcome with a valid status, never an exception."""
    outcome = run("werktijden", {"leeftijd": age, "dagen": rows}, RULES, ON)
    assert outcome["status"] in ("pass", "fail", "warning", "invalid")
    assert (outcome["status"] == "invalid") == bool(outcome["errors"])


_minutes = st.integers(0, 24 * 60 - 1)


@settings(max_examples=examples(200), deadline=None)
@given(
    age=st.integers(14, 17),
    stages=st.lists(st.tuples(st.sampled_from(DAYS), _minutes, _minutes, st.integers(0, 120), st.integers(0, 8)), min_size=1, max_size=7, unique_by=lambda t: t[0]),
)
def test_week_total_is_school_plus_stage_minus_breaks(age, stages):
    """For well-formed weeks the weekly working time is school plus stage minus breaks, and over the limit means fail."""
    rows = []
    expected = 0
    for day, a, b, pause, school in stages:
        begin, end = min(a, b), max(a, b)
        row = {"dag": day, "uren_school": school}
        if end - begin > pause:
            row.update(stage_begin=f"{begin // 60:02d}:{begin % 60:02d}", stage_einde=f"{end // 60:02d}:{end % 60:02d}", pauze_minuten=pause)
            expected += end - begin - pause
        expected += school * 60
        rows.append(row)
    outcome = run("werktijden", {"leeftijd": age, "dagen": rows}, RULES, ON)
    assert outcome["status"] != "invalid", outcome["errors"]
    if outcome["values"]["uren_stage_week"] == 0:
        return  # a week without stage is not checked
    assert round(outcome["values"]["uren_werktijd_week"] * 60) == expected
    week_rule = "werktijden.kind.max_uren_per_week" if age < 16 else "werktijden.jeugdige.max_uren_per_week"
    limit = RULES.value(week_rule, ON) * 60
    assert _failed(outcome, week_rule) == (expected > limit)


def test_a_row_without_a_day_reports_the_day_it_used(rules):
    """A link that names only the times of row 2 is checked as Tuesday, and the outcome says so for the result sheet."""
    fields = {"leeftijd": "15", "dagen.1.stage_begin": "13:00", "dagen.1.stage_einde": "19:30", "dagen.1.pauze_minuten": "30"}
    outcome = run("werktijden", fields, rules, ON)
    # 15 years old: no work after 19:00 (NRK art. 3:1 lid 2 onder b); row 2 without a day is Tuesday.
    assert outcome["status"] == "fail"
    assert any(f["status"] == "fail" and f["message"].startswith("Dinsdag") for f in outcome["findings"])
    assert outcome["values"]["invoer_aangevuld"] == {"dagen.1.dag": "dinsdag"}
    named = run("werktijden", {**fields, "dagen.1.dag": "woensdag"}, rules, ON)
    assert "invoer_aangevuld" not in named["values"]
