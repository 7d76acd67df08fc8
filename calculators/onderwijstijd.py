"""Onderwijstijd: the planned education time of a vmbo course, leerjaar by leerjaar.

The rules (WVO (2015) art. 6g lid 4 and art. 6g1, carried over into the WVO 2020; Voion,
"Wettelijk kader onderwijstijd"): the vmbo course of four leerjaren comprises at least 3700
klokuren in total. There is no minimum per leerjaar; the school spreads the hours itself, as
long as it provides education on at least 189 days in every school year. In the last leerjaar
no education is needed from the start of the first tijdvak of the centraal examen, so that
year may have fewer days. The stage of a leer-werktraject is part of "de gezamenlijke
onderwijstijd van het derde en vierde leerjaar" (WVO (2015) art. 10b1 lid 1), so stage hours
count. A school may deviate for an individual pupil in the pupil's interest (maatwerk).

Stage hours planned in leerjaar 1 or 2 give a warning: the law places the lwt stage in
leerjaar 3 and 4, while the SPV presentation of September 2024 says an lwt may start in
leerjaar 1 (``stage.leerjaren``, certainty "tegenstrijdig"). Those hours are counted as
onderwijstijd here (a school can make them part of its compulsory programme), and the warning
says whether the total would still reach the norm without them.

The stage hours of leerjaar 3 and 4 are compared with the stage bounds (``stage.uren.*``) as a
cross-check only: a warning, not a failure, because the calculator "stage_uren" judges the
stage itself (including the leerbedrijf's erkenning), and this one judges onderwijstijd.

All numbers come from data/ (``onderwijstijd.*``, ``stage.*``, ``werktijden.minimum_leeftijd_stage``).
Wording: onderwijstijd_nl.py.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from . import dutch
from .inputs import Choice, Field
from .onderwijstijd_nl import FINDINGS, SUMMARIES
from .outcome import Outcome, Verdict, verdict
from .rules import NormValue, Rules

NAME = "onderwijstijd"
TITLE = "Onderwijstijd per leerjaar"
NORMS = (
    "onderwijstijd.klokuren_totaal",
    "onderwijstijd.leerjaren",
    "onderwijstijd.dagen_per_jaar",
    "onderwijstijd.laatste_leerjaar_uitzondering",
    "onderwijstijd.stage_telt_mee",
    "onderwijstijd.maatwerk_leerling",
    "stage.leerjaren",
    "stage.uren.minimum",
    "stage.uren.maximum",
    "werktijden.minimum_leeftijd_stage",
)
INTRO = (
    "Vul per leerjaar in hoeveel klokuren onderwijs op school en hoeveel uren stage er gepland zijn, "
    "en op hoeveel dagen de leerling onderwijs krijgt. De rekenhulp telt de uren over de hele "
    "opleiding op (stage telt mee als onderwijstijd), toetst het totaal aan de wettelijke norm en "
    "kijkt of elk schooljaar genoeg onderwijsdagen heeft."
)

#: Values of the ``laatste_leerjaar`` choice.
TOT_EXAMEN = "tot_examen"
HEEL_JAAR = "heel_jaar"

FIELDS = (
    Field(
        "leerjaren", "Onderwijstijd per leerjaar", "group", rows=4, min_rows=1,
        hint=(
            "Rij 1 is leerjaar 1, rij 4 is leerjaar 4 (het examenjaar). Vul alle vier leerjaren in. "
            "Uren zijn klokuren van 60 minuten zoals de school ze programmeert."
        ),
        default=(
            {"uren_school": 1000, "uren_stage": 0, "onderwijsdagen": 190},
            {"uren_school": 1000, "uren_stage": 0, "onderwijsdagen": 190},
            {"uren_school": 620, "uren_stage": 320, "onderwijsdagen": 190},
            {"uren_school": 520, "uren_stage": 360, "onderwijsdagen": 165},
        ),
        fields=(
            Field("uren_school", "Uren onderwijs op school", "number", unit="klokuren", minimum=0, maximum=2000, step="1",
                  hint="Geprogrammeerde klokuren op school in dat leerjaar, zonder stage."),
            Field("uren_stage", "Uren stage", "number", unit="klokuren", required=False, minimum=0, maximum=2000, step="1",
                  hint="Klokuren stage bij het leerbedrijf in dat leerjaar. Leeg betekent geen stage."),
            Field("onderwijsdagen", "Onderwijsdagen", "integer", unit="dagen", minimum=0, maximum=366,
                  hint="Dagen in dat schooljaar waarop de leerling onderwijs krijgt, op school of op stage."),
        ),
    ),
    Field(
        "laatste_leerjaar", "Onderwijs in leerjaar 4", "choice", required=False,
        hint=(
            "In het examenjaar hoeft de school vanaf het begin van het eerste tijdvak van het centraal "
            "examen geen onderwijs meer te geven. Kies wat voor dit rooster geldt; leeg betekent: tot het examen."
        ),
        choices=(
            Choice(TOT_EXAMEN, "Loopt tot het begin van het eerste tijdvak van het centraal examen"),
            Choice(HEEL_JAAR, "Loopt het hele schooljaar door"),
        ),
        default=TOT_EXAMEN,
    ),
)


def _uur(hours: Decimal) -> str:
    return f"{dutch.number(hours)} uur"


def _leerjaren(years) -> str:
    """``[3, 4]`` -> ``"leerjaar 3 en 4"``."""
    return "leerjaar " + dutch.enumeration([str(year) for year in years])


# --- the checks, one per rule ---------------------------------------------------------------


def total_hours(total: Decimal, school: Decimal, stage: Decimal, count: int, norm: NormValue) -> Verdict:
    """At least the total klokuren over the whole course (WVO (2015) art. 6g lid 4)."""
    status = "pass" if total >= norm.value else "fail"
    return verdict(norm, status, f"total_{status}", count=count, total=_uur(total), school=_uur(school), stage=_uur(stage),
                   short=_uur(norm.value - total), norm=norm.value)


def no_minimum_per_year(per_year: list[Decimal], norm: NormValue) -> Verdict:
    """Information: the school spreads the hours over the years itself."""
    spread = "; ".join(f"leerjaar {i + 1}: {_uur(hours)}" for i, hours in enumerate(per_year))
    return verdict(norm, "info", "spread", norm=norm.value, spread=spread)


def stage_is_education(stage: Decimal, counts: NormValue, years: NormValue) -> Verdict | None:
    """Information: the lwt stage is part of the onderwijstijd of its years (WVO (2015) art. 10b1 lid 1)."""
    if stage <= 0:
        return None
    return verdict(counts, "info", "stage_counts" if counts.value else "stage_not_counted", stage=_uur(stage),
                   years=_leerjaren(years.value))


def stage_in_lwt_years(stage: list[Decimal], years: NormValue, counts: bool, total: Decimal, norm: NormValue,
                       low: NormValue, high: NormValue, min_age: NormValue) -> Verdict | None:
    """Stage outside the lwt years warns: the law and the SPV slides disagree (``stage.leerjaren``)."""
    early = [i + 1 for i, hours in enumerate(stage) if hours > 0 and (i + 1) not in years.value]
    if not early:
        return None
    hours = sum((stage[year - 1] for year in early), Decimal(0))
    without = total - (hours if counts else 0)
    short = counts and without < norm.value <= total
    return verdict(years, "warning", "early_stage_short" if short else "early_stage", early=_leerjaren(early),
                   hours=_uur(hours), years=_leerjaren(years.value), min_age=min_age.value, low=low.value,
                   high=high.value, without=_uur(without), norm=norm.value)


def lwt_stage_within_bounds(hours: Decimal, years: NormValue, low: NormValue, high: NormValue) -> Verdict:
    """Cross-check only: the stage hours of the lwt years within the stage bounds (stage_uren judges them)."""
    numbers = dict(where=_leerjaren(years.value), hours=_uur(hours), low=low.value, high=high.value)
    if hours < low.value:
        return verdict(low, "warning", "lwt_stage_low", **numbers)
    if hours > high.value:
        return verdict(high, "warning", "lwt_stage_high", **numbers)
    return verdict(low, "info", "lwt_stage_ok", **numbers)


def days_per_year(days: list[int], norm: NormValue, final: NormValue, until_exam: bool) -> list[Verdict]:
    """At least the minimum onderwijsdagen in every school year; the last year may stop at the exam."""
    minimum, found, enough = int(norm.value), [], []
    for i, number in enumerate(days):
        year = i + 1
        if number >= minimum:
            enough.append(year)
        elif year == len(days) and final.value and until_exam:
            found.append(verdict(final, "info", "final_year_fewer_days", year=year, days=number, minimum=minimum))
        else:
            found.append(verdict(norm, "fail", "days_too_few", year=year, days=number, short=minimum - number, minimum=minimum))
    if enough:
        found.append(verdict(norm, "pass", "days_ok_one" if len(enough) == 1 else "days_ok", years=enough, minimum=minimum))
    return found


# --- the calculation --------------------------------------------------------------------------


def _check_input(rows: dict[int, dict[str, Any]], count: int, outcome: Outcome) -> None:
    """Every leerjaar present, and hours that fit in the days."""
    for year in range(1, count + 1):
        if year not in rows:
            outcome.error(f"leerjaren.{year - 1}.uren_school",
                          f"Vul de uren en onderwijsdagen van leerjaar {year} in: de onderwijstijd telt over alle {count} leerjaren samen.")
    for year, row in rows.items():
        if year > count:
            outcome.error(f"leerjaren.{year - 1}.uren_school", f"De opleiding heeft {count} leerjaren; laat rij {year} leeg.")
            continue
        hours = row["uren_school"] + (row["uren_stage"] or 0)
        if hours > 0 and row["onderwijsdagen"] == 0:
            outcome.error(f"leerjaren.{year - 1}.onderwijsdagen",
                          f"Leerjaar {year} heeft {_uur(hours)} onderwijs maar geen onderwijsdagen. Vul het aantal dagen in.")
        elif hours > row["onderwijsdagen"] * 24:
            outcome.error(f"leerjaren.{year - 1}.uren_school",
                          f"In leerjaar {year} passen {_uur(hours)} niet in {row['onderwijsdagen']} dagen. Kijk de uren en de dagen na.")


def calculate(values: dict[str, Any], rules: Rules, on: date, outcome: Outcome) -> None:
    """Check the planned onderwijstijd; see the module docstring for the rules."""
    get = lambda norm_id: rules.get(norm_id, on)  # noqa: E731
    total_norm, days_norm = get("onderwijstijd.klokuren_totaal"), get("onderwijstijd.dagen_per_jaar")
    stage_counts, stage_years = get("onderwijstijd.stage_telt_mee"), get("stage.leerjaren")
    stage_min, stage_max = get("stage.uren.minimum"), get("stage.uren.maximum")
    count = int(get("onderwijstijd.leerjaren").value)
    rows = {row["rij"]: row for row in values["leerjaren"]}
    _check_input(rows, count, outcome)
    if outcome.errors:
        return

    years = [rows[year] for year in range(1, count + 1)]
    school = [Decimal(row["uren_school"]) for row in years]
    stage = [Decimal(row["uren_stage"] or 0) for row in years]
    days = [row["onderwijsdagen"] for row in years]
    school_total, stage_total = sum(school, Decimal(0)), sum(stage, Decimal(0))
    counted_stage = stage_total if stage_counts.value else Decimal(0)
    total = school_total + counted_stage
    per_year = [school[i] + (stage[i] if stage_counts.value else 0) for i in range(count)]
    lwt_stage = sum((stage[year - 1] for year in stage_years.value if 1 <= year <= count), Decimal(0))

    for found in (
        total_hours(total, school_total, counted_stage, count, total_norm),
        no_minimum_per_year(per_year, total_norm),
        stage_is_education(stage_total, stage_counts, stage_years),
        stage_in_lwt_years(stage, stage_years, stage_counts.value, total, total_norm, stage_min, stage_max,
                           get("werktijden.minimum_leeftijd_stage")),
        lwt_stage_within_bounds(lwt_stage, stage_years, stage_min, stage_max),
        *days_per_year(days, days_norm, get("onderwijstijd.laatste_leerjaar_uitzondering"),
                       (values["laatste_leerjaar"] or TOT_EXAMEN) == TOT_EXAMEN),
    ):
        outcome.record(found, FINDINGS)
    maatwerk = get("onderwijstijd.maatwerk_leerling")
    if maatwerk.value:
        outcome.record(verdict(maatwerk, "info", "maatwerk"), FINDINGS)

    norm = Decimal(total_norm.value)
    outcome.values.update({
        "uren_totaal": total,
        "uren_school": school_total,
        "uren_stage": stage_total,
        "uren_stage_lwt": lwt_stage,
        "uren_tekort": max(norm - total, Decimal(0)),
        "norm_klokuren": norm,
        "norm_dagen_per_jaar": int(days_norm.value),
        **{f"uren_leerjaar_{i + 1}": per_year[i] for i in range(count)},
        **{f"dagen_leerjaar_{i + 1}": days[i] for i in range(count)},
    })
    key = "fail_total" if total < norm else outcome.status
    outcome.summarize(SUMMARIES, key, total=_uur(total), count=count, short=_uur(norm - total), norm=norm)
