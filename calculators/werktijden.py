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

All numbers come from data/ (``werktijden.*``); age groups from ages.py. Wording: werktijden_nl.py.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from . import ages, dutch
from .fields import age_field
from .inputs import Choice, Field
from .outcome import Outcome, Verdict, verdict
from .rules import NormValue, Rules
from .werktijden_nl import FINDINGS, SUMMARIES

NAME = "werktijden"
TITLE = "Werktijden tijdens de stage"
NORMS = (
    "werktijden.schooltijd_telt_mee",
    "werktijden.kind.max_uren_per_dag",
    "werktijden.kind.max_uren_per_week",
    "werktijden.kind.vroegste_begin",
    "werktijden.kind.laatste_einde",
    "werktijden.kind.dagelijkse_rust_uren",
    "werktijden.kind.pauze_na_uren",
    "werktijden.kind.pauze_minuten",
    "werktijden.kind.zondag_verboden",
    "werktijden.jeugdige.max_uren_per_dienst",
    "werktijden.jeugdige.max_uren_per_week",
    "werktijden.jeugdige.gemiddeld_per_week_4_weken",
    "werktijden.jeugdige.nachtrust_begin",
    "werktijden.jeugdige.nachtrust_einde",
    "werktijden.jeugdige.dagelijkse_rust_uren",
    "werktijden.jeugdige.pauze_na_uren",
    "werktijden.jeugdige.pauze_minuten",
    "werktijden.jeugdige.pauze_deel_minimum_minuten",
    "werktijden.jeugdige.zondag_alleen_als_aard_werk",
    "werktijden.jeugdige.vrije_zondagen_per_52_weken",
    *ages.NORMS,
)
INTRO = (
    "Vul het rooster van één week in: per dag de uren op school en de begin- en eindtijd van de stage "
    "met de pauzes. De rekenhulp telt school en stage samen als werktijd en toetst het rooster aan "
    "de wettelijke grenzen voor kinderen (Nadere regeling kinderarbeid) en jeugdige werknemers "
    "(Arbeidstijdenwet): uren per dag en per week, tijden, pauzes en zondag."
)

#: Key in the outcome's values: form field -> the value used where the form left the field empty.
FILLED_IN = "invoer_aangevuld"

DAYS = dutch.DAYS
SUNDAY = DAYS[-1]

FIELDS = (
    age_field(hint="In hele jaren, in de week van dit rooster. De leeftijd bepaalt welke regels gelden."),
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
            Field("dag", "Dag", "choice", required=False, choices=tuple(Choice(day, dutch.upper_first(day)) for day in DAYS),
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


def _bare(norm: NormValue) -> str:
    """A time norm without "uur", for the first of two times: "tussen 23.00 en 06.00 uur"."""
    return dutch.time_of_day(_clock(norm.value), False)


def _minutes(norm: NormValue) -> Decimal:
    """An hours norm in minutes."""
    return Decimal(str(norm.value)) * 60


def _time(minutes: Decimal | int) -> str:
    """Working time for the reader: ``"7 uur en 30 minuten"``, or ``"7,33 uur"`` for odd school hours."""
    minutes = Decimal(minutes)
    if minutes == minutes.to_integral_value():
        return dutch.duration(int(minutes))
    return f"{dutch.number(minutes / 60)} uur"


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
            outcome.error(path + "dag", f"{dutch.upper_first(name)} staat twee keer in het rooster. Kies bij rij {index + 1} een andere dag.")
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
                          f"Bij {name} ligt het einde van de stage ({dutch.time_of_day(end)}) niet na het begin ({dutch.time_of_day(begin)}). "
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


# --- the checks, one per rule ---------------------------------------------------------------
# ``who`` is "een leerling van 15 jaar"; a check passes the figures its message needs.


def hours_per_day(days: list[dict[str, Any]], limit: NormValue, who: str, per: str) -> list[Verdict]:
    """At most the day limit (NRK 3:1 lid 2c) or dienst limit (ATW 5:7 lid 1), school time included."""
    most = _minutes(limit)
    too_long = [day for day in days if day["werk"] > most]
    if not too_long:
        longest = max(days, key=lambda day: day["werk"])
        return [verdict(limit, "pass", "day_ok", limit=limit.format(), day=longest["naam"], work=_time(longest["werk"]))]
    return [verdict(limit, "fail", "day_too_long", day=day["naam"], school=_time(day["school"]), stage=_time(day["stage"]),
                    work=_time(day["werk"]), over=_time(day["werk"] - most), who=who, limit=limit.format(), per=per)
            for day in too_long]


def hours_per_week(week: dict[str, Any], limit: NormValue, who: str) -> Verdict:
    """At most the week limit, school time included."""
    most = _minutes(limit)
    status = "fail" if week["werk"] > most else "pass"
    return verdict(limit, status, f"week_{status}", total=_time(week["werk"]), school=_time(week["school"]),
                   stage=_time(week["stage"]), over=_time(week["werk"] - most), who=who, limit=limit.format())


def four_week_average(week: dict[str, Any], average: NormValue, who: str) -> Verdict | None:
    """Information: above the 4-week average (ATW 5:7), the weeks around must be shorter."""
    if week["werk"] <= _minutes(average):
        return None
    return verdict(average, "info", "average", total=_time(week["werk"]), who=who, limit=average.format())


def child_times(days: list[dict[str, Any]], earliest: NormValue, latest: NormValue, who: str) -> list[Verdict]:
    """A kind does not work before the earliest or after the latest time (NRK 3:1 lid 2b)."""
    found = []
    for day in days:
        if day["begin"] < _clock(earliest.value):
            found.append(verdict(earliest, "fail", "starts_too_early", day=day["naam"], at=dutch.time_of_day(day["begin"]),
                                 who=who, limit=earliest.format()))
        if day["einde"] > _clock(latest.value):
            found.append(verdict(latest, "fail", "ends_too_late", day=day["naam"], at=dutch.time_of_day(day["einde"]),
                                 who=who, limit=latest.format()))
    return found or [verdict(latest, "pass", "times_ok", earliest=dutch.time_of_day(_clock(earliest.value), False),
                             latest=latest.format())]


def night_rest(days: list[dict[str, Any]], night_from: NormValue, night_to: NormValue, who: str) -> list[Verdict]:
    """A jeugdige does not work during the night rest (ATW 5:3 lid 1)."""
    found = [verdict(night_from, "fail", "night_work", day=day["naam"], begin=dutch.time_of_day(day["begin"]),
                     end=dutch.time_of_day(day["einde"]), who=who, night_from=_bare(night_from), night_to=night_to.format())
             for day in days if day["begin"] < _clock(night_to.value) or day["einde"] > _clock(night_from.value)]
    return found or [verdict(night_from, "pass", "night_ok", night_from=_bare(night_from), night_to=night_to.format())]


def daily_rest(days: list[dict[str, Any]], rest: NormValue, who: str) -> list[Verdict]:
    """Unbroken rest in every 24 hours: begin and end of the stage may lie at most 24 minus the rest apart."""
    longest = 24 * 60 - _minutes(rest)
    return [verdict(rest, "fail", "rest_too_short", day=day["naam"], span=_time(day["einde"] - day["begin"]), who=who,
                    rest=rest.format(), longest=_time(longest))
            for day in days if day["einde"] - day["begin"] > longest]


def breaks(days: list[dict[str, Any]], after: NormValue, pause: NormValue, part: NormValue | None) -> list[Verdict]:
    """A break of at least the minimum after more than the threshold of work (NRK 3:1 lid 2d; ATW 5:4)."""
    threshold, minimum = _minutes(after), int(pause.value)
    split = "split" if part is not None else "whole"
    numbers = dict(after=after.format(), minimum=minimum, part=part.value if part is not None else None)
    needed = [day for day in days if day["stage"] > threshold]
    found = [verdict(pause, "fail", f"pause_short_{split}", day=day["naam"], stage=_time(day["stage"]), pause=day["pauze"], **numbers)
             for day in needed if day["pauze"] < minimum]
    found += [verdict(pause, "info", "pause_maybe_at_school", day=day["naam"], work=_time(day["werk"]), **numbers)
              for day in days if day not in needed and day["werk"] > threshold and day["school"] > 0 and day["pauze"] < minimum]
    if needed and not any(item.status == "fail" for item in found):
        found.append(verdict(pause, "pass", "pause_ok", **numbers))
    elif not needed:
        found.append(verdict(after, "pass", "pause_not_needed", **numbers))
    return found


def child_sunday(days: list[dict[str, Any]], forbidden: NormValue, who: str) -> Verdict | None:
    """A kind does no stage on Sunday (NRK 3:1 lid 2a)."""
    on_sunday = any(day["naam"] == SUNDAY for day in days)
    if on_sunday and forbidden.value:
        return verdict(forbidden, "fail", "sunday_forbidden", who=who)
    return None if on_sunday else verdict(forbidden, "pass", "no_sunday")


def youth_sunday(days: list[dict[str, Any]], nature: NormValue, free: NormValue, who: str) -> list[Verdict]:
    """A jeugdige works on Sunday only by the nature of the work and by agreement; 13 free Sundays (ATW 5:6)."""
    if not any(day["naam"] == SUNDAY for day in days):
        return [verdict(nature, "pass", "no_sunday")]
    return [verdict(nature, "warning", "sunday_conditions", who=who),
            verdict(free, "info", "free_sundays", who=who, free=free.value)]


# --- the calculation --------------------------------------------------------------------------


def _week(days: list[dict[str, Any]], school_counts: bool) -> dict[str, Any]:
    for day in days:
        day["werk"] = day["stage"] + (day["school"] if school_counts else 0)
    return {
        "school": sum((day["school"] for day in days), Decimal(0)),
        "stage": sum((day["stage"] for day in days), 0),
        "werk": sum((day["werk"] for day in days), Decimal(0)),
    }


def calculate(values: dict[str, Any], rules: Rules, on: date, outcome: Outcome) -> None:
    """Check one week's schedule; see the module docstring for the rules."""
    school_counts = rules.get("werktijden.schooltijd_telt_mee", on)
    age = values["leeftijd"]
    band = ages.age_band(age, rules, on)
    days = _read_days(values, outcome)
    if outcome.errors:
        return
    week = _week(days, school_counts.value)
    stage_days = [day for day in days if day["stage"] > 0]
    outcome.values.update({
        "leeftijdsgroep": band.group,
        "uren_school_week": week["school"] / 60,
        "uren_stage_week": Decimal(week["stage"]) / 60,
        "uren_werktijd_week": week["werk"] / 60,
        **{f"uren_{day['naam']}": day["werk"] / 60 for day in days},
    })
    total = _time(week["werk"])
    numbers = dict(age=age, total=total, stage=_time(week["stage"]))
    if band.group == ages.TE_JONG:
        key = "too_young_with_stage" if stage_days else "too_young_without_stage"
        outcome.record(verdict(band.norm, "fail" if stage_days else "info", key, from_age=band.below, **numbers), FINDINGS)
        outcome.summarize(SUMMARIES, key, from_age=band.below, **numbers)
        return
    if band.group == ages.VOLWASSENE:
        outcome.record(verdict(band.norm, "info", "adult", from_age=band.lowest, **numbers), FINDINGS)
        outcome.summarize(SUMMARIES, "adult", **numbers)
        return
    if not stage_days:
        outcome.record(verdict(school_counts, "info", "no_stage"), FINDINGS)
        outcome.summarize(SUMMARIES, "no_stage")
        return

    who = f"een leerling van {age} jaar"
    if week["school"] > 0:
        outcome.record(verdict(school_counts, "info", "school_counts" if school_counts.value else "school_not_counted",
                               school=_time(week["school"]), **numbers), FINDINGS)
    found = _child_checks(days, stage_days, week, rules, on, who) if band.group == ages.KIND else \
        _youth_checks(days, stage_days, week, rules, on, who)
    for item in found:
        outcome.record(item, FINDINGS)
    failed = outcome.count("fail")
    key = outcome.status if outcome.status != "fail" else "fail_one" if failed == 1 else "fail"
    outcome.summarize(SUMMARIES, key, who=who, failed=failed, total=total)


def _child_checks(days, stage_days, week, rules: Rules, on: date, who: str) -> list[Verdict | None]:
    """The Nadere regeling kinderarbeid art. 3:1 for a kind on stage."""
    rule = lambda key: rules.get(f"werktijden.kind.{key}", on)  # noqa: E731
    return [
        *hours_per_day(days, rule("max_uren_per_dag"), who, "per dag"),
        hours_per_week(week, rule("max_uren_per_week"), who),
        *child_times(stage_days, rule("vroegste_begin"), rule("laatste_einde"), who),
        *daily_rest(stage_days, rule("dagelijkse_rust_uren"), who),
        *breaks(stage_days, rule("pauze_na_uren"), rule("pauze_minuten"), None),
        child_sunday(stage_days, rule("zondag_verboden"), who),
    ]


def _youth_checks(days, stage_days, week, rules: Rules, on: date, who: str) -> list[Verdict | None]:
    """The Arbeidstijdenwet for a jeugdige werknemer."""
    rule = lambda key: rules.get(f"werktijden.jeugdige.{key}", on)  # noqa: E731
    return [
        *hours_per_day(days, rule("max_uren_per_dienst"), who, "per dienst"),
        hours_per_week(week, rule("max_uren_per_week"), who),
        four_week_average(week, rule("gemiddeld_per_week_4_weken"), who),
        *night_rest(stage_days, rule("nachtrust_begin"), rule("nachtrust_einde"), who),
        *daily_rest(stage_days, rule("dagelijkse_rust_uren"), who),
        *breaks(stage_days, rule("pauze_na_uren"), rule("pauze_minuten"), rule("pauze_deel_minimum_minuten")),
        *youth_sunday(stage_days, rule("zondag_alleen_als_aard_werk"), rule("vrije_zondagen_per_52_weken"), who),
    ]
