"""The plan of one pupil and a whole class in a real browser: file in, verdicts out, nothing sent."""

from __future__ import annotations

import json
from pathlib import Path

from build_scripts.tools.klas_sample import HEADER, sample_class_csv
from tests.browser.conftest import axe_violations, renders, wait_for_render, wait_until_ready

CLASS_READY = "() => ['ready', 'failed'].includes(document.getElementById('lwt-klas').dataset.state)"
CLASS_DONE = "() => document.getElementById('lwt-klas').dataset.state === 'done'"


def _open_class_page(page, site_url):
    page.goto(site_url + "rekenhulpen/klas/")
    page.wait_for_function(CLASS_READY, timeout=60_000)
    assert page.get_attribute("#lwt-klas", "data-state") == "ready"


def _stored(page) -> dict:
    return page.evaluate(
        """async () => ({
            local: localStorage.length,
            session: sessionStorage.length,
            idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
        })"""
    )


def test_class_of_500_is_checked_without_any_request(page, site_url):
    """500 pupils from a Windows-1252 file: a row per pupil, zero requests, nothing stored."""
    _open_class_page(page, site_url)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.set_input_files("#lwt-klas-bestand", files=[{"name": "klas.csv", "mimeType": "text/csv", "buffer": sample_class_csv(500)}])
    page.wait_for_function(CLASS_DONE, timeout=60_000)
    assert requests == [], f"requests while a class file was processed: {requests[:5]}"
    assert page.locator(".lwt-klas__table tbody tr").count() == 500
    assert page.get_attribute("#lwt-klas", "data-rows") == "500"
    # Windows-1252 names come out right.
    assert page.locator(".lwt-klas__table tbody tr").first.inner_text().startswith("2\tAnaïs 1")
    assert "500 leerlingen nagekeken" in page.inner_text(".lwt-klas__summary")
    assert _stored(page) == {"local": 0, "session": 0, "idb": 0}

    # Sort by verdict: the pupils whose plan fails come first.
    page.click("button[data-sort=ernst]")
    assert page.locator(".lwt-klas__table tbody tr").first.get_attribute("data-status") == "fail"
    assert page.get_attribute("th:has(button[data-sort=ernst])", "aria-sort") == "ascending"

    # A row opens that pupil's report, with the finding that fails and its source.
    page.locator(".lwt-klas__table tbody tr").first.locator("button").click()
    page.wait_for_selector(".lwt-klas__report:not([hidden])")
    report = page.inner_text(".lwt-klas__report")
    assert "werktijden.kind.max_uren_per_dag" in report
    assert "Nadere regeling kinderarbeid" in report
    assert requests == []
    assert _stored(page) == {"local": 0, "session": 0, "idb": 0}


def test_broken_rows_get_a_message_per_cell_and_the_rest_is_checked(page, site_url):
    """A bad date and an unknown profiel are named by row and column; the good rows still get a verdict."""
    _open_class_page(page, site_url)
    rows = [
        HEADER,
        "Goed;15-10-2010;bb;ZW;19030;07-09-2026;31-01-2027;di do;08:30;15:30;30;6,5;",
        "Datum fout;31-02-2010;bb;ZW;19030;07-09-2026;31-01-2027;di do;08:30;15:30;30;6,5;",
        "Profiel fout;15-10-2010;bb;XX;19030;07-09-2026;31-01-2027;di do;08:30;15:30;30;6,5;",
    ]
    page.set_input_files("#lwt-klas-bestand", files=[{"name": "klas.csv", "mimeType": "text/csv", "buffer": "\r\n".join(rows).encode("utf-8")}])
    page.wait_for_function(CLASS_DONE, timeout=30_000)
    table = page.locator(".lwt-klas__table tbody tr")
    assert table.count() == 3
    assert table.nth(0).get_attribute("data-status") == "pass"
    assert table.nth(1).get_attribute("data-status") == "invalid"
    assert "Regel 3, kolom ‘geboortedatum’" in table.nth(1).inner_text()
    assert "Regel 4, kolom ‘profiel’" in table.nth(2).inner_text()


def test_a_file_that_is_no_class_file_says_why(page, site_url):
    """A file without the needed columns gives one Dutch message and no table."""
    _open_class_page(page, site_url)
    page.set_input_files("#lwt-klas-bestand", files=[{"name": "x.csv", "mimeType": "text/csv", "buffer": b"naam,klas\nAnna,3B\n"}])
    page.wait_for_function(CLASS_DONE, timeout=30_000)
    assert "ontbreken de kolommen" in page.inner_text(".lwt-klas__errors")
    assert page.locator(".lwt-klas__table").is_hidden()


def test_plan_round_trips_through_a_saved_file(page, site_url):
    """Save a plan, open it on a fresh page: the same fields and the same verdict; a foreign file changes nothing."""
    page.goto(site_url + "rekenhulpen/plan/")
    wait_until_ready(page)
    form = "form[data-calc=plan]"
    # The page shows the build's example outcome; it calculates once an input changes.
    assert page.locator(f"{form} .lwt-calc__result[data-example]").count() == 1
    before = renders(page, form)
    page.fill(f"{form} [name=leerling]", "Sam")
    page.fill(f"{form} [name='werkweken-patroon.1.stage_einde']", "16:30")
    page.click(f"{form} button[type=submit]")
    wait_for_render(page, before, form)
    verdict = page.inner_text(f"{form} .lwt-verdict")
    assert verdict == "Voldoet niet"
    with page.expect_download() as info:
        page.click("#lwt-plan [data-action=save]")
    saved = info.value
    text = Path(saved.path()).read_text(encoding="utf-8")
    doc = json.loads(text)
    assert doc["formaat"] == "lwt-plan" and doc["invoer"]["leerling"] == "Sam"

    page.goto(site_url + "rekenhulpen/plan/")
    wait_until_ready(page)
    assert page.input_value(f"{form} [name=leerling]") == ""
    before = renders(page, form)
    page.set_input_files("#lwt-plan-bestand", files=[{"name": "plan.json", "mimeType": "application/json", "buffer": text.encode("utf-8")}])
    wait_for_render(page, before, form)
    assert page.input_value(f"{form} [name=leerling]") == "Sam"
    assert page.input_value(f"{form} [name='werkweken-patroon.1.stage_einde']") == "16:30"
    assert page.inner_text(f"{form} .lwt-verdict") == verdict

    # A foreign file: a Dutch message, and the page keeps what it had.
    page.set_input_files("#lwt-plan-bestand", files=[{"name": "ander.json", "mimeType": "application/json", "buffer": b'{"naam": "iets anders"}'}])
    page.wait_for_selector("#lwt-plan .lwt-plan__message:not([hidden])")
    assert "geen plan van deze site" in page.inner_text("#lwt-plan .lwt-plan__message")
    assert page.input_value(f"{form} [name=leerling]") == "Sam"
    assert page.inner_text("#lwt-plan .lwt-plan__link")


def test_class_table_and_report_pass_axe(page, site_url):
    """The class page with its table and one pupil's report open passes axe."""
    _open_class_page(page, site_url)
    page.set_input_files("#lwt-klas-bestand", files=[{"name": "klas.csv", "mimeType": "text/csv", "buffer": sample_class_csv(12)}])
    page.wait_for_function(CLASS_DONE, timeout=30_000)
    page.locator(".lwt-klas__table tbody tr").first.locator("button").click()
    page.wait_for_selector(".lwt-klas__report:not([hidden])")
    assert axe_violations(page) == []


def test_plan_page_passes_axe_when_ready(page, site_url):
    """The plan page with its outcome and the save and open controls passes axe."""
    page.goto(site_url + "rekenhulpen/plan/")
    wait_until_ready(page)
    assert page.locator("form[data-calc=plan] .lwt-calc__result[data-example] .lwt-verdict").count() == 1
    assert axe_violations(page) == []
