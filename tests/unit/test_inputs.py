"""Reading raw input with an input description: Dutch notation, times, rows, and errors per field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from calculators.inputs import Choice, Field, parse, unflatten
from calculators.registry import run_form

NUMBER = Field("uren", "Uren", "number", minimum=0, maximum=5000)
INTEGER = Field("weken", "Weken", "integer", minimum=1, maximum=52)
TIME = Field("begin", "Begin", "time")
FLAG = Field("ouders", "Ouders geïnformeerd", "boolean", default=True)
CHOICE = Field("leerjaar", "Leerjaar", "choice", choices=(Choice("3", "Leerjaar 3"), Choice("4", "Leerjaar 4")))
ROWS = Field("perioden", "Perioden", "group", rows=3, min_rows=1, fields=(INTEGER, NUMBER))


@pytest.mark.parametrize(
    "typed, expected",
    [("7,5", Decimal("7.5")), ("7.5", Decimal("7.5")), ("3.700", Decimal("3700")), ("1.280,5", Decimal("1280.5")), (" 640 ", Decimal("640")), (12, Decimal("12"))],
)
def test_numbers_in_dutch_notation(typed, expected):
    """A decimal comma, a decimal point and dots that group thousands are all read as a Dutch reader means them."""
    values, errors = parse((NUMBER,), {"uren": typed})
    assert errors == [] and values["uren"] == expected


@pytest.mark.parametrize("typed", ["abc", "7,5,1", "1e3", "", "NaN", float("inf"), True])
def test_not_a_number_is_an_error_on_that_field(typed):
    """Text that is not a number gives a Dutch error that names the field."""
    _, errors = parse((NUMBER,), {"uren": typed})
    assert [error.field for error in errors] == ["uren"]
    assert "Uren" in errors[0].message


def test_bounds_say_what_is_allowed():
    """A number outside the bounds gives an error with the bounds in Dutch notation."""
    _, errors = parse((INTEGER,), {"weken": "53"})
    assert errors[0].field == "weken" and "1 tot en met 52" in errors[0].message


@pytest.mark.parametrize("typed, minutes", [("07:00", 420), ("7.30", 450), ("23:59", 1439), ("0:00", 0)])
def test_times(typed, minutes):
    """Times as uu:mm (or with a dot) become minutes after midnight."""
    values, errors = parse((TIME,), {"begin": typed})
    assert errors == [] and values["begin"] == minutes


@pytest.mark.parametrize("typed", ["25:00", "12:60", "12", "24:00", "half acht"])
def test_impossible_times_are_errors(typed):
    """A time that does not exist is an error that shows the expected form."""
    _, errors = parse((TIME,), {"begin": typed})
    assert errors and "uu:mm" in errors[0].message


def test_unticked_box_means_no_even_when_it_starts_ticked():
    """A form does not send an unticked box, so a missing boolean is 'nee'."""
    values, errors = parse((FLAG,), {})
    assert errors == [] and values["ouders"] is False


def test_unknown_choice_and_unknown_field_are_errors():
    """An unknown choice and a misspelt field name are both reported, not ignored."""
    _, errors = parse((CHOICE,), {"leerjaar": "5", "leerjar": "3"})
    assert {error.field for error in errors} == {"leerjaar", "leerjar"}


def test_form_rows_are_unflattened_and_empty_rows_skipped():
    """Flat form names become rows; an all-empty row does not count."""
    raw = {"perioden.0.weken": "10", "perioden.0.uren": "7", "perioden.1.weken": "", "perioden.1.uren": "", "perioden.2.weken": "2", "perioden.2.uren": "3,5"}
    assert unflatten(raw)["perioden"][2] == {"weken": "2", "uren": "3,5"}
    values, errors = parse((ROWS,), raw)
    assert errors == []
    assert [(row["rij"], row["weken"], row["uren"]) for row in values["perioden"]] == [(1, 10, Decimal("7")), (3, 2, Decimal("3.5"))]


def test_error_in_a_row_names_the_row_field():
    """An error inside a row points at that cell, so the form can show it beside the field."""
    _, errors = parse((ROWS,), {"perioden": [{"weken": "x", "uren": "1"}]})
    assert [error.field for error in errors] == ["perioden.0.weken"]


def test_no_rows_at_all_is_an_error_on_the_group():
    """A group with a minimum number of rows reports missing rows on the group itself."""
    _, errors = parse((ROWS,), {"perioden": []})
    assert [error.field for error in errors] == ["perioden"]


def test_a_superscript_digit_as_row_number_is_bad_input_not_a_crash(rules):
    """'²' passes str.isdigit() but is no row number: nested or flat, it gives an invalid outcome (found by hypothesis)."""
    from datetime import date

    from calculators import run

    on = date(2026, 11, 28)
    assert run("onderwijstijd", {"leerjaren": {"²": None}}, rules, on)["status"] == "invalid"
    assert run("onderwijstijd", {"leerjaren.².uren_school": "3"}, rules, on)["status"] == "invalid"


def test_a_row_keeps_its_index_when_earlier_rows_are_not_sent():
    """A shared link that names only row 2 ("perioden.1.…") fills row 2, not row 1."""
    values, errors = parse((ROWS,), {"perioden.1.weken": "4", "perioden.1.uren": "8"})
    assert errors == []
    assert [row["rij"] for row in values["perioden"]] == [2]


def test_a_huge_row_index_is_refused_without_building_a_huge_list():
    """A hostile index in a flat name gives the rows error, not a list of a billion rows."""
    _, errors = parse((ROWS,), {"perioden.999999999.weken": "4"})
    assert [error.field for error in errors] == ["perioden"]


DATE = Field("geboren", "Geboortedatum", "date")


@pytest.mark.parametrize(
    "typed, expected",
    [("01-09-2026", date(2026, 9, 1)), ("1-9-2026", date(2026, 9, 1)), ("01/09/2026", date(2026, 9, 1)),
     ("1.9.2026", date(2026, 9, 1)), ("01092026", date(2026, 9, 1)), (" 29-02-2028 ", date(2028, 2, 29)),
     ("2026-09-01", date(2026, 9, 1))],
)
def test_dates_in_dutch_order_and_the_iso_date_of_a_link(typed, expected):
    """A date is read day-month-year as a Dutch reader writes it; the ISO date a link carries also works."""
    values, errors = parse((DATE,), {"geboren": typed})
    assert errors == [] and values["geboren"] == expected


@pytest.mark.parametrize(
    "typed, words",
    [("31-02-2027", ["31-02-2027", "bestaat niet", "februari 2027 heeft 28 dagen"]),
     ("29-02-2027", ["bestaat niet", "februari 2027 heeft 28 dagen"]),
     ("31-04-2026", ["april 2026 heeft 30 dagen"]),
     ("12-13-2026", ["bestaat niet", "maand"]),
     ("12/03", ["dd-mm-jjjj"]), ("morgen", ["dd-mm-jjjj"]), ("01-01-1800", ["jaartal"])],
)
def test_a_date_that_does_not_exist_says_why_in_dutch(typed, words):
    """31 February is not silently moved: the message names the date, says it does not exist and why."""
    _, errors = parse((DATE,), {"geboren": typed})
    assert [error.field for error in errors] == ["geboren"]
    assert "Geboortedatum" in errors[0].message
    for word in words:
        assert word in errors[0].message


def test_the_form_reads_the_peildatum_in_dutch_order(rules):
    """run_form takes the form's Peildatum as dd-mm-jjjj and reports a date that does not exist on that field."""
    fields = {"leeftijd": "15", "peildatum": "01-08-2026"}
    assert run_form("toezicht", fields, rules, date(2030, 1, 1))["reference_date"] == "2026-08-01"
    outcome = run_form("toezicht", {**fields, "peildatum": "31-02-2027"}, rules, date(2030, 1, 1))
    assert outcome["status"] == "invalid"
    assert [error["field"] for error in outcome["errors"]] == ["peildatum"]
    assert "februari 2027 heeft 28 dagen" in outcome["errors"][0]["message"]
