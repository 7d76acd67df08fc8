"""Browser test fixtures: build the site once, serve it under /lwt/ on 127.0.0.1, drive Chromium.

The server can be told to misbehave (wrong MIME type, missing file, extra headers) so that
tests can see what a school's intranet server might do to the site. Every test's browser
context has a guard that aborts and records any request that leaves 127.0.0.1; a test that
made one fails.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
CHROMIUM = "/usr/bin/chromium"
PREFIX = "/lwt/"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


class ServerFaults:
    """What the test server should do wrong; reset after every test."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.mime: dict[str, str] = {}
        self.missing: set[str] = set()
        self.headers: dict[str, str] = {}


class _Handler(http.server.SimpleHTTPRequestHandler):
    faults: ServerFaults

    def log_message(self, *args):  # keep test output clean
        pass

    def send_head(self):
        name = urlparse(self.path).path.rsplit("/", 1)[-1]
        if name and name in self.faults.missing:
            self.send_error(404, "File not found (test fault)")
            return None
        return super().send_head()

    def guess_type(self, path):
        for suffix, mime in self.faults.mime.items():
            if str(path).endswith(suffix):
                return mime
        return super().guess_type(path)

    def end_headers(self):
        for key, value in self.faults.headers.items():
            self.send_header(key, value)
        super().end_headers()


@pytest.fixture(scope="session")
def server_faults() -> ServerFaults:
    return ServerFaults()


@pytest.fixture(scope="session")
def site_url(built_site, server_faults, tmp_path_factory) -> str:
    """Base URL of the site, served in a sub-folder as a school intranet might."""
    root = tmp_path_factory.mktemp("www")
    shutil.copytree(built_site, root / PREFIX.strip("/"))
    handler = functools.partial(type("Handler", (_Handler,), {"faults": server_faults}), directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make browser' (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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
    # Evaluated by the driver, not added as an inline <script>: the pages' policy blocks those.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', ')}`)",
        AXE_TAGS,
    )
