"""Werktijden: one week's schedule of school and stage of a pupil under 18, against the limits for youth.

The rules. A company stage as part of education is only allowed from age 14 (ATW art. 3:2
lid 2 onder c). A pupil of 14 or 15 is a "kind" (ATW art. 1:2); during a stage under the
school's plan the Nadere regeling kinderarbeid art. 3:1 applies: no work on Sunday (lid 2a),
14 hours of unbroken rest in every 24 hours including 19:00-07:00 (lid 2b), at most 7 hours a
day and 35 hours a week (lid 2c), and a break of at least half an hour in one piece when the
work on a day is longer than 4,5 hours (lid 2d). A pupil of 16 or 17 is a "jeugdige werknemer"
(ATW art. 1:1 lid 3); the Arbeidstijdenwet allows at most 9 hours per dienst and 45 hours a
week, 40 on average over 4 weeks (art. 5:7 lid 1), 12 hours of rest in 24 hours including
23:00-06:00 (art. 5:3 lid 1), a break of 30 minutes (which may be split into parts of at least
15) after more than 4,5 hours (art. 5:4 lid 1), and Sunday work only when it follows from the
nature of the work and is agreed, with at least 13 free Sundays in 52 weeks (art. 5:6). For
both groups the time at school, breaks at school included, counts as working time (NRK art.
3:1 lid 3; ATW art. 4:4 lid 2). From 18 the youth limits no longer apply.

How school and stage combine here: per day, working time = the school hours (as entered,
breaks at school included) + the stage time (end minus start minus the breaks during the
stage, which are not working time). The daily and weekly limits apply to that sum. The
times of day, the daily rest and the break rule are checked on the stage times, because the
form asks no times for school. When school and stage together exceed 4,5 hours but the stage
part alone does not, the needed break may lie at school or between school and stage; the
calculator cannot see it and says so (info). A week without any stage is not checked: the
rules apply to work, and school alone is not work.

Uncertain points, in the notes of data/werktijden.yaml: whether 35/7 also holds in holiday
weeks, and whether stage and other work of a 15-year-old count together.

All numbers come from data/ (``werktijden.*``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from . import dutch
from .inputs import Choice, Field
from .outcome import Outcome
from .rules import NormValue, Rules

NAME = "werktijden"
TITLE = "Werktijden tijdens de stage"
INTRO = (
    "Vul het rooster van één week in: per dag de uren op school en de begin- en eindtijd van de stage "
    "met de pauzes. De rekenhulp telt school en stage samen als werktijd en toetst het rooster aan "
    "de wettelijke grenzen voor leerlingen van 14 en 15 jaar (Nadere regeling kinderarbeid) en van "
    "16 en 17 jaar (Arbeidstijdenwet): uren per dag en per week, tijden, pauzes en zondag."
)

#: Key in the outcome's values: form field -> the value used where the form left the field empty.
FILLED_IN = "invoer_aangevuld"

DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
SUNDAY = "zondag"

FIELDS = (
    Field(
        "leeftijd", "Leeftijd van de leerling", "integer",
        hint="In hele jaren, in de week van dit rooster. De leeftijd bepaalt welke regels gelden.",
        unit="jaar", minimum=10, maximum=30, default=15,
    ),
    Field(
        "dagen", "Rooster van één week", "group", rows=7, min_rows=1,
        hint=(
            "Eén rij per dag. Laat bij een dag zonder stage begin, einde en pauze leeg; laat een vrije dag "
            "helemaal leeg. Zonder dag geldt de volgorde: rij 1 is maandag, rij 7 is zondag."
        ),
        default=(
            {"dag": "maandag", "uren_school": Decimal("6.5")},
            {"dag": "dinsdag", "stage_begin": "08:30", "stage_einde": "15:30", "pauze_minuten": 30},
            {"dag": "woensdag", "uren_school": 6},
            {"dag": "donderdag", "stage_begin": "08:30", "stage_einde": "15:30", "pauze_minuten": 30},
            {"dag": "vrijdag", "uren_school": Decimal("5.5")},
            {"dag": "zaterdag"},
            {"dag": "zondag"},
        ),
        fields=(
            Field("dag", "Dag", "choice", required=False, choices=tuple(Choice(day, day.capitalize()) for day in DAYS),
                  hint="Leeg: de dag van de rij (rij 1 is maandag)."),
            Field("uren_school", "Uren op school", "number", unit="uur", required=False, minimum=0, maximum=12, step="0.25",
                  hint="Schooltijd op die dag, pauzes op school inbegrepen. Leeg is 0."),
            Field("stage_begin", "Begin stage", "time", required=False, hint="Tijd als uu:mm, bijvoorbeeld 08:30."),
            Field("stage_einde", "Einde stage", "time", required=False, hint="Tijd als uu:mm, later dan het begin."),
            Field("pauze_minuten", "Pauze tijdens de stage", "integer", unit="minuten", required=False, minimum=0, maximum=300,
                  hint="Pauzes tussen begin en einde van de stage. Ze tellen niet als werktijd. Leeg is 0."),
        ),
    ),
)


def _clock(text: str) -> int:
    """A time norm such as ``"07:00"`` as minutes since midnight."""
    hours, _, minutes = str(text).partition(":")
    return int(hours) * 60 + int(minutes)


def _hours(norm: NormValue) -> Decimal:
    return Decimal(str(norm.value))


def _time(minutes: Decimal | int) -> str:
    """Working time for the reader: ``"7 uur en 30 minuten"``, or ``"7,33 uur"`` for odd school hours."""
    minutes = Decimal(minutes)
    if minutes == minutes.to_integral_value():
        return dutch.duration(int(minutes))
    return f"{dutch.number(minutes / 60)} uur"


def _norm_hours(norm: NormValue) -> str:
    return f"{dutch.number(_hours(norm))} uur"


def _read_days(values: dict[str, Any], outcome: Outcome) -> list[dict[str, Any]]:
    """The rows as days in week order; cross-field problems become errors on the field to fix."""
    days: dict[str, dict[str, Any]] = {}
    for row in values["dagen"]:
        index = row["rij"] - 1
        path = f"dagen.{index}."
        name = row["dag"] or (DAYS[index] if index < len(DAYS) else "")
        if not row["dag"] and name:
            # The form left the day empty; say which day was used, so that a result sheet shows it.
            outcome.values.setdefault(FILLED_IN, {})[path + "dag"] = name
        if name in days:
            outcome.error(path + "dag", f"{name.capitalize()} staat twee keer in het rooster. Kies bij rij {index + 1} een andere dag.")
            continue
        begin, end = row["stage_begin"], row["stage_einde"]
        pause = row["pauze_minuten"] or 0
        if begin is not None and end is None:
            outcome.error(path + "stage_einde", f"Vul bij {name} ook het einde van de stage in.")
            continue
        if end is not None and begin is None:
            outcome.error(path + "stage_begin", f"Vul bij {name} ook het begin van de stage in.")
            continue
        if begin is not None and end <= begin:
            outcome.error(path + "stage_einde",
                          f"Bij {name} ligt het einde van de stage ({dutch.clock(end)}) niet na het begin ({dutch.clock(begin)}). "
                          f"Vul een eindtijd later op dezelfde dag in; een dienst over middernacht kan hier niet.")
            continue
        if begin is None and pause:
            outcome.error(path + "pauze_minuten",
                          f"Bij {name} staat een pauze maar geen stagetijd. Vul begin en einde van de stage in, of laat de pauze leeg; "
                          f"pauzes op school horen bij de uren op school.")
            continue
        if begin is not None and pause >= end - begin:
            outcome.error(path + "pauze_minuten",
                          f"Bij {name} is de pauze ({pause} minuten) even lang als of langer dan de hele stagetijd. Kijk de tijden na.")
            continue
        school = Decimal(row["uren_school"] or 0) * 60
        stage = (end - begin - pause) if begin is not None else 0
        days[name] = {"naam": name, "pad": path, "begin": begin, "einde": end, "pauze": pause, "school": school, "stage": stage}
    return [days[name] for name in DAYS if name in days]


def calculate(values: dict[str, Any], rules: Rules, on: date, outcome: Outcome) -> None:
    """Check one week's schedule; see the module docstring for the rules."""
    min_age = rules.get("werktijden.minimum_leeftijd_stage", on)
    youth_from = rules.get("werktijden.leeftijd_jeugdige_vanaf", on)
    adult_from = rules.get("werktijden.leeftijd_volwassen_vanaf", on)
    school_counts = rules.get("werktijden.schooltijd_telt_mee", on)
    age = values["leeftijd"]

    days = _read_days(values, outcome)
    if outcome.errors:
        return

    for day in days:
        day["werk"] = day["stage"] + (day["school"] if school_counts.value else 0)
    stage_days = [day for day in days if day["stage"] > 0]
    week_school = sum((day["school"] for day in days), Decimal(0))
    week_stage = sum((day["stage"] for day in days), 0)
    week_work = sum((day["werk"] for day in days), Decimal(0))
    group = "te_jong" if age < min_age.value else "kind" if age < youth_from.value else "jeugdige" if age < adult_from.value else "volwassene"
    outcome.values.update({
        "leeftijdsgroep": group,
        "uren_school_week": week_school / 60,
        "uren_stage_week": Decimal(week_stage) / 60,
        "uren_werktijd_week": week_work / 60,
        **{f"uren_{day['naam']}": day["werk"] / 60 for day in days},
    })
    total = _time(week_work)

    if group == "te_jong":
        if stage_days:
            outcome.add(min_age, "fail",
                        f"Een leerling van {age} jaar mag nog geen stage lopen bij een bedrijf: arbeid naast en in samenhang met het "
                        f"onderwijs mag pas vanaf {min_age.value} jaar. In dit rooster staat {_time(week_stage)} stage.")
            outcome.summary = f"Een leerling van {age} jaar mag nog geen stage lopen bij een bedrijf; dat mag pas vanaf {min_age.value} jaar."
        else:
            outcome.add(min_age, "info", f"Er staat geen stage in dit rooster. Stage bij een bedrijf mag pas vanaf {min_age.value} jaar.")
            outcome.summary = f"Er staat geen stage in het rooster; een leerling van {age} jaar mag ook nog geen stage lopen bij een bedrijf."
        return
    if group == "volwassene":
        outcome.add(adult_from, "info",
                    f"Een leerling van {age} jaar is volwassen voor de Arbeidstijdenwet: de extra grenzen voor kinderen en jeugdige "
                    f"werknemers gelden vanaf {adult_from.value} jaar niet meer. De gewone grenzen voor volwassenen rekent deze "
                    f"rekenhulp niet na. Dit rooster telt {total} school en stage samen.")
        outcome.summary = f"Voor een leerling van {age} jaar gelden de extra werktijdregels voor jongeren niet; het rooster telt {total} school en stage samen."
        return
    if not stage_days:
        outcome.add(school_counts, "info",
                    "Er staat geen stage in dit rooster. De grenzen voor werktijden gelden voor weken waarin de leerling werkt; "
                    "school alleen toetst deze rekenhulp niet.")
        outcome.summary = "Er staat geen stage in dit rooster, dus er is niets te toetsen aan de werktijdregels."
        return

    kind = group == "kind"
    who = f"een leerling van {age} jaar"
    prefix = "werktijden.kind." if kind else "werktijden.jeugdige."
    day_norm = rules.get("werktijden.kind.max_uren_per_dag" if kind else "werktijden.jeugdige.max_uren_per_dienst", on)
    week_norm = rules.get(prefix + "max_uren_per_week", on)
    rest_norm = rules.get(prefix + "dagelijkse_rust_uren", on)
    pause_after = rules.get(prefix + "pauze_na_uren", on)
    pause_norm = rules.get(prefix + "pauze_minuten", on)

    # School time counted as working time.
    if week_school > 0:
        counted = "tellen mee als werktijd" if school_counts.value else "tellen op deze peildatum niet mee als werktijd"
        outcome.add(school_counts, "info",
                    f"De {_time(week_school)} op school deze week {counted}, pauzes op school inbegrepen. Samen met "
                    f"{_time(week_stage)} stage is de werktijd deze week {total}.")

    # 1. Hours per day (per dienst for 16 and 17).
    limit = _hours(day_norm) * 60
    unit = "per dag" if kind else "per dienst"
    too_long = [day for day in days if day["werk"] > limit]
    for day in too_long:
        outcome.add(day_norm, "fail",
                    f"{day['naam'].capitalize()}: {_time(day['school'])} school en {_time(day['stage'])} stage is samen "
                    f"{_time(day['werk'])} werktijd. Dat is {_time(day['werk'] - limit)} te veel: {who} mag hoogstens "
                    f"{_norm_hours(day_norm)} {unit} werken, schooltijd meegerekend.")
    if not too_long:
        longest = max(days, key=lambda day: day["werk"])
        outcome.add(day_norm, "pass",
                    f"Op geen enkele dag meer dan {_norm_hours(day_norm)} werktijd, schooltijd meegerekend; de langste dag is "
                    f"{longest['naam']} met {_time(longest['werk'])}.")

    # 2. Hours per week.
    week_limit = _hours(week_norm) * 60
    if week_work > week_limit:
        outcome.add(week_norm, "fail",
                    f"Deze week is de werktijd {total} ({_time(week_school)} school en {_time(week_stage)} stage). Dat is "
                    f"{_time(week_work - week_limit)} te veel: {who} mag hoogstens {_norm_hours(week_norm)} per week werken, "
                    f"schooltijd meegerekend.")
    else:
        outcome.add(week_norm, "pass",
                    f"Deze week is de werktijd {total} ({_time(week_school)} school en {_time(week_stage)} stage); dat is niet meer "
                    f"dan de {_norm_hours(week_norm)} per week die {who} mag werken.")
    if not kind:
        average = rules.get("werktijden.jeugdige.gemiddeld_per_week_4_weken", on)
        if week_work > _hours(average) * 60:
            outcome.add(average, "info",
                        f"Deze week telt {total}. Dat mag in één week, maar over elke 4 weken achter elkaar mag {who} gemiddeld "
                        f"hoogstens {_norm_hours(average)} per week werken. De weken eromheen moeten dus korter zijn.")

    # 3. Times of day: the night rest.
    if kind:
        earliest = rules.get("werktijden.kind.vroegste_begin", on)
        latest = rules.get("werktijden.kind.laatste_einde", on)
        wrong = False
        for day in stage_days:
            if day["begin"] < _clock(earliest.value):
                wrong = True
                outcome.add(earliest, "fail",
                            f"{day['naam'].capitalize()}: de stage begint om {dutch.clock(day['begin'])}. {who.capitalize()} mag "
                            f"niet werken voor {earliest.value} uur.")
            if day["einde"] > _clock(latest.value):
                wrong = True
                outcome.add(latest, "fail",
                            f"{day['naam'].capitalize()}: de stage eindigt om {dutch.clock(day['einde'])}. {who.capitalize()} mag "
                            f"niet werken na {latest.value} uur.")
        if not wrong:
            outcome.add(latest, "pass", f"Alle stagetijden liggen tussen {earliest.value} en {latest.value} uur.")
    else:
        night_from = rules.get("werktijden.jeugdige.nachtrust_begin", on)
        night_to = rules.get("werktijden.jeugdige.nachtrust_einde", on)
        wrong = False
        for day in stage_days:
            if day["begin"] < _clock(night_to.value) or day["einde"] > _clock(night_from.value):
                wrong = True
                outcome.add(night_from, "fail",
                            f"{day['naam'].capitalize()}: de stage loopt van {dutch.clock(day['begin'])} tot "
                            f"{dutch.clock(day['einde'])}. {who.capitalize()} mag niet werken tussen {night_from.value} en "
                            f"{night_to.value} uur.")
        if not wrong:
            outcome.add(night_from, "pass",
                        f"Geen stage tussen {night_from.value} en {night_to.value} uur: alle stagetijden liggen daarbuiten.")

    # 4. Daily rest: start and end of the stage leave enough unbroken rest.
    longest_span = (24 - _hours(rest_norm)) * 60
    for day in stage_days:
        span = day["einde"] - day["begin"]
        if span > longest_span:
            outcome.add(rest_norm, "fail",
                        f"{day['naam'].capitalize()}: van het begin tot het einde van de stage is {_time(span)}. {who.capitalize()} "
                        f"heeft elke 24 uur {_norm_hours(rest_norm)} onafgebroken rust; begin en einde mogen dan hoogstens "
                        f"{_time(longest_span)} uit elkaar liggen, en de stage alleen ligt al verder uit elkaar.")

    # 5. Breaks.
    threshold = _hours(pause_after) * 60
    minimum_pause = int(pause_norm.value)
    split = ""
    if not kind:
        part = rules.get("werktijden.jeugdige.pauze_deel_minimum_minuten", on)
        split = f" De pauze mag gesplitst worden in delen van ten minste {part.value} minuten."
    needed = [day for day in stage_days if day["stage"] > threshold]
    short = [day for day in needed if day["pauze"] < minimum_pause]
    for day in short:
        outcome.add(pause_norm, "fail",
                    f"{day['naam'].capitalize()}: {_time(day['stage'])} stage met {day['pauze']} minuten pauze. Bij meer dan "
                    f"{_norm_hours(pause_after)} werk hoort een pauze van ten minste {minimum_pause} minuten"
                    f"{' aaneengesloten' if kind else ''}.{split}")
    for day in stage_days:
        if day not in needed and day["werk"] > threshold and day["school"] > 0 and day["pauze"] < minimum_pause:
            outcome.add(pause_norm, "info",
                        f"{day['naam'].capitalize()}: school en stage zijn samen {_time(day['werk'])}, meer dan "
                        f"{_norm_hours(pause_after)}. Dan hoort er een pauze van ten minste {minimum_pause} minuten bij. Die "
                        f"kan op school of tussen school en stage liggen; dat kan deze rekenhulp niet zien.")
    if needed and not short:
        outcome.add(pause_norm, "pass",
                    f"Op elke stagedag met meer dan {_norm_hours(pause_after)} werk is er ten minste {minimum_pause} minuten pauze.")
    elif not needed:
        outcome.add(pause_after, "pass",
                    f"Geen stagedag heeft meer dan {_norm_hours(pause_after)} stagewerk; een pauze tijdens de stage is niet verplicht.")

    # 6. Sunday.
    sunday = [day for day in stage_days if day["naam"] == SUNDAY]
    if kind:
        forbidden = rules.get("werktijden.kind.zondag_verboden", on)
        if sunday and forbidden.value:
            outcome.add(forbidden, "fail", f"Er staat stage op zondag. {who.capitalize()} mag op zondag geen stage lopen.")
        elif not sunday:
            outcome.add(forbidden, "pass", "Geen stage op zondag.")
    else:
        nature = rules.get("werktijden.jeugdige.zondag_alleen_als_aard_werk", on)
        free = rules.get("werktijden.jeugdige.vrije_zondagen_per_52_weken", on)
        if sunday:
            outcome.add(nature, "warning",
                        f"Er staat stage op zondag. Voor {who} mag dat alleen als het uit de aard van het werk volgt en zo is "
                        f"afgesproken, of als de bedrijfsomstandigheden het nodig maken en de leerling instemt. Leg dat vast in "
                        f"de stageovereenkomst.")
            outcome.add(free, "info",
                        f"Werkt {who} op zondagen, dan blijven er in elke 52 weken ten minste {free.value} zondagen vrij.")
        else:
            outcome.add(nature, "pass", "Geen stage op zondag.")

    status = outcome.status
    if status == "fail":
        failed = sum(1 for finding in outcome.findings if finding.status == "fail")
        points = "1 punt gaat" if failed == 1 else f"{failed} punten gaan"
        outcome.summary = f"Het rooster voldoet niet aan de werktijdregels voor {who}: {points} mis (zie hieronder)."
    elif status == "warning":
        outcome.summary = f"Het rooster blijft binnen de grenzen voor {who} ({total} werktijd deze week), maar let op de punten hieronder."
    else:
        outcome.summary = f"Het rooster voldoet aan de werktijdregels voor {who}: {total} werktijd deze week, schooltijd meegerekend."
