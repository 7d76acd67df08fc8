"""The site's search works, and its worker starts when the reader turns to it, not on every load.

Material starts its search worker on every page at once, and the worker builds the whole site's
index (lunr with the Dutch stemmer) while a calculator page is starting its own worker.
``assets/js/search-later.js`` hands Material a stand-in that keeps its messages until the reader
focuses the search field or uses the search button, or until 2 s after the page's load event.

The page's clock is paused (Playwright's clock) so that "not yet" does not depend on how fast
the machine is: timers only fire when the test runs them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SEARCH_WORKER = "/assets/javascripts/workers/search."
QUERY = "input[data-md-component=search-query]"
RESULT = ".md-search-result__item"


def open_paused(page, url: str) -> list[str]:
    """Open ``url`` with the page's timers paused; return the list the page's requests go to."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.clock.install(time=0)
    page.clock.pause_at(60_000)
    page.goto(url, wait_until="load")
    page.clock.run_for(1_500)  # Material's own timers; the stand-in waits 2 s after load
    return requests


def search_worker_requested(requests: list[str]) -> bool:
    return any(SEARCH_WORKER in url for url in requests)


@pytest.mark.parametrize("path", ["over/", "rekenhulpen/stageovereenkomst/"])
def test_search_worker_waits_for_the_reader_and_then_finds(page, site_url, path):
    requests = open_paused(page, site_url + path)
    assert not search_worker_requested(requests), "the search worker started before the reader turned to the search"
    page.clock.resume()
    page.focus(QUERY)
    page.keyboard.type("stageovereenkomst")
    page.wait_for_selector(RESULT, timeout=30_000)
    assert search_worker_requested(requests)
    titles = page.eval_on_selector_all(f"{RESULT} h1", "els => els.map(e => e.textContent)")
    assert any("Stageovereenkomst" in title or "stageovereenkomst" in title.lower() for title in titles), titles


def test_search_worker_starts_after_load_without_the_reader(page, site_url):
    requests = open_paused(page, site_url + "over/")
    assert not search_worker_requested(requests)
    page.clock.run_for(1_000)  # 2.5 s after load in all
    for _ in range(300):  # the request event arrives from the browser a moment later
        if search_worker_requested(requests):
            break
        page.wait_for_timeout(100)
    assert search_worker_requested(requests), "the search worker did not start 2 s after load"
    # Ready before the reader types: the first query is answered from the index built meanwhile.
    page.clock.resume()
    page.focus(QUERY)
    page.keyboard.type("leerbedrijf")
    page.wait_for_selector(RESULT, timeout=30_000)
