"""Stage-uren: the planned internship of an lwt pupil against the legal bounds.

The rule (WVO 2020 art. 2.103; WVO (2015) art. 10b1 lid 1): the buitenschools
praktijkgedeelte of a leer-werktraject comprises at least ``stage.uren.minimum`` and at most
``stage.uren.maximum`` klokuren, counted over the leerjaren of ``stage.leerjaren`` together, at
a leerbedrijf that SBB has recognised for the vmbo (leerbedrijf.py). Every school week keeps
some education at school. A pupil under 16 may work at most a few hours a day, school time
included (NRK art. 3:1), so the planned hours need more stage days than the law's "80 days".

Wording: stage_uren_nl.py.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from typing import Any

from . import ages, dutch, leerbedrijf
from .fields import NOT_RECOGNISED, SBB_CODE, age_field, not_recognised_field, sbb_code_error, sbb_code_field
from .inputs import Choice, Field
from .outcome import Outcome, Verdict, verdict
from .rules import NormValue, Rules
from .stage_uren_nl import FINDINGS, SUMMARIES

NAME = "stage_uren"
TITLE = "Stage-uren in het leer-werktraject"
NORMS = (
    "stage.uren.minimum",
    "stage.uren.maximum",
    "stage.leerjaren",
    "stage.schoolweek_met_onderwijs",
    "stage.dagen.minimum",
    "werktijden.kind.max_uren_per_dag",
    "werktijden.jeugdige.max_uren_per_dienst",
    *ages.NORMS,
    *leerbedrijf.NORMS,
)
INTRO = (
    "Vul per stageperiode in hoeveel weken, dagen per week en uren per dag de leerling stage loopt, "
    "en bij welk leerbedrijf (de SBB-code). De rekenhulp telt de uren die meetellen voor het "
    "leer-werktraject en toetst ze aan de wettelijke onder- en bovengrens."
)

FIELDS = (
    age_field("Leeftijd van de leerling bij de start van de stage",
              "In hele jaren. De leeftijd bepaalt hoeveel uur de leerling per dag mag werken."),
    Field(
        "perioden", "Stageperioden", "group", rows=6, min_rows=1,
        hint="Eén rij per periode. Lege rijen tellen niet mee.",
        default=(
            {"leerjaar": "3", "weken": 30, "dagen_per_week": 2, "uren_per_dag": 7, SBB_CODE: "19029"},
            {"leerjaar": "4", "weken": 30, "dagen_per_week": 2, "uren_per_dag": 7, SBB_CODE: "19029"},
        ),
        fields=(
            Field("leerjaar", "Leerjaar", "choice", choices=tuple(Choice(str(n), f"Leerjaar {n}") for n in (1, 2, 3, 4)), default="3"),
            Field("weken", "Aantal weken", "integer", unit="weken", minimum=1, maximum=52, default=30),
            Field("dagen_per_week", "Stagedagen per week", "number", unit="dagen", minimum=Decimal("0.5"), maximum=7, step="0.5", default=2),
            Field("uren_per_dag", "Uren per stagedag", "number", unit="uur", minimum=Decimal("0.5"), maximum=24, step="0.25", default=7,
                  hint="Klokuren op het leerbedrijf, zonder pauzes."),
            sbb_code_field("19020"),
            not_recognised_field(),
        ),
    ),
)


# --- the checks, one per rule ---------------------------------------------------------------


def period_in_lwt_years(row: dict[str, Any], years: NormValue) -> Verdict | None:
    """Stage counts only in the leerjaren of the lwt (WVO (2015) 10b1 lid 1); earlier stage warns (disputed)."""
    if int(row["leerjaar"]) in years.value:
        return None
    return verdict(years, "warning", "outside_years", where=row["waar"], years=years.format())


def school_week_keeps_school(row: dict[str, Any], rule: NormValue) -> Verdict | None:
    """Every school week in the lwt years holds education at school: the stage may not fill every school day."""
    if not rule.value or row["dagen_per_week"] < len(dutch.SCHOOL_DAYS):
        return None
    return verdict(rule, "fail", "no_school_day", where=row["waar"], days=row["dagen_per_week"], years=row["jaren"])


def at_least_minimum(counted: Decimal, minimum: NormValue, maximum: NormValue, years: NormValue) -> Verdict:
    """At least the minimum number of klokuren over the lwt years together."""
    if counted < minimum.value:
        return verdict(minimum, "fail", "too_few", counted=counted, short=minimum.value - counted,
                       minimum=minimum.value, maximum=maximum.value, years=years.format())
    return verdict(minimum, "pass", "enough", counted=counted, minimum=minimum.value)


def at_most_maximum(counted: Decimal, maximum: NormValue, years: NormValue) -> Verdict:
    """At most the maximum number of klokuren over the lwt years together."""
    if counted > maximum.value:
        return verdict(maximum, "fail", "too_many", counted=counted, over=counted - maximum.value,
                       maximum=maximum.value, years=years.format())
    return verdict(maximum, "pass", "not_too_many", counted=counted, maximum=maximum.value)


def old_enough(age: int, band: ages.AgeBand) -> Verdict | None:
    """A stage at a company is allowed from the stage age (ATW art. 3:2 lid 2 onder c)."""
    if band.group != ages.TE_JONG:
        return None
    return verdict(band.norm, "fail", "too_young", age=age, from_age=band.below)


def day_limit(band: ages.AgeBand, rules: Rules, on: date) -> NormValue | None:
    """The most hours a day the pupil may work: NRK 3:1 under 16, ATW 5:3 at 16 and 17, none from 18."""
    if band.group in (ages.TE_JONG, ages.KIND):
        return rules.get("werktijden.kind.max_uren_per_dag", on)
    if band.group == ages.JEUGDIGE:
        return rules.get("werktijden.jeugdige.max_uren_per_dienst", on)
    return None


def day_within_limit(row: dict[str, Any], age: int, limit: NormValue) -> Verdict | None:
    """The hours of one stage day stay within the day limit of the pupil's age."""
    if row["uren_per_dag"] <= limit.value:
        return None
    return verdict(limit, "fail", "day_too_long", row=row["rij"], hours=row["uren_per_dag"], age=age, limit=limit.value)


def days_needed(minimum: NormValue, limit: NormValue, days: NormValue, age: int, planned: Decimal) -> Verdict:
    """Information: the law's "80 days" are days of 8 hours; at the pupil's day limit more days are needed."""
    needed = math.ceil(minimum.value / Decimal(limit.value))
    return verdict(days, "info", "days_needed", minimum=minimum.value, days=days.value, age=age,
                   limit=limit.value, needed=needed, planned=planned)


# --- the calculation --------------------------------------------------------------------------


def _read_periods(periods: list[dict[str, Any]], outcome: Outcome) -> None:
    for row in periods:
        problem = sbb_code_error(row[SBB_CODE], row[NOT_RECOGNISED])
        if problem:
            outcome.error(f"perioden.{row['rij'] - 1}.{SBB_CODE}", f"Rij {row['rij']}: {dutch.lower_first(problem)}")
        row["uren"] = Decimal(row["weken"]) * row["dagen_per_week"] * row["uren_per_dag"]
        row["waar"] = f"periode {row['rij']}, leerjaar {row['leerjaar']}, {dutch.number(row['uren'])} uur"


def calculate(values: dict[str, Any], rules: Rules, on: date, outcome: Outcome) -> None:
    """Check the planned stage periods; see the module docstring for the rules."""
    minimum = rules.get("stage.uren.minimum", on)
    maximum = rules.get("stage.uren.maximum", on)
    years = rules.get("stage.leerjaren", on)
    school_week = rules.get("stage.schoolweek_met_onderwijs", on)
    age = values["leeftijd"]
    band = ages.age_band(age, rules, on)
    periods = values["perioden"]
    _read_periods(periods, outcome)
    if outcome.errors:
        return

    counted = not_counted = stage_days = Decimal(0)
    per_year = {str(year): Decimal(0) for year in years.value}
    for row in periods:
        row["jaren"] = years.format()
        outside = period_in_lwt_years(row, years)
        company = leerbedrijf.company_can_host_lwt_stage(row[SBB_CODE], row[NOT_RECOGNISED], rules, on, f" ({row['waar']})")
        if outside or company.status != "pass":
            outcome.record(outside, FINDINGS)
            if not outside:
                outcome.record(company, leerbedrijf.FINDINGS)
            not_counted += row["uren"]
            continue
        counted += row["uren"]
        per_year[row["leerjaar"]] += row["uren"]
        stage_days += Decimal(row["weken"]) * row["dagen_per_week"]
        outcome.record(school_week_keeps_school(row, school_week), FINDINGS)

    outcome.record(at_least_minimum(counted, minimum, maximum, years), FINDINGS)
    outcome.record(at_most_maximum(counted, maximum, years), FINDINGS)
    outcome.record(old_enough(age, band), FINDINGS)
    limit = day_limit(band, rules, on)
    if limit is not None:
        for row in periods:
            if int(row["leerjaar"]) in years.value:
                outcome.record(day_within_limit(row, age, limit), FINDINGS)
        found = days_needed(minimum, limit, rules.get("stage.dagen.minimum", on), age, stage_days)
        outcome.values["minimaal_aantal_stagedagen"] = found.params["needed"]
        outcome.record(found, FINDINGS)

    outcome.values.update({
        "uren_meetellend": counted,
        "uren_niet_meetellend": not_counted,
        **{f"uren_leerjaar_{year}": hours for year, hours in per_year.items()},
        "stagedagen_meetellend": stage_days,
        "ondergrens_uren": minimum.value,
        "bovengrens_uren": maximum.value,
    })
    key = outcome.status
    if key == "fail":
        key = "fail_too_few" if counted < minimum.value else "fail_too_many" if counted > maximum.value else "fail_other"
    outcome.summarize(SUMMARIES, key, counted=counted, minimum=minimum.value, maximum=maximum.value,
                      short=minimum.value - counted, over=counted - maximum.value, years=years.format())
