"""Toezicht: what a pupil may do on stage, and the checklist for the leerbedrijf and the toezichthouder.

The rules:

* A stage at a company as part of education is arbeid van lichte aard "naast en in samenhang
  met het onderwijs", allowed from 14 (ATW art. 3:2 lid 2 onder c). Risky work (arbeid
  waaraan bijzondere eisen worden gesteld) is never arbeid van lichte aard (NRK art. 1:1
  lid 2 onder a), so it is forbidden under 16; from 16 it is allowed only under adequaat
  deskundig toezicht that prevents the danger (Arbobesluit art. 1.37).
* For a kind (under 16, ATW art. 1:2) kassawerk, unavoidable psychosocial load, work without
  varied posture, lifting more than 10 kg and pushing or pulling with more than 20 kg are
  never arbeid van lichte aard (NRK art. 1:1 lid 2).
* For a jeugdige werknemer (under 18) the employer makes an aanvullende RI&E (Arbobesluit
  art. 1.36) and arranges adequaat deskundig toezicht (art. 1.37). The toezichthouder is 18
  or older and meets the six points of the Arbeidsinspectie's standard; recording the
  arrangements "bij voorkeur schriftelijk" is a recommendation, not a legal duty.
* Every worker gets voorlichting en onderricht (Arbowet art. 8); for a kind the employer
  also informs the parents about the work, its dangers and the measures (ATW art. 3:4).

Every age, weight, list and text of the rules comes from data/ (``werkzaamheden.*`` and the age
groups of ages.py). Wording: toezicht_nl.py.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from . import ages, dutch
from .fields import age_field
from .inputs import Field
from .outcome import Outcome, Verdict, verdict
from .rules import NormValue, Rules
from .toezicht_nl import FINDINGS, SUMMARIES

#: The category of work in ``werkzaamheden.soorten`` that is arbeid waaraan bijzondere eisen
#: worden gesteld: never arbeid van lichte aard (NRK art. 1:1 lid 2 onder a).
RISKY_WORK = "risicovol"

NAME = "toezicht"
TITLE = "Checklist werk en toezicht op de stageplaats"
NORMS = (
    "werkzaamheden.soorten",
    "werkzaamheden.nooit_licht",
    "werkzaamheden.tillen_max_kg",
    "werkzaamheden.duwen_trekken_max_kg",
    "werkzaamheden.deskundig_toezicht",
    "werkzaamheden.toezichthouder.minimum_leeftijd",
    "werkzaamheden.toezichthouder.eisen",
    "werkzaamheden.toezichthouder.aanbevelingen",
    "werkzaamheden.werkgever.plichten",
    *ages.NORMS,
)
INTRO = (
    "Vul de leeftijd van de leerling in, wat voor werk hij of zij op de stageplaats doet, en wat het "
    "leerbedrijf en de toezichthouder geregeld hebben. De rekenhulp zegt per punt wat mag, wat in orde is "
    "en wat nog ontbreekt. De uitkomst is ook te printen als checklist."
)

FIELDS = (
    age_field(hint="In hele jaren, op de dagen van de stage."),
    Field("soort_werk", "Soort werk", "choice", choices_norm="werkzaamheden.soorten", default="licht",
          hint="Kies de zwaarste soort werk die de leerling doet."),
    Field("kenmerken", "Het werk omvat ook", "multichoice", choices_norm="werkzaamheden.nooit_licht", required=False, default=[],
          hint="Vink aan wat van toepassing is."),
    Field("tillen_kg", "Zwaarste last die de leerling tilt", "number", unit="kg", minimum=0, maximum=200, step="0.5", default=5,
          hint="Vul 0 in als de leerling niet tilt."),
    Field("duwen_trekken_kg", "Grootste kracht bij duwen of trekken", "number", unit="kg", minimum=0, maximum=500, step="0.5", default=10,
          hint="Bijvoorbeeld bij het duwen van een kar of rolcontainer. Vul 0 in als de leerling niet duwt of trekt."),
    Field("toezichthouder_leeftijd", "Leeftijd van de toezichthouder", "integer", unit="jaar", minimum=10, maximum=100, default=40),
    Field("toezicht_eisen", "De toezichthouder", "multichoice", choices_norm="werkzaamheden.toezichthouder.eisen", required=False,
          default=["1", "2", "3", "4", "5", "6", "7"],
          hint="Vink aan wat geregeld is."),
    Field("werkgever", "Het leerbedrijf heeft geregeld", "multichoice", choices_norm="werkzaamheden.werkgever.plichten", required=False,
          default=["RI&E", "voorlichting", "ouders"], hint="Vink aan wat geregeld is."),
)

#: Which employer duty applies to whom: only to a ``kind``, only below the adult age, or (absent) always.
_DUTY_SCOPE = {"RI&E": ages.JEUGDIGE, "ouders": ages.KIND}


def _short(label: str) -> str:
    """The name of a kind of work without its explanation in brackets, starting in lower case."""
    return dutch.lower_first(label.split(" (")[0])


def _kg(norm: NormValue, value: Decimal | int | None = None) -> str:
    return norm.format(value)


# --- the checks, one per rule ---------------------------------------------------------------


def work_allowed_at_age(age: int, kind: str, band: ages.AgeBand, kinds: NormValue, stage: NormValue, youth: NormValue,
                        adult: NormValue) -> Verdict:
    """Stage from the stage age (ATW 3:2 lid 2c); risky work is never light work (NRK 1:1), so only from the youth age."""
    work = _short(kinds.value[kind])
    if band.group == ages.TE_JONG:
        return verdict(band.norm, "fail", "too_young", age=age, from_age=band.below)
    if kind == RISKY_WORK and band.group == ages.KIND:
        return verdict(kinds, "fail", "risky_too_young", age=age, work=work, from_age=youth.value)
    if kind == RISKY_WORK and band.group == ages.JEUGDIGE:
        return verdict(kinds, "pass", "risky_under_supervision", age=age, work=work, adult=adult.value)
    return verdict(stage, "pass", "work_allowed", age=age, work=work)


def never_light_work(present: list[str], never: NormValue, youth: NormValue) -> list[Verdict]:
    """For a kind: kassawerk and the like are never arbeid van lichte aard (NRK 1:1 lid 2 b-d)."""
    if not present:
        listed = dutch.enumeration([dutch.lower_first(label) for _, label in sorted(never.value.items())], "of")
        return [verdict(never, "pass", "never_light_absent", listed=listed)]
    return [verdict(never, "fail", "never_light_present", what=dutch.lower_first(label), youth=youth.value) for label in present]


def within_force(kg: Decimal, limit: NormValue, youth: NormValue, too_much: str, fine: str) -> Verdict:
    """For a kind: lifting, pushing or pulling stays within the limit of NRK 1:1 lid 2 e-f."""
    if kg > limit.value:
        return verdict(limit, "fail", too_much, kg=_kg(limit, kg), limit=_kg(limit), youth=youth.value)
    return verdict(limit, "pass", fine, kg=_kg(limit, kg), limit=_kg(limit))


def supervisor_old_enough(supervisor: int, minimum: NormValue) -> Verdict:
    """The toezichthouder of a jeugdige is at least the minimum age (Arbobesluit 1.37)."""
    status = "pass" if supervisor >= minimum.value else "fail"
    return verdict(minimum, status, f"supervisor_age_{status}", age=supervisor, minimum=minimum.value)


def supervisor_duty(key: str, text: str, ticked: list[str], duties: NormValue, advice: NormValue) -> Verdict:
    """Each point of the toezichthouder standard; a recommendation that is not ticked is information."""
    text = dutch.lower_first(text)
    if key in ticked:
        return verdict(duties, "pass", "supervisor_duty_done", text=text)
    if key in advice.value:
        return verdict(advice, "info", "supervisor_advice_open", text=text)
    return verdict(duties, "fail", "supervisor_duty_open", text=text)


def risky_work_supervised(age: int, gaps: int, toezicht: NormValue) -> Verdict:
    """Risky work for a jeugdige only under adequaat deskundig toezicht that removes the danger (Arbobesluit 1.37)."""
    return verdict(toezicht, "fail" if gaps else "pass", "risky_unsupervised" if gaps else "risky_supervised", age=age)


def employer_duty(key: str, text: str, done: list[str], age: int, band: ages.AgeBand, duties: NormValue,
                  youth: NormValue, adult: NormValue) -> Verdict:
    """The employer's duties: aanvullende RI&E below the adult age, informing parents of a kind, voorlichting always."""
    scope = _DUTY_SCOPE.get(key)
    if key in done:
        return verdict(duties, "pass", "employer_done", text=dutch.lower_first(text))
    limit = youth if scope == ages.KIND else adult if scope == ages.JEUGDIGE else None
    if limit is not None and age >= limit.value:
        return verdict(duties, "info", "employer_not_needed", age=age, limit=limit.value, text=dutch.lower_first(text))
    return verdict(duties, "fail", "employer_open", text=dutch.lower_first(text[:-1] if text.endswith(".") else text))


# --- the calculation --------------------------------------------------------------------------


def calculate(values: dict[str, Any], rules: Rules, on: date, outcome: Outcome) -> None:
    """Check the work against the pupil's age, then the toezicht and the employer's duties."""
    age, kind = values["leeftijd"], values["soort_werk"]
    band = ages.age_band(age, rules, on)
    stage, youth, adult = ages.boundaries(rules, on)
    kinds = rules.get("werkzaamheden.soorten", on)
    allowed = work_allowed_at_age(age, kind, band, kinds, stage, youth, adult)
    outcome.record(allowed, FINDINGS)

    lift = rules.get("werkzaamheden.tillen_max_kg", on)
    push = rules.get("werkzaamheden.duwen_trekken_max_kg", on)
    if band.group in (ages.TE_JONG, ages.KIND):
        never = rules.get("werkzaamheden.nooit_licht", on)
        present = [label for key, label in sorted(never.value.items()) if key in values["kenmerken"]]
        for found in never_light_work(present, never, youth):
            outcome.record(found, FINDINGS)
        outcome.record(within_force(values["tillen_kg"], lift, youth, "lift_too_much", "lift_ok"), FINDINGS)
        outcome.record(within_force(values["duwen_trekken_kg"], push, youth, "push_too_much", "push_ok"), FINDINGS)
    else:
        outcome.record(verdict(youth, "info", "child_limits_not_apply", age=age, youth=youth.value,
                               lift=_kg(lift), push=_kg(push)), FINDINGS)

    if band.group == ages.VOLWASSENE:
        outcome.record(verdict(adult, "info", "youth_rules_not_apply", age=age, adult=adult.value), FINDINGS)
    else:
        gaps = _toezicht(values, rules, on, outcome)
        if kind == RISKY_WORK and allowed.status == "pass":
            outcome.record(risky_work_supervised(age, gaps, rules.get("werkzaamheden.deskundig_toezicht", on)), FINDINGS)

    duties = rules.get("werkzaamheden.werkgever.plichten", on)
    for key, text in sorted(duties.value.items()):
        outcome.record(employer_duty(key, text, values["werkgever"], age, band, duties, youth, adult), FINDINGS)

    failures = outcome.count("fail")
    outcome.values.update({
        "leeftijd": age,
        "soort_werk": kind,
        "soort_werk_toegestaan": allowed.status == "pass",
        "punten_niet_in_orde": failures,
    })
    lead = SUMMARIES[{"too_young": "lead_too_young", "risky_too_young": "lead_not_allowed",
                      "risky_under_supervision": "lead_supervised"}.get(allowed.key, "lead_allowed")]
    tail = SUMMARIES["tail_ok" if not failures else "tail_one" if failures == 1 else "tail_many"]
    outcome.summarize({"all": f"{lead} {tail}"}, "all", age=age, work=_short(kinds.value[kind]), failures=failures)


def _toezicht(values: dict[str, Any], rules: Rules, on: date, outcome: Outcome) -> int:
    """The toezichthouder's age and requirements, item by item; returns the number of legal gaps."""
    found = [supervisor_old_enough(values["toezichthouder_leeftijd"], rules.get("werkzaamheden.toezichthouder.minimum_leeftijd", on))]
    duties = rules.get("werkzaamheden.toezichthouder.eisen", on)
    advice = rules.get("werkzaamheden.toezichthouder.aanbevelingen", on)
    found += [supervisor_duty(key, text, values["toezicht_eisen"], duties, advice) for key, text in sorted(duties.value.items())]
    for item in found:
        outcome.record(item, FINDINGS)
    return sum(1 for item in found if item.status == "fail")
