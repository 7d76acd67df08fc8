"""axe-core finds no WCAG 2.2 AA or best-practice violation on any page of the site."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser


def test_every_page_has_no_axe_violations(page, site_url, built_site):
    """Every content page, calculator page (before its worker is ready) and the print page passes axe."""
    pages = sorted(
        "" if index.parent == built_site else index.parent.relative_to(built_site).as_posix() + "/"
        for index in built_site.rglob("index.html")
    )
    assert len(pages) >= 20
    problems = {}
    for path in pages:
        page.goto(site_url + path)
        found = axe_violations(page)
        if found:
            problems[path] = found
    assert problems == {}
