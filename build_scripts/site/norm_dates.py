"""Which dated value of a norm a table shows, and how its period reads ("van ... tot ...")."""

from __future__ import annotations

from datetime import date
from typing import Any

from .tables import long_date


def current_index(norm: dict[str, Any], on: date) -> int | None:
    """The index of the value in force on ``on`` (``None`` if the first value is still to come)."""
    chosen = None
    for index, entry in enumerate(norm["values"]):
        if date.fromisoformat(entry["from"]) <= on:
            chosen = index
    return chosen


def until(norm: dict[str, Any], index: int) -> str | None:
    values = norm["values"]
    return values[index + 1]["from"] if index + 1 < len(values) else None


def since_text(norm: dict[str, Any], index: int, current: int | None) -> str:
    entry = norm["values"][index]
    since = long_date(entry["from"])
    end = until(norm, index)
    if current is not None and index < current and end:
        return f"van {since} tot {long_date(end)}"
    if current is None or index > current:
        return f"vanaf {since} (komt eraan)"
    return since
