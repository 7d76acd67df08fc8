"""Dutch wording of dates in the law model: since when a value applies, and when a source was in force.

A value's ``from`` is the date the value took effect; with ``since: at_least`` it is only the
date of the oldest text read that already has the value, so the page says "in elk geval sinds".
A source's ``from``/``until`` (from its law in ``wetten.yaml`` or its own) say when the cited text
was in force; the page shows them after the article so that a reader sees which text applied when.

The functions take plain values (a date or ISO text, and the ``since`` word), so that any table
code can call them, whether it holds compiled dicts or ``NormValue`` objects.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from calculators import dutch

AT_LEAST = "at_least"


def long_date(day: date | str) -> str:
    return dutch.long_date(day if isinstance(day, date) else date.fromisoformat(day))


def since_phrase(valid_from: date | str, since: str = "exact") -> str:
    """For a table cell: ``"1 augustus 2020"``, or ``"in elk geval sinds 1 september 2015"``."""
    return f"in elk geval sinds {long_date(valid_from)}" if since == AT_LEAST else long_date(valid_from)


def since_sentence(valid_from: date | str, since: str = "exact") -> str:
    """For inside a sentence: ``"sinds 1 augustus 2020"`` or ``"in elk geval sinds 1 september 2015"``."""
    return since_phrase(valid_from, since) if since == AT_LEAST else f"sinds {long_date(valid_from)}"


def period_phrase(valid_from: date | str, until: date | str, since: str = "exact") -> str:
    """A value that applied until ``until`` (exclusive): ``"van 1 augustus 2014 tot 1 augustus 2020"``."""
    prefix = "in elk geval " if since == AT_LEAST else ""
    return f"{prefix}van {long_date(valid_from)} tot {long_date(until)}"


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
