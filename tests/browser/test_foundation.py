"""The stage-uren calculator works in a real browser, from a sub-folder, without leaving 127.0.0.1."""

from __future__ import annotations

import pytest

from tests.browser.conftest import renders, wait_for_render, wait_until_ready

pytestmark = pytest.mark.browser


def test_stage_uren_computes_in_the_browser(page, site_url):
    """Loading is announced, then the form computes the verdict that Python gives."""
    page.goto(site_url + "rekenhulpen/stage-uren/")
    status = page.locator("form[data-calc=stage_uren] .lwt-calc__status")
    assert status.get_attribute("role") == "status"
    wait_until_ready(page)
    assert page.locator("form[data-calc=stage_uren]").get_attribute("data-state") == "ready"
    assert "gereed" in status.inner_text()
    before = renders(page)
    page.select_option("#stage_uren-perioden-0-leerjaar", "3")
    page.fill("#stage_uren-perioden-0-weken", "40")
    page.fill("#stage_uren-perioden-0-dagen_per_week", "2")
    page.fill("#stage_uren-perioden-0-uren_per_dag", "8")
    page.fill("#stage_uren-leeftijd", "16")
    for sub in ("weken", "dagen_per_week", "uren_per_dag", "sbb_code"):  # leave the second period empty
        page.fill(f"#stage_uren-perioden-1-{sub}", "")
    page.select_option("#stage_uren-perioden-1-leerjaar", "")
    page.click("form[data-calc=stage_uren] button[type=submit]")
    wait_for_render(page, before)
    result = page.locator("form[data-calc=stage_uren] .lwt-calc__result")
    assert "Voldoet" in result.locator(".lwt-verdict").inner_text()
    assert result.locator(".lwt-verdict").get_attribute("data-status") == "pass"
    assert "640 uur" in result.locator(".lwt-summary").inner_text()
    assert result.locator(".lwt-finding").count() >= 2


def test_stage_uren_reports_too_few_hours(page, site_url):
    """639 hours fail, with the shortfall in Dutch."""
    page.goto(site_url + "rekenhulpen/stage-uren/")
    wait_until_ready(page)
    before = renders(page)
    page.fill("#stage_uren-leeftijd", "16")
    page.fill("#stage_uren-perioden-0-weken", "39")
    page.fill("#stage_uren-perioden-0-dagen_per_week", "2")
    page.fill("#stage_uren-perioden-0-uren_per_dag", "8")
    page.select_option("#stage_uren-perioden-1-leerjaar", "4")
    page.fill("#stage_uren-perioden-1-weken", "1")
    page.fill("#stage_uren-perioden-1-dagen_per_week", "2")
    page.fill("#stage_uren-perioden-1-uren_per_dag", "7,5")
    page.fill("#stage_uren-perioden-1-sbb_code", "19025")
    page.click("form[data-calc=stage_uren] button[type=submit]")
    wait_for_render(page, before)
    page.wait_for_function("() => document.querySelector('.lwt-verdict').dataset.status === 'fail'")
    assert "1 uur te weinig" in page.locator(".lwt-findings").inner_text()


def test_content_page_loads_nothing_of_pyodide(page, site_url):
    """A page without a calculator fetches no Pyodide file."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url, wait_until="networkidle")
    assert not [url for url in requested if "/pyodide/" in url or "/calc/" in url]
