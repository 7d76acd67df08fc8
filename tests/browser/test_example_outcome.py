"""The example's outcome is in the built page: a verdict at first paint, also without JavaScript.

The build computes it with the calculators' own Python (build_scripts/site/example.py); the page
keeps it until the reader changes an input, and a shared link shows its own outcome.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import renders, wait_for_render, wait_until_ready

browser_test = pytest.mark.browser

@browser_test
def test_without_javascript_the_example_reads_and_says_javascript_is_needed(browser, site_url):
    """With JavaScript off the example verdict shows, marked as example, and the page says why it cannot change."""
    ctx = browser.new_context(locale="nl-NL", java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(site_url + "rekenhulpen/stage-uren/")
        form = page.locator("form[data-calc=stage_uren]")
        assert form.get_attribute("data-state") == "static"
        verdict = form.locator(".lwt-verdict")
        assert verdict.is_visible() and verdict.inner_text().strip() in ("Voldoet", "Voldoet niet", "Let op")
        note = form.locator(".lwt-example-note")
        assert note.is_visible()
        assert "Voorbeeld" in note.inner_text() and "alleen met JavaScript" in note.inner_text()
        assert "JavaScript nodig" in form.locator(".lwt-calc__status").inner_text()
        assert form.locator(".lwt-finding").count() >= 1
    finally:
        ctx.close()


@browser_test
def test_the_example_stays_until_an_input_changes_then_the_live_outcome_agrees(page, site_url):
    """At first paint the verdict is there; after ready it stays; a change gives the worker's outcome."""
    page.goto(site_url + "rekenhulpen/stage-uren/", wait_until="domcontentloaded")
    form = page.locator("form[data-calc=stage_uren]")
    example_status = form.locator(".lwt-verdict").get_attribute("data-status")
    example_summary = form.locator(".lwt-summary").inner_text()
    built_on = form.locator(".lwt-calc__result").get_attribute("data-example")
    assert example_status in ("pass", "fail", "warning")
    wait_until_ready(page)
    assert form.get_attribute("data-state") == "ready"
    assert renders(page) == 0, "the example is not replaced by the same inputs"
    assert form.locator(".lwt-example-note").count() == 1
    assert not form.locator(".lwt-example-note__noscript").is_visible()
    before = renders(page)
    page.fill("#stage_uren-peildatum", built_on)  # the same inputs and the build's date: a live recomputation
    wait_for_render(page, before)
    assert form.locator(".lwt-example-note").count() == 0
    assert form.locator(".lwt-calc__result").get_attribute("data-example") is None
    assert form.locator(".lwt-verdict").get_attribute("data-status") == example_status
    assert form.locator(".lwt-summary").inner_text() == example_summary


@browser_test
def test_a_shared_link_shows_its_own_outcome_once_ready(context, site_url):
    """A link with other inputs replaces the example with its own outcome as soon as the worker is ready."""
    first = context.new_page()
    first.goto(site_url + "rekenhulpen/stage-uren/")
    wait_until_ready(first)
    before = renders(first)
    first.fill("#stage_uren-perioden-0-weken", "1")
    first.fill("#stage_uren-perioden-1-weken", "1")
    wait_for_render(first, before)
    form = first.locator("form[data-calc=stage_uren]")
    status, summary = form.locator(".lwt-verdict").get_attribute("data-status"), form.locator(".lwt-summary").inner_text()
    assert status == "fail", summary  # 2 x (1 week x 2 days x 7 hours) = 28 hours, far below 640
    shared = first.url
    assert "weken=1" in shared
    other = context.new_page()
    other.goto(shared)
    wait_until_ready(other)
    wait_for_render(other, 0)
    form = other.locator("form[data-calc=stage_uren]")
    assert form.locator(".lwt-example-note").count() == 0
    assert form.locator(".lwt-verdict").get_attribute("data-status") == status
    assert form.locator(".lwt-summary").inner_text() == summary
