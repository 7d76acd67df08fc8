"""Werktijden over a period: weeks named in Dutch, the age per week, identical weeks checked once."""

from __future__ import annotations

from datetime import date

from calculators import run
from calculators.werkweken import week_label, weeks_label

ON = date(2026, 12, 3)
EIGHT_HOURS = [{"dag": day, "stage_begin": "08:00", "stage_einde": "16:30", "pauze_minuten": 30}
               for day in ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag")]


def test_week_label_gives_iso_week_and_dates_in_dutch():
    """A week is named by its ISO number and its Monday to Sunday, also across months and years."""
    assert week_label(date(2026, 9, 7)) == "week 37 (7 t/m 13 september 2026)"
    assert week_label(date(2026, 9, 28)) == "week 40 (28 september t/m 4 oktober 2026)"
    assert week_label(date(2026, 12, 28)) == "week 53 (28 december 2026 t/m 3 januari 2027)"


def test_consecutive_weeks_become_one_range():
    """Weeks 37, 38 and 40 read as a range and a single week."""
    text = weeks_label([date(2026, 9, 7), date(2026, 9, 14), date(2026, 9, 28)])
    assert text == "week 37 (7 t/m 13 september 2026) t/m week 38 (14 t/m 20 september 2026) en week 40 (28 september t/m 4 oktober 2026)"


def test_turning_16_changes_the_limits_the_week_after_the_birthday():
    """Born Wednesday 14 October 2010: weeks 40-42 fail as 15, weeks 43-46 pass as 16, and the findings name them."""
    outcome = run("werkweken", {"geboortedatum": "2010-10-14", "begindatum": "2026-09-28", "einddatum": "2026-11-15",
                                "patroon": EIGHT_HOURS}, _rules(), ON)
    statuses = [(week["week"], week["leeftijd"], week["status"]) for week in outcome["values"]["per_week"]]
    assert statuses == [("2026-W40", 15, "fail"), ("2026-W41", 15, "fail"), ("2026-W42", 15, "fail"),
                        ("2026-W43", 16, "pass"), ("2026-W44", 16, "pass"), ("2026-W45", 16, "pass"), ("2026-W46", 16, "pass")]
    day_limit = [f for f in outcome["findings"] if f["rule"] == "werktijden.kind.max_uren_per_dag"]
    assert day_limit and all(f["message"].startswith("Week 40 (28 september t/m 4 oktober 2026) t/m week 42 (12 t/m 18 oktober 2026): ")
                             for f in day_limit)
    turned = [f for f in outcome["findings"] if f["rule"] == "werktijden.leeftijd_jeugdige_vanaf"]
    assert turned[0]["message"].startswith("In week 42 (12 t/m 18 oktober 2026) wordt de leerling 16 (op 14 oktober 2026)")


def test_a_birthday_on_monday_counts_from_that_week():
    """Born Monday 19 October 2010: week 43 is already checked as 16."""
    outcome = run("werkweken", {"geboortedatum": "2010-10-19", "begindatum": "2026-10-12", "einddatum": "2026-10-25",
                                "patroon": EIGHT_HOURS}, _rules(), ON)
    assert [week["status"] for week in outcome["values"]["per_week"]] == ["fail", "pass"]
    turned = [f for f in outcome["findings"] if f["rule"] == "werktijden.leeftijd_jeugdige_vanaf"]
    assert "de maandag van week 43" in turned[0]["message"]


def test_identical_weeks_are_checked_once():
    """A 21-week period with one rooster and one age (16 throughout) asks the week calculator once."""
    outcome = run("werkweken", {"geboortedatum": "2010-03-01", "begindatum": "2026-09-07", "einddatum": "2027-01-31",
                                "patroon": EIGHT_HOURS[:2]}, _rules(), ON)
    assert outcome["values"]["weken"] == 21
    assert outcome["values"]["weken_getoetst_uniek"] == 1


def test_partial_weeks_count_only_the_days_inside_the_period():
    """A period from Wednesday to Tuesday has two partial weeks: 3 days and 2 days of 8 hours."""
    outcome = run("werkweken", {"geboortedatum": "2009-01-01", "begindatum": "2026-09-09", "einddatum": "2026-09-15",
                                "patroon": EIGHT_HOURS}, _rules(), ON)
    assert [week["uren"] for week in outcome["values"]["per_week"]] == [24, 16]


def test_exception_outside_the_period_is_an_error_on_that_row():
    """A holiday week after the last stage day points at the row's date."""
    outcome = run("werkweken", {"geboortedatum": "2009-01-01", "begindatum": "2026-09-07", "einddatum": "2026-09-20",
                                "patroon": EIGHT_HOURS, "uitzonderingen": [{"week": "2026-12-01", "soort": "vakantie"}]}, _rules(), ON)
    assert outcome["status"] == "invalid"
    assert [e["field"] for e in outcome["errors"]] == ["uitzonderingen.0.week"]


def _rules():
    from calculators.bundled import load_rules

    return load_rules()
