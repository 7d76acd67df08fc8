"""Dutch wording of the stage_uren findings and summaries (the checks are in stage_uren.py).

An editor may change any sentence here; the names in braces are the numbers a check passes.
Numbers are written in Dutch notation (1.280, 7,5), lists as "3 en 4". The leerbedrijf findings
are in leerbedrijf_nl.py (shared with stageovereenkomst).
"""

FINDINGS = {
    "outside_years": (
        "De stage ({where}) ligt buiten {years}. Volgens de wettekst tellen alleen stage-uren in {years} mee; de "
        "presentatie van SPV (2024) zegt dat een lwt al in leerjaar 1 mag starten. Deze uren zijn niet meegeteld. "
        "Vraag bij twijfel na bij SPV of de Inspectie."
    ),
    "no_school_day": (
        "De stage ({where}) heeft {days} stagedagen per week: dan blijft er geen schooldag over. Elke schoolweek in "
        "{years} moet ook onderwijs op school bevatten."
    ),
    "too_few": (
        "Er tellen {counted} uur stage mee over {years} samen. Dat is {short} uur te weinig: de wet vraagt "
        "{minimum} tot en met {maximum} klokuren."
    ),
    "enough": "Er tellen {counted} uur stage mee; dat is ten minste de {minimum} klokuren die de wet vraagt.",
    "too_many": (
        "Er tellen {counted} uur stage mee. Dat is {over} uur te veel: de wet staat hoogstens {maximum} klokuren toe "
        "over {years} samen."
    ),
    "not_too_many": "Er tellen {counted} uur stage mee; dat is niet meer dan de {maximum} klokuren die de wet toestaat.",
    "too_young": "Een leerling van {age} jaar mag nog geen stage lopen bij een bedrijf: dat mag pas vanaf {from_age} jaar.",
    "day_too_long": (
        "Periode {row}: {hours} uur per stagedag is te veel voor een leerling van {age} jaar; die mag hoogstens "
        "{limit} uur per dag werken, schooltijd op die dag meegerekend."
    ),
    "days_needed": (
        "De wet noemt {minimum} klokuren ‘verzorgd in {days} dagen’, dus dagen van 8 uur. Een leerling van {age} jaar "
        "mag hoogstens {limit} uur per dag werken en heeft dus ten minste {needed} stagedagen nodig voor {minimum} uur. "
        "Gepland zijn {planned} stagedagen die meetellen."
    ),
}

SUMMARIES = {
    "pass": "Het stageplan voldoet: er tellen {counted} uur mee, binnen de wettelijke grenzen van {minimum} tot en met {maximum} klokuren.",
    "warning": "Er tellen {counted} uur mee, binnen de grenzen van {minimum} tot en met {maximum} klokuren; maar let op de punten hieronder.",
    "fail_too_few": (
        "Het stageplan voldoet niet: er tellen {counted} uur mee, {short} uur te weinig; de wet vraagt {minimum} tot "
        "en met {maximum} klokuren."
    ),
    "fail_too_many": (
        "Het stageplan voldoet niet: er tellen {counted} uur mee, {over} uur te veel; de wet staat {minimum} tot en met "
        "{maximum} klokuren toe."
    ),
    "fail_other": (
        "Er tellen {counted} uur mee, binnen de grenzen van {minimum} tot en met {maximum} klokuren, maar het "
        "stageplan voldoet niet aan een andere regel (zie hieronder)."
    ),
}
