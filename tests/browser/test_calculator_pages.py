"""The six calculator pages work for a school: fill in, see why, fix errors, share the link, print.

Every expected verdict below is worked out by hand from the rules (see each scenario's
``why``); the tests drive Chromium as a user would, by keyboard where it matters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable
from urllib.parse import parse_qs, urlparse

import pytest

from calculators import VERDICT_LABELS
from tests.browser.conftest import axe_violations, renders, wait_for_render, wait_until_ready

pytestmark = pytest.mark.browser



@dataclass(frozen=True)
class Scenario:
    calc: str
    page: str
    why: str
    fill: Callable  # (form locator) -> None; everything except the field typed by keyboard
    keyboard: tuple[str, str]  # (control id, value typed by keyboard)
    status: str  # the verdict, worked out by hand
    error: tuple[str, str, str]  # (control id, bad value, a word the message must contain)


def _clear_row(form, group: str, index: int, fields: list[str], selects: list[str] = ()) -> None:
    for sub in fields:
        form.locator(f"[name='{group}.{index}.{sub}']").fill("")
    for sub in selects:
        form.locator(f"[name='{group}.{index}.{sub}']").select_option("")


def _fill_onderwijstijd(form) -> None:
    for index in range(4):
        form.locator(f"[name='leerjaren.{index}.uren_school']").fill("900")
        form.locator(f"[name='leerjaren.{index}.uren_stage']").fill("")
        form.locator(f"[name='leerjaren.{index}.onderwijsdagen']").fill("190")


def _fill_stage_uren(form) -> None:
    form.locator("[name='perioden.0.leerjaar']").select_option("3")
    form.locator("[name='perioden.0.weken']").fill("20")
    form.locator("[name='perioden.0.dagen_per_week']").fill("2")
    form.locator("[name='perioden.0.uren_per_dag']").fill("8")
    form.locator("[name='perioden.0.sbb_code']").fill("19020")
    form.locator("[name='perioden.1.leerjaar']").select_option("4")
    form.locator("[name='perioden.1.weken']").fill("20")
    form.locator("[name='perioden.1.dagen_per_week']").fill("2")
    form.locator("[name='perioden.1.uren_per_dag']").fill("8")
    form.locator("[name='perioden.1.sbb_code']").fill("19025")
    for index in range(2, 6):
        _clear_row(form, "perioden", index, ["weken", "dagen_per_week", "uren_per_dag", "sbb_code"], ["leerjaar"])


def _fill_werktijden(form) -> None:
    for index in range(7):
        _clear_row(form, "dagen", index, ["uren_school", "stage_begin", "stage_einde", "pauze_minuten"])
    form.locator("[name='dagen.0.dag']").select_option("maandag")
    form.locator("[name='dagen.0.stage_einde']").fill("17:00")
    form.locator("[name='dagen.0.pauze_minuten']").fill("30")


def _fill_examenpakket(form) -> None:
    form.get_by_label("Kaderberoepsgerichte leerweg", exact=True).check()


def _fill_toezicht(form) -> None:
    form.locator("[name='leeftijd']").fill("15")
    form.locator("[name='duwen_trekken_kg']").fill("0")


def _fill_stageovereenkomst(form) -> None:
    form.locator("[name='leeftijd']").fill("15")
    for box in form.locator("fieldset[data-field='onderdelen'] input[type=checkbox], fieldset[data-field='ondertekend'] input[type=checkbox]").all():
        box.check()
    form.locator("fieldset[data-field='verzekering'] input[type=radio]").first.check()
    form.locator("fieldset[data-field='premie'] input[type=radio]").first.check()
    form.locator("[name='stageleraar']").fill("M. Jansen")
    form.locator("[name='stagebegeleider']").fill("K. de Boer")


SCENARIOS = [
    Scenario(
        "onderwijstijd", "rekenhulpen/onderwijstijd/",
        "4 leerjaren of 900 klokuren are 3600, short of the 3700 over the whole course: voldoet niet.",
        _fill_onderwijstijd, ("onderwijstijd-leerjaren-0-uren_school", "900"), "fail",
        ("onderwijstijd-leerjaren-1-onderwijsdagen", "veel", "Onderwijsdagen"),
    ),
    Scenario(
        "stage_uren", "rekenhulpen/stage-uren/",
        "A 16-year-old, 20 weeks x 2 days x 8 hours in leerjaar 3 and again in leerjaar 4, at recognised "
        "leerbedrijven: 640 hours, exactly the minimum, 8 hours a day within the 9 of a 16-year-old: voldoet.",
        _fill_stage_uren, ("stage_uren-leeftijd", "16"), "pass",
        ("stage_uren-perioden-0-weken", "abc", "Aantal weken"),
    ),
    Scenario(
        "werktijden", "rekenhulpen/werktijden/",
        "A 15-year-old on stage on Monday from 08:00 to 17:00 with 30 minutes' break works 8,5 hours, "
        "more than the 7 a day for a pupil under 16: voldoet niet.",
        _fill_werktijden, ("werktijden-dagen-0-stage_begin", "08:00"), "fail",
        ("werktijden-dagen-0-stage_einde", "25:00", "Einde stage"),
    ),
    Scenario(
        "examenpakket", "rekenhulpen/examenpakket/",
        "A leer-werktraject exists only in the basisberoepsgerichte leerweg; a pupil in kb: voldoet niet.",
        _fill_examenpakket, ("examenpakket-cijfer_nederlands", "7"), "fail",
        ("examenpakket-cijfer_profielvak", "elf", "profielvak"),
    ),
    Scenario(
        "toezicht", "rekenhulpen/toezicht/",
        "A 15-year-old may lift at most 10 kg; lifting 15 kg is never light work: voldoet niet.",
        _fill_toezicht, ("toezicht-tillen_kg", "15"), "fail",
        ("toezicht-toezichthouder_leeftijd", "oud", "toezichthouder"),
    ),
    Scenario(
        "stageovereenkomst", "rekenhulpen/stageovereenkomst/",
        "All five parts in the agreement, insurance and premium by the school, stageleraar and stagebegeleider "
        "named, signed by school, leerbedrijf, pupil and parent (pupil of 15), recognised code 19024: voldoet.",
        _fill_stageovereenkomst, ("stageovereenkomst-sbb_code", "19024"), "pass",
        ("stageovereenkomst-sbb_code", "123", "SBB-code"),
    ),
]
IDS = [scenario.calc for scenario in SCENARIOS]


# --- helpers -------------------------------------------------------------------------------



def active_id(page) -> str:
    return page.evaluate("() => document.activeElement ? (document.activeElement.id || document.activeElement.className) : ''")


def tab_to(page, control_id: str, limit: int = 250) -> int:
    """Press Tab from the top of the page until ``control_id`` has focus; return the number of presses."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if active_id(page) == control_id:
            return presses
    raise AssertionError(f"Tab never reached #{control_id}")


def form_state(page, calc: str) -> dict[str, str]:
    """Every control of the form: its value, or whether it is ticked."""
    return page.evaluate(
        "(calc) => Object.fromEntries([...document.querySelector(`form[data-calc=${calc}]`).elements]"
        ".filter(e => e.name).map(e => [e.id, (e.type === 'checkbox' || e.type === 'radio') ? String(e.checked) : e.value]))",
        calc,
    )


def outcome_text(form) -> tuple[str, str, list[str]]:
    result = form.locator(".lwt-calc__result")
    return (
        result.locator(".lwt-verdict").inner_text(),
        result.locator(".lwt-summary").inner_text(),
        [text.strip() for text in result.locator(".lwt-finding .lwt-finding__head").all_inner_texts()],
    )


@pytest.fixture()
def open_context(browser, external_requests):
    """Extra browser contexts (a colleague opening a shared link) with the same 127.0.0.1 guard."""
    made = []

    def guard(route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            external_requests.append(route.request.url)
            route.abort()

    def make():
        ctx = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
        ctx.route("**/*", guard)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


# --- the whole journey on each calculator page ---------------------------------------------

#: The calculator's worker script, as the page asks for it (with its runtime in the query).
WORKER_SCRIPT = "**/assets/js/calc-worker.mjs*"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_calculator_page(page, site_url, open_context, scenario):
    """Loading is announced; a keyboard user fills in and gets the verdict; errors sit beside their
    field and in a focused summary; Back restores the checked inputs; the print view is a result
    sheet; a copied link gives a colleague the same inputs and outcome; axe finds nothing."""
    # The worker's script is held until the loading state has been looked at: a worker that is
    # quicker than the page's load event would otherwise be ready before the check. Once it has
    # been looked at, held and later requests for the script go on (to the page's own server).
    worker_script = {"held": [], "looked": False}

    def hold(route):
        if worker_script["looked"]:
            route.continue_()
        else:
            worker_script["held"].append(route)

    page.route(WORKER_SCRIPT, hold)
    page.goto(site_url + scenario.page)
    form = page.locator(f"form[data-calc={scenario.calc}]")
    status = form.locator(".lwt-calc__status")
    assert status.get_attribute("role") == "status"
    assert form.get_attribute("data-state") != "ready"
    assert form.locator("button[type=submit]").is_disabled()
    worker_script["looked"] = True
    for route in worker_script["held"]:
        route.continue_()
    wait_until_ready(page)
    assert form.get_attribute("data-state") == "ready", status.inner_text()
    assert "gereed" in status.inner_text()
    assert axe_violations(page) == [], "axe, calculator ready"

    # Fill in; the last field by keyboard only, and Enter submits.
    scenario.fill(form)
    control_id, typed = scenario.keyboard
    tab_to(page, control_id)
    page.keyboard.press("Control+A")
    page.keyboard.type(typed)
    before = renders(page)
    page.keyboard.press("Enter")
    wait_for_render(page, before)
    page.wait_for_function(
        "(id) => document.activeElement && document.activeElement.id === id", arg=f"{scenario.calc}-result-title"
    )
    verdict = form.locator(".lwt-verdict")
    assert verdict.get_attribute("data-status") == scenario.status, outcome_text(form)
    assert verdict.inner_text().strip().endswith(VERDICT_LABELS[scenario.status])
    assert form.locator(".lwt-summary").inner_text().strip()
    findings = form.locator(".lwt-finding")
    assert findings.count() >= 1
    for index in range(findings.count()):
        finding = findings.nth(index)
        meta = finding.locator(".lwt-finding__meta").inner_text()
        assert finding.locator(".lwt-finding__status").inner_text().strip()
        assert finding.locator(".lwt-finding__message").inner_text().strip()
        assert "Regel" in meta and "Zekerheid" in meta
    assert form.locator(".lwt-finding .lwt-sources a[href^='http']").count() >= 1
    announced = form.locator(".lwt-calc__announce")
    assert announced.get_attribute("role") == "status"
    assert VERDICT_LABELS[scenario.status] in announced.inner_text()
    checked_url = page.url
    query = parse_qs(urlparse(checked_url).query)
    name = page.get_attribute(f"#{control_id}", "name")
    assert query[name] == [typed], "the inputs live in the URL"
    checked_state = form_state(page, scenario.calc)
    checked_outcome = outcome_text(form)

    # A field error: beside the field and in the summary, which receives focus.
    bad_id, bad_value, word = scenario.error
    page.focus(f"#{bad_id}")
    page.keyboard.press("Control+A")
    page.keyboard.type(bad_value)
    before = renders(page)
    page.keyboard.press("Enter")
    wait_for_render(page, before)
    summary = form.locator(".lwt-calc__summary")
    page.wait_for_function("() => document.activeElement && document.activeElement.classList.contains('lwt-calc__summary')")
    assert summary.is_visible()
    assert verdict.get_attribute("data-status") == "invalid"
    assert verdict.inner_text().strip().endswith(VERDICT_LABELS["invalid"])
    slot = form.locator(f"#{bad_id}-error")
    assert slot.is_visible() and word in slot.inner_text()
    assert page.get_attribute(f"#{bad_id}", "aria-invalid") == "true"
    assert f"{bad_id}-error" in page.get_attribute(f"#{bad_id}", "aria-describedby")
    link = summary.locator(f"a[href='#{bad_id}']")
    assert link.count() == 1 and word in link.inner_text()
    assert axe_violations(page) == [], "axe, after a calculation with an error"
    link.press("Enter")
    page.wait_for_function("(id) => document.activeElement && document.activeElement.id === id", arg=bad_id)

    # Back: the last checked inputs and their outcome return.
    before = renders(page)
    page.go_back()
    wait_for_render(page, before)
    assert page.url == checked_url
    assert form_state(page, scenario.calc) == checked_state
    assert outcome_text(form) == checked_outcome
    assert summary.is_hidden()

    # Print: a result sheet with inputs, outcome, sources, date and version; no buttons or navigation.
    page.emulate_media(media="print")
    for hidden in ("button[type=submit]", ".lwt-calc__print", ".lwt-calc__reset", ".lwt-calc__status"):
        assert form.locator(hidden).is_hidden(), hidden
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator(f"#{control_id}").is_visible()
    assert page.input_value(f"#{control_id}") == typed
    assert form.locator(".lwt-finding").first.is_visible()
    meta = form.locator(".lwt-meta").inner_text()
    assert "Peildatum" in meta and "Versie van de regels" in meta and scenario.page in meta
    colophon = form.locator(".lwt-calc__colophon")
    assert colophon.is_visible() and "versie" in colophon.inner_text()
    sources = form.locator(".lwt-sourcelist")
    assert sources.is_visible() and "http" in sources.inner_text(), "the sources print with their URLs"
    numbered = sources.locator("li").count()
    for index in range(findings.count()):
        refs = findings.nth(index).locator(".lwt-ref")
        for ref in refs.all_inner_texts():
            assert 1 <= int(ref.strip(" []")) <= numbered, "each finding points to its sources"
    assert form.locator(".lwt-ref").first.is_visible()
    if form.locator("tr[data-row]").count():
        assert form.locator("tr.lwt-row--empty").count() == 0 or form.locator("tr.lwt-row--empty").first.is_hidden()
    page.emulate_media(media="screen")

    # A colleague opens the copied link in a browser of their own.
    other = open_context().new_page()
    other.goto(checked_url)
    wait_until_ready(other)
    other.wait_for_function("(calc) => Number(document.querySelector(`form[data-calc=${calc}]`).dataset.renders || 0) > 0", arg=scenario.calc)
    other_form = other.locator(f"form[data-calc={scenario.calc}]")
    assert form_state(other, scenario.calc) == checked_state
    assert outcome_text(other_form) == checked_outcome


# --- when loading fails ---------------------------------------------------------------------

FAULTS = [
    ("wasm-missing", lambda faults: faults.missing.add("pyodide.asm.wasm"), "Python-omgeving"),
    ("mjs-as-text", lambda faults: faults.mime.__setitem__(".mjs", "text/plain"), ".mjs"),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)
def test_failure_messages(site_url, server_faults, open_context, scenario):
    """A missing wasm file or .mjs served as text/plain gives a Dutch message that says what to do;
    the form cannot be submitted, and the explanation on the page stays readable."""
    for label, fault, phrase in FAULTS:
        server_faults.reset()
        fault(server_faults)
        page = open_context().new_page()
        page.goto(site_url + scenario.page)
        page.wait_for_function(
            "(calc) => document.querySelector(`form[data-calc=${calc}]`).dataset.state === 'failed'", arg=scenario.calc, timeout=60_000
        )
        form = page.locator(f"form[data-calc={scenario.calc}]")
        status = form.locator(".lwt-calc__status")
        assert status.get_attribute("role") == "alert", label
        text = status.inner_text()
        assert phrase in text and "beheerder" in text, (label, text)
        assert form.locator("button[type=submit]").is_disabled(), label
        assert page.get_by_role("heading", name="Zo werkt het").is_visible(), label
        assert form.locator("input, select").first.is_visible(), label
    server_faults.reset()


# --- pages without a calculator -------------------------------------------------------------

@pytest.mark.parametrize("path", ["", "stage/", "rekenhulpen/"], ids=["home", "content", "rekenhulpen-index"])
def test_pages_without_calculator_pass_axe(page, site_url, path):
    """Material's defaults (search dialog, footer, links in text) pass axe on ordinary pages."""
    page.goto(site_url + path, wait_until="networkidle")
    assert axe_violations(page) == []


def test_index_lists_all_six_calculators(page, site_url):
    """The overview page links to every calculator page, and every link opens a form."""
    page.goto(site_url + "rekenhulpen/")
    hrefs = page.locator("article a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for scenario in SCENARIOS:
        slug = scenario.page.split("/")[1]
        assert any(href.rstrip("/").endswith(slug) for href in hrefs), slug
