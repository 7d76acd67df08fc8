"""Dutch wording of the werktijden findings and summaries (the checks are in werktijden.py).

An editor may change any sentence here; the names in braces are what a check passes. Hours and
times arrive written out ("7 uur", "7 uur en 30 minuten", "19.00 uur"); ``{who}`` is
"een leerling van 15 jaar", ``{day}`` a weekday in lower case.
"""

FINDINGS = {
    "too_young_with_stage": (
        "Een leerling van {age} jaar mag nog geen stage lopen bij een bedrijf: arbeid naast en in samenhang met het "
        "onderwijs mag pas vanaf {from_age} jaar. In dit rooster staat {stage} stage."
    ),
    "too_young_without_stage": "Er staat geen stage in dit rooster. Stage bij een bedrijf mag pas vanaf {from_age} jaar.",
    "adult": (
        "Een leerling van {age} jaar is volwassen voor de Arbeidstijdenwet: de extra grenzen voor kinderen en jeugdige "
        "werknemers gelden vanaf {from_age} jaar niet meer. De gewone grenzen voor volwassenen rekent deze rekenhulp "
        "niet na. Dit rooster telt {total} school en stage samen."
    ),
    "no_stage": (
        "Er staat geen stage in dit rooster. De grenzen voor werktijden gelden voor weken waarin de leerling werkt; "
        "school alleen toetst deze rekenhulp niet."
    ),
    "school_counts": (
        "De {school} op school deze week tellen mee als werktijd, pauzes op school inbegrepen. Samen met {stage} stage "
        "is de werktijd deze week {total}."
    ),
    "school_not_counted": (
        "De {school} op school deze week tellen op deze peildatum niet mee als werktijd, pauzes op school inbegrepen. "
        "Samen met {stage} stage is de werktijd deze week {total}."
    ),
    "day_too_long": (
        "{day:upper_first}: {school} school en {stage} stage is samen {work} werktijd. Dat is {over} te veel: {who} mag "
        "hoogstens {limit} {per} werken, schooltijd meegerekend."
    ),
    "day_ok": (
        "Op geen enkele dag meer dan {limit} werktijd, schooltijd meegerekend; de langste dag is {day} met {work}."
    ),
    "week_fail": (
        "Deze week is de werktijd {total} ({school} school en {stage} stage). Dat is {over} te veel: {who} mag hoogstens "
        "{limit} per week werken, schooltijd meegerekend."
    ),
    "week_pass": (
        "Deze week is de werktijd {total} ({school} school en {stage} stage); dat is niet meer dan de {limit} per week "
        "die {who} mag werken."
    ),
    "average": (
        "Deze week telt {total}. Dat mag in één week, maar over elke 4 weken achter elkaar mag {who} gemiddeld hoogstens "
        "{limit} per week werken. De weken eromheen moeten dus korter zijn."
    ),
    "starts_too_early": "{day:upper_first}: de stage begint om {at}. {who:upper_first} mag niet werken voor {limit}.",
    "ends_too_late": "{day:upper_first}: de stage eindigt om {at}. {who:upper_first} mag niet werken na {limit}.",
    "times_ok": "Alle stagetijden liggen tussen {earliest} en {latest}.",
    "night_work": (
        "{day:upper_first}: de stage loopt van {begin} tot {end}. {who:upper_first} mag niet werken tussen {night_from} "
        "en {night_to}."
    ),
    "night_ok": "Geen stage tussen {night_from} en {night_to}: alle stagetijden liggen daarbuiten.",
    "rest_too_short": (
        "{day:upper_first}: van het begin tot het einde van de stage is {span}. {who:upper_first} heeft elke 24 uur "
        "{rest} onafgebroken rust; begin en einde mogen dan hoogstens {longest} uit elkaar liggen, en de stage alleen "
        "ligt al verder uit elkaar."
    ),
    "pause_short_whole": (
        "{day:upper_first}: {stage} stage met {pause} minuten pauze. Bij meer dan {after} werk hoort een pauze van ten "
        "minste {minimum} minuten aaneengesloten."
    ),
    "pause_short_split": (
        "{day:upper_first}: {stage} stage met {pause} minuten pauze. Bij meer dan {after} werk hoort een pauze van ten "
        "minste {minimum} minuten. De pauze mag gesplitst worden in delen van ten minste {part} minuten."
    ),
    "pause_maybe_at_school": (
        "{day:upper_first}: school en stage zijn samen {work}, meer dan {after}. Dan hoort er een pauze van ten minste "
        "{minimum} minuten bij. Die kan op school of tussen school en stage liggen; dat kan deze rekenhulp niet zien."
    ),
    "pause_ok": "Op elke stagedag met meer dan {after} werk is er ten minste {minimum} minuten pauze.",
    "pause_not_needed": "Geen stagedag heeft meer dan {after} stagewerk; een pauze tijdens de stage is niet verplicht.",
    "sunday_forbidden": "Er staat stage op zondag. {who:upper_first} mag op zondag geen stage lopen.",
    "no_sunday": "Geen stage op zondag.",
    "sunday_conditions": (
        "Er staat stage op zondag. Voor {who} mag dat alleen als het uit de aard van het werk volgt en zo is afgesproken, "
        "of als de bedrijfsomstandigheden het nodig maken en de leerling instemt. Leg dat vast in de stageovereenkomst."
    ),
    "free_sundays": "Werkt {who} op zondagen, dan blijven er in elke 52 weken ten minste {free} zondagen vrij.",
}

SUMMARIES = {
    "too_young_with_stage": "Een leerling van {age} jaar mag nog geen stage lopen bij een bedrijf; dat mag pas vanaf {from_age} jaar.",
    "too_young_without_stage": (
        "Er staat geen stage in het rooster; een leerling van {age} jaar mag ook nog geen stage lopen bij een bedrijf."
    ),
    "adult": (
        "Voor een leerling van {age} jaar gelden de extra werktijdregels voor jongeren niet; het rooster telt {total} "
        "school en stage samen."
    ),
    "no_stage": "Er staat geen stage in dit rooster, dus er is niets te toetsen aan de werktijdregels.",
    "fail_one": "Het rooster voldoet niet aan de werktijdregels voor {who}: 1 punt gaat mis (zie hieronder).",
    "fail": "Het rooster voldoet niet aan de werktijdregels voor {who}: {failed} punten gaan mis (zie hieronder).",
    "warning": "Het rooster blijft binnen de grenzen voor {who} ({total} werktijd deze week), maar let op de punten hieronder.",
    "pass": "Het rooster voldoet aan de werktijdregels voor {who}: {total} werktijd deze week, schooltijd meegerekend.",
}
