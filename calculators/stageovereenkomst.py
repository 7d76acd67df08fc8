"""Stageovereenkomst: is the written stage agreement complete, and is the leerbedrijf recognised?

The rule (UB WVO 2020 art. 2.36; before it Inrichtingsbesluit WVO art. 35): the stage rests on a
written agreement between the bevoegd gezag, the pupil and the stagebieder. It contains at least
(a) the pupil's leeractiviteiten, (b) the start date, end date and times, (c) how guidance is
divided between the stageleraar and the stagebegeleider, (d) how the stagebieder takes part in
the assessment and (e) an arrangement that lets the inspectie supervise. It also says who
insures the pupil against accidents and liability and who pays the premium; whether an
insurance must be taken out at all is uncertain (the 2015 text adds "if such insurance is taken
out"), so "no insurance" warns. The school appoints a stageleraar, the stagebieder a
stagebegeleider. For a minor the agreement is also signed by a parent; under 16 that is also a
condition of NRK art. 3:1 lid 1. The leerbedrijf must be recognised for the vmbo (leerbedrijf.py).

Wording: stageovereenkomst_nl.py.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from . import ages, dutch, leerbedrijf
from .fields import NOT_RECOGNISED, SBB_CODE, age_field, not_recognised_field, sbb_code_error, sbb_code_field
from .inputs import Field
from .outcome import Outcome, Verdict, verdict
from .rules import NormValue, Rules
from .stageovereenkomst_nl import FINDINGS, SUMMARIES

NAME = "stageovereenkomst"
TITLE = "Is de stageovereenkomst volledig?"
NORMS = (
    "stageovereenkomst.onderdelen",
    "stageovereenkomst.verzekering",
    "stageovereenkomst.verzekering_verplicht",
    "stageovereenkomst.verzekeraars",
    "stageovereenkomst.stageleraar",
    "stageovereenkomst.stagebegeleider",
    "stageovereenkomst.ondertekenaars",
    "stageovereenkomst.partijen",
    "stageovereenkomst.handtekening_ouder",
    "stageovereenkomst.leerwerkovereenkomst",
    ages.YOUTH_AGE,
    *leerbedrijf.NORMS,
)
INTRO = (
    "Vink aan wat in de stageovereenkomst staat en wie haar heeft ondertekend, en vul de SBB-code van het "
    "leerbedrijf in. De rekenhulp controleert de overeenkomst punt voor punt aan de wet (artikel 2.36 van "
    "het Uitvoeringsbesluit WVO 2020) en zegt wat nog ontbreekt."
)

FIELDS = (
    age_field(hint="Op de dag van ondertekening. Bij een minderjarige leerling tekent ook een ouder."),
    sbb_code_field("19030", example="19030"),
    not_recognised_field(),
    Field("onderdelen", "De overeenkomst beschrijft", "multichoice", choices_norm="stageovereenkomst.onderdelen", required=False,
          default=["a", "b", "c", "d", "e"], hint="Vink aan wat in de overeenkomst staat."),
    Field("verzekering", "Wie sluit de verzekering tegen ongevallen en aansprakelijkheid?", "choice",
          choices_norm="stageovereenkomst.verzekeraars", required=False, default="school",
          hint="Zoals het in de overeenkomst staat. Laat leeg als de overeenkomst het niet zegt."),
    Field("premie", "Wie betaalt de premie van die verzekering?", "choice",
          choices_norm="stageovereenkomst.verzekeraars", required=False, default="school",
          hint="Laat leeg als de overeenkomst het niet zegt."),
    Field("stageleraar", "Naam van de stageleraar (van de school)", "text", required=False, default="J. de Vries",
          hint="Laat leeg als de school nog geen stageleraar heeft aangewezen."),
    Field("stagebegeleider", "Naam van de stagebegeleider (van het leerbedrijf)", "text", required=False, default="A. Bakker",
          hint="Laat leeg als het leerbedrijf nog geen stagebegeleider heeft aangewezen."),
    Field("ondertekend", "Ondertekend door", "multichoice", choices_norm="stageovereenkomst.ondertekenaars", required=False,
          default=["school", "leerbedrijf", "leerling", "ouder"]),
)

NOBODY = "niemand"


def _phrase(text: str) -> str:
    """``"De leeractiviteiten."`` -> ``"de leeractiviteiten"``, for use inside a sentence."""
    return dutch.lower_first(text[:-1] if text.endswith(".") else text)


# --- the checks, one per rule ---------------------------------------------------------------


def item_present(key: str, items: NormValue, present: list[str]) -> Verdict:
    """Each of the items a-e that the agreement must contain (art. 2.36)."""
    status, wording = ("pass", "item_present") if key in present else ("fail", "item_missing")
    return verdict(items, status, wording, key=key, text=_phrase(items.value[key]))


def insurer_named(who: str | None, insurance: NormValue, required: NormValue, parties: dict[str, str]) -> Verdict:
    """The agreement says who takes out the insurance; no insurance at all is uncertain (2015: "indien")."""
    if who is None:
        return verdict(insurance, "fail", "insurer_missing", what=_phrase(insurance.value["verzekering"]))
    if who == NOBODY:
        return verdict(required, "warning", "no_insurance")
    return verdict(insurance, "pass", "insurer_named", who=_phrase(parties[who]))


def payer_named(who: str | None, payer: str | None, insurance: NormValue, parties: dict[str, str]) -> Verdict | None:
    """The agreement says who pays the premium (nothing to pay when no insurance is taken out)."""
    if who == NOBODY:
        return None
    if payer is None:
        return verdict(insurance, "fail", "payer_missing", what=_phrase(insurance.value["premie"]))
    return verdict(insurance, "pass", "payer_named", who=_phrase(parties[payer]))


def supervisor_appointed(role: str, name: str | None, norm: NormValue) -> Verdict:
    """The school appoints a stageleraar, the stagebieder a stagebegeleider."""
    if name:
        return verdict(norm, "pass", "appointed", role=role, name=name)
    return verdict(norm, "fail", f"not_appointed_{role}", role=role, description=norm.description)


def party_signed(key: str, signed: list[str], minor: bool, parties: NormValue, labels: dict[str, str]) -> Verdict:
    """The school, the stagebieder and the pupil sign; whether a minor signs too is disputed."""
    label = _phrase(labels[key])
    if key in signed:
        return verdict(parties, "pass", "signed", who=label)
    if key == "leerling" and minor:
        return verdict(parties, "warning", "minor_did_not_sign", who=label)
    return verdict(parties, "fail", "not_signed", who=label)


def parent_signed(age: int, signed: list[str], parent: NormValue, youth_age: NormValue, labels: dict[str, str]) -> Verdict:
    """A parent co-signs for a minor (Inrichtingsbesluit art. 35 lid 4); under 16 also NRK art. 3:1 lid 1."""
    label = _phrase(labels["ouder"])
    if age >= parent.value:
        return verdict(parent, "info", "adult_signs", age=age)
    key = "parent_signed" if "ouder" in signed else "parent_missing"
    if age < youth_age.value:
        key += "_child"
    return verdict(parent, "pass" if "ouder" in signed else "fail", key, age=age, who=label,
                   majority=parent.value, youth_age=youth_age.value)


def old_leerwerkovereenkomst(lwo: NormValue) -> Verdict:
    """Information: the old WVO's leer-werkovereenkomst for an lwt, whose need today is uncertain."""
    listed = "; ".join(f"{key}) {_phrase(text)}" for key, text in sorted(lwo.value.items()))
    return verdict(lwo, "info", "leerwerkovereenkomst", listed=listed)


# --- the calculation --------------------------------------------------------------------------


def _check_input(values: dict[str, Any], outcome: Outcome) -> None:
    problem = sbb_code_error(values[SBB_CODE], values[NOT_RECOGNISED])
    if problem:
        outcome.error(SBB_CODE, problem)
    if values["verzekering"] not in (None, NOBODY) and values["premie"] == NOBODY:
        outcome.error("premie", "Er wordt een verzekering gesloten, dus iemand betaalt de premie. Kies wie, of laat het veld "
                                "leeg als de overeenkomst het niet zegt.")


def calculate(values: dict[str, Any], rules: Rules, on: date, outcome: Outcome) -> None:
    """Check the agreement item by item; see the module docstring for the rules."""
    _check_input(values, outcome)
    if outcome.errors:
        return
    age = values["leeftijd"]
    company = leerbedrijf.company_can_host_lwt_stage(values[SBB_CODE], values[NOT_RECOGNISED], rules, on)
    outcome.record(company, leerbedrijf.FINDINGS)

    items = rules.get("stageovereenkomst.onderdelen", on)
    for key in sorted(items.value):
        outcome.record(item_present(key, items, values["onderdelen"]), FINDINGS)

    insurance = rules.get("stageovereenkomst.verzekering", on)
    parties = rules.value("stageovereenkomst.verzekeraars", on)
    who = values["verzekering"]
    outcome.record(insurer_named(who, insurance, rules.get("stageovereenkomst.verzekering_verplicht", on), parties), FINDINGS)
    outcome.record(payer_named(who, values["premie"], insurance, parties), FINDINGS)

    for role in ("stageleraar", "stagebegeleider"):
        outcome.record(supervisor_appointed(role, values[role], rules.get(f"stageovereenkomst.{role}", on)), FINDINGS)

    labels = rules.value("stageovereenkomst.ondertekenaars", on)
    parties_norm = rules.get("stageovereenkomst.partijen", on)
    parent = rules.get("stageovereenkomst.handtekening_ouder", on)
    minor = age < parent.value
    for key in parties_norm.value:
        outcome.record(party_signed(key, values["ondertekend"], minor, parties_norm, labels), FINDINGS)
    outcome.record(parent_signed(age, values["ondertekend"], parent, rules.get(ages.YOUTH_AGE, on), labels), FINDINGS)
    outcome.record(old_leerwerkovereenkomst(rules.get("stageovereenkomst.leerwerkovereenkomst", on)), FINDINGS)

    missing = sum(1 for key in items.value if key not in values["onderdelen"])
    failures = outcome.count("fail")
    outcome.values.update({
        "onderdelen_aanwezig": len(items.value) - missing,
        "onderdelen_ontbrekend": missing,
        "punten_niet_in_orde": failures,
        "sbb_profiel": leerbedrijf.vmbo_profile(values[SBB_CODE], rules, on) if not values[NOT_RECOGNISED] else None,
    })
    key = outcome.status if failures != 1 else "fail_one"
    outcome.summarize(SUMMARIES, key, failures=failures)
