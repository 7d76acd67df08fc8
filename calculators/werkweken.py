"""Werkweken: werktijden over a period of many weeks, from a birth date and a repeating week pattern.

Every week of the period is checked with the week rules of the ``werktijden`` calculator,
run through its public contract (``registry.run``) with the pupil's age in that week, so
this module holds no copy of the week rules. Identical weeks are checked once (memoised).

Across weeks, for a pupil of 16 or 17 (a "jeugdige werknemer"):
- ATW art. 5:7 lid 1 onder c: in every period of 4 consecutive weeks at most 40 hours a week
  on average (``werktijden.jeugdige.gemiddeld_per_week_4_weken``). Only windows of 4 weeks
  that lie wholly inside the period and in which the pupil is 16 or 17 throughout are checked.
- ATW art. 5:6 lid 3: at least 13 free Sundays in every period of 52 weeks
  (``werktijden.jeugdige.vrije_zondagen_per_52_weken``). Sundays outside the period are
  counted as free; the plan does not know them.
- ATW art. 5:6 lid 1 and 2: Sunday work only when it follows from the nature of the work and
  is agreed (``werktijden.jeugdige.zondag_alleen_als_aard_werk``): an explicit input.

Choices, each visible to the reader:
- The age in a week is the age on its Monday. In the week of a birthday the limits of before
  the birthday apply (the stricter ones at 16 and 18; at 14 stage starts only the week after);
  an info finding names that week.
- Working time of a week is what the week calculator counts (school and stage together); a
  week without stage counts its school hours toward the 4-week average.
- School holidays: the law gives no separate rule for stage in holiday weeks
  (``werktijden.vakantieweek_zelfde_grenzen``, onzeker); holiday weeks are checked with the
  same limits and a warning says so.
- Norms are read on the reference date, like every calculator; the weeks carry their own dates.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from . import ages, dutch, werktijden
from .ages import age_group, age_on
from .inputs import DATE_NOTATION, Choice, Field
from .outcome import Outcome
from .rules import Rules
from .werkweken_nl import FINDINGS, OUTSIDE_FREE, SUMMARIES

NAME = "werkweken"
TITLE = "Werktijden over een periode"
INTRO = (
    "Vul de geboortedatum in, het rooster van een gewone week en de periode van de stage. Weken die "
    "anders zijn (vakantie, toetsweek, een week volle stage) vult u in als uitzondering. De rekenhulp "
    "toetst elke week aan de werktijdregels met de leeftijd in die week, en over de weken heen het "
    "gemiddelde over 4 weken en de vrije zondagen."
)

DAYS = dutch.DAYS
MAX_WEEKS = 106
#: The norms read here, and those of the week calculator, whose findings are reported here too.
NORMS = tuple(dict.fromkeys((
    "werktijden.jeugdige.gemiddeld_per_week_4_weken",
    "werktijden.jeugdige.vrije_zondagen_per_52_weken",
    "werktijden.jeugdige.zondag_alleen_als_aard_werk",
    "werktijden.kind.max_uren_per_week",
    "werktijden.jeugdige.max_uren_per_week",
    "werktijden.vakantieweek_zelfde_grenzen",
    *ages.NORMS,
    *werktijden.NORMS,
)))

#: What an exception week is.
GEEN_STAGE, VAKANTIE, PATROON_B, UREN = "geen_stage", "vakantie", "patroon_b", "uren"

_DAY_FIELDS = (
    Field("dag", "Dag", "choice", required=False, choices=tuple(Choice(day, dutch.upper_first(day)) for day in DAYS),
          hint="Leeg: de dag van de rij (rij 1 is maandag)."),
    Field("uren_school", "Uren op school", "number", unit="uur", required=False, minimum=0, maximum=12, step="0.25",
          hint="Schooltijd op die dag, pauzes op school inbegrepen. Leeg is 0."),
    Field("stage_begin", "Begin stage", "time", required=False, hint="Tijd als uu:mm, bijvoorbeeld 08:30."),
    Field("stage_einde", "Einde stage", "time", required=False, hint="Tijd als uu:mm, later dan het begin."),
    Field("pauze_minuten", "Pauze tijdens de stage", "integer", unit="minuten", required=False, minimum=0, maximum=300,
          hint="Pauzes tussen begin en einde van de stage. Leeg is 0."),
)

FIELDS = (
    Field("geboortedatum", "Geboortedatum van de leerling", "date",
          hint=f"Als {DATE_NOTATION}. De leeftijd in elke week bepaalt welke grenzen gelden.", default="2010-10-15"),
    Field("begindatum", "Eerste dag van de stage", "date", hint=f"Als {DATE_NOTATION}.", default="2026-09-07"),
    Field("einddatum", "Laatste dag van de stage", "date", hint=f"Als {DATE_NOTATION}; hoogstens twee jaar na het begin.",
          default="2027-01-31"),
    Field(
        "patroon", "Rooster van een gewone week", "group", rows=7, min_rows=1, fields=_DAY_FIELDS,
        hint="Eén rij per dag; dit rooster geldt voor elke week van de periode, behalve de uitzonderingen.",
        default=(
            {"dag": "maandag", "uren_school": Decimal("6.5")},
            {"dag": "dinsdag", "stage_begin": "08:30", "stage_einde": "15:30", "pauze_minuten": 30},
            {"dag": "woensdag", "uren_school": 6},
            {"dag": "donderdag", "stage_begin": "08:30", "stage_einde": "15:30", "pauze_minuten": 30},
            {"dag": "vrijdag", "uren_school": Decimal("5.5")},
        ),
    ),
    Field(
        "patroon_b", "Tweede weekrooster (bijvoorbeeld een week volle stage)", "group", rows=7, min_rows=0,
        fields=_DAY_FIELDS, required=False,
        hint="Alleen nodig als een uitzonderingsweek dit rooster volgt.",
    ),
    Field(
        "uitzonderingen", "Weken die anders zijn", "group", rows=20, min_rows=0, required=False,
        hint="Per rij één week: een datum in die week en wat er die week anders is.",
        default=(
            {"week": "2026-10-19", "soort": VAKANTIE},
            {"week": "2026-12-28", "soort": GEEN_STAGE},
        ),
        fields=(
            Field("week", "Week van", "date", hint=f"Een datum in die week, als {DATE_NOTATION}."),
            Field("soort", "Deze week", "choice", default=GEEN_STAGE, choices=(
                Choice(GEEN_STAGE, "Geen stage (alleen school, of vrij)"),
                Choice(VAKANTIE, "Schoolvakantie: stage volgens het rooster, geen school"),
                Choice(PATROON_B, "Het tweede weekrooster"),
                Choice(UREN, "Alleen het totaal aan uren is bekend"),
            )),
            Field("uren", "Uren werktijd die week", "number", unit="uur", required=False, minimum=0, maximum=80,
                  step="0.25", hint="Alleen bij ‘Alleen het totaal aan uren is bekend’: school en stage samen."),
        ),
    ),
    Field("zondag_afgesproken", "Werk op zondag volgt uit de aard van het werk en is zo afgesproken", "boolean",
          default=False, hint="Alleen van belang als er stage op zondag is (16 en 17 jaar)."),
)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_label(monday: date) -> str:
    """``"week 37 (7 t/m 13 september 2026)"``: the ISO week number and its dates in Dutch."""
    sunday = monday + timedelta(days=6)
    number = monday.isocalendar()[1]
    if monday.year != sunday.year:
        dates = f"{dutch.long_date(monday)} t/m {dutch.long_date(sunday)}"
    elif monday.month != sunday.month:
        dates = f"{monday.day} {dutch.MONTHS[monday.month - 1]} t/m {dutch.long_date(sunday)}"
    else:
        dates = f"{monday.day} t/m {dutch.long_date(sunday)}"
    return f"week {number} ({dates})"


def weeks_label(mondays: list[date]) -> str:
    """Consecutive weeks as ranges: ``"week 37 (…) t/m week 40 (…)"``, ranges joined in Dutch."""
    ranges: list[list[date]] = []
    for monday in sorted(mondays):
        if ranges and monday - ranges[-1][-1] == timedelta(days=7):
            ranges[-1].append(monday)
        else:
            ranges.append([monday])
    parts = []
    for run in ranges:
        if len(run) == 1:
            parts.append(week_label(run[0]))
        else:
            parts.append(f"{week_label(run[0])} t/m {week_label(run[-1])}")
    if len(parts) > 6:
        return dutch.enumeration(parts[:5] + [f"nog {len(parts) - 5} andere perioden"])
    return dutch.enumeration(parts)


def _hours_text(hours: Decimal) -> str:
    return f"{dutch.number(hours)} uur"


def _row_json(row: dict[str, Any], school: bool) -> dict[str, Any]:
    """A parsed day row back as plain input for the week calculator."""
    out: dict[str, Any] = {"dag": row["dag"]}
    if school and row.get("uren_school") is not None:
        out["uren_school"] = str(row["uren_school"])
    if row.get("stage_begin") is not None:
        out["stage_begin"] = dutch.clock(row["stage_begin"])
    if row.get("stage_einde") is not None:
        out["stage_einde"] = dutch.clock(row["stage_einde"])
    if row.get("pauze_minuten") is not None:
        out["pauze_minuten"] = row["pauze_minuten"]
    return out


def _named_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    named = []
    for row in rows:
        index = row["rij"] - 1
        day = row["dag"] or (DAYS[index] if index < len(DAYS) else "")
        named.append({**row, "dag": day})
    return named


class WeekChecker:
    """Runs the week calculator once per distinct (age, rows) for one set of rules and one reference date.

    The outcomes are kept between calls (at most ``LIMIT`` of them), so that a class of pupils
    with the same rooster checks each distinct week once. The calculators are pure functions,
    so a kept outcome is the outcome a new run would give.
    """

    LIMIT = 4000
    _shared: dict[tuple[int, date], dict[str, dict[str, Any]]] = {}

    def __init__(self, rules: Rules, on: date):
        self.rules = rules
        self.on = on
        key = (id(rules), on)
        if key not in self._shared:
            self._shared.clear()
            self._shared[key] = {}
        self.cache = self._shared[key]
        self.used: set[str] = set()

    def check(self, age: int, rows: list[dict[str, Any]]) -> dict[str, Any]:
        from .registry import run  # late import: the registry imports this module

        key = json.dumps([age, rows], sort_keys=True)
        self.used.add(key)
        outcome = self.cache.get(key)
        if outcome is None:
            if len(self.cache) >= self.LIMIT:
                self.cache.clear()
            outcome = run("werktijden", {"leeftijd": age, "dagen": rows}, self.rules, self.on)
            self.cache[key] = outcome
        return outcome


#: Week findings that this module replaces with its own check across weeks.
_REPLACED = {
    "werktijden.jeugdige.gemiddeld_per_week_4_weken",
    "werktijden.jeugdige.zondag_alleen_als_aard_werk",
    "werktijden.jeugdige.vrije_zondagen_per_52_weken",
    "werktijden.schooltijd_telt_mee",
}


def _validate(values: dict[str, Any], rules: Rules, on: date, outcome: Outcome, checker: WeekChecker) -> None:
    birth, begin, end = values["geboortedatum"], values["begindatum"], values["einddatum"]
    if end < begin:
        outcome.error("einddatum", "De laatste dag van de stage ligt vóór de eerste. Kijk de datums na.")
        return
    if (monday_of(end) - monday_of(begin)).days // 7 + 1 > MAX_WEEKS:
        outcome.error("einddatum", f"De periode is langer dan {MAX_WEEKS} weken. Kies een kortere periode, bijvoorbeeld één schooljaar.")
    if birth >= begin:
        outcome.error("geboortedatum", "De geboortedatum ligt niet vóór de stage. Kijk de geboortedatum na.")
    # The patterns are checked once by the week calculator; its errors point at our rows.
    age = max(0, age_on(birth, begin)) if birth < begin else 15
    for name in ("patroon", "patroon_b"):
        rows = [_row_json(row, True) for row in _named_rows(values[name] or [])]
        if not rows:
            continue
        checked = checker.check(age, rows)
        for error in checked["errors"]:
            field = error["field"]
            if field.startswith("dagen."):
                # The week calculator numbers its rows as we passed them: map back to the form's row.
                index_text, _, sub = field[len("dagen."):].partition(".")
                row = (values[name] or [])[int(index_text)] if index_text.isdigit() else None
                field = f"{name}.{row['rij'] - 1}.{sub}" if row else name
            outcome.error(field or name, error["message"])
    seen: dict[date, int] = {}
    for row in values["uitzonderingen"] or []:
        path = f"uitzonderingen.{row['rij'] - 1}."
        monday = monday_of(row["week"])
        if monday in seen:
            outcome.error(path + "week", f"Deze week staat al in rij {seen[monday]}. Vul elke week één keer in.")
        seen[monday] = row["rij"]
        if row["week"] < monday_of(begin) or row["week"] > end + timedelta(days=6 - end.weekday()):
            outcome.error(path + "week", "Deze week ligt buiten de periode van de stage. Kijk de datum na.")
        if row["soort"] == UREN and row["uren"] is None:
            outcome.error(path + "uren", "Vul het aantal uren werktijd van die week in (school en stage samen).")
        if row["soort"] != UREN and row["uren"] is not None:
            outcome.error(path + "uren", "Uren horen alleen bij ‘Alleen het totaal aan uren is bekend’. Laat dit veld leeg of kies die soort.")
        if row["soort"] == PATROON_B and not values["patroon_b"]:
            outcome.error(path + "soort", "Er is geen tweede weekrooster ingevuld. Vul het tweede weekrooster in of kies een andere soort.")


def calculate(values: dict[str, Any], rules: Rules, on: date, outcome: Outcome) -> None:
    """Check every week of the period and the rules across weeks; see the module docstring."""
    checker = WeekChecker(rules, on)
    _validate(values, rules, on, outcome, checker)
    if outcome.errors:
        return
    birth, begin, end = values["geboortedatum"], values["begindatum"], values["einddatum"]
    exceptions = {monday_of(row["week"]): row for row in values["uitzonderingen"] or []}
    patterns = {name: _named_rows(values[name] or []) for name in ("patroon", "patroon_b")}

    weeks: list[dict[str, Any]] = []
    monday = monday_of(begin)
    while monday <= end:
        dates = {DAYS[i]: monday + timedelta(days=i) for i in range(7)}
        exception = exceptions.get(monday)
        kind = exception["soort"] if exception else "gewoon"
        age = age_on(birth, monday)
        group = age_group(age, rules, on)
        week: dict[str, Any] = {"maandag": monday, "leeftijd": age, "groep": group, "soort": kind, "zondag": False}
        if kind == UREN:
            week["uren"] = Decimal(exception["uren"])
            week["outcome"] = None
        else:
            source = patterns["patroon_b" if kind == PATROON_B else "patroon"]
            rows = [
                _row_json(row, school=kind != VAKANTIE)
                for row in source
                if begin <= dates[row["dag"]] <= end
            ]
            if kind == GEEN_STAGE:
                rows = [{k: v for k, v in row.items() if k in ("dag", "uren_school")} for row in rows]
            rows = [row for row in rows if len(row) > 1] or [{"dag": "maandag", "uren_school": "0"}]
            checked = checker.check(age, rows)
            week["outcome"] = checked
            week["uren"] = Decimal(str(checked["values"].get("uren_werktijd_week", 0)))
            week["stage"] = Decimal(str(checked["values"].get("uren_stage_week", 0))) > 0
            week["zondag"] = any(row["dag"] == "zondag" and "stage_begin" in row for row in rows)
        weeks.append(week)
        monday += timedelta(days=7)

    _week_findings(weeks, outcome)
    _hours_known_only(weeks, rules, on, outcome)
    _age_changes(weeks, birth, rules, on, outcome)
    _four_week_average(weeks, rules, on, outcome)
    _sundays(weeks, values["zondag_afgesproken"], rules, on, outcome)
    _holidays(weeks, rules, on, outcome)

    stage_weeks = sum(1 for week in weeks if week.get("stage") or week["soort"] == UREN)
    outcome.values.update({
        "weken": len(weeks),
        "weken_met_stage": stage_weeks,
        "weken_getoetst_uniek": len(checker.used),
        "uren_totaal": sum((week["uren"] for week in weeks), Decimal(0)),
        "per_week": [
            {"week": f"{week['maandag'].isocalendar()[0]}-W{week['maandag'].isocalendar()[1]:02d}",
             "maandag": week["maandag"].isoformat(), "leeftijd": week["leeftijd"], "soort": week["soort"],
             "uren": week["uren"], "status": week["outcome"]["status"] if week["outcome"] else "pass"}
            for week in weeks
        ],
    })
    status = outcome.status
    points = sum(1 for finding in outcome.findings if finding.status == "fail")
    key = "fail_one" if status == "fail" and points == 1 else status
    outcome.summary = SUMMARIES[key].format(weeks=len(weeks), points=points, stage_weeks=stage_weeks)


def _week_findings(weeks: list[dict[str, Any]], outcome: Outcome) -> None:
    """The week calculator's findings, grouped over the weeks in which they occur."""
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    passes: dict[str, dict[str, Any]] = {}
    failing_rules = set()
    for week in weeks:
        checked = week["outcome"]
        if not checked:
            continue
        for finding in checked["findings"]:
            if finding["rule"] in _REPLACED:
                continue
            if finding["status"] == "pass":
                entry = passes.setdefault(finding["rule"], {"finding": finding, "weeks": []})
                entry["weeks"].append(week["maandag"])
                continue
            if finding["status"] == "fail":
                failing_rules.add(finding["rule"])
            key = (finding["rule"], finding["status"], finding["message"])
            entry = groups.setdefault(key, {"finding": finding, "weeks": []})
            entry["weeks"].append(week["maandag"])
    for (rule, status, message), entry in groups.items():
        _copy(outcome, entry["finding"], status,
              FINDINGS["in_weeks"].format(weeks=dutch.upper_first(weeks_label(entry["weeks"])), message=message))
    for rule, entry in passes.items():
        if rule in failing_rules:
            continue
        count = len(entry["weeks"])
        key = "passed_in_one_week" if count == 1 else "passed_in_weeks"
        _copy(outcome, entry["finding"], "pass",
              FINDINGS[key].format(count=count, weeks=weeks_label(entry["weeks"]), message=entry["finding"]["message"]))


def _copy(outcome: Outcome, finding: dict[str, Any], status: str, message: str) -> None:
    """Add a finding from a week outcome, keeping its rule, certainty and sources."""
    from .outcome import Finding

    outcome.findings.append(Finding(rule=finding["rule"], status=status, message=message,
                                    certainty=finding["certainty"], sources=[dict(s) for s in finding["sources"]]))


def _hours_known_only(weeks, rules: Rules, on: date, outcome: Outcome) -> None:
    """Weeks given only as a total: the week limit, and a note that days are not checked."""
    for week in weeks:
        if week["soort"] != UREN or week["groep"] not in ("kind", "jeugdige"):
            continue
        norm = rules.get(f"werktijden.{week['groep']}.max_uren_per_week", on)
        limit = Decimal(str(norm.value))
        params = {"week": dutch.upper_first(week_label(week["maandag"])), "hours": _hours_text(week["uren"]),
                  "excess": _hours_text(week["uren"] - limit), "age": week["leeftijd"], "limit": _hours_text(limit)}
        if week["uren"] > limit:
            outcome.add(norm, "fail", FINDINGS["hours_only_too_many"].format(**params))
        else:
            outcome.add(norm, "info", FINDINGS["hours_only_within"].format(**params))


def _age_changes(weeks, birth: date, rules: Rules, on: date, outcome: Outcome) -> None:
    """Name the week in which the pupil passes an age limit, and which limits apply from when."""
    for previous, week in zip(weeks, weeks[1:]):
        if previous["groep"] == week["groep"]:
            continue
        norm_id = {"kind": "werktijden.minimum_leeftijd_stage", "jeugdige": "werktijden.leeftijd_jeugdige_vanaf",
                   "volwassene": "werktijden.leeftijd_volwassen_vanaf"}.get(week["groep"])
        if not norm_id:
            continue
        norm = rules.get(norm_id, on)
        birthday = _birthday_between(birth, previous["maandag"], week["maandag"])
        params = {"age": norm.value, "birthday": dutch.long_date(birthday) if birthday else "",
                  "week": week_label(previous["maandag"]), "next_week": week_label(week["maandag"])}
        if birthday == week["maandag"]:
            outcome.add(norm, "info", FINDINGS["age_on_monday"].format(**{**params, "week": week_label(birthday)}))
        elif birthday:
            outcome.add(norm, "info", FINDINGS["age_in_week_on"].format(**params))
        else:
            outcome.add(norm, "info", FINDINGS["age_in_week"].format(**params))


def _birthday_between(birth: date, first: date, last: date) -> date | None:
    """The birthday in ``first`` .. ``last`` (inclusive), if any; 29 February counts on 1 March in other years."""
    for year in range(first.year, last.year + 1):
        try:
            day = date(year, birth.month, birth.day)
        except ValueError:
            day = date(year, 3, 1)
        if first <= day <= last:
            return day
    return None


def _four_week_average(weeks, rules: Rules, on: date, outcome: Outcome) -> None:
    """ATW art. 5:7 lid 1 onder c: every 4 consecutive weeks, on average at most the norm per week."""
    if not any(week["groep"] == "jeugdige" for week in weeks):
        return
    norm = rules.get("werktijden.jeugdige.gemiddeld_per_week_4_weken", on)
    limit = Decimal(str(norm.value))
    windows = [weeks[i:i + 4] for i in range(len(weeks) - 3) if all(w["groep"] == "jeugdige" for w in weeks[i:i + 4])]
    if not windows:
        outcome.add(norm, "info", FINDINGS["average_not_checkable"].format(limit=_hours_text(limit)))
        return
    averages = [(sum((w["uren"] for w in window), Decimal(0)) / 4, window) for window in windows]
    too_high = [(average, window) for average, window in averages if average > limit]
    highest, top = max(averages, key=lambda item: item[0])
    outcome.values["hoogste_gemiddelde_4_weken"] = highest
    if too_high:
        shown = too_high[:3]
        parts = [FINDINGS["average_window"].format(first=week_label(window[0]["maandag"]), last=week_label(window[-1]["maandag"]),
                                                   average=_hours_text(average)) for average, window in shown]
        key = "average_too_high_more" if len(too_high) > len(shown) else "average_too_high"
        outcome.add(norm, "fail", FINDINGS[key].format(limit=_hours_text(limit), windows=dutch.enumeration(parts), count=len(too_high)))
    else:
        outcome.add(norm, "pass", FINDINGS["average_within"].format(
            limit=_hours_text(limit), highest=_hours_text(highest),
            first=week_label(top[0]["maandag"]), last=week_label(top[-1]["maandag"])))


def _sundays(weeks, agreed: bool, rules: Rules, on: date, outcome: Outcome) -> None:
    """ATW art. 5:6: Sunday work only when inherent and agreed; 13 free Sundays in every 52 weeks."""
    worked = [week for week in weeks if week["zondag"] and week["groep"] == "jeugdige"]
    if not worked:
        return
    nature = rules.get("werktijden.jeugdige.zondag_alleen_als_aard_werk", on)
    free_norm = rules.get("werktijden.jeugdige.vrije_zondagen_per_52_weken", on)
    label = weeks_label([week["maandag"] for week in worked])
    if agreed:
        outcome.add(nature, "pass", FINDINGS["sunday_agreed"].format(count=len(worked), weeks=label))
    else:
        outcome.add(nature, "warning", FINDINGS["sunday_not_agreed"].format(count=len(worked), weeks=label))
    # Every window of 52 weeks that starts in the period; Sundays after the period count as free.
    most, start = 0, weeks[0]["maandag"]
    for week in weeks:
        window_end = week["maandag"] + timedelta(weeks=52)
        count = sum(1 for w in worked if week["maandag"] <= w["maandag"] < window_end)
        if count > most:
            most, start = count, week["maandag"]
    free = 52 - most
    required = int(free_norm.value)
    outcome.values["gewerkte_zondagen_hoogst_in_52_weken"] = most
    outcome.values["vrije_zondagen_laagst_in_52_weken"] = free
    last = start + timedelta(weeks=51)
    span = f"{week_label(start)} t/m {week_label(last)}"
    params = {"span": span, "worked": most, "free": free, "required": required,
              "outside": OUTSIDE_FREE if last > weeks[-1]["maandag"] else ""}
    if free < required:
        outcome.add(free_norm, "fail", FINDINGS["free_sundays_too_few"].format(**params))
    else:
        outcome.add(free_norm, "pass", FINDINGS["free_sundays_enough"].format(**params))


def _holidays(weeks, rules: Rules, on: date, outcome: Outcome) -> None:
    """Holiday weeks with stage: the same limits; the law's holiday rules for other work are not checked."""
    holiday = [week for week in weeks if week["soort"] == VAKANTIE and week.get("stage") and week["groep"] in ("kind", "jeugdige")]
    if not holiday:
        return
    norm = rules.get("werktijden.vakantieweek_zelfde_grenzen", on)
    outcome.add(norm, "warning", FINDINGS["holiday"].format(weeks=dutch.upper_first(weeks_label([week["maandag"] for week in holiday]))))
