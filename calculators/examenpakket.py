"""Examenpakket: the leerweg, subjects and (optionally) final grades of an lwt pupil.

The rules:

* A leer-werktraject is a route within the basisberoepsgerichte leerweg only (WVO 2020
  art. 2.103; WVO (2015) art. 10b1 lid 1); it cannot be offered in kb, gl or tl.
* The pupil takes at least Nederlandse taal (centraal examen and schoolexamen) and the
  beroepsgerichte programma: the profielvak and at least four beroepsgerichte keuzevakken
  (WVO (2015) art. 10b1 lid 2; SLO). Keuzevakken may come from any profile, but at most two
  profielmodules of one other profile count as keuzevakken (SLO). LO, the kunstvakken and
  maatschappijleer are not required; subjects the school adds are extra and do not count
  for the result.
* Rekenen: from school year 2020-2021 a pupil without an eindexamen wiskunde takes the
  schoolexamen rekenen (UB WVO 2020 art. 10.3; Stb. 2020, 253); its grade does not count.
  Before that every pupil took the centrale rekentoets (Eindexamenbesluit art. 22 lid 3).
* Pass rule (UB WVO 2020 art. 3.35 lid 6): the pupil passes when the eindcijfer for
  Nederlandse taal, the eindcijfer for the profielvak and the combinatiecijfer of the
  keuzevakken are each at least 6. The CE-eis does not apply. The combinatiecijfer is the
  average of the keuzevak eindcijfers, rounded to a whole number (uncertain for the vmbo:
  a warning when the rounding decides the result). Platforms VMBO adds that no keuzevak may
  be below 4; the lid-6 text does not say so, so this gives a warning, never a fail.

Every number, list and text of the rules comes from data/ (``examen.*``,
``leerbedrijven.profielen``).
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from . import dutch
from .inputs import Choice, Field
from .outcome import Outcome
from .rules import Rules

NAME = "examenpakket"
TITLE = "Examenpakket en uitslag van een lwt-leerling"
#: The norms of data/ this calculator reads (the form lists their descriptions).
NORMS = (
    "examen.ce_eis",
    "examen.combinatiecijfer_afronding",
    "examen.keuzevak_minimum",
    "examen.leerweg_lwt",
    "examen.leerwegen",
    "examen.max_profielmodules_ander_profiel",
    "examen.min_keuzevakken",
    "examen.niet_verplicht",
    "examen.onderdelen",
    "examen.rekenen",
    "examen.uitslag.combinatiecijfer_minimum",
    "examen.uitslag.nederlands_minimum",
    "examen.uitslag.profielvak_minimum",
    "leerbedrijven.profielen",
)
INTRO = (
    "Vul de leerweg, het profiel en de vakken van de leerling in, en als u die hebt de eindcijfers. "
    "De rekenhulp controleert of het pakket past bij een leer-werktraject (Nederlands, het profielvak, "
    "ten minste vier keuzevakken en rekenen) en, met cijfers, of de leerling volgens de uitslagregel "
    "voor het leer-werktraject geslaagd is."
)

_GRADE = dict(minimum=1, maximum=10, step="0.1", unit="")
_DEFAULT_KEUZEVAKKEN = [
    {"naam": "Haarverzorging", "profiel": "ZW", "soort": "keuzevak", "eindcijfer": 6},
    {"naam": "Wonen en huishouden", "profiel": "ZW", "soort": "keuzevak", "eindcijfer": 7},
    {"naam": "Voorkomen van ongevallen en EHBO", "profiel": "ZW", "soort": "keuzevak", "eindcijfer": 6},
    {"naam": "Ondernemen", "profiel": "EO", "soort": "keuzevak", "eindcijfer": 7},
]

FIELDS = (
    Field("leerweg", "Leerweg van de leerling", "choice", choices_norm="examen.leerwegen", default="bb"),
    Field("profiel", "Profiel van de leerling", "choice", choices_norm="leerbedrijven.profielen", default="ZW",
          hint="Het profiel waarvan de leerling het profielvak doet."),
    Field("onderdelen", "Het examen omvat", "multichoice", choices_norm="examen.onderdelen", required=False,
          default=["nederlands-ce", "nederlands-se", "profielvak"],
          hint="Vink aan wat in het examen van de leerling zit."),
    Field(
        "keuzevakken", "Beroepsgerichte keuzevakken", "group", rows=8, min_rows=0,
        default=_DEFAULT_KEUZEVAKKEN,
        hint="Eén rij per keuzevak. Een profielmodule van een ander profiel die als keuzevak telt, geeft u op als ‘profielmodule’. Lege rijen tellen niet mee.",
        fields=(
            Field("naam", "Naam", "text", required=False),
            Field("profiel", "Profiel waar het vak bij hoort", "choice", choices_norm="leerbedrijven.profielen", required=False),
            Field("soort", "Soort", "choice", default="keuzevak", choices=(
                Choice("keuzevak", "Keuzevak"),
                Choice("profielmodule", "Profielmodule van een ander profiel"),
            )),
            Field("eindcijfer", "Eindcijfer", "number", required=False, **_GRADE),
        ),
    ),
    Field("cijfer_nederlands", "Eindcijfer Nederlandse taal", "number", required=False, default=6, **_GRADE,
          hint="Laat alle cijfers leeg om alleen het pakket te controleren. Gebruik een komma voor decimalen, bijvoorbeeld 6,4."),
    Field("cijfer_profielvak", "Eindcijfer profielvak", "number", required=False, default=7, **_GRADE),
    Field("rekenen", "Doet de leerling het schoolexamen rekenen (vóór schooljaar 2020-2021: de rekentoets)?", "choice",
          default="ja", choices=(Choice("ja", "Ja"), Choice("nee", "Nee"))),
    Field("wiskunde", "De leerling doet ook examen in wiskunde (als extra vak)", "boolean", default=False),
    Field("extra_vakken", "De leerling volgt ook", "multichoice", choices_norm="examen.niet_verplicht", required=False,
          default=[], hint="Vakken die niet verplicht zijn in het leer-werktraject."),
)


def _grade(value: Decimal) -> str:
    return dutch.number(value, 2)


def _check_input(values: dict[str, Any], outcome: Outcome) -> bool:
    """Cross-field checks; returns whether grades were given (all of them)."""
    rows = values["keuzevakken"]
    for row in rows:
        if row["soort"] == "profielmodule" and row["profiel"] is None:
            outcome.error(f"keuzevakken.{row['rij'] - 1}.profiel",
                          f"Kies in rij {row['rij']} bij welk profiel de profielmodule hoort; dat is nodig om te tellen "
                          f"hoeveel modules van één ander profiel de leerling heeft.")
    grades = [values["cijfer_nederlands"], values["cijfer_profielvak"]] + [row["eindcijfer"] for row in rows]
    if all(grade is None for grade in grades):
        return False
    hint = "Vul ook dit eindcijfer in, of laat alle cijfers leeg om alleen het pakket te controleren."
    if values["cijfer_nederlands"] is None:
        outcome.error("cijfer_nederlands", f"{hint} (Eindcijfer Nederlandse taal)")
    if values["cijfer_profielvak"] is None:
        outcome.error("cijfer_profielvak", f"{hint} (Eindcijfer profielvak)")
    for row in rows:
        if row["eindcijfer"] is None:
            outcome.error(f"keuzevakken.{row['rij'] - 1}.eindcijfer", f"{hint} (keuzevak in rij {row['rij']})")
    return True


def _row_name(row: dict[str, Any]) -> str:
    return f"‘{row['naam']}’ (rij {row['rij']})" if row["naam"] else f"het keuzevak in rij {row['rij']}"


def calculate(values: dict[str, Any], rules: Rules, on: date, outcome: Outcome) -> None:
    """Check the package, rekenen and, with grades, the lwt pass rule; see the module docstring."""
    graded = _check_input(values, outcome)
    if outcome.errors:
        return

    leerwegen = rules.get("examen.leerwegen", on)
    lwt_leerweg = rules.get("examen.leerweg_lwt", on)
    profielen = rules.get("leerbedrijven.profielen", on).value
    own = values["profiel"]
    own_name = profielen[own]

    # Leerweg.
    chosen = values["leerweg"]
    if chosen == lwt_leerweg.value:
        outcome.add(lwt_leerweg, "pass", f"De leerling zit in de {dutch.lower_first(leerwegen.value[chosen])}: daarin mag een leer-werktraject.")
    else:
        outcome.add(lwt_leerweg, "fail",
                    f"De leerling zit in de {dutch.lower_first(leerwegen.value[chosen])}. Een leer-werktraject mag alleen in de "
                    f"{dutch.lower_first(leerwegen.value[lwt_leerweg.value])}; in een andere leerweg kan deze leerling geen lwt-examen doen.")

    # Required components: Nederlands (CE and SE) and the profielvak.
    onderdelen = rules.get("examen.onderdelen", on)
    missing = [label for key, label in sorted(onderdelen.value.items()) if key not in values["onderdelen"]]
    if missing:
        for label in missing:
            outcome.add(onderdelen, "fail", f"Ontbreekt in het examen: {label}. Dat is verplicht in het leer-werktraject.")
    else:
        outcome.add(onderdelen, "pass",
                    f"Het examen omvat Nederlandse taal (centraal examen en schoolexamen) en het profielvak {own_name}.")

    # Keuzevakken: at least the minimum, from any profile, at most N modules of one other profile.
    rows = values["keuzevakken"]
    own_modules = [row for row in rows if row["soort"] == "profielmodule" and row["profiel"] == own]
    counted = [row for row in rows if row not in own_modules]
    max_modules = rules.get("examen.max_profielmodules_ander_profiel", on)
    for row in own_modules:
        outcome.add(max_modules, "warning",
                    f"{dutch.upper_first(_row_name(row))} is een profielmodule van het eigen profiel {own_name}. Die hoort al bij "
                    f"het profielvak en telt daarom niet als keuzevak; deze rekenhulp telt haar niet mee.")
    min_keuze = rules.get("examen.min_keuzevakken", on)
    count = len(counted)
    if count >= min_keuze.value:
        outcome.add(min_keuze, "pass",
                    f"De leerling heeft {count} beroepsgerichte keuzevakken; dat zijn er ten minste {min_keuze.value}. "
                    f"Keuzevakken mogen uit elk profiel komen.")
    else:
        outcome.add(min_keuze, "fail",
                    f"De leerling heeft {count} beroepsgerichte keuzevak{'ken' if count != 1 else ''}; het leer-werktraject "
                    f"vraagt er ten minste {min_keuze.value}. Er {'ontbreekt' if min_keuze.value - count == 1 else 'ontbreken'} "
                    f"{min_keuze.value - count}.")
    modules = Counter(row["profiel"] for row in counted if row["soort"] == "profielmodule")
    for profiel, number in sorted(modules.items()):
        if number > max_modules.value:
            outcome.add(max_modules, "fail",
                        f"De leerling heeft {number} profielmodules van het profiel {profielen[profiel]} als keuzevak. "
                        f"Van één ander profiel tellen ten hoogste {max_modules.value} profielmodules als keuzevak.")
        else:
            outcome.add(max_modules, "pass",
                        f"{number} profielmodule{'s' if number != 1 else ''} van het profiel {profielen[profiel]} als keuzevak: "
                        f"dat mag, ten hoogste {max_modules.value} van één ander profiel.")

    # Subjects that are not required.
    niet_verplicht = rules.get("examen.niet_verplicht", on)
    names = [dutch.lower_first(label) for _, label in sorted(niet_verplicht.value.items())]
    extra = [dutch.lower_first(niet_verplicht.value[key]) for key in sorted(values["extra_vakken"])]
    message = f"Niet verplicht in het leer-werktraject: {dutch.enumeration(names)}."
    if extra:
        message += (f" De leerling volgt {dutch.enumeration(extra)}: dat zijn extra vakken. Ze staan op de cijferlijst maar "
                    f"tellen niet mee voor de uitslag, tenzij alle vakken samen een volledig eindexamen basisberoepsgerichte "
                    f"leerweg vormen.")
    outcome.add(niet_verplicht, "info", message)

    # Rekenen: the rekentoets before school year 2020-2021, then the schoolexamen rekenen.
    rekenen = rules.get("examen.rekenen", on)
    naam = rekenen.value["naam"]
    toelichting = rekenen.value["toelichting"]
    wiskunde = values["wiskunde"]
    required = rekenen.value["verplicht_met_wiskunde"] or not wiskunde
    if values["rekenen"] == "ja":
        outcome.add(rekenen, "pass", f"De leerling doet {naam}. {toelichting}")
    elif required:
        reason = "" if rekenen.value["verplicht_met_wiskunde"] else " omdat de leerling geen examen in wiskunde doet"
        outcome.add(rekenen, "fail", f"De leerling doet {naam} niet, maar dat is verplicht{reason}. {toelichting}")
    else:
        outcome.add(rekenen, "warning",
                    f"De leerling doet {naam} niet, maar wel examen in wiskunde. {toelichting} In het leer-werktraject is "
                    f"wiskunde een extra vak; of dat vrijstelt, is onzeker (de uitleg van DUO is op dit punt onvolledig). "
                    f"Vraag het na bij DUO of het CvTE.")

    outcome.values.update({
        "leerweg": chosen,
        "aantal_keuzevakken": count,
        "rekenen": naam,
    })

    passed = None
    if graded:
        passed = _uitslag(values, counted, rules, on, outcome)

    package_ok = not any(f.status == "fail" and not f.rule.startswith("examen.uitslag.") for f in outcome.findings)
    parts = ["Het pakket past bij een leer-werktraject." if package_ok
             else "Het pakket voldoet niet aan de eisen van het leer-werktraject (zie hieronder)."]
    if passed is not None:
        outcome.values["geslaagd"] = passed and package_ok
        figures = (f"Nederlands {_grade(values['cijfer_nederlands'])}, profielvak {_grade(values['cijfer_profielvak'])}, "
                   f"combinatiecijfer {_grade(outcome.values['combinatiecijfer'])}")
        if not passed:
            parts.append(f"Met deze cijfers is de leerling niet geslaagd ({figures}).")
        elif package_ok:
            parts.append(f"Met deze cijfers is de leerling geslaagd ({figures}).")
        else:
            parts.append(f"De cijfers voldoen aan de uitslagregel ({figures}), maar de leerling kan pas slagen als het "
                         f"pakket in orde is.")
    if outcome.status == "warning" or (outcome.status == "fail" and any(f.status == "warning" for f in outcome.findings)):
        parts.append("Let op de waarschuwingen hieronder.")
    outcome.summary = " ".join(parts)


def _uitslag(values: dict[str, Any], counted: list[dict[str, Any]], rules: Rules, on: date, outcome: Outcome) -> bool:
    """The lwt pass rule (UB WVO 2020 art. 3.35 lid 6); returns whether the pupil passes by the law's text."""
    passed = True
    whole = " Een eindcijfer is meestal een geheel getal; de rekenhulp rekent met het cijfer zoals het is ingevuld."
    for key, norm_id, subject in (
        ("cijfer_nederlands", "examen.uitslag.nederlands_minimum", "Nederlandse taal"),
        ("cijfer_profielvak", "examen.uitslag.profielvak_minimum", "het profielvak"),
    ):
        norm = rules.get(norm_id, on)
        grade = values[key]
        note = whole if grade != grade.to_integral_value() else ""
        if grade >= norm.value:
            outcome.add(norm, "pass", f"Het eindcijfer voor {subject} is {_grade(grade)}; dat is ten minste de {norm.value} die nodig is.{note}")
        else:
            passed = False
            outcome.add(norm, "fail",
                        f"Het eindcijfer voor {subject} is {_grade(grade)}; in het leer-werktraject is ten minste een "
                        f"{norm.value} nodig, zonder compensatie.{note}")

    combi_min = rules.get("examen.uitslag.combinatiecijfer_minimum", on)
    rounding = rules.get("examen.combinatiecijfer_afronding", on)
    grades = [row["eindcijfer"] for row in counted]
    if not grades:
        outcome.add(combi_min, "fail", "Zonder keuzevakken is er geen combinatiecijfer, en dus geen uitslag.")
        outcome.values["combinatiecijfer"] = Decimal(0)
        return False
    average = sum(grades, Decimal(0)) / len(grades)
    rounded = average.quantize(Decimal(1).scaleb(-int(rounding.value)), rounding=ROUND_HALF_UP)
    outcome.values["combinatiecijfer_gemiddelde"] = average
    outcome.values["combinatiecijfer"] = rounded
    shown = f"het gemiddelde van {len(grades)} keuzevak{'ken' if len(grades) != 1 else ''} is {dutch.number(average, 3)}, afgerond {_grade(rounded)}"
    if rounded >= combi_min.value:
        outcome.add(combi_min, "pass", f"Het combinatiecijfer is voldoende: {shown}; nodig is ten minste {combi_min.value}.")
        if average < combi_min.value:
            outcome.add(rounding, "warning",
                        f"Het combinatiecijfer is alleen voldoende dankzij de afronding: het gemiddelde {dutch.number(average, 3)} "
                        f"is lager dan {combi_min.value}, afgerond {_grade(rounded)}. Dat het vmbo-combinatiecijfer zo wordt "
                        f"afgerond (vanaf ,5 naar boven) is een waarschijnlijke aanname, niet nagelezen. Zonder die afronding "
                        f"zou het combinatiecijfer onvoldoende zijn.")
    else:
        passed = False
        outcome.add(combi_min, "fail", f"Het combinatiecijfer is onvoldoende: {shown}; nodig is ten minste {combi_min.value}.")

    keuzevak_min = rules.get("examen.keuzevak_minimum", on)
    low = [row for row in counted if row["eindcijfer"] < keuzevak_min.value]
    if low:
        listed = dutch.enumeration([f"{_row_name(row)} met {_grade(row['eindcijfer'])}" for row in low])
        outcome.add(keuzevak_min, "warning",
                    f"Lager dan een {keuzevak_min.value}: {listed}. Volgens Platforms VMBO (SPV) mag geen keuzevak lager dan "
                    f"een {keuzevak_min.value} zijn. De uitslagregel voor het leer-werktraject noemt die eis niet; deze "
                    f"rekenhulp rekent het daarom niet als zakken. Vraag na bij het CvTE of de Inspectie.")
    else:
        outcome.add(keuzevak_min, "pass",
                    f"Geen keuzevak heeft een eindcijfer lager dan {keuzevak_min.value}. Dat is ook in orde volgens de "
                    f"strengere lezing van Platforms VMBO (SPV).")

    ce = rules.get("examen.ce_eis", on)
    if ce.value:
        outcome.add(ce, "warning", "Voor dit examen geldt de CE-eis; deze rekenhulp rekent die niet uit.")
    else:
        outcome.add(ce, "info",
                    "De CE-eis (een voldoende gemiddelde van de cijfers voor de centrale examens) geldt niet voor het "
                    "leer-werktraject. "
                    "Vormen de vakken samen een volledig eindexamen basisberoepsgerichte leerweg, dan gelden wel de gewone "
                    "regels van die leerweg.")
    return passed
