"""Repairs to the print page that mkdocs-print-site-plugin writes (``print_page/index.html``).

The print page is what ``make pdf`` prints. print-site renders it in a way that needs two fixes:
its theme base URL is absolute, and it prefixes the ``for`` of labels with the page path while
leaving the ids of selects and some inputs as they were, so those labels point at nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

_FOR = re.compile(r'for="([^"]+)"')
_ID = re.compile(r'\bid="([^"]+)"')


def fix_base(site_dir: Path) -> bool:
    """Make the print page's base URL relative, so that it works in a sub-folder too.

    print-site renders ``print_page/index.html`` with the theme's default context, in which
    Material's ``base`` is ``"/"``; in a sub-folder the page then asks the server's root for
    ``search/search_index.json``. Every other page has a relative base (``".."``).
    Returns whether the page needed the fix.
    """
    page = site_dir / "print_page" / "index.html"
    if not page.is_file():
        return False
    html = page.read_text(encoding="utf-8")
    start = html.find('<script id="__config"')
    end = html.find("</script>", start)
    if start < 0 or end < 0 or '"base": "/"' not in html[start:end]:
        return False
    fixed = html[:start] + html[start:end].replace('"base": "/"', '"base": ".."', 1) + html[end:]
    page.write_text(fixed, encoding="utf-8")
    return True


def fix_labels(site_dir: Path) -> int:
    """Point every label whose ``for`` names no element back at the control it was written for.

    A label ``for="rekenhulpen-examenpakket-examenpakket-profiel"`` whose target does not exist,
    while ``id="examenpakket-profiel"`` does, gets ``for="examenpakket-profiel"``. Returns how
    many labels were repaired.
    """
    page = site_dir / "print_page" / "index.html"
    if not page.is_file():
        return 0
    html = page.read_text(encoding="utf-8")
    ids = set(_ID.findall(html))
    repaired = 0

    def repair(match: re.Match) -> str:
        nonlocal repaired
        target = match.group(1)
        if target in ids:
            return match.group(0)
        candidates = [known for known in ids if target.endswith("-" + known)]
        if len(candidates) != 1:
            return match.group(0)
        repaired += 1
        return f'for="{candidates[0]}"'

    fixed = _FOR.sub(repair, html)
    if repaired:
        page.write_text(fixed, encoding="utf-8")
    return repaired


def fix(site_dir: Path) -> None:
    """Apply every repair to the print page, if there is one."""
    fix_base(site_dir)
    fix_labels(site_dir)
