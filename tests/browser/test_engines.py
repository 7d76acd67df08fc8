"""The calculators in Chromium, Firefox ESR and WebKitGTK: the same checks in each engine.

Per engine, on every calculator page: the ready state; one calculation with its verdict worked out
by hand (the scenarios of test_calculator_pages.py); a shared link restores the form and outcome;
the print sheet; a field error beside the field and in the summary; the start-up path the worker
took. Then the failure modes (missing wasm, wrong MIME type, a crashing worker) and the self-check.
"""

from __future__ import annotations

import pytest

from build_scripts.site import hosting_pages
from calculators import VERDICT_LABELS
from tests.browser.engines import checks
from tests.browser.test_calculator_pages import SCENARIOS

pytestmark = pytest.mark.browser

#: The start-up path each engine takes when the build ships a memory snapshot. Measured on
#: 2026-12-03 (Chromium 156, Firefox ESR 153, WebKitGTK 2.50): all restore the snapshot. If an engine
#: falls back to a fresh start (pyodide issue 6254: SpiderMonkey and large snapshots), this fails so
#: that the change is noticed; the fallback itself keeps the calculators working.
EXPECTED_BOOT = {"chromium": "snapshot", "firefox": "snapshot", "webkit": "snapshot"}
READY_TIMEOUT = 90  # seconds; only a bound for a stuck page, never a speed goal
FAILURE_TIMEOUT = 15  # the Dutch message must show within this (issue 11)

#: The same inputs as the Playwright scenarios, as [selector, action, value] for checks.FILL.
FILLS = {
    "onderwijstijd": [
        *[[f"[name='leerjaren.{i}.uren_school']", "value", "900"] for i in range(4)],
        *[[f"[name='leerjaren.{i}.uren_stage']", "value", ""] for i in range(4)],
        *[[f"[name='leerjaren.{i}.onderwijsdagen']", "value", "190"] for i in range(4)],
    ],
    "stage_uren": [
        ["[name='perioden.0.leerjaar']", "value", "3"], ["[name='perioden.0.weken']", "value", "20"],
        ["[name='perioden.0.dagen_per_week']", "value", "2"], ["[name='perioden.0.uren_per_dag']", "value", "8"],
        ["[name='perioden.0.sbb_code']", "value", "19020"],
        ["[name='perioden.1.leerjaar']", "value", "4"], ["[name='perioden.1.weken']", "value", "20"],
        ["[name='perioden.1.dagen_per_week']", "value", "2"], ["[name='perioden.1.uren_per_dag']", "value", "8"],
        ["[name='perioden.1.sbb_code']", "value", "19025"],
        *[[f"[name='perioden.{i}.{sub}']", "value", ""] for i in range(2, 6)
          for sub in ("weken", "dagen_per_week", "uren_per_dag", "sbb_code", "leerjaar")],
    ],
    "werktijden": [
        *[[f"[name='dagen.{i}.{sub}']", "value", ""] for i in range(7)
          for sub in ("uren_school", "stage_begin", "stage_einde", "pauze_minuten")],
        ["[name='dagen.0.dag']", "value", "maandag"], ["[name='dagen.0.stage_einde']", "value", "17:00"],
        ["[name='dagen.0.pauze_minuten']", "value", "30"],
    ],
    "examenpakket": [["#examenpakket-leerweg-1", "check", None]],  # "Kaderberoepsgerichte leerweg"
    "toezicht": [["[name='leeftijd']", "value", "15"], ["[name='duwen_trekken_kg']", "value", "0"]],
    "stageovereenkomst": [
        ["[name='leeftijd']", "value", "15"],
        ["fieldset[data-field='onderdelen'] input[type=checkbox]", "check", None],
        ["fieldset[data-field='ondertekend'] input[type=checkbox]", "check", None],
        ["fieldset[data-field='verzekering'] input[type=radio]", "checkFirst", None],
        ["fieldset[data-field='premie'] input[type=radio]", "checkFirst", None],
        ["[name='stageleraar']", "value", "M. Jansen"], ["[name='stagebegeleider']", "value", "K. de Boer"],
    ],
}


def calculate(engine, calc: str, ops: list) -> dict:
    """Fill in, submit, wait for the new outcome; return what the reader sees."""
    engine.evaluate(checks.FILL, {"calc": calc, "ops": ops})
    before = engine.evaluate(checks.SUBMIT, calc)
    engine.wait_for(checks.RENDERED_AFTER, {"calc": calc, "after": before}, timeout=30)
    return engine.evaluate(checks.OUTCOME, calc)


def open_ready(engine, url: str) -> None:
    engine.fresh()
    engine.goto(url)
    states = engine.wait_for(checks.READY, timeout=READY_TIMEOUT)
    assert states == "ready", f"{engine.name}: {url} ended in {states}"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.calc for s in SCENARIOS])
def test_calculator_in_every_engine(engine, site_url, scenario):
    calc = scenario.calc
    open_ready(engine, site_url + scenario.page)

    # The start-up path, per engine, so that a change is noticed.
    boot = engine.evaluate(checks.BOOT)
    expected = EXPECTED_BOOT[engine.name] if boot["snapshot"] else "fresh"
    assert boot["boot"] == expected, f"{engine.name} started {boot['boot']}, expected {expected}: {boot['error']}"

    # One calculation, with the verdict worked out by hand.
    control_id, typed = scenario.keyboard
    outcome = calculate(engine, calc, FILLS[calc] + [[f"#{control_id}", "value", typed]])
    assert outcome["status"] == scenario.status, (engine.name, outcome)
    assert outcome["verdict"].endswith(VERDICT_LABELS[scenario.status]), (engine.name, outcome["verdict"])
    assert outcome["summary"] and outcome["findings"], engine.name
    assert "?" in outcome["url"], "the inputs live in the URL"

    # The print sheet: the inputs and outcome with date and version, without buttons or navigation.
    printed = engine.evaluate(checks.PRINT, calc)
    assert printed["rules"] > 0, f"{engine.name}: no print rules found"
    assert printed["hidden"] == [] and printed["chrome"] == [], (engine.name, printed)
    assert printed["verdict"].endswith(VERDICT_LABELS[scenario.status]), (engine.name, printed)
    assert "Peildatum" in printed["meta"] and "Versie van de regels" in printed["meta"], (engine.name, printed["meta"])
    assert "http" in printed["sources"], engine.name

    # A field error: beside the field and in the summary, which gets the focus.
    bad_id, bad_value, word = scenario.error
    engine.evaluate(checks.FILL, {"calc": calc, "ops": [[f"#{bad_id}", "value", bad_value]]})
    before = engine.evaluate(checks.SUBMIT, calc)
    engine.wait_for(checks.RENDERED_AFTER, {"calc": calc, "after": before}, timeout=30)
    error = engine.evaluate(checks.FIELD_ERROR, {"calc": calc, "id": bad_id})
    assert error["status"] == "invalid", (engine.name, error)
    assert word in error["beside"] and word in error["link"] and error["summary"], (engine.name, error)
    assert error["invalid"] == "true" and f"{bad_id}-error" in error["describedby"], (engine.name, error)
    assert "lwt-calc__summary" in error["focus"], (engine.name, error)

    # A shared link (the URL of the checked state) restores the form and its outcome elsewhere.
    open_ready(engine, outcome["url"])
    engine.wait_for(checks.RENDERED_AFTER, {"calc": calc, "after": 0}, timeout=30)
    shared = engine.evaluate(checks.OUTCOME, calc)
    assert shared["controls"] == outcome["controls"], engine.name
    assert (shared["status"], shared["verdict"], shared["summary"], shared["findings"]) == (
        outcome["status"], outcome["verdict"], outcome["summary"], outcome["findings"]), engine.name


def _crash_on_run(body: bytes) -> bytes:
    """A worker that starts fine and dies on the first calculation (an uncaught error, as when it
    runs out of memory). The page shows the build's example outcome until then, so it asks for
    no calculation of its own when it becomes ready."""
    return body + (b'\naddEventListener("message", (event) => {\n'
                   b'  if (event.data && event.data.type === "run") throw new Error("test: the worker crashed");\n});\n')


FAULTS = [
    ("wasm-missing", lambda faults: faults.missing.add("pyodide.asm.wasm"), "Python-omgeving"),
    ("mjs-as-text", lambda faults: faults.mime.__setitem__(".mjs", "text/plain"), ".mjs"),
]


def wait_for_failure(engine, label: str) -> dict:
    """The form's failed state within FAILURE_TIMEOUT; on a miss, say what the page shows instead."""
    try:
        engine.wait_for("() => document.querySelector('form[data-calc]').dataset.state === 'failed'",
                        timeout=FAILURE_TIMEOUT)
    except Exception as error:  # noqa: BLE001 - turned into an assertion with the page's state
        raise AssertionError(f"{engine.name}, {label}: no failure message within {FAILURE_TIMEOUT} s: "
                             f"{engine.evaluate(checks.FAILED, 'stage_uren')}") from error
    return engine.evaluate(checks.FAILED, "stage_uren")


def test_failure_modes_in_every_engine(engine, site_url, server_faults):
    """A missing wasm, .mjs as text/plain and a crashing worker each give the Dutch message within
    15 s, and the page's text stays usable; then the self-check page reports all good."""
    page = "rekenhulpen/stage-uren/"
    try:
        for label, fault, phrase in FAULTS:
            server_faults.reset()
            fault(server_faults)
            engine.fresh()
            engine.goto(site_url + page)
            failed = wait_for_failure(engine, label)
            assert failed["role"] == "alert", (engine.name, label, failed)
            assert phrase in failed["text"] and "beheerder" in failed["text"], (engine.name, label, failed)
            assert failed["submit_disabled"] and failed["controls_visible"], (engine.name, label, failed)
            assert "Zo werkt het" in failed["headings"], (engine.name, label, failed)

        server_faults.reset()
        server_faults.replace["calc-worker.mjs"] = _crash_on_run
        open_ready(engine, site_url + page)
        engine.evaluate(checks.SUBMIT, "stage_uren")
        failed = wait_for_failure(engine, "worker-crash")
        assert failed["role"] == "alert" and "onverwacht gestopt" in failed["text"], (engine.name, failed)
        assert failed["controls_visible"] and "Zo werkt het" in failed["headings"], (engine.name, failed)
    finally:
        server_faults.reset()

    engine.fresh()
    engine.goto(site_url + "controle/")
    report = engine.wait_for(checks.SELF_CHECK, timeout=READY_TIMEOUT)
    assert report["problems"] == [] and report["failures"] == "0", (engine.name, report)
    assert report["summary"] == hosting_pages.CHECK_TEXTS["all_ok"], (engine.name, report)
