"""Stage-uren: the planned internship of an lwt pupil against the legal bounds.

The rule (WVO 2020 art. 2.103; WVO (2015) art. 10b1 lid 1): the buitenschools
praktijkgedeelte of a leer-werktraject comprises at least 640 and at most 1280 klokuren,
counted over leerjaar 3 and 4 together, at a leerbedrijf that SBB has recognised for the
vmbo (any of the ten vmbo profielen). Every school week keeps some education at school.
A pupil under 16 may work at most 7 hours a day, school time included (NRK art. 3:1), so
the planned hours need more stage days than the law's "80 days" of 8 hours.

All numbers come from data/ (``stage.*``, ``leerbedrijven.sbb_codes_vmbo``).
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from typing import Any

from . import dutch
from .inputs import Choice, Field
from .outcome import Outcome
from .rules import Rules

NAME = "stage_uren"
TITLE = "Stage-uren in leerjaar 3 en 4"
#: The norms of data/ this calculator reads (the form lists their descriptions).
NORMS = (
    "leerbedrijven.sbb_codes_vmbo",
    "stage.dagen.minimum",
    "stage.leerjaren",
    "stage.schoolweek_met_onderwijs",
    "stage.uren.maximum",
    "stage.uren.minimum",
    "werktijden.jeugdige.max_uren_per_dienst",
    "werktijden.kind.max_uren_per_dag",
    "werktijden.minimum_leeftijd_stage",
)
INTRO = (
    "Vul per stageperiode in hoeveel weken, dagen per week en uren per dag de leerling stage loopt, "
    "en bij welk leerbedrijf (de SBB-code). De rekenhulp telt de uren die meetellen voor het "
    "leer-werktraject en toetst ze aan de wettelijke onder- en bovengrens."
)

FIELDS = (
    Field(
        "leeftijd", "Leeftijd van de leerling bij de start van de stage", "integer",
        hint="In hele jaren. De leeftijd bepaalt hoeveel uur de leerling per dag mag werken.",
        unit="jaar", minimum=10, maximum=30, default=15,
    ),
    Field(
        "perioden", "Stageperioden", "group", rows=6, min_rows=1,
        hint="Eén rij per periode. Lege rijen tellen niet mee.",
        default=(
            {"leerjaar": "3", "weken": 30, "dagen_per_week": 2, "uren_per_dag": 7, "sbb_code": "19029"},
            {"leerjaar": "4", "weken": 30, "dagen_per_week": 2, "uren_per_dag": 7, "sbb_code": "19029"},
        ),
        fields=(
            Field("leerjaar", "Leerjaar", "choice", choices=tuple(Choice(str(n), f"Leerjaar {n}") for n in (1, 2, 3, 4)), default="3"),
            Field("weken", "Aantal weken", "integer", unit="weken", minimum=1, maximum=52, default=30),
            Field("dagen_per_week", "Stagedagen per week", "number", unit="dagen", minimum=Decimal("0.5"), maximum=7, step="0.5", default=2),
            Field("uren_per_dag", "Uren per stagedag", "number", unit="uur", minimum=Decimal("0.5"), maximum=24, step="0.25", default=7,
                  hint="Klokuren op het leerbedrijf, zonder pauzes."),
            Field("sbb_code", "SBB-code van het leerbedrijf", "text", default="19020",
                  hint="De erkenningscode op Stagemarkt, vijf cijfers, bijvoorbeeld 19029."),
        ),
    ),
)


def _hours(row: dict[str, Any]) -> Decimal:
    return Decimal(row["weken"]) * row["dagen_per_week"] * row["uren_per_dag"]


def calculate(values: dict[str, Any], rules: Rules, on: date, outcome: Outcome) -> None:
    """Check the planned stage periods; see the module docstring for the rules."""
    minimum = rules.get("stage.uren.minimum", on)
    maximum = rules.get("stage.uren.maximum", on)
    years = rules.get("stage.leerjaren", on)
    recognised = rules.get("leerbedrijven.sbb_codes_vmbo", on)
    school_week = rules.get("stage.schoolweek_met_onderwijs", on)
    min_age = rules.get("werktijden.minimum_leeftijd_stage", on)
    age = values["leeftijd"]
    periods = values["perioden"]

    for row in periods:
        code = row["sbb_code"]
        if not (len(code) == 5 and code.isdigit()):
            outcome.error(f"perioden.{row['rij'] - 1}.sbb_code",
                          f"Vul bij ‘SBB-code van het leerbedrijf’ in rij {row['rij']} een code van vijf cijfers in, bijvoorbeeld 19029.")
    if outcome.errors:
        return

    counted = Decimal(0)
    per_year = {str(year): Decimal(0) for year in years.value}
    stage_days = Decimal(0)
    not_counted = Decimal(0)
    for row in periods:
        hours = _hours(row)
        where = f"Periode {row['rij']} (leerjaar {row['leerjaar']}, {dutch.number(hours)} uur)"
        if int(row["leerjaar"]) not in years.value:
            not_counted += hours
            outcome.add(years, "warning",
                        f"{where} ligt buiten leerjaar 3 en 4. Volgens de wettekst tellen alleen stage-uren in "
                        f"leerjaar 3 en 4 mee; de presentatie van SPV (2024) zegt dat een lwt al in leerjaar 1 mag "
                        f"starten. Deze uren zijn niet meegeteld. Vraag bij twijfel na bij SPV of de Inspectie.")
            continue
        if row["sbb_code"] not in recognised.value:
            not_counted += hours
            outcome.add(recognised, "warning",
                        f"{where}: code {row['sbb_code']} is geen vmbo-erkenning van SBB. Alleen stage bij een "
                        f"leerbedrijf met een van de tien vmbo-codes telt mee. Deze uren zijn niet meegeteld; "
                        f"zoek het leerbedrijf op Stagemarkt.")
            continue
        counted += hours
        per_year[row["leerjaar"]] += hours
        stage_days += Decimal(row["weken"]) * row["dagen_per_week"]
        if row["dagen_per_week"] >= 5:
            outcome.add(school_week, "fail",
                        f"{where}: met {dutch.number(row['dagen_per_week'])} stagedagen per week blijft er geen "
                        f"schooldag over. Elke schoolweek in leerjaar 3 en 4 moet ook onderwijs op school bevatten.")

    bounds = f"{dutch.number(minimum.value)} tot en met {dutch.number(maximum.value)} klokuren"
    total = f"{dutch.number(counted)} uur"
    if counted < minimum.value:
        outcome.add(minimum, "fail",
                    f"Er tellen {total} stage mee over leerjaar 3 en 4 samen. Dat is {dutch.number(minimum.value - counted)} uur "
                    f"te weinig: de wet vraagt {bounds}.")
    else:
        outcome.add(minimum, "pass", f"Er tellen {total} stage mee; dat is ten minste de {dutch.number(minimum.value)} klokuren die de wet vraagt.")
    if counted > maximum.value:
        outcome.add(maximum, "fail",
                    f"Er tellen {total} stage mee. Dat is {dutch.number(counted - maximum.value)} uur te veel: "
                    f"de wet staat hoogstens {dutch.number(maximum.value)} klokuren toe over leerjaar 3 en 4 samen.")
    else:
        outcome.add(maximum, "pass", f"Er tellen {total} stage mee; dat is niet meer dan de {dutch.number(maximum.value)} klokuren die de wet toestaat.")

    if age < min_age.value:
        outcome.add(min_age, "fail",
                    f"Een leerling van {age} jaar mag nog geen stage lopen bij een bedrijf: dat mag pas vanaf "
                    f"{min_age.value} jaar.")
    day_norm = rules.get("werktijden.kind.max_uren_per_dag" if age < 16 else "werktijden.jeugdige.max_uren_per_dienst", on) if age < 18 else None
    if day_norm is not None:
        too_long = [row for row in periods if int(row["leerjaar"]) in years.value and row["uren_per_dag"] > day_norm.value]
        for row in too_long:
            outcome.add(day_norm, "fail",
                        f"Periode {row['rij']}: {dutch.number(row['uren_per_dag'])} uur per stagedag is te veel voor een "
                        f"leerling van {age} jaar; die mag hoogstens {dutch.number(day_norm.value)} uur per dag werken, "
                        f"schooltijd op die dag meegerekend.")
        needed = math.ceil(minimum.value / Decimal(day_norm.value))
        days_norm = rules.get("stage.dagen.minimum", on)
        outcome.values["minimaal_aantal_stagedagen"] = needed
        outcome.add(days_norm, "info",
                    f"De wet noemt {dutch.number(minimum.value)} klokuren ‘verzorgd in {dutch.number(days_norm.value)} dagen’, "
                    f"dus dagen van 8 uur. Een leerling van {age} jaar mag hoogstens {dutch.number(day_norm.value)} uur per "
                    f"dag werken en heeft dus ten minste {needed} stagedagen nodig voor {dutch.number(minimum.value)} uur. "
                    f"Gepland zijn {dutch.number(stage_days)} stagedagen die meetellen.")

    outcome.values.update({
        "uren_meetellend": counted,
        "uren_niet_meetellend": not_counted,
        **{f"uren_leerjaar_{year}": hours for year, hours in per_year.items()},
        "stagedagen_meetellend": stage_days,
        "ondergrens_uren": minimum.value,
        "bovengrens_uren": maximum.value,
    })
    if outcome.status == "fail":
        if counted < minimum.value:
            outcome.summary = f"Het stageplan voldoet niet: er tellen {total} mee, {dutch.number(minimum.value - counted)} uur te weinig; de wet vraagt {bounds}."
        elif counted > maximum.value:
            outcome.summary = f"Het stageplan voldoet niet: er tellen {total} mee, {dutch.number(counted - maximum.value)} uur te veel; de wet staat {bounds} toe."
        else:
            outcome.summary = f"Er tellen {total} mee, binnen de grenzen van {bounds}, maar het stageplan voldoet niet aan een andere regel (zie hieronder)."
    elif outcome.status == "warning":
        outcome.summary = f"Er tellen {total} mee, binnen de grenzen van {bounds}; maar let op de punten hieronder."
    else:
        outcome.summary = f"Het stageplan voldoet: er tellen {total} mee, binnen de wettelijke grenzen van {bounds}."
