"""Dutch wording of the werkweken findings and summaries (the checks are in werkweken.py).

An editor may change any sentence here; the names in braces are what a check passes. ``{weeks}``
and ``{week}`` are weeks written out ("week 37 (7 t/m 13 september 2026)"), hours arrive written
out ("45 uur"), ``{message}`` is a finding of the week calculator.
"""

FINDINGS = {
    "in_weeks": "{weeks}: {message}",
    "passed_in_one_week": "In orde in de week met stage waarin dit getoetst is ({weeks}). {message}",
    "passed_in_weeks": "In orde in alle {count} weken met stage waarin dit getoetst is ({weeks}). Bijvoorbeeld de eerste: {message}",
    "hours_only_too_many": (
        "{week}: {hours} werktijd. Dat is {excess} te veel: een leerling van {age} jaar mag hoogstens {limit} per week werken."
    ),
    "hours_only_within": (
        "{week}: {hours} werktijd, niet meer dan {limit}. Van deze week is alleen het totaal bekend; uren per dag, tijden, "
        "pauzes en zondag zijn niet getoetst."
    ),
    "age_on_monday": (
        "Op {birthday}, de maandag van {week}, wordt de leerling {age}. Vanaf die week toetst de rekenhulp aan de grenzen "
        "voor {age} jaar."
    ),
    "age_in_week_on": (
        "In {week} wordt de leerling {age} (op {birthday}). Die week toetst de rekenhulp nog aan de grenzen van vóór de "
        "verjaardag; vanaf {next_week} aan de grenzen voor {age} jaar."
    ),
    "age_in_week": (
        "In {week} wordt de leerling {age}. Die week toetst de rekenhulp nog aan de grenzen van vóór de verjaardag; vanaf "
        "{next_week} aan de grenzen voor {age} jaar."
    ),
    "average_not_checkable": (
        "Het gemiddelde van hoogstens {limit} per week over 4 weken is niet getoetst: de periode heeft geen 4 weken achter "
        "elkaar waarin de leerling 16 of 17 jaar is."
    ),
    "average_window": "{first} t/m {last}: gemiddeld {average} per week",
    "average_too_high": (
        "Een leerling van 16 of 17 jaar werkt in elke 4 weken achter elkaar gemiddeld hoogstens {limit} per week, "
        "schooltijd meegerekend. Te veel in {windows}."
    ),
    "average_too_high_more": (
        "Een leerling van 16 of 17 jaar werkt in elke 4 weken achter elkaar gemiddeld hoogstens {limit} per week, "
        "schooltijd meegerekend. Te veel in {windows}. Dat geldt voor {count} perioden van 4 weken."
    ),
    "average_within": (
        "In elke 4 weken achter elkaar is de werktijd gemiddeld hoogstens {limit} per week; het hoogste gemiddelde is "
        "{highest} ({first} t/m {last}). Weken zonder stage tellen mee met hun uren op school."
    ),
    "sunday_agreed": (
        "Er is stage op {count} zondagen ({weeks}). Volgens de invoer volgt dat uit de aard van het werk en is het zo "
        "afgesproken; leg dat vast in de stageovereenkomst."
    ),
    "sunday_not_agreed": (
        "Er is stage op {count} zondagen ({weeks}). Voor een leerling van 16 of 17 jaar mag dat alleen als het uit de aard "
        "van het werk volgt en zo is afgesproken. Is dat zo, vink het dan aan en leg het vast in de stageovereenkomst."
    ),
    "free_sundays_too_few": (
        "In de 52 weken van {span} werkt de leerling op {worked} zondagen, dus zijn er maar {free} vrij. Een leerling van "
        "16 of 17 jaar heeft in elke 52 weken ten minste {required} vrije zondagen.{outside}"
    ),
    "free_sundays_enough": (
        "In elke 52 weken zijn ten minste {required} zondagen vrij: hoogstens {worked} zondagen met stage (in {span}), dus "
        "ten minste {free} vrij.{outside}"
    ),
    "holiday": (
        "{weeks}: schoolvakantie met stage. De wet geeft voor stage geen aparte grenzen in vakantieweken; de rekenhulp "
        "toetst deze weken aan dezelfde grenzen als een schoolweek (een lezing, niet zeker). De regels voor gewoon "
        "vakantiewerk van kinderen gelden niet voor stage en toetst deze rekenhulp niet."
    ),
}

#: Added to a Sunday finding when the 52 weeks reach past the period.
OUTSIDE_FREE = " Zondagen buiten de periode van de stage telt de rekenhulp als vrij."

SUMMARIES = {
    "fail_one": "Het rooster over {weeks} weken voldoet niet aan de werktijdregels: 1 punt gaat mis (zie hieronder).",
    "fail": "Het rooster over {weeks} weken voldoet niet aan de werktijdregels: {points} punten gaan mis (zie hieronder).",
    "warning": "Het rooster over {weeks} weken blijft binnen de grenzen, maar let op de punten hieronder.",
    "pass": "Het rooster over {weeks} weken ({stage_weeks} met stage) voldoet aan de werktijdregels.",
}
