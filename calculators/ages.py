"""Age groups of the Arbeidstijdenwet, from the ages in data/: one place for every calculator.

- ``te_jong``: younger than ``werktijden.minimum_leeftijd_stage`` (ATW art. 3:2 lid 2 onder c:
  a stage as part of education is allowed from that age);
- ``kind``: from that age, younger than ``werktijden.leeftijd_jeugdige_vanaf`` (ATW art. 1:2:
  a kind is younger than 16; the Nadere regeling kinderarbeid applies);
- ``jeugdige``: from that age, younger than ``werktijden.leeftijd_volwassen_vanaf`` (ATW art. 1:1
  lid 3: a jeugdige werknemer is 16 or 17);
- ``volwassene``: from that age on; the extra rules for young workers no longer apply.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .rules import NormValue, Rules

TE_JONG = "te_jong"
KIND = "kind"
JEUGDIGE = "jeugdige"
VOLWASSENE = "volwassene"
GROUPS = (TE_JONG, KIND, JEUGDIGE, VOLWASSENE)

#: The norms that bound the groups, youngest boundary first.
STAGE_AGE = "werktijden.minimum_leeftijd_stage"
YOUTH_AGE = "werktijden.leeftijd_jeugdige_vanaf"
ADULT_AGE = "werktijden.leeftijd_volwassen_vanaf"
NORMS = (STAGE_AGE, YOUTH_AGE, ADULT_AGE)


@dataclass(frozen=True)
class AgeBand:
    """An age group with its bounds: ``lowest <= age < below`` (``below`` None for adults).

    ``norm`` is the boundary norm that puts the age in this group: the lower bound, or for
    ``te_jong`` the stage age the pupil has not reached.
    """

    group: str
    lowest: int | None
    below: int | None
    norm: NormValue


def boundaries(rules: Rules, on: date) -> tuple[NormValue, NormValue, NormValue]:
    """The stage age, the youth age and the adult age in force on ``on``."""
    return rules.get(STAGE_AGE, on), rules.get(YOUTH_AGE, on), rules.get(ADULT_AGE, on)


def age_band(age: int, rules: Rules, on: date) -> AgeBand:
    """The age group of a pupil of ``age`` whole years on ``on``, with its bounds and deciding norm."""
    stage, youth, adult = boundaries(rules, on)
    if age < stage.value:
        return AgeBand(TE_JONG, None, stage.value, stage)
    if age < youth.value:
        return AgeBand(KIND, stage.value, youth.value, stage)
    if age < adult.value:
        return AgeBand(JEUGDIGE, youth.value, adult.value, youth)
    return AgeBand(VOLWASSENE, adult.value, None, adult)


def age_group(age: int, rules: Rules, on: date) -> str:
    """``te_jong``, ``kind``, ``jeugdige`` or ``volwassene`` for a pupil of ``age`` on ``on``."""
    return age_band(age, rules, on).group


def age_on(birth_date: date, on: date) -> int:
    """Age in whole years on ``on``; someone born on 29 February turns a year older on 1 March."""
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years
