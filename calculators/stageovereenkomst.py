"""Stageovereenkomst: is the written stage agreement complete, and is the leerbedrijf recognised?

The rule (UB WVO 2020 art. 2.36; before 1 August 2021 Inrichtingsbesluit WVO art. 35):
the stage rests on a written agreement between the bevoegd gezag, the pupil and the
stagebieder. It contains at least (a) the pupil's leeractiviteiten, (b) the start date, end
date and times, (c) how guidance is divided between the stageleraar and the
stagebegeleider, (d) how the stagebieder takes part in the assessment and (e) an arrangement
that lets the inspectie supervise. It also says who insures the pupil against accidents
and liability and who pays the premium (the 2015 text adds "if such insurance is taken
out"; uncertain for the current text, so "no insurance" gives a warning). The school
appoints a stageleraar, the stagebieder a stagebegeleider. For a minor the agreement is
also signed by a parent; under 16 that is also a condition of NRK art. 3:1 lid 1.

For an lwt the stage must be at a leerbedrijf with one of SBB's ten vmbo recognitions
(WVO 2020 art. 2.103 e.v.; SBB); any vmbo profile will do. An unknown code is an input error.

Every list, age and text comes from data/ (``stageovereenkomst.*``,
``leerbedrijven.sbb_codes_vmbo``, ``werktijden.leeftijd_jeugdige_vanaf``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from . import dutch
from .inputs import Field
from .outcome import Outcome
from .rules import Rules

NAME = "stageovereenkomst"
TITLE = "Is de stageovereenkomst volledig?"
#: The norms of data/ this calculator reads (the form lists their descriptions).
NORMS = (
    "leerbedrijven.sbb_codes_vmbo",
    "stageovereenkomst.handtekening_ouder",
    "stageovereenkomst.leerwerkovereenkomst",
    "stageovereenkomst.onderdelen",
    "stageovereenkomst.ondertekenaars",
    "stageovereenkomst.partijen",
    "stageovereenkomst.stagebegeleider",
    "stageovereenkomst.stageleraar",
    "stageovereenkomst.verzekeraars",
    "stageovereenkomst.verzekering",
    "werktijden.leeftijd_jeugdige_vanaf",
)
INTRO = (
    "Vink aan wat in de stageovereenkomst staat en wie haar heeft ondertekend, en vul de SBB-code van het "
    "leerbedrijf in. De rekenhulp controleert de overeenkomst punt voor punt aan de wet (artikel 2.36 van "
    "het Uitvoeringsbesluit WVO 2020) en zegt wat nog ontbreekt."
)

FIELDS = (
    Field("leeftijd", "Leeftijd van de leerling", "integer", unit="jaar", minimum=10, maximum=30, default=15,
          hint="Op de dag van ondertekening. Bij een minderjarige leerling tekent ook een ouder."),
    Field("sbb_code", "SBB-code van het leerbedrijf", "text", default="19030",
          hint="De erkenningscode op Stagemarkt, vijf cijfers, bijvoorbeeld 19030."),
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


def _sentence(text: str) -> str:
    """``"De leeractiviteiten."`` -> ``"de leeractiviteiten"``, for use inside a sentence."""
    return dutch.lower_first(text[:-1] if text.endswith(".") else text)


def _check_input(values: dict[str, Any], codes: dict[str, str], outcome: Outcome) -> None:
    code = values["sbb_code"]
    valid = ", ".join(sorted(codes))
    if not (len(code) == 5 and code.isdigit()):
        outcome.error("sbb_code", f"Vul bij ‘SBB-code van het leerbedrijf’ een code van vijf cijfers in. "
                                  f"Geldige vmbo-codes zijn {valid}.")
    elif code not in codes:
        outcome.error("sbb_code", f"Code {code} is geen vmbo-erkenning van SBB. Geldige vmbo-codes zijn {valid} "
                                  f"(één per profiel; welk profiel maakt niet uit). Zoek het leerbedrijf op Stagemarkt.nl.")
    if values["verzekering"] not in (None, "niemand") and values["premie"] == "niemand":
        outcome.error("premie", "Er wordt een verzekering gesloten, dus iemand betaalt de premie. Kies wie, of laat het veld "
                                "leeg als de overeenkomst het niet zegt.")


def calculate(values: dict[str, Any], rules: Rules, on: date, outcome: Outcome) -> None:
    """Check the agreement item by item; see the module docstring for the rules."""
    codes = rules.get("leerbedrijven.sbb_codes_vmbo", on)
    _check_input(values, codes.value, outcome)
    if outcome.errors:
        return
    age = values["leeftijd"]

    outcome.add(codes, "pass",
                f"Het leerbedrijf is erkend onder code {values['sbb_code']} ({codes.value[values['sbb_code']]}). Dat is een "
                f"vmbo-erkenning van SBB; voor welk profiel maakt voor het leer-werktraject niet uit.")

    # Items a-e.
    items = rules.get("stageovereenkomst.onderdelen", on)
    missing = 0
    for key, text in sorted(items.value.items()):
        if key in values["onderdelen"]:
            outcome.add(items, "pass", f"Onderdeel {key} staat erin: {_sentence(text)}.")
        else:
            missing += 1
            outcome.add(items, "fail", f"Onderdeel {key} ontbreekt: {_sentence(text)}. De wet eist dat de overeenkomst dit bevat.")

    # Insurance and premium.
    insurance = rules.get("stageovereenkomst.verzekering", on)
    parties = rules.get("stageovereenkomst.verzekeraars", on).value
    who = values["verzekering"]
    if who is None:
        outcome.add(insurance, "fail",
                    f"De overeenkomst zegt niet {_sentence(insurance.value['verzekering'])}. Dat moet erin staan.")
    elif who == "niemand":
        outcome.add(insurance, "warning",
                    "Volgens de overeenkomst wordt geen verzekering gesloten. De tekst van 2015 eiste alleen dat de "
                    "overeenkomst zegt wie verzekert, \"indien een zodanige verzekering wordt gesloten\"; of dat ook nu zo is, "
                    "is niet nagelezen. Ga na of de leerling via de school of het leerbedrijf verzekerd is.")
    else:
        outcome.add(insurance, "pass", f"De verzekering tegen ongevallen en aansprakelijkheid sluit: {_sentence(parties[who])}.")
        payer = values["premie"]
        if payer is None:
            outcome.add(insurance, "fail",
                        f"De overeenkomst zegt niet {_sentence(insurance.value['premie'])}. Dat moet erin staan.")
        else:
            outcome.add(insurance, "pass", f"De premie betaalt: {_sentence(parties[payer])}.")

    # Stageleraar and stagebegeleider.
    for field, norm_id, who_appoints in (
        ("stageleraar", "stageovereenkomst.stageleraar", "de school"),
        ("stagebegeleider", "stageovereenkomst.stagebegeleider", "het leerbedrijf"),
    ):
        norm = rules.get(norm_id, on)
        if values[field]:
            outcome.add(norm, "pass", f"De {field} is aangewezen: {values[field]}.")
        else:
            outcome.add(norm, "fail",
                        f"Er is geen {field} genoemd. {norm.description} Laat {who_appoints} iemand aanwijzen en zet de naam "
                        f"in de overeenkomst.")

    # Signatures.
    signers = rules.get("stageovereenkomst.ondertekenaars", on).value
    must_sign = rules.get("stageovereenkomst.partijen", on)
    parent = rules.get("stageovereenkomst.handtekening_ouder", on)
    kind_age = rules.get("werktijden.leeftijd_jeugdige_vanaf", on)
    signed = values["ondertekend"]
    minor = age < parent.value
    for key in must_sign.value:
        label = _sentence(signers[key])
        if key in signed:
            outcome.add(must_sign, "pass", f"Ondertekend door {label}.")
        elif key == "leerling" and minor:
            outcome.add(must_sign, "warning",
                        f"De handtekening van {label} ontbreekt. Bij een minderjarige leerling is niet zeker of die zelf "
                        f"tekent: de tekst van 2015 zegt dat de ouders \"mede\" ondertekenen (dan tekent de leerling ook), "
                        f"de presentatie van 2024 spreekt van \"ouders of handelingsbekwame leerling\". Laat de leerling "
                        f"voor de zekerheid ook tekenen.")
        else:
            outcome.add(must_sign, "fail", f"De handtekening van {label} ontbreekt.")
    parent_label = _sentence(signers["ouder"])
    if minor:
        extra = (f" Bij een leerling jonger dan {kind_age.value} is dat bovendien een voorwaarde om stage te mogen lopen "
                 f"(Nadere regeling kinderarbeid).") if age < kind_age.value else ""
        if "ouder" in signed:
            outcome.add(parent, "pass", f"Ondertekend door {parent_label}, zoals nodig bij een leerling jonger dan {parent.value}.{extra}")
        else:
            outcome.add(parent, "fail",
                        f"De leerling is {age} jaar: de overeenkomst moet ook worden ondertekend door {parent_label}.{extra}")
    else:
        outcome.add(parent, "info", f"De leerling is {age} jaar en tekent zelf; de handtekening van een ouder is niet nodig.")

    # The lwt's leer-werkovereenkomst of the old law.
    lwo = rules.get("stageovereenkomst.leerwerkovereenkomst", on)
    listed = "; ".join(f"{key}) {_sentence(text)}" for key, text in sorted(lwo.value.items()))
    outcome.add(lwo, "info",
                f"Voor een leer-werktraject eiste de oude WVO ook een leer-werkovereenkomst, met ten minste: {listed}. Of "
                f"die nog apart nodig is, is niet zeker; neem deze punten voor de zekerheid op in dezelfde overeenkomst.")

    failures = sum(1 for finding in outcome.findings if finding.status == "fail")
    outcome.values.update({
        "onderdelen_aanwezig": len(items.value) - missing,
        "onderdelen_ontbrekend": missing,
        "punten_niet_in_orde": failures,
        "sbb_profiel": codes.value[values["sbb_code"]],
    })
    if failures:
        outcome.summary = (f"De stageovereenkomst is niet volledig: {failures} "
                           f"{'punt ontbreekt of is' if failures == 1 else 'punten ontbreken of zijn'} niet in orde (zie hieronder).")
    elif outcome.status == "warning":
        outcome.summary = "De stageovereenkomst bevat alles wat de wet vraagt, maar let op de waarschuwingen hieronder."
    else:
        outcome.summary = "De stageovereenkomst is volledig: alle onderdelen, de verzekering, de begeleiders en de handtekeningen zijn geregeld."
