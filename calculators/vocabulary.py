"""The two vocabularies of data/: certainty labels and units, each defined and validated once.

- :data:`CERTAINTIES`: every certainty label a value in data/ may carry, with the Dutch sentence
  that explains it to a reader (the Bronnen page shows them; the data check allows only these).
- :data:`UNITS`: every unit a norm may have, with its Dutch grammar: the word after the number 1,
  the word after any other number, whether the unit is written at all, and how a value of the
  unit reads in a sentence (:func:`with_unit`). Calculators, page macros, tables and the drift
  check all take their unit words from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import dutch

#: Certainty label -> what it means, in Dutch, for the reader.
CERTAINTIES = {
    "bevestigd": "Bevestigd door een actuele officiële bron.",
    "bevestigd-2015": "Bevestigd door de wettekst van 2014–2015; het huidige artikel is niet nagelezen.",
    "alleen-seed": "Alleen genoemd in de presentatie van 16 september 2024; geen onafhankelijke bron gevonden.",
    "onzeker": "De bronnen zijn onvolledig of dubbelzinnig; dit is een lezing van deze site.",
    "tegenstrijdig": "De bronnen spreken elkaar tegen; deze site kiest niet stilzwijgend.",
    "gecorrigeerd": "De presentatie van 2024 is op dit punt verouderd of onjuist; hier staat de gecorrigeerde regel.",
}

#: Labels that need a note in data/ that explains them.
CERTAINTIES_NEEDING_NOTE = ("onzeker", "tegenstrijdig", "gecorrigeerd")

#: Labels that make a value stand out: the reader should not take it as settled.
DOUBTFUL_CERTAINTIES = ("onzeker", "tegenstrijdig", "gecorrigeerd", "alleen-seed")


@dataclass(frozen=True)
class Unit:
    """One unit of data/ and how a value of it is written in Dutch.

    ``kind`` is ``count`` (a number and a noun: "640 uur", "1 klokuur"), ``percent``
    ("50% verwant"), ``time`` (a clock time "07:00", written "07.00 uur"), ``plain`` (the value
    stands alone: a grade, yes/no, a list, a text; the description says what it is).
    ``before`` is the noun placed before a list of numbers ("leerjaar 3 en 4").
    """

    name: str
    kind: str = "count"
    singular: str = ""
    plural: str = ""
    before: str = ""
    qualifier: str = ""

    def word(self, value: Any) -> str:
        """The unit word after ``value``: singular after exactly 1, else the plural form."""
        if self.kind != "count":
            return ""
        one = not isinstance(value, bool) and isinstance(value, (int, float, Decimal)) and Decimal(str(value)) == 1
        return self.singular if one else self.plural


def _count(name: str, singular: str, plural: str | None = None, before: str = "") -> Unit:
    return Unit(name, "count", singular, plural if plural is not None else name, before)


#: Unit name (as written in data/) -> its grammar. A norm whose unit is not here fails the data check.
UNITS: dict[str, Unit] = {unit.name: unit for unit in (
    _count("uren", "uur", "uur"),            # "7 uur", never "7 uren"
    _count("klokuren", "klokuur"),
    _count("minuten", "minuut"),
    _count("dagen", "dag"),
    _count("weken", "week"),
    _count("jaar", "jaar"),
    _count("kg", "kg"),
    _count("leerjaren", "leerjaar", before="leerjaar"),
    _count("keuzevakken", "keuzevak"),
    _count("profielmodules", "profielmodule"),
    _count("zondagen", "zondag"),
    _count("leerlingen", "leerling"),
    _count("leerbedrijven", "leerbedrijf"),
    _count("scholen", "school"),
    _count("decimalen", "decimaal"),
    Unit("procent", "percent"),
    Unit("procent verwant", "percent", qualifier="verwant"),
    Unit("procent bbl", "percent", qualifier="bbl"),
    Unit("tijd (uu:mm)", "time"),
    Unit("cijfer", "plain"),
    Unit("ja/nee", "plain"),
    Unit("lijst", "plain"),
    Unit("regel", "plain"),
    Unit("leerweg", "plain"),
    Unit("datum", "plain"),
)}


class UnknownVocabulary(ValueError):
    """A unit or certainty label that the vocabulary does not know."""


def unit(name: str) -> Unit:
    """The grammar of unit ``name``; raises :class:`UnknownVocabulary` for an unknown unit."""
    try:
        return UNITS[name]
    except KeyError:
        raise UnknownVocabulary(f"unknown unit {name!r} (known: {', '.join(UNITS)})") from None


def check_certainty(label: str) -> str:
    """``label`` if it is a known certainty label; raises :class:`UnknownVocabulary` otherwise."""
    if label not in CERTAINTIES:
        raise UnknownVocabulary(f"unknown certainty label {label!r} (allowed: {', '.join(CERTAINTIES)})")
    return label


def time_text(value: str) -> str:
    """A clock time from data/ (``"07:00"``) as a Dutch reader writes it: ``"07.00 uur"``."""
    hours, _, minutes = value.partition(":")
    return dutch.time_of_day(int(hours) * 60 + int(minutes or 0))


def with_unit(value: Any, unit_name: str, space: str = " ") -> str:
    """A value of a norm with its unit, in Dutch notation, as plain text.

    ``with_unit(640, "uren")`` -> ``"640 uur"``, ``with_unit(3700, "klokuren")`` -> ``"3.700 klokuren"``,
    ``with_unit(1, "klokuren")`` -> ``"1 klokuur"``, ``with_unit("07:00", "tijd (uu:mm)")`` ->
    ``"07.00 uur"``, ``with_unit([3, 4], "leerjaren")`` -> ``"leerjaar 3 en 4"``,
    ``with_unit(50, "procent verwant")`` -> ``"50% verwant"``. ``space`` goes between number and
    word (a page passes a non-breaking space).
    """
    grammar = unit(unit_name)
    if value is None:
        return "geldt niet meer"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (int, float, Decimal)):
        text = dutch.number(value)
        if grammar.kind == "percent":
            return text + "%" + (f"{space}{grammar.qualifier}" if grammar.qualifier else "")
        word = grammar.word(value)
        return f"{text}{space}{word}" if word else text
    if isinstance(value, str):
        if grammar.kind == "time":
            return time_text(value).replace(" ", space)
        return value
    if isinstance(value, (list, tuple)):
        if grammar.before and value and all(isinstance(item, (int, float)) and not isinstance(item, bool) for item in value):
            return f"{grammar.before}{space}" + dutch.enumeration([dutch.number(item) for item in value])
        return dutch.enumeration([with_unit(item, unit_name, space) for item in value])
    raise UnknownVocabulary(f"a value of type {type(value).__name__} cannot be written in a sentence; use a table")
