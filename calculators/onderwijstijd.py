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
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from . import dutch
from .inputs import Choice, Field
from .outcome import Outcome
from .rules import Rules

NAME = "onderwijstijd"
TITLE = "Onderwijstijd per leerjaar"
#: The norms of data/ this calculator reads (the form lists their descriptions).
NORMS = (
    "onderwijstijd.dagen_per_jaar",
    "onderwijstijd.klokuren_totaal",
    "onderwijstijd.laatste_leerjaar_uitzondering",
    "onderwijstijd.leerjaren",
    "onderwijstijd.maatwerk_leerling",
    "onderwijstijd.stage_telt_mee",
    "stage.leerjaren",
    "stage.uren.maximum",
    "stage.uren.minimum",
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


def calculate(values: dict[str, Any], rules: Rules, on: date, outcome: Outcome) -> None:
    """Check the planned onderwijstijd; see the module docstring for the rules."""
    total_norm = rules.get("onderwijstijd.klokuren_totaal", on)
    years_norm = rules.get("onderwijstijd.leerjaren", on)
    days_norm = rules.get("onderwijstijd.dagen_per_jaar", on)
    final_year = rules.get("onderwijstijd.laatste_leerjaar_uitzondering", on)
    stage_counts = rules.get("onderwijstijd.stage_telt_mee", on)
    maatwerk = rules.get("onderwijstijd.maatwerk_leerling", on)
    stage_years = rules.get("stage.leerjaren", on)
    stage_min = rules.get("stage.uren.minimum", on)
    stage_max = rules.get("stage.uren.maximum", on)
    min_age = rules.get("werktijden.minimum_leeftijd_stage", on)

    count = int(years_norm.value)
    rows = {row["rij"]: row for row in values["leerjaren"]}

    # Cross-field checks: every leerjaar present, and hours that fit in the days.
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
    if outcome.errors:
        return

    years = [rows[year] for year in range(1, count + 1)]
    school = [Decimal(row["uren_school"]) for row in years]
    stage = [Decimal(row["uren_stage"] or 0) for row in years]
    days = [row["onderwijsdagen"] for row in years]
    school_total = sum(school, Decimal(0))
    stage_total = sum(stage, Decimal(0))
    counted_stage = stage_total if stage_counts.value else Decimal(0)
    total = school_total + counted_stage
    norm = Decimal(total_norm.value)

    # 1. The total over the whole course.
    if total >= norm:
        outcome.add(total_norm, "pass",
                    f"Over {count} leerjaren samen zijn {_uur(total)} onderwijstijd gepland ({_uur(school_total)} op school en "
                    f"{_uur(counted_stage)} stage). Dat is ten minste de {dutch.number(norm)} klokuren die de wet vraagt.")
    else:
        outcome.add(total_norm, "fail",
                    f"Over {count} leerjaren samen zijn {_uur(total)} onderwijstijd gepland ({_uur(school_total)} op school en "
                    f"{_uur(counted_stage)} stage). Dat is {_uur(norm - total)} te weinig: de wet vraagt ten minste "
                    f"{dutch.number(norm)} klokuren over de hele opleiding.")
    spread = "; ".join(f"leerjaar {i + 1}: {_uur(school[i] + (stage[i] if stage_counts.value else 0))}" for i in range(count))
    outcome.add(total_norm, "info",
                f"Er geldt geen minimum aantal uren per leerjaar: de school verdeelt de {dutch.number(norm)} klokuren zelf over "
                f"de leerjaren. De verdeling in dit rooster is {spread}.")

    # 2. Stage as onderwijstijd.
    if stage_total > 0:
        if stage_counts.value:
            outcome.add(stage_counts, "info",
                        f"De {_uur(stage_total)} stage tellen mee als onderwijstijd: de stage van het leer-werktraject hoort bij "
                        f"de onderwijstijd van {_leerjaren(stage_years.value)}.")
        else:
            outcome.add(stage_counts, "info", f"De {_uur(stage_total)} stage tellen op deze peildatum niet mee als onderwijstijd.")

    # 3. Stage outside the lwt years: the conflict between the law and the seed.
    early = [i + 1 for i in range(count) if stage[i] > 0 and (i + 1) not in stage_years.value]
    if early:
        early_hours = sum((stage[year - 1] for year in early), Decimal(0))
        without = total - (early_hours if stage_counts.value else 0)
        tail = ""
        if stage_counts.value and without < norm <= total:
            tail = (f" Zonder die uren komt de opleiding op {_uur(without)} en haalt ze de {dutch.number(norm)} klokuren niet; "
                    f"zorg dan dat de stage echt deel is van het verplichte programma.")
        outcome.add(stage_years, "warning",
                    f"In {_leerjaren(early)} is {_uur(early_hours)} stage gepland. De wettekst plaatst de stage van het "
                    f"leer-werktraject in {_leerjaren(stage_years.value)}; de presentatie van SPV (september 2024) zegt dat een "
                    f"leer-werktraject al in leerjaar 1 mag starten met een beperkt onderwijspakket, maar daarvoor is geen bron "
                    f"gevonden. Stage bij een bedrijf mag bovendien pas vanaf {min_age.value} jaar, en de meeste leerlingen in "
                    f"leerjaar 1 en 2 zijn jonger. Deze uren tellen hier mee als onderwijstijd, maar niet voor de "
                    f"{dutch.number(stage_min.value)} tot {dutch.number(stage_max.value)} stage-uren van het leer-werktraject."
                    f"{tail} Vraag bij twijfel na bij SPV of de Inspectie.")

    # 4. Cross-check: the lwt stage hours within their bounds.
    lwt_stage = sum((stage[year - 1] for year in stage_years.value if 1 <= year <= count), Decimal(0))
    bounds = f"{dutch.number(stage_min.value)} tot en met {dutch.number(stage_max.value)} klokuren"
    where = _leerjaren(stage_years.value)
    if lwt_stage < stage_min.value:
        outcome.add(stage_min, "warning",
                    f"In {where} staat {_uur(lwt_stage)} stage. Een leer-werktraject heeft {bounds} stage in {where} samen. "
                    f"Reken het stageplan na met de rekenhulp voor stage-uren.")
    elif lwt_stage > stage_max.value:
        outcome.add(stage_max, "warning",
                    f"In {where} staat {_uur(lwt_stage)} stage. Dat is meer dan de {dutch.number(stage_max.value)} klokuren die "
                    f"een leer-werktraject hoogstens heeft. Reken het stageplan na met de rekenhulp voor stage-uren.")
    else:
        outcome.add(stage_min, "info",
                    f"In {where} staat {_uur(lwt_stage)} stage; dat past binnen de {bounds} van een leer-werktraject. "
                    f"Of het leerbedrijf erkend is, toetst de rekenhulp voor stage-uren.")

    # 5. At least the minimum number of days in every school year, with the final-year exception.
    minimum_days = int(days_norm.value)
    enough = []
    for i in range(count):
        year = i + 1
        if days[i] >= minimum_days:
            enough.append(str(year))
            continue
        if year == count and final_year.value and (values["laatste_leerjaar"] or TOT_EXAMEN) == TOT_EXAMEN:
            outcome.add(final_year, "info",
                        f"Leerjaar {year} heeft {days[i]} onderwijsdagen, minder dan {minimum_days}. Dat mag: in het laatste "
                        f"leerjaar hoeft de school vanaf het begin van het eerste tijdvak van het centraal examen geen onderwijs "
                        f"meer te geven. Tot dat moment moet het onderwijs gewoon doorgaan.")
            continue
        outcome.add(days_norm, "fail",
                    f"Leerjaar {year} heeft {days[i]} onderwijsdagen. Dat is {minimum_days - days[i]} te weinig: in elk "
                    f"schooljaar moet de school op ten minste {minimum_days} dagen onderwijs verzorgen.")
    if enough:
        which = "Leerjaar " + dutch.enumeration(enough)
        verb = "heeft" if len(enough) == 1 else "hebben elk"
        outcome.add(days_norm, "pass", f"{which} {verb} ten minste {minimum_days} onderwijsdagen.")

    # 6. Maatwerk for one pupil.
    if maatwerk.value:
        outcome.add(maatwerk, "info",
                    "Voor een individuele leerling mag de school in diens belang van deze norm afwijken (maatwerk, naar boven "
                    "of naar beneden). Deze rekenhulp toetst het rooster zoals de school het voor de groep programmeert.")

    outcome.values.update({
        "uren_totaal": total,
        "uren_school": school_total,
        "uren_stage": stage_total,
        "uren_stage_lwt": lwt_stage,
        "uren_tekort": max(norm - total, Decimal(0)),
        "norm_klokuren": norm,
        "norm_dagen_per_jaar": minimum_days,
        **{f"uren_leerjaar_{i + 1}": school[i] + (stage[i] if stage_counts.value else 0) for i in range(count)},
        **{f"dagen_leerjaar_{i + 1}": days[i] for i in range(count)},
    })

    status = outcome.status
    if total < norm:
        outcome.summary = (f"De onderwijstijd voldoet niet: over {count} leerjaren zijn {_uur(total)} gepland, "
                           f"{_uur(norm - total)} minder dan de {dutch.number(norm)} klokuren die de wet vraagt.")
    elif status == "fail":
        outcome.summary = (f"De {_uur(total)} over {count} leerjaren halen de norm van {dutch.number(norm)} klokuren, "
                           f"maar niet elk schooljaar heeft genoeg onderwijsdagen (zie hieronder).")
    elif status == "warning":
        outcome.summary = (f"Met {_uur(total)} over {count} leerjaren haalt de opleiding de norm van {dutch.number(norm)} "
                           f"klokuren; let wel op de punten hieronder.")
    else:
        outcome.summary = (f"De onderwijstijd voldoet: {_uur(total)} over {count} leerjaren (de norm is "
                           f"{dutch.number(norm)} klokuren) en genoeg onderwijsdagen in elk schooljaar.")
