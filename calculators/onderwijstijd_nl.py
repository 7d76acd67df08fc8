"""Dutch wording of the onderwijstijd findings and summaries (the checks are in onderwijstijd.py).

An editor may change any sentence here; the names in braces are what a check passes. Hours
arrive written out ("3.700 uur"); ``{norm}`` is a bare number of klokuren.
"""

FINDINGS = {
    "total_pass": (
        "Over {count} leerjaren samen zijn {total} onderwijstijd gepland ({school} op school en {stage} stage). Dat is "
        "ten minste de {norm} klokuren die de wet vraagt."
    ),
    "total_fail": (
        "Over {count} leerjaren samen zijn {total} onderwijstijd gepland ({school} op school en {stage} stage). Dat is "
        "{short} te weinig: de wet vraagt ten minste {norm} klokuren over de hele opleiding."
    ),
    "spread": (
        "Er geldt geen minimum aantal uren per leerjaar: de school verdeelt de {norm} klokuren zelf over de leerjaren. "
        "De verdeling in dit rooster is {spread}."
    ),
    "stage_counts": (
        "De {stage} stage tellen mee als onderwijstijd: de stage van het leer-werktraject hoort bij de onderwijstijd "
        "van {years}."
    ),
    "stage_not_counted": "De {stage} stage tellen op deze peildatum niet mee als onderwijstijd.",
    "early_stage": (
        "In {early} is {hours} stage gepland. De wettekst plaatst de stage van het leer-werktraject in {years}; de "
        "presentatie van SPV (september 2024) zegt dat een leer-werktraject al in leerjaar 1 mag starten met een "
        "beperkt onderwijspakket, maar daarvoor is geen bron gevonden. Stage bij een bedrijf mag bovendien pas vanaf "
        "{min_age} jaar, en de meeste leerlingen in leerjaar 1 en 2 zijn jonger. Deze uren tellen hier mee als "
        "onderwijstijd, maar niet voor de {low} tot {high} stage-uren van het leer-werktraject. Vraag bij twijfel na "
        "bij SPV of de Inspectie."
    ),
    "early_stage_short": (
        "In {early} is {hours} stage gepland. De wettekst plaatst de stage van het leer-werktraject in {years}; de "
        "presentatie van SPV (september 2024) zegt dat een leer-werktraject al in leerjaar 1 mag starten met een "
        "beperkt onderwijspakket, maar daarvoor is geen bron gevonden. Stage bij een bedrijf mag bovendien pas vanaf "
        "{min_age} jaar, en de meeste leerlingen in leerjaar 1 en 2 zijn jonger. Deze uren tellen hier mee als "
        "onderwijstijd, maar niet voor de {low} tot {high} stage-uren van het leer-werktraject. Zonder die uren komt "
        "de opleiding op {without} en haalt ze de {norm} klokuren niet; zorg dan dat de stage echt deel is van het "
        "verplichte programma. Vraag bij twijfel na bij SPV of de Inspectie."
    ),
    "lwt_stage_low": (
        "In {where} staat {hours} stage. Een leer-werktraject heeft {low} tot en met {high} klokuren stage in {where} "
        "samen. Reken het stageplan na met de rekenhulp voor stage-uren."
    ),
    "lwt_stage_high": (
        "In {where} staat {hours} stage. Dat is meer dan de {high} klokuren die een leer-werktraject hoogstens heeft. "
        "Reken het stageplan na met de rekenhulp voor stage-uren."
    ),
    "lwt_stage_ok": (
        "In {where} staat {hours} stage; dat past binnen de {low} tot en met {high} klokuren van een leer-werktraject. "
        "Of het leerbedrijf erkend is, toetst de rekenhulp voor stage-uren."
    ),
    "final_year_fewer_days": (
        "Leerjaar {year} heeft {days} onderwijsdagen, minder dan {minimum}. Dat mag: in het laatste leerjaar hoeft de "
        "school vanaf het begin van het eerste tijdvak van het centraal examen geen onderwijs meer te geven. Tot dat "
        "moment moet het onderwijs gewoon doorgaan."
    ),
    "days_too_few": (
        "Leerjaar {year} heeft {days} onderwijsdagen. Dat is {short} te weinig: in elk schooljaar moet de school op ten "
        "minste {minimum} dagen onderwijs verzorgen."
    ),
    "days_ok_one": "Leerjaar {years} heeft ten minste {minimum} onderwijsdagen.",
    "days_ok": "Leerjaar {years} hebben elk ten minste {minimum} onderwijsdagen.",
    "maatwerk": (
        "Voor een individuele leerling mag de school in diens belang van deze norm afwijken (maatwerk, naar boven of "
        "naar beneden). Deze rekenhulp toetst het rooster zoals de school het voor de groep programmeert."
    ),
}

SUMMARIES = {
    "fail_total": (
        "De onderwijstijd voldoet niet: over {count} leerjaren zijn {total} gepland, {short} minder dan de {norm} "
        "klokuren die de wet vraagt."
    ),
    "fail": (
        "De {total} over {count} leerjaren halen de norm van {norm} klokuren, maar niet elk schooljaar heeft genoeg "
        "onderwijsdagen (zie hieronder)."
    ),
    "warning": "Met {total} over {count} leerjaren haalt de opleiding de norm van {norm} klokuren; let wel op de punten hieronder.",
    "pass": (
        "De onderwijstijd voldoet: {total} over {count} leerjaren (de norm is {norm} klokuren) en genoeg onderwijsdagen "
        "in elk schooljaar."
    ),
}
