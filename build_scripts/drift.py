"""The drift check: a page may not type the value of a numeric norm by hand.

(To be written: parse pages with markdown-it-py and report hand-typed norm values.)
"""

from __future__ import annotations


def check(markdown: str, context) -> list[str]:
    """Problems in ``markdown`` (the page source before macros are expanded)."""
    return []
