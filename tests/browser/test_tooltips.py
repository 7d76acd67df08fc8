"""No pop-up outside the page's landmarks when a reader focuses a heading link or hovers an abbreviation.

Material's `content.tooltips` feature drew its own tooltip for every element with a `title`: a
`div.md-tooltip2` appended to `<body>`, outside every landmark, shown while a heading's "¶" link has
keyboard focus or an abbreviation is hovered, and removed 250 ms after. A keyboard user tabbing
through a calculator page passes the page title's "¶" link just before the form, so the pop-up was
there or not depending on timing: axe's `region` rule failed now and then ("region:
#__tooltip2_0", the first heading link). The site now uses the browser's own title tooltips, which
add nothing to the page.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import axe_violations, wait_until_ready

pytestmark = pytest.mark.browser

#: Anything the page adds for a tooltip, and whether it lies outside every landmark.
OUTSIDE_LANDMARKS = """() => [...document.querySelectorAll('.md-tooltip2, .md-tooltip, [role=tooltip]')]
  .filter((el) => !el.closest('header, nav, main, aside, footer, [role=banner], [role=navigation], [role=main], [role=complementary], [role=contentinfo], [role=search], [role=region], form[aria-label], form[aria-labelledby]'))
  .map((el) => el.id || el.className)"""


@pytest.mark.parametrize("path", ["rekenhulpen/werktijden/", "veiligheid/"])
def test_focus_and_hover_add_nothing_outside_the_landmarks(page, site_url, path):
    page.goto(site_url + path)
    if path.startswith("rekenhulpen/"):
        wait_until_ready(page)
    # The page title's "¶" link by keyboard, as a keyboard user passes it on the way to the form.
    page.focus("article h1 a.headerlink")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    abbr = page.locator("article abbr[title]").first
    if abbr.count():
        abbr.hover()
    # Material drew its pop-up within a frame or two; give it ample time to appear if it would.
    with pytest.raises(PlaywrightTimeout):
        page.wait_for_function(f"() => ({OUTSIDE_LANDMARKS})().length > 0", timeout=1500)
    assert page.evaluate(OUTSIDE_LANDMARKS) == []
    assert axe_violations(page) == [], "axe, with a heading link focused and an abbreviation hovered"
