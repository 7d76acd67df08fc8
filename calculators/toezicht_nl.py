"""Dutch wording of the toezicht findings and summaries (the checks are in toezicht.py).

An editor may change any sentence here; the names in braces are what a check passes. Weights
arrive with their unit ("10 kg").
"""

FINDINGS = {
    "too_young": (
        "Een leerling van {age} jaar mag nog geen stage lopen bij een bedrijf: een stage als deel van het onderwijs "
        "mag pas vanaf {from_age} jaar, ook voor licht werk."
    ),
    "risky_too_young": (
        "Een leerling van {age} jaar mag geen {work} doen, ook niet onder toezicht: dit werk is nooit arbeid van lichte "
        "aard, en een leerling jonger dan {from_age} mag alleen arbeid van lichte aard doen. Vanaf {from_age} jaar mag "
        "het, en dan alleen onder deskundig toezicht."
    ),
    "risky_under_supervision": (
        "Een leerling van {age} jaar mag {work} doen, maar alleen onder adequaat deskundig toezicht dat het gevaar "
        "wegneemt, en nooit werk dat voor jongeren onder de {adult} helemaal verboden is."
    ),
    "work_allowed": "Een leerling van {age} jaar mag {work} doen tijdens de stage.",
    "never_light_present": (
        "Niet toegestaan: {what}. Dat is nooit arbeid van lichte aard; een leerling jonger dan {youth} mag het niet doen."
    ),
    "never_light_absent": "In orde: geen {listed}.",
    "lift_too_much": (
        "De leerling tilt {kg}. Jonger dan {youth} mag een leerling ten hoogste {limit} tillen; zwaarder tillen is geen "
        "arbeid van lichte aard."
    ),
    "lift_ok": "In orde: de leerling tilt {kg}, niet meer dan {limit}.",
    "push_too_much": (
        "De leerling duwt of trekt met {kg}. Jonger dan {youth} is ten hoogste {limit} toegestaan; meer is geen arbeid "
        "van lichte aard."
    ),
    "push_ok": "In orde: de leerling duwt of trekt met {kg}, niet meer dan {limit}.",
    "child_limits_not_apply": (
        "De leerling is {age}: de grenzen voor kinderen jonger dan {youth} (onder meer geen kassawerk, tillen ten "
        "hoogste {lift}, duwen of trekken ten hoogste {push}) gelden niet meer. Wat veilig is, volgt uit de "
        "risico-inventarisatie van het leerbedrijf."
    ),
    "youth_rules_not_apply": (
        "De leerling is {age}: de extra regels voor jongeren onder de {adult} (aanvullende RI&E, deskundig toezicht en "
        "de eisen aan de toezichthouder) gelden niet meer. De gewone arboregels blijven gelden."
    ),
    "supervisor_age_fail": (
        "De toezichthouder is {age} jaar; een toezichthouder moet ten minste {minimum} jaar zijn. Wijs iemand anders aan."
    ),
    "supervisor_age_pass": "In orde: de toezichthouder is {age} jaar, ten minste {minimum}.",
    "supervisor_duty_done": "In orde – toezichthouder: {text}",
    "supervisor_advice_open": (
        "Niet aangevinkt – toezichthouder: {text} Dit is een aanbeveling, geen wettelijke plicht; schriftelijk vastleggen "
        "helpt wel om te laten zien dat het toezicht goed geregeld is."
    ),
    "supervisor_duty_open": "Niet geregeld – toezichthouder: {text} Dit hoort bij adequaat deskundig toezicht.",
    "risky_unsupervised": (
        "Risicovol werk mag een leerling van {age} jaar alleen doen onder adequaat deskundig toezicht. Dat toezicht is "
        "niet volledig geregeld (zie de punten over de toezichthouder); zolang dat zo is, mag de leerling dit werk niet doen."
    ),
    "risky_supervised": (
        "Het deskundig toezicht op het risicovolle werk is volgens de invoer geregeld. Het toezicht moet het gevaar echt "
        "wegnemen; lukt dat niet, dan mag de leerling dit werk niet doen."
    ),
    "employer_done": "In orde: {text}",
    "employer_not_needed": "Niet verplicht voor een leerling van {age} jaar, alleen voor een leerling jonger dan {limit}: {text}",
    "employer_open": "Niet geregeld: {text} – dit is verplicht.",
}

#: The summary is a lead (what the pupil may do) and a tail (how many points are not in order).
SUMMARIES = {
    "lead_too_young": "Een leerling van {age} jaar mag nog geen stage lopen bij een bedrijf.",
    "lead_not_allowed": "Een leerling van {age} jaar mag geen {work} doen.",
    "lead_supervised": "Een leerling van {age} jaar mag {work} doen, alleen onder deskundig toezicht.",
    "lead_allowed": "Een leerling van {age} jaar mag {work} doen.",
    "tail_ok": "Alle verplichte punten van de checklist zijn in orde.",
    "tail_one": "1 punt is niet in orde of ontbreekt; zie de lijst hieronder.",
    "tail_many": "{failures} punten zijn niet in orde of ontbreken; zie de lijst hieronder.",
}
