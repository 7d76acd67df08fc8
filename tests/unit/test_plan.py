"""One pupil's plan: the calculators run through their contract, errors point at the plan's fields, files round-trip."""

from __future__ import annotations

import json
from datetime import date

from calculators import describe, run
from calculators.plan import form_fields, read_file, run_file, to_file

ON = date(2026, 12, 3)


def _defaults(rules) -> dict:
    return {field["name"]: field["default"] for field in describe("plan", rules, ON)["inputs"] if "default" in field}


def test_default_plan_has_a_verdict_per_part(rules):
    """The plan runs all five parts and reports one verdict per part and the age on the first stage day."""
    outcome = run("plan", _defaults(rules), rules, ON)
    assert outcome["status"] in ("pass", "warning", "fail")
    parts = [part["onderdeel"] for part in outcome["values"]["onderdelen"]]
    assert parts == ["werkweken", "stage_uren", "examenpakket", "toezicht", "stageovereenkomst"]
    # Born 15 October 2010, stage from 7 September 2026: 15 on the first stage day.
    assert outcome["values"]["leeftijd_bij_begin"] == 15
    assert all(finding["sources"] for finding in outcome["findings"])


def test_plan_verdict_is_the_worst_part(rules):
    """A stage day of 7,5 hours for a pupil of 15 makes the werktijden part and the whole plan fail."""
    inputs = _defaults(rules)
    inputs["werkweken-patroon"] = [dict(row) for row in inputs["werkweken-patroon"]]
    inputs["werkweken-patroon"][1]["stage_einde"] = "16:30"
    outcome = run("plan", inputs, rules, ON)
    assert outcome["status"] == "fail"
    assert outcome["values"]["onderdelen"][0]["status"] == "fail"
    assert any(f["rule"] == "werktijden.kind.max_uren_per_dag" and f["status"] == "fail"
               and f["message"].startswith("Werktijden over de stageperiode: Week 37") for f in outcome["findings"])


def test_part_errors_point_at_the_plan_fields(rules):
    """A cross-field error of a part names the plan's own form field, row included."""
    inputs = _defaults(rules)
    inputs["werkweken-einddatum"] = "2026-09-01"
    inputs["werkweken-patroon"] = [{}, {"dag": "dinsdag", "stage_begin": "15:30", "stage_einde": "08:30"}]
    outcome = run("plan", inputs, rules, ON)
    assert outcome["status"] == "invalid"
    fields = {error["field"] for error in outcome["errors"]}
    assert "werkweken-einddatum" in fields or "werkweken-patroon.1.stage_einde" in fields
    assert all(error["message"].startswith("Werktijden over de stageperiode: ") for error in outcome["errors"])


def test_saved_file_round_trips_to_the_same_outcome(rules):
    """to_file -> JSON -> read_file -> form fields gives the same outcome as the original input."""
    inputs = {**_defaults(rules), "leerling": "Sam"}
    text = json.dumps(to_file(json.loads(json.dumps(inputs, default=str))), ensure_ascii=False)
    flat, problem = read_file(text)
    assert problem == ""
    again = run("plan", form_fields(flat), rules, ON)
    first = run("plan", json.loads(json.dumps(inputs, default=str)), rules, ON)
    assert again == first
    assert run_file(text, rules, ON) == first


def test_bad_or_foreign_files_get_a_dutch_message(rules):
    """Not JSON, another JSON document, another version, unknown fields, too many rows: each says what is wrong."""
    cases = {
        "": "leeg",
        "geen json": "geen JSON-bestand",
        '{"naam": "x"}': "geen plan van deze site",
        '{"formaat": "lwt-plan", "versie": 9, "invoer": {}}': "andere versie",
        '{"formaat": "lwt-plan", "versie": 1}': "ontbreekt de invoer",
        '{"formaat": "lwt-plan", "versie": 1, "invoer": {"wachtwoord": "x"}}': "velden die deze site niet kent",
        '{"formaat": "lwt-plan", "versie": 1, "invoer": {"werkweken": {"patroon": [{}, {}, {}, {}, {}, {}, {}, {}]}}}': "8 rijen",
    }
    for text, expected in cases.items():
        flat, problem = read_file(text)
        assert flat is None and expected in problem, (text, problem)
    outcome = run_file('{"naam": "x"}', rules, ON)
    assert outcome["status"] == "invalid" and outcome["errors"][0]["field"] == "bestand"


def test_per_part_input_is_accepted_in_a_file(rules):
    """A file may group the fields per part: {"werkweken": {"begindatum": ...}}."""
    flat, problem = read_file(json.dumps({"formaat": "lwt-plan", "versie": 1,
                                          "invoer": {"geboortedatum": "2010-01-01", "werkweken": {"begindatum": "2026-09-07"}}}))
    assert problem == "" and flat["werkweken-begindatum"] == "2026-09-07"
