"""The site under its strict Content-Security-Policy, in a real browser: every page works with the
policy sent as a header, an injected inline script is blocked and reported, and a runtime file
that does not match the build gives the Dutch message instead of a calculator.

Each check is a plain function of a page and the site's URL, so that it can run in every engine
the suite drives; the tests below run them in Chromium through the fixtures of conftest.py.
"""

from __future__ import annotations

import gzip
import json

import pytest

from build_scripts.offline import csp, hosting
from build_scripts.site import hosting_pages
from build_scripts.site.forms import UI_TEXT
from tests.browser.conftest import wait_until_ready

browser_test = pytest.mark.browser
SELF_CHECK_TIMEOUT = 120_000
FAILURE_WITHIN_MS = 15_000
CALCULATOR = "rekenhulpen/stage-uren/"

#: Runs before any script of the page (Playwright's init script is not subject to the page's
#: policy): records every violation the browser reports to the page.
RECORD_VIOLATIONS = (
    "window.__cspViolations = [];"
    "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
    "`${e.effectiveDirective} ${e.blockedURI} ${e.sample || ''}`));"
)
INJECTED = "<script>window.__injected = 'ran';</script>"


def site_pages(built_site) -> list[str]:
    pages = []
    for index in sorted(built_site.rglob("index.html")):
        folder = index.parent.relative_to(built_site).as_posix()
        pages.append("" if folder == "." else f"{folder}/")
    return pages


def serve_with_policy(server_faults, built_site) -> str:
    policy = csp.read_policy(built_site)
    server_faults.headers.update(hosting.security_headers(policy))
    return policy


def violations(page) -> list[str]:
    return page.evaluate("() => window.__cspViolations")


def check_page_under_policy(page, url: str, policy: str | None) -> list[str]:
    """Open one page; its calculators start and its self-check passes. Returns the violations seen."""
    response = page.goto(url)
    assert response.status == 200, url
    if policy is not None:
        assert response.headers["content-security-policy"] == policy
    if page.locator("form[data-calc]").count() and "/print_page/" not in url:
        wait_until_ready(page)
        states = page.eval_on_selector_all("form[data-calc]", "forms => forms.map(f => f.dataset.state)")
        assert set(states) == {"ready"}, f"{url}: {states}"
    if page.locator("#lwt-selfcheck").count() and "/print_page/" not in url:
        page.wait_for_function("() => document.getElementById('lwt-selfcheck').dataset.state === 'done'",
                               timeout=SELF_CHECK_TIMEOUT)
        assert page.get_attribute("#lwt-selfcheck", "data-failures") == "0", url
    if "/print_page/" in url:
        # print-site's inline script (allowed by its hash) builds the table of contents.
        page.wait_for_function("() => document.querySelectorAll('#print-page-toc a, .print-page-toc a').length > 10")
    page.wait_for_load_state("networkidle")
    return violations(page)


def check_injected_script_blocked(page, url: str, strip_meta: bool = False) -> tuple[object, list[str], list[str]]:
    """Serve ``url`` with an inline script added; returns what it set, the violations and console lines."""
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))

    def inject(route):
        response = route.fetch()
        html = response.text().replace("</body>", INJECTED + "</body>", 1)
        if strip_meta:
            start = html.index('<meta http-equiv="Content-Security-Policy"')
            html = html[:start] + html[html.index(">", start) + 1:]
        route.fulfill(response=response, body=html)

    page.route(url, inject)
    page.goto(url)
    wait_until_ready(page)
    return page.evaluate("() => window.__injected"), violations(page), console


def check_failure_message(page, url: str) -> tuple[str, str, dict]:
    """Open a calculator page; the form must fail within 15 s. Returns state, status text and __lwtCalc."""
    page.goto(url)
    page.wait_for_function(
        "() => [...document.querySelectorAll('form[data-calc]')].every(f => f.dataset.state === 'failed')",
        timeout=FAILURE_WITHIN_MS,
    )
    form = page.locator("form[data-calc]").first
    return form.get_attribute("data-state"), form.locator(".lwt-calc__status").inner_text(), page.evaluate("() => window.__lwtCalc")


@browser_test
def test_the_whole_site_works_under_the_strict_policy_sent_as_a_header(context, site_url, server_faults, built_site):
    """Every page with the policy and hardening headers: calculators ready, self-check passing, no violation."""
    policy = serve_with_policy(server_faults, built_site)
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    console: list[str] = []
    page.on("console", lambda message: "Content Security Policy" in message.text and console.append(message.text))
    seen = {}
    for path in site_pages(built_site):
        seen[path] = check_page_under_policy(page, site_url + path, policy)
    assert {path: found for path, found in seen.items() if found} == {}
    assert console == []
    assert len(seen) >= 20


@browser_test
@pytest.mark.parametrize("served_as", ["header", "meta"])
def test_an_injected_inline_script_is_blocked_and_reported(context, site_url, server_faults, built_site, served_as):
    """A script added to a built page does not run and the browser reports a script-src violation;
    with the policy as a header, and with only the page's own meta tag (a host without headers)."""
    if served_as == "header":
        serve_with_policy(server_faults, built_site)
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    ran, found, console = check_injected_script_blocked(page, site_url + CALCULATOR)
    assert ran is None
    assert any(v.startswith("script-src") and "inline" in v for v in found), found
    assert any("Content Security Policy" in line for line in console), console
    assert page.get_attribute("form[data-calc]", "data-state") == "ready", "the site's own scripts still run"


@browser_test
def test_the_injection_check_can_fail(context, site_url):
    """Without the meta tag and without a header the same injected script runs: the check above sees real blocking."""
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    ran, found, _ = check_injected_script_blocked(page, site_url + CALCULATOR, strip_meta=True)
    assert ran == "ran"
    assert found == []


def _manifest(built_site) -> dict:
    return json.loads((built_site / "assets" / "calc" / "manifest.json").read_text(encoding="utf-8"))


def _flip(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:]


def _tamper(context, url: str, change) -> None:
    """Serve ``url`` (also to the worker) with its body changed; registered after the context's guard, so it wins."""
    def handler(route):
        if route.request.method != "GET":  # the self-check's HEAD requests have no body to change
            route.fallback()
            return
        response = route.fetch()
        route.fulfill(response=response, body=change(response.body()))
    context.route(url, handler)


@browser_test
@pytest.mark.parametrize("target", ["wheel", "snapshot", "wasm half uploaded", "stdlib"])
def test_a_runtime_file_that_does_not_match_the_build_gives_the_dutch_message(context, site_url, server_faults, built_site, target):
    """A changed or truncated runtime file: within 15 s the form says the files do not match the build."""
    manifest = _manifest(built_site)
    assert manifest.get("snapshot"), "the suite's build makes a start-up snapshot (LWT_SNAPSHOT not 0)"
    # The five runtime files, the wheel, and the two standard libraries (trimmed, and the empty one
    # a restored snapshot gets).
    assert len(manifest["integrity"]) == 8
    # The snapshot is asked for by a negotiated name first (the kit answers with the .br or .gz
    # copy); without that name the worker fetches the stored .gz itself, which these tests change.
    server_faults.missing.add(manifest["snapshot"]["negotiated"].split("/")[-1])
    if target == "wheel":
        # The wheel is only fetched when Pyodide starts fresh: take the snapshot away.
        server_faults.missing.add(manifest["snapshot"]["file"].split("/")[-1])
        _tamper(context, site_url + "assets/calc/" + manifest["wheel"], _flip)
    elif target == "snapshot":
        # A valid gzip of other bytes of the same size: a snapshot of another build.
        _tamper(context, site_url + "assets/calc/" + manifest["snapshot"]["file"],
                lambda body: gzip.compress(_flip(gzip.decompress(body)), compresslevel=1, mtime=0))
    elif target == "wasm half uploaded":
        _tamper(context, site_url + hosting.RUNTIME + "pyodide.asm.wasm", lambda body: body[: len(body) // 2])
    else:
        # The standard library the worker loads beside a restored snapshot.
        _tamper(context, site_url + "assets/calc/" + manifest["snapshot"]["stdlib"], _flip)
    page = context.new_page()
    state, text, calc = check_failure_message(page, site_url + CALCULATOR)
    assert state == "failed"
    assert text == UI_TEXT["failed_integrity"]
    assert "kon niet laden" in text and "komen niet overeen" in text
    assert calc["failed"] == "integrity", calc


@browser_test
def test_the_untampered_runtime_passes_its_checks(page, site_url, built_site):
    """The same hashes accept the real files: the calculator starts from the snapshot."""
    page.goto(site_url + CALCULATOR)
    wait_until_ready(page)
    assert page.get_attribute("form[data-calc]", "data-state") == "ready"
    assert page.evaluate("() => window.__lwtCalc.ready") is True


@browser_test
def test_the_self_check_says_when_the_files_do_not_match_the_build(context, site_url):
    """On the self-check page a changed runtime file is named as a mismatch with the build, with what to do."""
    _tamper(context, site_url + hosting.RUNTIME + "pyodide.asm.wasm", _flip)
    page = context.new_page()
    page.goto(site_url + "controle/")
    page.wait_for_function("() => document.getElementById('lwt-selfcheck').dataset.state === 'done'", timeout=SELF_CHECK_TIMEOUT)
    items = dict(page.eval_on_selector_all(
        ".lwt-selfcheck__item", "els => els.map(e => [e.dataset.check, [e.dataset.status, e.innerText]])"
    ))
    status, text = items["calc"]
    assert status == "fail"
    assert "komen niet overeen met deze versie van de site" in text and "pyodide.asm.wasm" in text
    assert hosting_pages.CHECK_FIXES["integrity"][0]["text"] in text
