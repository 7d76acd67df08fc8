"""A class from CSV: separators, encodings, decimal commas, bad rows and identical plans."""

from __future__ import annotations

from datetime import date

from build_scripts.tools.klas_sample import HEADER, sample_class_csv
from calculators.klas import check_class, report, results_csv, template_csv

ON = date(2026, 12, 3)
GOOD = "Anaïs;15-10-2010;bb;ZW;19030;07-09-2026;31-01-2027;di do;08:30;15:30;30;6,5;"
LONG = "Joël;15-10-2010;bb;ZW;19030;07-09-2026;31-01-2027;di do;08:30;16:30;30;6,5;"


def _csv(*rows: str, sep: str = ";") -> str:
    return "\r\n".join(row.replace(";", sep) for row in (HEADER, *rows)) + "\r\n"


def test_semicolon_cp1252_and_comma_utf8_give_the_same_verdicts(rules):
    """The same class saved by Dutch Excel (; and Windows-1252) and as comma CSV in UTF-8 with a quoted 6,5."""
    excel = check_class(_csv(GOOD, LONG).encode("cp1252"), rules, ON)
    comma_rows = [row.replace("6,5", '"6,5"') for row in (GOOD, LONG)]
    comma = check_class(_csv(*comma_rows, sep=",").replace('""6', '"6').encode("utf-8-sig"), rules, ON)
    for doc in (excel, comma):
        assert [(p["leerling"], p["status"]) for p in doc["values"]["leerlingen"]] == [("Anaïs", "pass"), ("Joël", "fail")]
        assert doc["status"] == "fail"
    assert excel["values"]["scheidingsteken"] == "puntkomma" and comma["values"]["scheidingsteken"] == "komma"


def test_bad_cells_are_named_by_row_and_column_and_other_rows_are_checked(rules):
    """A bad date, an unknown profiel and a time that is no time; the good row still gets its verdict."""
    bad_date = GOOD.replace("15-10-2010", "31-02-2010")
    bad_profile = GOOD.replace(";ZW;", ";XX;")
    bad_time = GOOD.replace("15:30", "half vier")
    doc = check_class(_csv(GOOD, bad_date, bad_profile, bad_time).encode("utf-8"), rules, ON)
    pupils = doc["values"]["leerlingen"]
    assert [p["status"] for p in pupils] == ["pass", "invalid", "invalid", "invalid"]
    assert pupils[1]["fouten"][0]["kolom"] == "geboortedatum"
    assert pupils[1]["fouten"][0]["bericht"].startswith("Regel 3, kolom ‘geboortedatum’: ‘31-02-2010’ is geen datum")
    assert pupils[2]["fouten"][0]["kolom"] == "profiel"
    assert pupils[3]["fouten"][0]["kolom"] == "eindtijd"
    assert doc["values"]["aantallen"] == {"pass": 1, "warning": 0, "fail": 0, "invalid": 3}


def test_errors_of_the_calculator_point_at_a_column(rules):
    """An end before the start is found by the calculator and reported on the column ‘eindtijd’."""
    doc = check_class(_csv(GOOD.replace("08:30;15:30", "15:30;08:30")).encode("utf-8"), rules, ON)
    pupil = doc["values"]["leerlingen"][0]
    assert pupil["status"] == "invalid"
    assert pupil["fouten"][0]["kolom"] == "eindtijd"


def test_file_level_problems(rules):
    """Empty, an Excel workbook, missing columns, only a header: one Dutch message and no verdict."""
    cases = {
        b"": "leeg",
        b"PK\x03\x04rest": "Excel",
        b"naam;klas\nAnna;3B\n": "ontbreken de kolommen",
        HEADER.encode() + b"\r\n": "geen leerlingen",
    }
    for data, expected in cases.items():
        doc = check_class(data, rules, ON)
        assert doc["status"] == "invalid" and expected in doc["errors"][0]["message"], (data, doc["errors"])


def test_template_is_readable_and_has_dutch_headers(rules):
    """The template's example rows are read without errors."""
    text = template_csv()
    assert text.splitlines()[0] == HEADER
    doc = check_class(text.encode("utf-8"), rules, ON)
    assert all(not pupil["fouten"] for pupil in doc["values"]["leerlingen"])


def test_identical_plans_are_checked_once_and_results_download(rules):
    """500 generated pupils share a few roosters; the results CSV has a row per pupil."""
    doc = check_class(sample_class_csv(500), rules, ON)
    assert doc["values"]["aantal"] == 500
    assert doc["values"]["verschillende_plannen"] < 500
    lines = results_csv(doc).lstrip("\ufeff").splitlines()
    assert lines[0] == "regel;leerling;oordeel;samenvatting;fouten" and len(lines) == 501


def test_report_of_one_pupil(rules):
    """A row's input opens that pupil's report with its findings and sources."""
    doc = check_class(_csv(LONG).encode("utf-8"), rules, ON)
    outcome = report(doc["values"]["leerlingen"][0]["invoer"], rules, ON)
    assert outcome["status"] == "fail"
    assert any(f["rule"] == "werktijden.kind.max_uren_per_dag" and f["sources"] for f in outcome["findings"])


def test_the_summary_of_one_pupil_is_singular(rules):
    """One pupil whose plan passes: "1 leerling nagekeken: 1 voldoet, …", not "1 leerlingen … 1 voldoen"."""
    doc = check_class(_csv(GOOD).encode("utf-8"), rules, ON)
    assert doc["summary"].startswith("1 leerling nagekeken: 1 voldoet, 0 met aandachtspunten en 0 voldoen niet"), doc["summary"]
