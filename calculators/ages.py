"""Ages and age groups from the definitions of the Arbeidstijdenwet in data/, in one place.

A pupil's age on a date is counted in whole years from the birth date; someone born on
29 February turns a year older on 1 March in a year without 29 February. The age group
follows from three norms: ``werktijden.minimum_leeftijd_stage`` (stage allowed from),
``werktijden.leeftijd_jeugdige_vanaf`` (no longer a "kind", ATW art. 1:2) and
``werktijden.leeftijd_volwassen_vanaf`` (no longer a "jeugdige", ATW art. 1:1 lid 3).
"""

from __future__ import annotations

from datetime import date

from .rules import Rules

#: The groups, youngest first.
GROUPS = ("te_jong", "kind", "jeugdige", "volwassene")


def age_on(birth_date: date, on: date) -> int:
    """Whole years of age on ``on``."""
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def age_group(age: int, rules: Rules, on: date) -> str:
    """``te_jong``, ``kind``, ``jeugdige`` or ``volwassene`` for ``age`` under the norms in force on ``on``."""
    if age < rules.value("werktijden.minimum_leeftijd_stage", on):
        return "te_jong"
    if age < rules.value("werktijden.leeftijd_jeugdige_vanaf", on):
        return "kind"
    if age < rules.value("werktijden.leeftijd_volwassen_vanaf", on):
        return "jeugdige"
    return "volwassene"
