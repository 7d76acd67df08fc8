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

* The same keuzevak entered twice counts once (it is one subject).

Every number, list and text of the rules comes from data/ (``examen.*``,
``leerbedrijven.profielen``). Wording: examenpakket_nl.py.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from . import dutch
from .examenpakket_nl import FINDINGS, SUMMARIES
from .inputs import Choice, Field
from .outcome import Outcome, Verdict, verdict
from .rules import NormValue, Rules

NAME = "examenpakket"
TITLE = "Examenpakket en uitslag van een lwt-leerling"
NORMS = (
    "examen.leerwegen",
    "examen.leerweg_lwt",
    "examen.onderdelen",
    "examen.min_keuzevakken",
    "examen.max_profielmodules_ander_profiel",
    "examen.niet_verplicht",
    "examen.rekenen",
    "examen.rekenen_vrijstelling_wiskunde_extra",
    "examen.uitslag.nederlands_minimum",
    "examen.uitslag.profielvak_minimum",
    "examen.uitslag.combinatiecijfer_minimum",
    "examen.combinatiecijfer_afronding",
    "examen.keuzevak_minimum",
    "examen.ce_eis",
    "leerbedrijven.profielen",
)
INTRO = (
    "Vul de leerweg, het profiel en de vakken van de leerling in, en als u die hebt de eindcijfers. "
    "De rekenhulp controleert of het pakket past bij een leer-werktraject (Nederlands, het profielvak, "
    "genoeg beroepsgerichte keuzevakken en rekenen) en, met cijfers, of de leerling volgens de uitslagregel "
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


def _row_name(row: dict[str, Any]) -> str:
    return f"‘{row['naam']}’ (rij {row['rij']})" if row["naam"] else f"het keuzevak in rij {row['rij']}"


def _same_name(name: str | None) -> str:
    return " ".join((name or "").split()).casefold()


# --- the checks, one per rule ---------------------------------------------------------------


def leerweg_allows_lwt(chosen: str, lwt: NormValue, leerwegen: NormValue) -> Verdict:
    """An lwt is a route within the basisberoepsgerichte leerweg only (WVO 2020 art. 2.103)."""
    status = "pass" if chosen == lwt.value else "fail"
    return verdict(lwt, status, f"leerweg_{status}", chosen=leerwegen.value[chosen], lwt=leerwegen.value[lwt.value])


def required_parts(parts: NormValue, present: list[str], profile: str) -> list[Verdict]:
    """Nederlandse taal (CE and SE) and the profielvak are required (WVO (2015) art. 10b1 lid 2)."""
    missing = [label for key, label in sorted(parts.value.items()) if key not in present]
    if not missing:
        return [verdict(parts, "pass", "parts_present", profile=profile)]
    return [verdict(parts, "fail", "part_missing", part=label) for label in missing]


def own_profile_module(row: dict[str, Any], max_modules: NormValue, profile: str) -> Verdict:
    """A profielmodule of the pupil's own profile belongs to the profielvak and is no keuzevak."""
    return verdict(max_modules, "warning", "own_profile_module", row=_row_name(row), profile=profile)


def entered_once(name: str, rows: list[dict[str, Any]], minimum: NormValue) -> Verdict:
    """The same keuzevak entered more than once is one subject: it counts once."""
    return verdict(minimum, "warning", "duplicate", name=name, times=len(rows), rows=[row["rij"] for row in rows])


def enough_keuzevakken(count: int, minimum: NormValue) -> Verdict:
    """At least the minimum number of beroepsgerichte keuzevakken, from any profile."""
    if count >= minimum.value:
        return verdict(minimum, "pass", "keuzevakken_enough", count=count, minimum=minimum.value)
    short = minimum.value - count
    return verdict(minimum, "fail", "keuzevakken_too_few" if short != 1 else "keuzevakken_one_short",
                   count=count, minimum=minimum.value, short=short, noun=minimum.format(count).split(" ", 1)[1])


def modules_of_one_other_profile(profile: str, number: int, max_modules: NormValue) -> Verdict:
    """At most a few profielmodules of one other profile count as keuzevakken (SLO)."""
    status = "fail" if number > max_modules.value else "pass"
    return verdict(max_modules, status, f"modules_{status}", number=number, profile=profile, maximum=max_modules.value,
                   noun=max_modules.format(number).split(" ", 1)[1])


def optional_subjects(optional: NormValue, chosen: list[str]) -> Verdict:
    """Information: LO, the kunstvakken and maatschappijleer are not required; taken, they are extra."""
    names = [dutch.lower_first(label) for _, label in sorted(optional.value.items())]
    extra = [dutch.lower_first(optional.value[key]) for key in sorted(chosen)]
    return verdict(optional, "info", "optional_extra" if extra else "optional", names=names, extra=extra)


def rekenen_done(done: bool, wiskunde: bool, rekenen: NormValue, exemption: NormValue | None) -> Verdict:
    """The rekentoets (to 2019-2020) or the schoolexamen rekenen (without wiskunde, from 2020-2021)."""
    name, note = rekenen.value["naam"], rekenen.value["toelichting"]
    if done:
        return verdict(rekenen, "pass", "rekenen_done", name=name, note=note)
    if rekenen.value["verplicht_met_wiskunde"]:
        return verdict(rekenen, "fail", "rekenen_missing", name=name, note=note)
    if not wiskunde or exemption is None:
        return verdict(rekenen, "fail", "rekenen_missing_no_wiskunde", name=name, note=note)
    return verdict(exemption, "warning", "rekenen_wiskunde_extra", name=name, note=note)


def grade_at_least(grade: Decimal, minimum: NormValue, subject: str) -> Verdict:
    """Nederlandse taal and the profielvak each at least the minimum, without compensation (art. 3.35 lid 6)."""
    status = "pass" if grade >= minimum.value else "fail"
    key = f"grade_{status}" + ("_not_whole" if grade != grade.to_integral_value() else "")
    return verdict(minimum, status, key, subject=subject, grade=grade, minimum=minimum.value)


def combinatiecijfer(grades: list[Decimal], minimum: NormValue, rounding: NormValue) -> tuple[Verdict, list[Verdict], Decimal | None, Decimal]:
    """The combinatiecijfer (average of the keuzevakken, rounded) at least the minimum; warn when rounding decides."""
    if not grades:
        return verdict(minimum, "fail", "combi_none"), [], None, Decimal(0)
    average = sum(grades, Decimal(0)) / len(grades)
    rounded = average.quantize(Decimal(1).scaleb(-int(rounding.value)), rounding=ROUND_HALF_UP)
    numbers = dict(count=len(grades), average=dutch.number(average, 3), rounded=rounded, minimum=minimum.value)
    if rounded < minimum.value:
        return verdict(minimum, "fail", "combi_fail" if len(grades) != 1 else "combi_fail_one", **numbers), [], average, rounded
    extra = [verdict(rounding, "warning", "rounding_decides", **numbers)] if average < minimum.value else []
    return verdict(minimum, "pass", "combi_pass" if len(grades) != 1 else "combi_pass_one", **numbers), extra, average, rounded


def no_keuzevak_below(rows: list[dict[str, Any]], minimum: NormValue) -> Verdict:
    """SPV: no keuzevak below a minimum; lid 6 does not say so, so a warning, never a fail."""
    low = [f"{_row_name(row)} met {dutch.number(row['eindcijfer'])}" for row in rows if row["eindcijfer"] < minimum.value]
    return verdict(minimum, "warning" if low else "pass", "keuzevak_low" if low else "keuzevak_not_low",
                   low=low, minimum=minimum.value)


def ce_requirement(ce: NormValue) -> Verdict:
    """Information: the CE-eis does not apply to the lwt exam."""
    return verdict(ce, "warning", "ce_applies") if ce.value else verdict(ce, "info", "ce_not_applies")


# --- the calculation --------------------------------------------------------------------------


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


def _counted_keuzevakken(rows: list[dict[str, Any]], own: str, rules: Rules, on: date, outcome: Outcome) -> list[dict[str, Any]]:
    """The keuzevakken that count: no module of the own profile, each named subject once."""
    max_modules = rules.get("examen.max_profielmodules_ander_profiel", on)
    minimum = rules.get("examen.min_keuzevakken", on)
    own_name = rules.value("leerbedrijven.profielen", on)[own]
    counted, by_name = [], {}
    for row in rows:
        if row["soort"] == "profielmodule" and row["profiel"] == own:
            outcome.record(own_profile_module(row, max_modules, own_name), FINDINGS)
            continue
        if row["naam"]:
            by_name.setdefault(_same_name(row["naam"]), []).append(row)
            if len(by_name[_same_name(row["naam"])]) > 1:
                continue
        counted.append(row)
    for same in by_name.values():
        if len(same) > 1:
            outcome.record(entered_once(same[0]["naam"], same, minimum), FINDINGS)
    return counted


def calculate(values: dict[str, Any], rules: Rules, on: date, outcome: Outcome) -> None:
    """Check the package, rekenen and, with grades, the lwt pass rule; see the module docstring."""
    graded = _check_input(values, outcome)
    if outcome.errors:
        return
    profielen = rules.value("leerbedrijven.profielen", on)
    own = values["profiel"]
    outcome.record(leerweg_allows_lwt(values["leerweg"], rules.get("examen.leerweg_lwt", on), rules.get("examen.leerwegen", on)), FINDINGS)
    for found in required_parts(rules.get("examen.onderdelen", on), values["onderdelen"], profielen[own]):
        outcome.record(found, FINDINGS)

    counted = _counted_keuzevakken(values["keuzevakken"], own, rules, on, outcome)
    outcome.record(enough_keuzevakken(len(counted), rules.get("examen.min_keuzevakken", on)), FINDINGS)
    max_modules = rules.get("examen.max_profielmodules_ander_profiel", on)
    modules = Counter(row["profiel"] for row in counted if row["soort"] == "profielmodule")
    for profiel, number in sorted(modules.items()):
        outcome.record(modules_of_one_other_profile(profielen[profiel], number, max_modules), FINDINGS)
    outcome.record(optional_subjects(rules.get("examen.niet_verplicht", on), values["extra_vakken"]), FINDINGS)

    rekenen = rules.get("examen.rekenen", on)
    exemption = rules.get("examen.rekenen_vrijstelling_wiskunde_extra", on) if not rekenen.value["verplicht_met_wiskunde"] else None
    outcome.record(rekenen_done(values["rekenen"] == "ja", values["wiskunde"], rekenen, exemption), FINDINGS)
    outcome.values.update({"leerweg": values["leerweg"], "aantal_keuzevakken": len(counted), "rekenen": rekenen.value["naam"]})

    passed = _uitslag(values, counted, rules, on, outcome) if graded else None
    _summarize(values, passed, outcome)


def _uitslag(values: dict[str, Any], counted: list[dict[str, Any]], rules: Rules, on: date, outcome: Outcome) -> bool:
    """The lwt pass rule (UB WVO 2020 art. 3.35 lid 6); returns whether the pupil passes by the law's text."""
    results = [
        grade_at_least(values["cijfer_nederlands"], rules.get("examen.uitslag.nederlands_minimum", on), "Nederlandse taal"),
        grade_at_least(values["cijfer_profielvak"], rules.get("examen.uitslag.profielvak_minimum", on), "het profielvak"),
    ]
    combi, extra, average, rounded = combinatiecijfer(
        [row["eindcijfer"] for row in counted], rules.get("examen.uitslag.combinatiecijfer_minimum", on),
        rules.get("examen.combinatiecijfer_afronding", on))
    if average is not None:
        outcome.values["combinatiecijfer_gemiddelde"] = average
    outcome.values["combinatiecijfer"] = rounded
    for found in [*results, combi, *extra]:
        outcome.record(found, FINDINGS)
    if average is None:
        return False
    outcome.record(no_keuzevak_below(counted, rules.get("examen.keuzevak_minimum", on)), FINDINGS)
    outcome.record(ce_requirement(rules.get("examen.ce_eis", on)), FINDINGS)
    return all(found.status == "pass" for found in (*results, combi))


def _summarize(values: dict[str, Any], passed: bool | None, outcome: Outcome) -> None:
    package_ok = not any(f.status == "fail" and not f.rule.startswith("examen.uitslag.") for f in outcome.findings)
    parts = [SUMMARIES["package_ok" if package_ok else "package_not_ok"]]
    if passed is not None:
        outcome.values["geslaagd"] = passed and package_ok
        key = "not_passed" if not passed else "passed" if package_ok else "grades_ok_package_not"
        parts.append(SUMMARIES[key])
    if outcome.count("warning"):
        parts.append(SUMMARIES["mind_warnings"])
    outcome.summarize({"all": " ".join(parts)}, "all", nederlands=values["cijfer_nederlands"],
                      profielvak=values["cijfer_profielvak"], combinatiecijfer=outcome.values.get("combinatiecijfer"))
