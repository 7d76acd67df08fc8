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

Every age, weight, list and text of the rules comes from data/ (``werkzaamheden.*`` and the ages
``werktijden.minimum_leeftijd_stage``, ``werktijden.leeftijd_jeugdige_vanaf`` and
``werktijden.leeftijd_volwassen_vanaf``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from . import dutch
from .inputs import Field
from .outcome import Outcome
from .rules import Rules

#: The category of work in ``werkzaamheden.soorten`` that is arbeid waaraan bijzondere eisen
#: worden gesteld: never arbeid van lichte aard (NRK art. 1:1 lid 2 onder a).
RISKY_WORK = "risicovol"

NAME = "toezicht"
TITLE = "Checklist werk en toezicht op de stageplaats"
#: The norms of data/ this calculator reads (the form lists their descriptions).
NORMS = (
    "werktijden.leeftijd_jeugdige_vanaf",
    "werktijden.leeftijd_volwassen_vanaf",
    "werktijden.minimum_leeftijd_stage",
    "werkzaamheden.deskundig_toezicht",
    "werkzaamheden.duwen_trekken_max_kg",
    "werkzaamheden.nooit_licht",
    "werkzaamheden.soorten",
    "werkzaamheden.tillen_max_kg",
    "werkzaamheden.toezichthouder.aanbevelingen",
    "werkzaamheden.toezichthouder.eisen",
    "werkzaamheden.toezichthouder.minimum_leeftijd",
    "werkzaamheden.werkgever.plichten",
)
INTRO = (
    "Vul de leeftijd van de leerling in, wat voor werk hij of zij op de stageplaats doet, en wat het "
    "leerbedrijf en de toezichthouder geregeld hebben. De rekenhulp zegt per punt wat mag, wat in orde is "
    "en wat nog ontbreekt. De uitkomst is ook te printen als checklist."
)

FIELDS = (
    Field("leeftijd", "Leeftijd van de leerling", "integer", unit="jaar", minimum=10, maximum=30, default=15,
          hint="In hele jaren, op de dagen van de stage."),
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

#: Which employer duty applies to whom: under the ``kind`` age, under the ``jeugdige`` age, or (absent) always.
_DUTY_SCOPE = {"RI&E": "jeugdige", "ouders": "kind"}


def _short(label: str) -> str:
    """The name of a kind of work without its explanation in brackets, starting in lower case."""
    return dutch.lower_first(label.split(" (")[0])


def _kg(value: Decimal) -> str:
    return f"{dutch.number(value)} kg"


def calculate(values: dict[str, Any], rules: Rules, on: date, outcome: Outcome) -> None:
    """Check the work against the pupil's age, then the toezicht and the employer's duties."""
    age = values["leeftijd"]
    kind = values["soort_werk"]
    soorten = rules.get("werkzaamheden.soorten", on)
    stage_age = rules.get("werktijden.minimum_leeftijd_stage", on)
    kind_age = rules.get("werktijden.leeftijd_jeugdige_vanaf", on)
    youth_age = rules.get("werktijden.leeftijd_volwassen_vanaf", on)
    work = _short(soorten.value[kind])

    # 1. The kind of work against the age. A stage is allowed from the stage age; risky work is
    # never arbeid van lichte aard, so a kind (younger than kind_age) may not do it at all.
    risky = kind == RISKY_WORK
    lowest = stage_age.value
    required = kind_age.value if risky else lowest
    allowed = age >= required
    if age < lowest:
        outcome.add(stage_age, "fail",
                    f"Een leerling van {age} jaar mag nog geen stage lopen bij een bedrijf: een stage als deel van het "
                    f"onderwijs mag pas vanaf {lowest} jaar, ook voor licht werk.")
    elif not allowed:
        outcome.add(kind_age, "fail",
                    f"Een leerling van {age} jaar mag geen {work} doen, ook niet onder toezicht: dit werk is nooit arbeid "
                    f"van lichte aard, en een leerling jonger dan {required} mag alleen arbeid van lichte aard doen. "
                    f"Vanaf {required} jaar mag het, en dan alleen onder deskundig toezicht.")
    elif risky and age < youth_age.value:
        outcome.add(kind_age, "pass",
                    f"Een leerling van {age} jaar mag {work} doen, maar alleen onder adequaat deskundig toezicht dat het "
                    f"gevaar wegneemt, en nooit werk dat voor jongeren onder de {youth_age.value} helemaal verboden is.")
    else:
        outcome.add(stage_age, "pass", f"Een leerling van {age} jaar mag {work} doen tijdens de stage.")

    # 2. What is never arbeid van lichte aard, for a kind.
    never = rules.get("werkzaamheden.nooit_licht", on)
    lift = rules.get("werkzaamheden.tillen_max_kg", on)
    push = rules.get("werkzaamheden.duwen_trekken_max_kg", on)
    if age < kind_age.value:
        present = [label for key, label in sorted(never.value.items()) if key in values["kenmerken"]]
        for label in present:
            outcome.add(never, "fail",
                        f"Niet toegestaan: {dutch.lower_first(label)}. Dat is nooit arbeid van lichte aard; een leerling "
                        f"jonger dan {kind_age.value} mag het niet doen.")
        if not present:
            listed = dutch.enumeration([dutch.lower_first(label) for _, label in sorted(never.value.items())], "of")
            outcome.add(never, "pass", f"In orde: geen {listed}.")
        if values["tillen_kg"] > lift.value:
            outcome.add(lift, "fail",
                        f"De leerling tilt {_kg(values['tillen_kg'])}. Jonger dan {kind_age.value} mag een leerling ten hoogste "
                        f"{_kg(lift.value)} tillen; zwaarder tillen is geen arbeid van lichte aard.")
        else:
            outcome.add(lift, "pass", f"In orde: de leerling tilt {_kg(values['tillen_kg'])}, niet meer dan {_kg(lift.value)}.")
        if values["duwen_trekken_kg"] > push.value:
            outcome.add(push, "fail",
                        f"De leerling duwt of trekt met {_kg(values['duwen_trekken_kg'])}. Jonger dan {kind_age.value} is ten "
                        f"hoogste {_kg(push.value)} toegestaan; meer is geen arbeid van lichte aard.")
        else:
            outcome.add(push, "pass",
                        f"In orde: de leerling duwt of trekt met {_kg(values['duwen_trekken_kg'])}, niet meer dan {_kg(push.value)}.")
    else:
        outcome.add(kind_age, "info",
                    f"De leerling is {age}: de grenzen voor kinderen jonger dan {kind_age.value} (onder meer geen kassawerk, "
                    f"tillen ten hoogste {_kg(lift.value)}, duwen of trekken ten hoogste {_kg(push.value)}) gelden niet meer. "
                    f"Wat veilig is, volgt uit de risico-inventarisatie van het leerbedrijf.")

    # 3. Deskundig toezicht and the toezichthouder, for a jeugdige.
    legal_gaps = 0
    if age < youth_age.value:
        legal_gaps = _toezicht(values, rules, on, outcome)
        if allowed and risky:
            toezicht = rules.get("werkzaamheden.deskundig_toezicht", on)
            if legal_gaps:
                outcome.add(toezicht, "fail",
                            f"Risicovol werk mag een leerling van {age} jaar alleen doen onder adequaat deskundig toezicht. "
                            f"Dat toezicht is niet volledig geregeld (zie de punten over de toezichthouder); zolang dat zo is, "
                            f"mag de leerling dit werk niet doen.")
            else:
                outcome.add(toezicht, "pass",
                            "Het deskundig toezicht op het risicovolle werk is volgens de invoer geregeld. Het toezicht moet "
                            "het gevaar echt wegnemen; lukt dat niet, dan mag de leerling dit werk niet doen.")
    else:
        outcome.add(youth_age, "info",
                    f"De leerling is {age}: de extra regels voor jongeren onder de {youth_age.value} (aanvullende RI&E, "
                    f"deskundig toezicht en de eisen aan de toezichthouder) gelden niet meer. De gewone arboregels blijven gelden.")

    # 4. The employer's duties.
    duties = rules.get("werkzaamheden.werkgever.plichten", on)
    for key, text in sorted(duties.value.items()):
        scope = _DUTY_SCOPE.get(key)
        limit = kind_age.value if scope == "kind" else youth_age.value if scope == "jeugdige" else None
        if key in values["werkgever"]:
            outcome.add(duties, "pass", f"In orde: {dutch.lower_first(text)}")
        elif limit is not None and age >= limit:
            outcome.add(duties, "info", f"Niet verplicht voor een leerling van {age} jaar, alleen voor een leerling jonger dan {limit}: {dutch.lower_first(text)}")
        else:
            outcome.add(duties, "fail", f"Niet geregeld: {dutch.lower_first(text[:-1] if text.endswith('.') else text)} – dit is verplicht.")

    failures = sum(1 for finding in outcome.findings if finding.status == "fail")
    outcome.values.update({
        "leeftijd": age,
        "soort_werk": kind,
        "soort_werk_toegestaan": allowed,
        "punten_niet_in_orde": failures,
    })
    if age < lowest:
        verdict = f"Een leerling van {age} jaar mag nog geen stage lopen bij een bedrijf."
    elif not allowed:
        verdict = f"Een leerling van {age} jaar mag geen {work} doen."
    elif age < youth_age.value and risky:
        verdict = f"Een leerling van {age} jaar mag {work} doen, alleen onder deskundig toezicht."
    else:
        verdict = f"Een leerling van {age} jaar mag {work} doen."
    if failures:
        outcome.summary = (f"{verdict} {failures} {'punt is' if failures == 1 else 'punten zijn'} niet in orde of "
                           f"{'ontbreekt' if failures == 1 else 'ontbreken'}; zie de lijst hieronder.")
    else:
        outcome.summary = f"{verdict} Alle verplichte punten van de checklist zijn in orde."


def _toezicht(values: dict[str, Any], rules: Rules, on: date, outcome: Outcome) -> int:
    """The toezichthouder's age and requirements, item by item; returns the number of legal gaps."""
    gaps = 0
    minimum = rules.get("werkzaamheden.toezichthouder.minimum_leeftijd", on)
    supervisor = values["toezichthouder_leeftijd"]
    if supervisor < minimum.value:
        gaps += 1
        outcome.add(minimum, "fail",
                    f"De toezichthouder is {supervisor} jaar; een toezichthouder moet ten minste {minimum.value} jaar zijn. "
                    f"Wijs iemand anders aan.")
    else:
        outcome.add(minimum, "pass", f"In orde: de toezichthouder is {supervisor} jaar, ten minste {minimum.value}.")
    eisen = rules.get("werkzaamheden.toezichthouder.eisen", on)
    advice = rules.get("werkzaamheden.toezichthouder.aanbevelingen", on)
    for key, text in sorted(eisen.value.items()):
        if key in values["toezicht_eisen"]:
            outcome.add(eisen, "pass", f"In orde – toezichthouder: {dutch.lower_first(text)}")
        elif key in advice.value:
            outcome.add(advice, "info",
                        f"Niet aangevinkt – toezichthouder: {dutch.lower_first(text)} Dit is een aanbeveling, geen wettelijke plicht; schriftelijk vastleggen "
                        f"helpt wel om te laten zien dat het toezicht goed geregeld is.")
        else:
            gaps += 1
            outcome.add(eisen, "fail", f"Niet geregeld – toezichthouder: {dutch.lower_first(text)} Dit hoort bij adequaat deskundig toezicht.")
    return gaps
