"""Offline use: the site works from a sub-folder, asks nothing of other origins, runs under the
documented Content-Security-Policy, and checks its own installation (the zip and the server kits,
which need no browser, are tested in tests/build/test_hosting_kit.py).

The fixtures serve the built site under /lwt/ on 127.0.0.1 and fail any test whose browser
context made a request that left 127.0.0.1.
"""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest

from build_scripts.offline import hosting
from tests.browser.conftest import axe_violations, renders, wait_for_render, wait_until_ready

browser_test = pytest.mark.browser
SELF_CHECK_TIMEOUT = 120_000




def site_pages(built_site) -> list[str]:
    """Every HTML page of the built site, as a path relative to the site's base URL."""
    pages = []
    for index in sorted(built_site.rglob("index.html")):
        folder = index.parent.relative_to(built_site).as_posix()
        pages.append("" if folder == "." else f"{folder}/")
    return pages


def wait_for_self_check(page) -> None:
    page.wait_for_function(
        "() => document.getElementById('lwt-selfcheck').dataset.state === 'done'", timeout=SELF_CHECK_TIMEOUT
    )


def check_items(page) -> dict[str, tuple[str, str]]:
    """The self-check's results: check name -> (status, text)."""
    items = page.eval_on_selector_all(
        ".lwt-selfcheck__item", "els => els.map(e => [e.dataset.check, e.dataset.status, e.innerText])"
    )
    return {check: (status, text) for check, status, text in items}


@browser_test
def test_every_page_stays_inside_the_sub_folder(page, site_url, built_site, external_requests):
    """On every page (and in the calculator workers) every request goes to /lwt/ and succeeds."""
    pages = site_pages(built_site)
    assert len(pages) >= 20, pages
    seen: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    # Chromium reports the self-check's HEAD requests as aborted once their headers are in (there
    # is no body to read); their status is checked below with every other response.
    page.on("requestfailed", lambda request: request.method != "HEAD" and failed.append(f"{request.url} ({request.failure})"))
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.url} HTTP {response.status}"))
    calculators = 0
    for path in pages:
        page.goto(site_url + path)
        if page.locator("form[data-calc]").count() and not path.startswith("print_page"):
            wait_until_ready(page)
            assert page.eval_on_selector_all(
                "form[data-calc]", "forms => forms.every(f => f.dataset.state === 'ready')"
            ), f"{path}: a calculator did not start"
            calculators += 1
        if page.locator("#lwt-selfcheck").count() and not path.startswith("print_page"):
            wait_for_self_check(page)
        page.wait_for_load_state("networkidle", timeout=SELF_CHECK_TIMEOUT)
        base = page.evaluate("() => new URL(JSON.parse(document.getElementById('__config').textContent).base, location.href).href")
        assert base.startswith(site_url), f"{path}: the theme's base URL {base} is outside the site"
    with_forms = [p for p in built_site.rglob("index.html") if "data-calc=" in p.read_text(encoding="utf-8") and "print_page" not in p.parts]
    assert calculators == len(with_forms) >= 1, "every calculator page was visited with its worker running"
    assert external_requests == []
    outside = [url for url in seen if not url.startswith(site_url) and not url.startswith(("data:", "blob:"))]
    assert outside == [], f"requests outside {site_url}: {outside[:10]}"
    assert failed == [], failed[:10]
    assert any("/lwt/assets/pyodide/pyodide.asm.wasm" in url for url in seen), "the worker's requests were seen too"


@browser_test
def test_stage_uren_works_under_the_documented_csp(context, site_url, server_faults):
    """With the kit's Content-Security-Policy (and nosniff) the calculator loads and computes."""
    server_faults.headers["Content-Security-Policy"] = hosting.CSP
    server_faults.headers["X-Content-Type-Options"] = "nosniff"
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    response = page.goto(site_url + "rekenhulpen/stage-uren/")
    assert response.headers["content-security-policy"] == hosting.CSP
    wait_until_ready(page)
    form = page.locator("form[data-calc=stage_uren]")
    assert form.get_attribute("data-state") == "ready"
    before = renders(page)
    page.fill("#stage_uren-leeftijd", "16")
    page.select_option("#stage_uren-perioden-0-leerjaar", "3")
    page.fill("#stage_uren-perioden-0-weken", "40")
    page.fill("#stage_uren-perioden-0-dagen_per_week", "2")
    page.fill("#stage_uren-perioden-0-uren_per_dag", "8")
    page.click("form[data-calc=stage_uren] button[type=submit]")
    wait_for_render(page, before)
    assert page.locator("form[data-calc=stage_uren] .lwt-verdict").get_attribute("data-status") in ("pass", "warning")
    assert "640" in page.locator("form[data-calc=stage_uren] .lwt-summary").inner_text()
    assert violations == []


@browser_test
def test_self_check_reports_all_good(page, site_url):
    """On a correct server every file, the module worker and the calculators are reported in order."""
    page.goto(site_url + "controle/")
    wait_for_self_check(page)
    items = check_items(page)
    expected_files = {f"file:{path}" for path, _, _ in hosting.CHECKED_FILES}
    assert expected_files <= set(items)
    assert any(check.startswith("file:assets/calc/") and check.endswith(".whl") for check in items), items
    manifest = json.loads(page.evaluate("() => fetch('../assets/calc/manifest.json').then(r => r.text())"))
    if manifest.get("snapshot"):
        assert items[f"file:assets/calc/{manifest['snapshot']['file']}"][0] == "ok"
    assert {"worker", "calc", "csp"} <= set(items)
    problems = {check: text for check, (status, text) in items.items() if status not in ("ok", "info")}
    assert problems == {}
    assert "application/wasm" in items["file:assets/pyodide/pyodide.asm.wasm"][1]
    assert page.inner_text(".lwt-selfcheck__summary") == hosting.CHECK_TEXTS["all_ok"]
    assert page.get_attribute("#lwt-selfcheck", "data-failures") == "0"
    assert axe_violations(page) == []


@browser_test
def test_self_check_reports_mjs_served_as_text_plain(page, site_url, server_faults):
    """When the server sends .mjs as text/plain the page names the files, the type and the fix."""
    server_faults.mime[".mjs"] = "text/plain"
    page.goto(site_url + "controle/")
    wait_for_self_check(page)
    items = check_items(page)
    status, text = items["file:assets/pyodide/pyodide.mjs"]
    assert status == "fail"
    assert "text/plain" in text and "JavaScript" in text
    assert "AddType text/javascript .mjs" in text
    assert 'mimeMap fileExtension=".mjs"' in text
    assert items["file:assets/js/calc-worker.mjs"][0] == "fail"
    assert items["file:assets/pyodide/pyodide.asm.wasm"][0] == "ok"
    assert items["calc"][0] == "fail"
    assert page.get_attribute("#lwt-selfcheck", "data-failures") == "5"
    assert page.inner_text(".lwt-selfcheck__summary") != hosting.CHECK_TEXTS["all_ok"]
    assert axe_violations(page) == [], "the report with its fixes is accessible too"


@browser_test
def test_about_page_passes_axe_and_names_the_kit(page, site_url):
    """'Over deze site' gives date and version, the kit, the PDF and the licences, accessibly."""
    page.goto(site_url + "over/", wait_until="networkidle")
    text = page.inner_text("article")
    for phrase in ("Stand van de informatie", "Versie van de regels", "Geen juridisch advies", "web.config", ".htaccess",
                   "hosting/nginx.conf", "Content-Security-Policy", "make pdf", "make site", "MPL", "MIT"):
        assert phrase in text, phrase
    assert page.locator("article a[href$='controle/']").count() >= 1
    assert axe_violations(page) == []


@browser_test
def test_self_check_sees_a_policy_that_blocks_webassembly(page, site_url, server_faults):
    """A policy without 'wasm-unsafe-eval' stops the calculators, and the check says so."""
    server_faults.headers["Content-Security-Policy"] = hosting.CSP.replace(" 'wasm-unsafe-eval'", "")
    page.goto(site_url + "controle/")
    wait_for_self_check(page)
    items = check_items(page)
    assert items["csp"][0] == "info" and "script-src 'self' 'unsafe-inline';" in items["csp"][1]
    assert items["worker"][0] == "ok"
    assert items["calc"][0] == "fail"
    assert "wasm-unsafe-eval" in items["calc"][1]


@browser_test
def test_self_check_page_explains_itself_without_javascript(browser, site_url):
    """Without JavaScript the page still says what the server must send, and how to fix it."""
    context = browser.new_context(java_script_enabled=False)
    context.route("**/*", lambda route: route.continue_() if urlparse(route.request.url).hostname == "127.0.0.1" else route.abort())
    try:
        page = context.new_page()
        page.goto(site_url + "controle/")
        text = page.inner_text("article")
        assert hosting.CHECK_TEXTS["initial"] in text
        assert "assets/pyodide/pyodide.asm.wasm" in text and "application/wasm" in text
        assert "AddType application/wasm .wasm" in text
        assert '<mimeMap fileExtension=".mjs" mimeType="text/javascript" />' in text
        assert hosting.CSP in text
    finally:
        context.close()
