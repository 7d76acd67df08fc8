"""Read norms from the compiled rules: "the value of norm X on date D", with source and certainty.

The rules are the JSON that ``build_scripts/rules_data.py`` compiles from ``data/*.yaml``
(PyYAML is not available in the browser, JSON is). Each norm has values keyed by the
date they took effect, in the manner of OpenFisca parameters; the value in force on a
date is the last one whose ``from`` is on or before that date. A value of ``null``
means the norm no longer applies from that date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


class NormUnavailable(LookupError):
    """The norm does not exist, or has no value in force on the requested date."""

    def __init__(self, norm_id: str, on: date, first: date | None = None):
        self.norm_id = norm_id
        self.on = on
        self.first = first
        super().__init__(f"norm {norm_id!r} has no value on {on.isoformat()}")


@dataclass(frozen=True)
class NormValue:
    """One dated value of a norm, with everything a finding needs to cite it."""

    norm_id: str
    description: str
    unit: str
    value: Any
    valid_from: date
    certainty: str
    sources: tuple[dict[str, str], ...]
    last_checked: str
    note: str

    def source_refs(self) -> list[dict[str, str]]:
        """The sources in the shape of the outcome contract: title, article, url."""
        return [
            {"title": source.get("title", ""), "article": source.get("article", ""), "url": source.get("url", "")}
            for source in self.sources
        ]


class Rules:
    """The norms of ``data/``, as compiled to JSON."""

    def __init__(self, compiled: dict[str, Any]):
        self.version: str = compiled.get("version", "")
        self.norms: dict[str, dict[str, Any]] = compiled["norms"]
        self.laws: dict[str, dict[str, Any]] = compiled.get("laws", {})

    def has(self, norm_id: str) -> bool:
        return norm_id in self.norms

    def get(self, norm_id: str, on: date) -> NormValue:
        """The value of ``norm_id`` in force on ``on``."""
        norm = self.norms.get(norm_id)
        if norm is None:
            raise NormUnavailable(norm_id, on)
        chosen = None
        for entry in norm["values"]:
            if date.fromisoformat(entry["from"]) <= on:
                chosen = entry
        first = date.fromisoformat(norm["values"][0]["from"])
        if chosen is None or chosen["value"] is None:
            raise NormUnavailable(norm_id, on, first)
        return NormValue(
            norm_id=norm_id,
            description=norm["description"],
            unit=norm["unit"],
            value=chosen["value"],
            valid_from=date.fromisoformat(chosen["from"]),
            certainty=chosen["certainty"],
            sources=tuple(chosen["sources"]),
            last_checked=chosen["last_checked"],
            note=chosen.get("note", ""),
        )

    def value(self, norm_id: str, on: date) -> Any:
        """Only the value of ``norm_id`` on ``on``."""
        return self.get(norm_id, on).value
