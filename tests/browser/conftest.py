"""Browser test fixtures: build the site once, serve it under /lwt/ on 127.0.0.1, drive Chromium.

The server can be told to misbehave (wrong MIME type, missing file, extra headers) so that
tests can see what a school's intranet server might do to the site. Every test's browser
context has a guard that aborts and records any request that leaves 127.0.0.1; a test that
made one fails.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from build_scripts.tools.serve import CHROMIUM, Faults, StaticServer, launch_chromium, serve

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PREFIX = "/lwt/"


@pytest.fixture(scope="session")
def server_faults() -> Faults:
    return Faults()


@pytest.fixture(scope="session")
def site_server(built_site, server_faults) -> StaticServer:
    """The built site, served in a sub-folder as a school intranet might."""
    with serve(built_site, prefix=PREFIX, faults=server_faults) as server:
        yield server


@pytest.fixture(scope="session")
def site_url(site_server) -> str:
    """Base URL of the site (ends with /lwt/)."""
    return site_server.url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make browser' (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = launch_chromium(playwright)
        yield instance
        instance.close()


@pytest.fixture()
def external_requests() -> list[str]:
    return []


@pytest.fixture()
def context(browser, server_faults, external_requests):
    """A fresh browser context whose requests may not leave 127.0.0.1."""
    ctx = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})

    def guard(route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            external_requests.append(route.request.url)
            route.abort()

    ctx.route("**/*", guard)
    yield ctx
    ctx.close()
    server_faults.reset()
    assert external_requests == [], f"requests left 127.0.0.1: {external_requests}"


@pytest.fixture()
def page(context):
    return context.new_page()


def wait_until_ready(page, timeout: float = 60_000) -> None:
    """Wait until every calculator form on the page is ready (or has failed)."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('form[data-calc]')].every(f => f.dataset.state === 'ready' || f.dataset.state === 'failed')",
        timeout=timeout,
    )


def renders(page, form_selector: str = "form[data-calc]") -> int:
    """How many outcomes the form has shown so far."""
    return int(page.eval_on_selector(form_selector, "f => f.dataset.renders || '0'"))


def wait_for_render(page, after: int, form_selector: str = "form[data-calc]", timeout: float = 10_000) -> None:
    """Wait until the form has shown an outcome newer than render number ``after``."""
    page.wait_for_function(
        "([sel, n]) => Number(document.querySelector(sel).dataset.renders || 0) > n",
        arg=[form_selector, after], timeout=timeout,
    )


def axe_violations(page) -> list[str]:
    """axe-core's findings in the page (WCAG 2.2 AA and best practice), one line per rule with the first elements."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', ')}`)",
        AXE_TAGS,
    )


@pytest.fixture(scope="session", params=["chromium", "firefox", "webkit"])
def engine(request, site_url):
    """A page in each engine in turn (one browser per engine per session): Chromium through
    Playwright, Firefox ESR through puppeteer-core, WebKitGTK through Selenium. See engines/."""
    from tests.browser.engines import open_engine

    chromium = request.getfixturevalue("browser") if request.param == "chromium" else None
    page = open_engine(request.param, chromium)
    yield page
    page.close()
