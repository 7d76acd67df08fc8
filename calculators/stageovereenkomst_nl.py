"""Dutch wording of the stageovereenkomst findings and summaries (the checks are in stageovereenkomst.py).

An editor may change any sentence here; the names in braces are what a check passes. The
leerbedrijf findings are in leerbedrijf_nl.py (shared with stage_uren).
"""

FINDINGS = {
    "item_present": "Onderdeel {key} staat erin: {text}.",
    "item_missing": "Onderdeel {key} ontbreekt: {text}. De wet eist dat de overeenkomst dit bevat.",
    "insurer_missing": "De overeenkomst zegt niet {what:lower_first}. Dat moet erin staan.",
    "no_insurance": (
        "Volgens de overeenkomst wordt geen verzekering gesloten. De tekst van 2015 eiste alleen dat de overeenkomst "
        "zegt wie verzekert, \"indien een zodanige verzekering wordt gesloten\"; of dat ook nu zo is, is niet "
        "nagelezen. Ga na of de leerling via de school of het leerbedrijf verzekerd is."
    ),
    "insurer_named": "De verzekering tegen ongevallen en aansprakelijkheid sluit: {who}.",
    "payer_missing": "De overeenkomst zegt niet {what:lower_first}. Dat moet erin staan.",
    "payer_named": "De premie betaalt: {who}.",
    "appointed": "De {role} is aangewezen: {name}.",
    "not_appointed_stageleraar": (
        "Er is geen stageleraar genoemd. {description} Laat de school iemand aanwijzen en zet de naam in de overeenkomst."
    ),
    "not_appointed_stagebegeleider": (
        "Er is geen stagebegeleider genoemd. {description} Laat het leerbedrijf iemand aanwijzen en zet de naam in de "
        "overeenkomst."
    ),
    "signed": "Ondertekend door {who}.",
    "minor_did_not_sign": (
        "De handtekening van {who} ontbreekt. Bij een minderjarige leerling is niet zeker of die zelf tekent: de tekst "
        "van 2015 zegt dat de ouders \"mede\" ondertekenen (dan tekent de leerling ook), de presentatie van 2024 spreekt "
        "van \"ouders of handelingsbekwame leerling\". Laat de leerling voor de zekerheid ook tekenen."
    ),
    "not_signed": "De handtekening van {who} ontbreekt.",
    "adult_signs": "De leerling is {age} jaar en tekent zelf; de handtekening van een ouder is niet nodig.",
    "parent_signed": "Ondertekend door {who}, zoals nodig bij een leerling jonger dan {majority}.",
    "parent_signed_child": (
        "Ondertekend door {who}, zoals nodig bij een leerling jonger dan {majority}. Bij een leerling jonger dan "
        "{youth_age} is dat bovendien een voorwaarde om stage te mogen lopen (Nadere regeling kinderarbeid)."
    ),
    "parent_missing": "De leerling is {age} jaar: de overeenkomst moet ook worden ondertekend door {who}.",
    "parent_missing_child": (
        "De leerling is {age} jaar: de overeenkomst moet ook worden ondertekend door {who}. Bij een leerling jonger "
        "dan {youth_age} is dat bovendien een voorwaarde om stage te mogen lopen (Nadere regeling kinderarbeid)."
    ),
    "leerwerkovereenkomst": (
        "Voor een leer-werktraject eiste de oude WVO ook een leer-werkovereenkomst, met ten minste: {listed}. Of die "
        "nog apart nodig is, is niet zeker; neem deze punten voor de zekerheid op in dezelfde overeenkomst."
    ),
}

SUMMARIES = {
    "pass": "De stageovereenkomst is volledig: alle onderdelen, de verzekering, de begeleiders en de handtekeningen zijn geregeld.",
    "warning": "De stageovereenkomst bevat alles wat de wet vraagt, maar let op de waarschuwingen hieronder.",
    "fail_one": "De stageovereenkomst is niet volledig: 1 punt ontbreekt of is niet in orde (zie hieronder).",
    "fail": "De stageovereenkomst is niet volledig: {failures} punten ontbreken of zijn niet in orde (zie hieronder).",
}
