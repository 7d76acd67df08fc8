"""The one reader of the compiled rules: :class:`Rules` and :class:`Norm`.

The rules are the JSON that ``build_scripts/rules_data.py`` compiles from ``data/*.yaml``
(PyYAML is not available in the browser, JSON is). Each norm has values keyed by the date they
took effect, in the manner of OpenFisca parameters; the value in force on a date is the last one
whose ``from`` is on or before that date (:func:`index_on`, the only place that choice is made).
A value of ``null`` means the norm no longer applies from that date.

Each source of a value may carry its own ``from`` and ``until`` dates (a law's own dates of
effect, or an article inserted later); a source without them is always in force. A
:class:`NormValue` asked for a date cites only the sources in force on that date.

Calculators, page macros, tables, charts and the drift check read norms only through this
module::

    rules = Rules(compiled)
    norm = rules.norm("stage.uren.minimum")
    norm.value_on(date(2026, 9, 1)).value      # 640
    norm.format(640)                            # "640 uur"
    rules.get("stage.uren.minimum", on)         # the NormValue on a date (calculators' entry point)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator

from . import vocabulary

#: ``since`` of a value: its ``from`` is the date it took effect, or only "in any case since".
SINCE_EXACT = "exact"
SINCE_AT_LEAST = "at_least"


class NormUnavailable(LookupError):
    """The norm does not exist, or has no value in force on the requested date."""

    def __init__(self, norm_id: str, on: date | None = None, first: date | None = None):
        self.norm_id = norm_id
        self.on = on
        self.first = first
        if on is None:
            super().__init__(f"unknown norm {norm_id!r}")
        else:
            super().__init__(f"norm {norm_id!r} has no value on {on.isoformat()}")


def index_on(values: list[dict[str, Any]], on: date) -> int | None:
    """The position of the value in force on ``on`` (the last ``from`` on or before it), or None.

    This is the one function that chooses a norm's value for a date.
    """
    chosen = None
    day = on.isoformat()
    for position, entry in enumerate(values):
        if entry["from"] <= day:
            chosen = position
        else:
            break
    return chosen


def source_in_force(source: dict[str, Any], on: date) -> bool:
    """Whether ``source`` was in force on ``on``: its own ``from``/``until`` (inclusive), if any."""
    day = on.isoformat()
    start, end = source.get("from"), source.get("until")
    return (not start or start <= day) and (not end or day <= end)


def _sources_on(sources: list[dict[str, Any]], on: date) -> tuple[dict[str, Any], ...]:
    """The sources in force on ``on``; all of them if none is (the data check prevents that)."""
    in_force = tuple(dict(source) for source in sources if source_in_force(source, on))
    return in_force or tuple(dict(source) for source in sources)


@dataclass(frozen=True)
class NormValue:
    """One dated value of a norm, with everything a finding needs to cite it.

    ``sources`` are the sources in force on the date the value was asked for (all of the
    value's sources when it came from :meth:`Norm.history`); ``all_sources`` are all of them.
    ``valid_until`` is the last day of the value (None while it holds). ``since`` is
    ``"exact"`` when ``valid_from`` is the day the value took effect, ``"at_least"`` when it is
    only known to hold "in elk geval sinds" that day.
    """

    norm_id: str
    description: str
    unit: str
    value: Any
    valid_from: date
    certainty: str
    sources: tuple[dict[str, Any], ...]
    last_checked: str
    note: str
    valid_until: date | None = None
    since: str = SINCE_EXACT
    all_sources: tuple[dict[str, Any], ...] = ()

    def source_refs(self) -> list[dict[str, str]]:
        """The sources in the shape of the outcome contract: title, article, url."""
        return [
            {"title": source.get("title", ""), "article": source.get("article", ""), "url": source.get("url", "")}
            for source in self.sources
        ]

    def sources_on(self, on: date) -> tuple[dict[str, Any], ...]:
        """This value's sources in force on ``on``."""
        return _sources_on(list(self.all_sources or self.sources), on)

    def format(self, value: Any = None, space: str = " ") -> str:
        """This value (or ``value``, a figure in this norm's unit) with its unit in Dutch notation."""
        return vocabulary.with_unit(self.value if value is None else value, self.unit, space)

    @property
    def applies(self) -> bool:
        """False for a ``null`` value: the norm no longer applies from ``valid_from``."""
        return self.value is not None


class Norm:
    """One norm of data/: id, description, unit and its dated values."""

    def __init__(self, norm_id: str, compiled_norm: dict[str, Any]):
        self.id = norm_id
        self.description: str = compiled_norm["description"]
        self.unit: str = compiled_norm["unit"]
        self.topic: str = compiled_norm.get("topic", norm_id.split(".", 1)[0])
        self._values: list[dict[str, Any]] = compiled_norm["values"]

    def __repr__(self) -> str:
        return f"Norm({self.id!r})"

    @property
    def first_date(self) -> date:
        """The date of the norm's first value."""
        return date.fromisoformat(self._values[0]["from"])

    def _until(self, position: int) -> date | None:
        if position + 1 >= len(self._values):
            return None
        return date.fromordinal(date.fromisoformat(self._values[position + 1]["from"]).toordinal() - 1)

    def _value(self, position: int, on: date | None) -> NormValue:
        entry = self._values[position]
        all_sources = tuple(dict(source) for source in entry["sources"])
        return NormValue(
            norm_id=self.id,
            description=self.description,
            unit=self.unit,
            value=entry["value"],
            valid_from=date.fromisoformat(entry["from"]),
            certainty=entry["certainty"],
            sources=all_sources if on is None else _sources_on(entry["sources"], on),
            last_checked=entry["last_checked"],
            note=entry.get("note", ""),
            valid_until=self._until(position),
            since=entry.get("since", SINCE_EXACT),
            all_sources=all_sources,
        )

    def index_on(self, on: date) -> int | None:
        """The position in :meth:`history` of the value in force on ``on`` (None before the first)."""
        return index_on(self._values, on)

    def entry_on(self, on: date) -> NormValue | None:
        """The value in force on ``on``, including a ``null`` value; None before the first value."""
        position = self.index_on(on)
        return None if position is None else self._value(position, on)

    def value_on(self, on: date) -> NormValue:
        """The value in force on ``on``, citing the sources in force on ``on``.

        Raises :class:`NormUnavailable` before the first value and where the norm no longer applies.
        """
        chosen = self.entry_on(on)
        if chosen is None or chosen.value is None:
            raise NormUnavailable(self.id, on, self.first_date)
        return chosen

    def history(self) -> tuple[NormValue, ...]:
        """Every dated value, oldest first (``null`` values included), each with all its sources."""
        return tuple(self._value(position, None) for position in range(len(self._values)))

    def sources_on(self, on: date) -> tuple[dict[str, Any], ...]:
        """The sources in force on ``on`` of the value in force on ``on`` (empty before the first value)."""
        position = self.index_on(on)
        if position is None:
            return ()
        return _sources_on(self._values[position]["sources"], on)

    def format(self, value: Any, space: str = " ") -> str:
        """``value`` with this norm's unit in Dutch notation: "640 uur", "1 klokuur", "07.00 uur"."""
        return vocabulary.with_unit(value, self.unit, space)


class Rules:
    """The norms of ``data/``, as compiled to JSON."""

    def __init__(self, compiled: dict[str, Any]):
        self.version: str = compiled.get("version", "")
        self.laws: dict[str, dict[str, Any]] = compiled.get("laws", {})
        self.topics: dict[str, str] = compiled.get("topics", {})
        self.certainties: dict[str, str] = compiled.get("certainties", vocabulary.CERTAINTIES)
        self._norms: dict[str, Norm] = {norm_id: Norm(norm_id, raw) for norm_id, raw in compiled["norms"].items()}

    def has(self, norm_id: str) -> bool:
        return norm_id in self._norms

    def norm(self, norm_id: str) -> Norm:
        """The norm ``norm_id``; raises :class:`NormUnavailable` for an unknown id."""
        try:
            return self._norms[norm_id]
        except KeyError:
            raise NormUnavailable(norm_id) from None

    def ids(self) -> tuple[str, ...]:
        """Every norm id, in the order of data/."""
        return tuple(self._norms)

    def __iter__(self) -> Iterator[Norm]:
        return iter(self._norms.values())

    def __len__(self) -> int:
        return len(self._norms)

    def in_topic(self, topic: str) -> tuple[Norm, ...]:
        """The norms of one topic (one data file), in the order of the file."""
        return tuple(norm for norm in self._norms.values() if norm.topic == topic)

    def get(self, norm_id: str, on: date) -> NormValue:
        """The value of ``norm_id`` in force on ``on`` (the calculators' entry point)."""
        if norm_id not in self._norms:
            raise NormUnavailable(norm_id, on)
        return self._norms[norm_id].value_on(on)

    def value(self, norm_id: str, on: date) -> Any:
        """Only the value of ``norm_id`` on ``on``."""
        return self.get(norm_id, on).value

    def format(self, norm_id: str, on: date, space: str = " ") -> str:
        """The value of ``norm_id`` on ``on`` with its unit: ``"640 uur"``."""
        return self.get(norm_id, on).format(space=space)
