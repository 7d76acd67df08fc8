"""Dutch wording of the examenpakket findings and summaries (the checks are in examenpakket.py).

An editor may change any sentence here; the names in braces are what a check passes.
"""

_NOT_WHOLE = " Een eindcijfer is meestal een geheel getal; de rekenhulp rekent met het cijfer zoals het is ingevuld."

FINDINGS = {
    "leerweg_pass": "De leerling zit in de {chosen:lower_first}: daarin mag een leer-werktraject.",
    "leerweg_fail": (
        "De leerling zit in de {chosen:lower_first}. Een leer-werktraject mag alleen in de {lwt:lower_first}; in een "
        "andere leerweg kan deze leerling geen lwt-examen doen."
    ),
    "parts_present": "Het examen omvat Nederlandse taal (centraal examen en schoolexamen) en het profielvak {profile}.",
    "part_missing": "Ontbreekt in het examen: {part}. Dat is verplicht in het leer-werktraject.",
    "own_profile_module": (
        "{row:upper_first} is een profielmodule van het eigen profiel {profile}. Die hoort al bij het profielvak en telt "
        "daarom niet als keuzevak; deze rekenhulp telt haar niet mee."
    ),
    "duplicate": (
        "‘{name}’ staat {times} keer in de lijst (rij {rows}). Het is één keuzevak en telt één keer mee, ook voor het "
        "combinatiecijfer (met het cijfer van de eerste rij)."
    ),
    "keuzevakken_enough": (
        "De leerling heeft {count} beroepsgerichte keuzevakken; dat zijn er ten minste {minimum}. Keuzevakken mogen uit "
        "elk profiel komen."
    ),
    "keuzevakken_too_few": (
        "De leerling heeft {count} beroepsgerichte {noun}; het leer-werktraject vraagt er ten minste {minimum}. "
        "Er ontbreken {short}."
    ),
    "keuzevakken_one_short": (
        "De leerling heeft {count} beroepsgerichte {noun}; het leer-werktraject vraagt er ten minste "
        "{minimum}. Er ontbreekt 1."
    ),
    "modules_fail": (
        "De leerling heeft {number} profielmodules van het profiel {profile} als keuzevak. Van één ander profiel tellen "
        "ten hoogste {maximum} profielmodules als keuzevak."
    ),
    "modules_pass": (
        "{number} {noun} van het profiel {profile} als keuzevak: dat mag, ten hoogste {maximum} van één ander "
        "profiel."
    ),
    "optional": "Niet verplicht in het leer-werktraject: {names}.",
    "optional_extra": (
        "Niet verplicht in het leer-werktraject: {names}. De leerling volgt {extra}: dat zijn extra vakken. Ze staan op "
        "de cijferlijst maar tellen niet mee voor de uitslag, tenzij alle vakken samen een volledig eindexamen "
        "basisberoepsgerichte leerweg vormen."
    ),
    "rekenen_done": "De leerling doet {name}. {note}",
    "rekenen_missing": "De leerling doet {name} niet, maar dat is verplicht. {note}",
    "rekenen_missing_no_wiskunde": (
        "De leerling doet {name} niet, maar dat is verplicht omdat de leerling geen examen in wiskunde doet. {note}"
    ),
    "rekenen_wiskunde_extra": (
        "De leerling doet {name} niet, maar wel examen in wiskunde. {note} In het leer-werktraject is wiskunde een extra "
        "vak; of dat vrijstelt, is onzeker (de uitleg van DUO is op dit punt onvolledig). Vraag het na bij DUO of het CvTE."
    ),
    "grade_pass": "Het eindcijfer voor {subject} is {grade}; dat is ten minste de {minimum} die nodig is.",
    "grade_pass_not_whole": "Het eindcijfer voor {subject} is {grade}; dat is ten minste de {minimum} die nodig is." + _NOT_WHOLE,
    "grade_fail": (
        "Het eindcijfer voor {subject} is {grade}; in het leer-werktraject is ten minste een {minimum} nodig, zonder "
        "compensatie."
    ),
    "grade_fail_not_whole": (
        "Het eindcijfer voor {subject} is {grade}; in het leer-werktraject is ten minste een {minimum} nodig, zonder "
        "compensatie." + _NOT_WHOLE
    ),
    "combi_none": "Zonder keuzevakken is er geen combinatiecijfer, en dus geen uitslag.",
    "combi_pass": (
        "Het combinatiecijfer is voldoende: het gemiddelde van {count} keuzevakken is {average}, afgerond {rounded}; "
        "nodig is ten minste {minimum}."
    ),
    "combi_pass_one": (
        "Het combinatiecijfer is voldoende: het gemiddelde van 1 keuzevak is {average}, afgerond {rounded}; nodig is ten "
        "minste {minimum}."
    ),
    "combi_fail": (
        "Het combinatiecijfer is onvoldoende: het gemiddelde van {count} keuzevakken is {average}, afgerond {rounded}; "
        "nodig is ten minste {minimum}."
    ),
    "combi_fail_one": (
        "Het combinatiecijfer is onvoldoende: het gemiddelde van 1 keuzevak is {average}, afgerond {rounded}; nodig is "
        "ten minste {minimum}."
    ),
    "rounding_decides": (
        "Het combinatiecijfer is alleen voldoende dankzij de afronding: het gemiddelde {average} is lager dan {minimum}, "
        "afgerond {rounded}. Dat het vmbo-combinatiecijfer zo wordt afgerond (vanaf ,5 naar boven) is een waarschijnlijke "
        "aanname, niet nagelezen. Zonder die afronding zou het combinatiecijfer onvoldoende zijn."
    ),
    "keuzevak_low": (
        "Lager dan een {minimum}: {low}. Volgens Platforms VMBO (SPV) mag geen keuzevak lager dan een {minimum} zijn. De "
        "uitslagregel voor het leer-werktraject noemt die eis niet; deze rekenhulp rekent het daarom niet als zakken. "
        "Vraag na bij het CvTE of de Inspectie."
    ),
    "keuzevak_not_low": (
        "Geen keuzevak heeft een eindcijfer lager dan {minimum}. Dat is ook in orde volgens de strengere lezing van "
        "Platforms VMBO (SPV)."
    ),
    "ce_applies": "Voor dit examen geldt de CE-eis; deze rekenhulp rekent die niet uit.",
    "ce_not_applies": (
        "De CE-eis (een voldoende gemiddelde van de cijfers voor de centrale examens) geldt niet voor het "
        "leer-werktraject. Vormen de vakken samen een volledig eindexamen basisberoepsgerichte leerweg, dan gelden wel "
        "de gewone regels van die leerweg."
    ),
}

#: The summary is put together from these parts, in this order.
SUMMARIES = {
    "package_ok": "Het pakket past bij een leer-werktraject.",
    "package_not_ok": "Het pakket voldoet niet aan de eisen van het leer-werktraject (zie hieronder).",
    "passed": "Met deze cijfers is de leerling geslaagd (Nederlands {nederlands}, profielvak {profielvak}, combinatiecijfer {combinatiecijfer}).",
    "not_passed": "Met deze cijfers is de leerling niet geslaagd (Nederlands {nederlands}, profielvak {profielvak}, combinatiecijfer {combinatiecijfer}).",
    "grades_ok_package_not": (
        "De cijfers voldoen aan de uitslagregel (Nederlands {nederlands}, profielvak {profielvak}, combinatiecijfer "
        "{combinatiecijfer}), maar de leerling kan pas slagen als het pakket in orde is."
    ),
    "mind_warnings": "Let op de waarschuwingen hieronder.",
}
