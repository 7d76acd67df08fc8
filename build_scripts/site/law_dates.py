"""Dutch wording of dates in the law model: since when a value applies, and when a source was in force.

A value's ``from`` is the date the value took effect; with ``since: at_least`` it is only the
date of the oldest text read that already has the value, so the page says "in elk geval sinds".
A source's ``from``/``until`` (from its law in ``wetten.yaml`` or its own) say when the cited text
was in force; the page shows them after the article so that a reader sees which text applied when.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from calculators import dutch


def long_date(iso: str) -> str:
    return dutch.long_date(date.fromisoformat(iso))


def since_phrase(entry: dict[str, Any]) -> str:
    """``"1 augustus 2020"``, or ``"in elk geval sinds 1 september 2015"`` for an at-least date."""
    if entry.get("since") == "at_least":
        return f"in elk geval sinds {long_date(entry['from'])}"
    return long_date(entry["from"])


def source_period(source: dict[str, Any]) -> str:
    """When a source was in force, in words; empty for a source without dates (always in force)."""
    start, end = source.get("from"), source.get("until")
    if start and end:
        return f"van {long_date(start)} tot en met {long_date(end)}"
    if start:
        return f"sinds {long_date(start)}"
    if end:
        return f"tot en met {long_date(end)}"
    return ""


def since_sentence(entry: dict[str, Any]) -> str:
    """For inside a sentence: ``"sinds 1 augustus 2020"`` or ``"in elk geval sinds 1 september 2015"``."""
    phrase = since_phrase(entry)
    return phrase if entry.get("since") == "at_least" else f"sinds {phrase}"


def period_phrase(entry: dict[str, Any], until: str) -> str:
    """A value that applied until ``until`` (exclusive): ``"van 1 augustus 2014 tot 1 augustus 2020"``."""
    prefix = "in elk geval " if entry.get("since") == "at_least" else ""
    return f"{prefix}van {long_date(entry['from'])} tot {long_date(until)}"
