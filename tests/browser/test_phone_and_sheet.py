"""On a phone the verdict stays in view while typing; the printed result sheet shows what the
calculator used and fits one A4 page; the Peildatum reads and shows a Dutch date (dd-mm-jjjj).

Every expected verdict is worked out by hand from the rules (see each test's comments).
"""

from __future__ import annotations

import re
import subprocess
from datetime import date
from urllib.parse import parse_qs, urlparse

import pytest

from calculators import VERDICT_LABELS
from tests.browser.conftest import axe_violations, renders, wait_for_render, wait_until_ready
from tests.browser.engines import checks

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
#: issue 17: a shared link that names only the times of row 2.
EXAMPLE = "rekenhulpen/werktijden/?leeftijd=15&dagen.1.stage_begin=13:00&dagen.1.stage_einde=19:30&dagen.1.pauze_minuten=30"
CALCULATOR_PAGES = {
    "onderwijstijd": "rekenhulpen/onderwijstijd/",
    "stage_uren": "rekenhulpen/stage-uren/",
    "werktijden": "rekenhulpen/werktijden/",
    "examenpakket": "rekenhulpen/examenpakket/",
    "toezicht": "rekenhulpen/toezicht/",
    "stageovereenkomst": "rekenhulpen/stageovereenkomst/",
}
LOAD_TIMEOUT = 240_000  # the runtime starts slowly on a busy 2-core machine


def _guarded(browser, external_requests, **options):
    ctx = browser.new_context(locale="nl-NL", **options)

    def guard(route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            external_requests.append(route.request.url)
            route.abort()

    ctx.route("**/*", guard)
    return ctx


@pytest.fixture()
def phone(browser, external_requests):
    """A page 390 px wide, as on a phone, whose requests may not leave 127.0.0.1."""
    ctx = _guarded(browser, external_requests, viewport=PHONE, is_mobile=True, has_touch=True)
    yield ctx.new_page()
    ctx.close()
    assert external_requests == []


def _open(page, url: str) -> None:
    page.goto(url)
    wait_until_ready(page, timeout=LOAD_TIMEOUT)
    form = page.locator("form[data-calc]")
    assert form.get_attribute("data-state") == "ready", form.locator(".lwt-calc__status").inner_text()
    if "?" in url:
        # A shared link is computed once the worker is ready; without inputs the page keeps the
        # build's example outcome until an input changes.
        page.wait_for_function("() => Number(document.querySelector('form[data-calc]').dataset.renders || 0) > 0", timeout=LOAD_TIMEOUT)


def _box(page, selector: str) -> dict:
    return page.eval_on_selector(selector, "e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; }")


def _pdf(page, path) -> tuple[int, list[str]]:
    """Print the page as the browser's print dialog would (A4, the site's @page), return page count and text per page."""
    page.pdf(path=str(path), format="A4", prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    texts = [
        subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"], capture_output=True, text=True, check=True).stdout
        for n in range(1, count + 1)
    ]
    return count, texts


def test_bar_gives_the_example_verdict_until_the_reader_changes_an_input(phone, site_url):
    """On first paint the page holds the build's example outcome; the bar says that outcome's verdict,
    marked as the example's, not "nog niet berekend"; after a change it says the live verdict."""
    page = phone
    page.goto(site_url + "rekenhulpen/stage-uren/")
    wait_until_ready(page, timeout=LOAD_TIMEOUT)
    form = page.locator("form[data-calc=stage_uren]")
    bar = form.locator(".lwt-calc__bar")
    full = form.locator(".lwt-calc__result .lwt-verdict")
    assert form.locator(".lwt-calc__result[data-example]").count() == 1
    assert bar.locator(".lwt-bar__label").inner_text().strip() == "Uitkomst van het voorbeeld:"
    assert bar.locator(".lwt-bar__verdict").inner_text().strip() == full.inner_text().strip()
    assert bar.get_attribute("data-status") == full.get_attribute("data-status")
    assert "nog niet berekend" not in bar.inner_text()

    # By hand (WVO 2020 art. 2.103: at least 640 klokuren of stage): 0 weeks in every period that
    # the example fills gives 0 hours, below the minimum, so the plan does not pass.
    before = renders(page)
    for field in page.locator("[name$='.weken']").all():
        if field.input_value():
            field.fill("0")
    wait_for_render(page, before, timeout=LOAD_TIMEOUT)
    page.wait_for_function("() => !document.querySelector('.lwt-calc__result[data-example]')")
    assert bar.locator(".lwt-bar__label").inner_text().strip() == "Uitkomst:"
    assert full.get_attribute("data-status") != "pass"
    assert bar.locator(".lwt-bar__verdict").inner_text().strip() == VERDICT_LABELS[full.get_attribute("data-status")]


def test_verdict_stays_in_view_while_typing_on_a_phone(phone, site_url):
    """Typing in the first row of the long werktijden form: the bar shows the same verdict as the full
    outcome, inside the viewport, uncovered; it never covers the field in focus, is no second live
    region, passes axe, and is not printed."""
    page = phone
    _open(page, site_url + "rekenhulpen/werktijden/")
    form = page.locator("form[data-calc=werktijden]")
    bar = form.locator(".lwt-calc__bar")
    field = page.locator("[name='dagen.0.uren_school']")
    field.click()
    before = renders(page)
    page.keyboard.press("Control+A")
    page.keyboard.type("9")
    wait_for_render(page, before, timeout=LOAD_TIMEOUT)
    page.wait_for_timeout(200)  # let the page settle after the render

    # By hand (NRK art. 3:1 lid 2 onder c): a pupil of 15 works at most 7 hours a day, school included.
    # Monday is now 9 hours of school: 1 fail. The week is 9 + 6,5 + 6 + 6,5 + 5,5 = 33,5 hours,
    # within 35; the stage times (08:30-15:30, 30 minutes' break) break no other rule.
    full = form.locator(".lwt-calc__result .lwt-verdict")
    assert full.get_attribute("data-status") == "fail"
    assert form.locator(".lwt-finding[data-status=fail]").count() == 1
    assert _box(page, "form[data-calc=werktijden] .lwt-calc__result .lwt-verdict")["top"] > PHONE["height"], "the full outcome is below the fold"

    box = _box(page, "form[data-calc=werktijden] .lwt-calc__bar")
    assert 0 <= box["top"] and box["bottom"] <= PHONE["height"], box
    covered = page.evaluate(
        "([x, y]) => { const e = document.elementFromPoint(x, y); return !!(e && e.closest('.lwt-calc__bar')); }",
        [(box["left"] + box["right"]) / 2, (box["top"] + box["bottom"]) / 2],
    )
    assert covered, "nothing lies over the bar"
    assert bar.locator(".lwt-bar__verdict").inner_text().strip() == VERDICT_LABELS["fail"]
    assert full.inner_text().strip().endswith(bar.locator(".lwt-bar__verdict").inner_text().strip())
    assert "1 punt niet in orde" in bar.inner_text()
    assert _box(page, "[name='dagen.0.uren_school']")["top"] >= box["bottom"], "the field in focus is not under the bar"

    # Not announced twice: the bar is no live region, and none holds it.
    assert page.eval_on_selector(
        "form[data-calc=werktijden] .lwt-calc__bar",
        "b => !b.closest('[aria-live],[role=status],[role=alert],[role=log]') && !b.querySelector('[aria-live],[role=status],[role=alert]')",
    )
    # Tabbing on through the rows: the bar never covers the field in focus.
    for _ in range(8):
        page.keyboard.press("Tab")
        page.wait_for_timeout(50)
        focused = page.evaluate("() => { const r = document.activeElement.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; }")
        bar_box = _box(page, "form[data-calc=werktijden] .lwt-calc__bar")
        assert focused["top"] >= bar_box["bottom"] or focused["bottom"] <= bar_box["top"], (focused, bar_box)
        assert focused["bottom"] <= PHONE["height"] + 1  # fully on screen (sub-pixel rounding aside)

    assert axe_violations(page) == [], "axe at 390 px with the bar in view"

    page.emulate_media(media="print")
    assert bar.is_hidden(), "the bar is not on the printed sheet"
    assert full.is_visible()
    page.emulate_media(media="screen")

    # The link in the bar leads to the full outcome and moves focus there.
    bar.locator("a").click()
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'werktijden-result-title'")


def test_shared_link_prints_the_day_the_calculator_used(phone, site_url, tmp_path):
    """issue 17's link names only the times of row 2: the findings say Dinsdag, and so does the printed sheet."""
    page = phone
    _open(page, site_url + EXAMPLE)
    form = page.locator("form[data-calc=werktijden]")
    # By hand (NRK art. 3:1 lid 2 onder b): row 2 without a day is Tuesday; a pupil of 15 may not work
    # after 19:00, and the stage ends at 19:30.
    assert form.locator(".lwt-verdict").get_attribute("data-status") == "fail"
    assert any(text.strip().startswith("Niet in orde Dinsdag") for text in form.locator(".lwt-finding__head").all_inner_texts())
    page.emulate_media(media="print")
    row = form.locator("tr[data-row='1']")
    assert row.locator(".lwt-filled").is_visible() and row.locator(".lwt-filled").inner_text() == "Dinsdag"
    assert row.locator("select").is_hidden()
    assert form.locator("tr[data-row='0']").is_hidden(), "empty rows stay off the sheet"
    count, texts = _pdf(page, tmp_path / "voorbeeld.pdf")
    inputs_part = "".join(texts).split("Uitkomst")[0]
    assert "Dinsdag" in inputs_part, "the row's day is printed in the table of inputs"
    assert count == 1


def test_peildatum_is_read_and_shown_as_a_dutch_date(phone, site_url, browser, external_requests):
    """The Peildatum field is text in dd-mm-jjjj with a number pad; 01-08-2026 is used and kept in the link as
    2026-08-01, a colleague sees 01-08-2026; 31-02-2027 gives a Dutch message that it does not exist."""
    page = phone
    _open(page, site_url + "rekenhulpen/toezicht/")
    form = page.locator("form[data-calc=toezicht]")
    field = form.locator("[name=peildatum]")
    assert field.get_attribute("type") == "text" and field.get_attribute("inputmode") == "numeric"
    assert field.input_value() == date.today().strftime("%d-%m-%Y")
    assert "dd-mm-jjjj" in form.locator("#toezicht-peildatum-hint").inner_text()

    before = renders(page)
    field.fill("01-08-2026")
    wait_for_render(page, before, timeout=LOAD_TIMEOUT)
    page.wait_for_function("() => new URLSearchParams(location.search).get('peildatum') === '2026-08-01'")
    assert "1 augustus 2026" in form.locator(".lwt-meta").inner_text()
    assert form.locator(".lwt-verdict").get_attribute("data-status") != "invalid"
    assert parse_qs(urlparse(page.url).query)["peildatum"] == ["2026-08-01"]

    other = _guarded(browser, external_requests, viewport=PHONE, is_mobile=True)
    try:
        colleague = other.new_page()
        _open(colleague, page.url)
        assert colleague.locator("form[data-calc=toezicht] [name=peildatum]").input_value() == "01-08-2026"
        assert "1 augustus 2026" in colleague.locator("form[data-calc=toezicht] .lwt-meta").inner_text()
    finally:
        other.close()

    before = renders(page)
    field.fill("31-02-2027")
    wait_for_render(page, before, timeout=LOAD_TIMEOUT)
    error = form.locator("#toezicht-peildatum-error")
    assert error.is_visible()
    assert "bestaat niet" in error.inner_text() and "februari 2027 heeft 28 dagen" in error.inner_text()
    assert field.get_attribute("aria-invalid") == "true"
    assert form.locator(".lwt-verdict").get_attribute("data-status") == "invalid"


@pytest.fixture()
def desk(browser, external_requests):
    ctx = _guarded(browser, external_requests, viewport={"width": 1280, "height": 900})
    yield ctx.new_page()
    ctx.close()
    assert external_requests == []


@pytest.mark.parametrize("calc", list(CALCULATOR_PAGES))
def test_result_sheet_of_the_default_example_fits_one_a4_page(desk, site_url, tmp_path, calc):
    """Printing a calculator page's default example with its print button gives one A4 page.

    The page first shows the build's example outcome; the button calculates it live (the result
    sheet numbers its sources) and then opens the browser's print dialog, which is replaced here
    by a flag so that the test can print the page itself."""
    _open(desk, site_url + CALCULATOR_PAGES[calc])
    form = desk.locator(f"form[data-calc={calc}]")
    assert form.locator(".lwt-calc__result[data-example]").count() == 1
    button = form.locator(".lwt-calc__print")
    assert button.is_visible(), "the example can be printed as soon as the worker is ready"
    desk.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    button.click()
    desk.wait_for_function("() => window.__printed === 1", timeout=LOAD_TIMEOUT)
    assert form.locator(".lwt-calc__result[data-example]").count() == 0
    assert form.get_attribute("data-status") == form.locator(".lwt-verdict").get_attribute("data-status")
    count, texts = _pdf(desk, tmp_path / f"{calc}.pdf")
    assert count == 1, f"{calc}: {count} pages"
    assert "Uitkomst" in texts[0] and "Bronnen bij deze uitkomst" in texts[0]


def test_a_long_result_sheet_repeats_the_title_on_every_page(desk, site_url, tmp_path):
    """A werktijden week with many fails continues on a next page, which starts with the calculator's title."""
    query = (
        "leeftijd=15&dagen.0.uren_school=6&dagen.0.stage_begin=06:00&dagen.0.stage_einde=20:00&dagen.0.pauze_minuten=10"
        "&dagen.1.stage_begin=06:30&dagen.1.stage_einde=19:30&dagen.2.stage_begin=13:00&dagen.2.stage_einde=19:30"
        "&dagen.3.stage_begin=08:00&dagen.3.stage_einde=18:00&dagen.6.stage_begin=10:00&dagen.6.stage_einde=16:00"
    )
    _open(desk, site_url + "rekenhulpen/werktijden/?" + query)
    # By hand: Monday 6 hours of school and 13 h 50 of stage, from 06:00 to 20:00 with 10 minutes' break,
    # breaks the day limit, both ends of the day, the daily rest and the break rule; Sunday is forbidden
    # for a pupil of 15 (NRK art. 3:1 lid 2).
    assert desk.locator(".lwt-verdict").get_attribute("data-status") == "fail"
    assert desk.locator(".lwt-finding[data-status=fail]").count() >= 6
    count, texts = _pdf(desk, tmp_path / "lang.pdf")
    assert count >= 2
    for number, text in enumerate(texts, start=1):
        assert "Rekenhulp: Werktijden tijdens de stage" in text, f"page {number} repeats the title"
        if number > 1:
            assert f"Pagina {number} van {count}" in text


# --- the Dutch date in every engine the suite runs -------------------------------------------

_DATE_FIELD = "() => document.querySelector('form[data-calc=toezicht] [name=peildatum]').value"
_META = "() => document.querySelector('form[data-calc=toezicht] .lwt-meta').innerText"
_DATE_ERROR = "() => { const e = document.getElementById('toezicht-peildatum-error'); return e.hidden ? '' : e.innerText; }"


def _ready_with_outcome(engine, url: str) -> None:
    engine.goto(url)
    state = engine.wait_for(checks.READY, timeout=LOAD_TIMEOUT / 1000)
    assert state == "ready", (engine.name, engine.evaluate("() => document.querySelector('.lwt-calc__status').innerText"))
    if "?" in url:
        # A shared link is computed as soon as the worker is ready; the page without inputs shows
        # the build's example outcome and computes nothing until an input changes.
        engine.wait_for(checks.RENDERED_AFTER, {"calc": "toezicht", "after": 0}, timeout=LOAD_TIMEOUT / 1000)


def _type_date(engine, text: str) -> None:
    before = engine.evaluate(checks.RENDERS, "toezicht")
    engine.evaluate(checks.FILL, {"calc": "toezicht", "ops": [["[name=peildatum]", "value", text]]})
    engine.wait_for(checks.RENDERED_AFTER, {"calc": "toezicht", "after": before}, timeout=LOAD_TIMEOUT / 1000)


def test_a_dutch_date_is_accepted_and_shown_in_every_engine(engine, site_url):
    """In Chromium, Firefox and WebKit: the field shows today as dd-mm-jjjj; 01-08-2026 is used (1 augustus
    2026) and kept in the link as 2026-08-01, which opens showing 01-08-2026; 31-02-2027 is refused in Dutch."""
    engine.fresh()
    _ready_with_outcome(engine, site_url + "rekenhulpen/toezicht/")
    assert re.fullmatch(r"\d{2}-\d{2}-\d{4}", engine.evaluate(_DATE_FIELD)), engine.name
    _type_date(engine, "01-08-2026")
    assert "1 augustus 2026" in engine.evaluate(_META), engine.name
    engine.wait_for("() => new URLSearchParams(location.search).get('peildatum') === '2026-08-01'", timeout=30)
    link = engine.url

    engine.fresh()
    _ready_with_outcome(engine, link)
    assert engine.evaluate(_DATE_FIELD) == "01-08-2026", engine.name
    assert "1 augustus 2026" in engine.evaluate(_META), engine.name

    _type_date(engine, "31-02-2027")
    message = engine.evaluate(_DATE_ERROR)
    assert "bestaat niet" in message and "februari 2027 heeft 28 dagen" in message, (engine.name, message)
