"""Plan: one pupil's whole leer-werktraject, checked by the calculators that already exist.

The pupil is entered once (birth date, leerweg, profiel); each part of the plan is the input of
one calculator (werktijden over the stage period, stage hours, exam package, toezicht,
stageovereenkomst). The plan runs each calculator through its public contract
(``registry.run``) and combines the outcomes: one verdict per part, an overall verdict, and
every finding with its rule and source. It holds no rule of its own.

The input fields are the calculators' own descriptions, renamed ``<part>-<field>`` (a form
field, or a flat key in a saved file) and labelled with the part's title. Inputs that the
pupil gives once are not asked again: ``leeftijd`` is the age on the first day of the stage
(``werkweken-begindatum``; without it the reference date), ``geboortedatum``, ``leerweg`` and
``profiel`` are the pupil's. A field that a calculator adds later appears here by itself.

A saved plan is a JSON file ``{"formaat": "lwt-plan", "versie": 1, "invoer": {...}}`` whose
``invoer`` holds the fields, flat (``"werkweken-begindatum"``) or per part
(``{"werkweken": {"begindatum": ...}}``); :func:`read_file` checks it and says in Dutch what
is wrong with a bad or foreign file.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

from . import dutch
from .ages import age_on
from .inputs import DATE_NOTATION, Field
from .outcome import VERDICT_LABELS, FieldError, Finding, Outcome
from .registry import module, run
from .plan_nl import FINDINGS, PART_ERROR, PART_VERDICT, SUMMARIES, WHO
from .rules import Rules

NAME = "plan"
TITLE = "Plan van een leerling"
INTRO = (
    "Vul de leerling één keer in: geboortedatum, leerweg en profiel, en daarna de stage, het rooster, het "
    "examenpakket, het toezicht en de stageovereenkomst. U krijgt één verslag met een oordeel per onderdeel "
    "en een oordeel over het hele plan. Alles blijft in uw browser."
)

FILE_FORMAT = "lwt-plan"
FILE_VERSION = 1
#: A saved file larger than this is not read (a plan is a few kilobytes).
MAX_FILE_CHARS = 200_000

#: The parts of a plan, in the order of the report: calculator name and Dutch title.
PARTS = (
    ("werkweken", "Werktijden over de stageperiode"),
    ("stage_uren", "Stage-uren"),
    ("examenpakket", "Examenpakket"),
    ("toezicht", "Toezicht en soort werk"),
    ("stageovereenkomst", "Stageovereenkomst"),
)
#: Every norm the parts can cite: the plan reports their findings.
NORMS = tuple(dict.fromkeys(norm_id for name, _ in PARTS for norm_id in module(name).NORMS))

SEPARATOR = "-"
#: Inputs the pupil gives once, for every part that asks them.
SHARED = ("geboortedatum", "leerweg", "profiel")
AGE = "leeftijd"
STAGE_START = "werkweken" + SEPARATOR + "begindatum"

PUPIL_FIELDS = (
    Field("leerling", "Leerling (naam of nummer)", "text", required=False,
          hint="Alleen voor het verslag en het bestand. Laat leeg als u de link deelt."),
    Field("geboortedatum", "Geboortedatum van de leerling", "date", default="2010-10-15",
          hint=f"Als {DATE_NOTATION}. De leeftijd op de eerste stagedag geldt voor toezicht, stage-uren en stageovereenkomst."),
    Field("leerweg", "Leerweg", "choice", choices_norm="examen.leerwegen", default="bb"),
    Field("profiel", "Profiel", "choice", choices_norm="leerbedrijven.profielen", default="ZW"),
)


def part_fields(name: str, title: str) -> tuple[Field, ...]:
    """The fields of calculator ``name`` as plan fields: renamed, labelled, the shared ones left out."""
    fields = []
    for field_ in module(name).FIELDS:
        if field_.name in SHARED or field_.name == AGE:
            continue
        fields.append(replace(field_, name=f"{name}{SEPARATOR}{field_.name}", label=f"{title}: {dutch.lower_first(field_.label)}"))
    return tuple(fields)


def _all_fields() -> tuple[Field, ...]:
    fields = list(PUPIL_FIELDS)
    for name, title in PARTS:
        fields.extend(part_fields(name, title))
    return tuple(fields)


FIELDS = _all_fields()


def flatten(raw: dict[str, Any]) -> dict[str, Any]:
    """Per-part input (``{"werkweken": {"begindatum": ...}}``) as flat plan keys; flat keys pass through."""
    parts = {name for name, _ in PARTS}
    flat: dict[str, Any] = {}
    for key, value in raw.items():
        if key in parts and isinstance(value, dict):
            for sub, item in value.items():
                flat[f"{key}{SEPARATOR}{sub}"] = item
        else:
            flat[key] = value
    return flat


def _raw(field_: Field, value: Any) -> Any:
    """A parsed value back as plain input, so that the calculator reads it as the user gave it."""
    if value is None:
        return None
    if field_.type == "group":
        return [{sub.name: _raw(sub, row.get(sub.name)) for sub in field_.fields if row.get(sub.name) is not None} for row in value]
    if field_.type == "time":
        return dutch.clock(value)
    if field_.type == "date":
        return value.isoformat()
    if field_.type == "number":
        return str(value)
    return value


def _part_input(name: str, values: dict[str, Any], age: int | None) -> tuple[dict[str, Any], dict[str, list[int]]]:
    """The input of one calculator, and per group the form row of each row passed on."""
    prefix = name + SEPARATOR
    raw: dict[str, Any] = {}
    rows: dict[str, list[int]] = {}
    for field_ in module(name).FIELDS:
        if field_.name == AGE:
            raw[AGE] = age
            continue
        if field_.name in SHARED:
            raw[field_.name] = _raw(field_, values[field_.name])
            continue
        value = values[prefix + field_.name]
        if field_.type == "group":
            rows[field_.name] = [row["rij"] for row in value or []]
        converted = _raw(field_, value)
        if converted is not None:
            raw[field_.name] = converted
    return raw, rows


def _plan_field(name: str, field: str, rows: dict[str, list[int]]) -> str:
    """A part's error field (``perioden.1.weken``) as the plan's form field (``stage_uren-perioden.3.weken``)."""
    if field in SHARED:
        return field
    if field == AGE:
        return "geboortedatum"
    group, _, rest = field.partition(".")
    index, _, sub = rest.partition(".")
    if group in rows and index.isdigit() and int(index) < len(rows[group]):
        return f"{name}{SEPARATOR}{group}.{rows[group][int(index)] - 1}" + (f".{sub}" if sub else "")
    return f"{name}{SEPARATOR}{field}" if field else name


def combine(outcome: Outcome, parts: list[tuple[str, str, dict[str, Any], dict[str, list[int]]]], rules: Rules, on: date,
            field_of=None) -> list[dict[str, Any]]:
    """Run each part's calculator on its input and add its errors and findings to ``outcome``, titled.

    ``parts`` holds (calculator, title, input, form rows per group). Returns the verdict per part.
    ``field_of(name, field, rows)`` names the field of an error; by default the plan's form field.
    """
    field_of = field_of or _plan_field
    verdicts = []
    for name, title, raw, rows in parts:
        result = run(name, raw, rules, on)
        verdicts.append({"onderdeel": name, "titel": title, "status": result["status"], "oordeel": VERDICT_LABELS[result["status"]],
                         "samenvatting": result["summary"]})
        for error in result["errors"]:
            outcome.errors.append(FieldError(field_of(name, error["field"], rows), PART_ERROR.format(title=title, message=error["message"])))
        for finding in result["findings"]:
            outcome.findings.append(Finding(rule=finding["rule"], status=finding["status"], message=FINDINGS["part_finding"].format(title=title, message=finding["message"]),
                                            certainty=finding["certainty"], sources=[dict(s) for s in finding["sources"]]))
    return verdicts


def calculate(values: dict[str, Any], rules: Rules, on: date, outcome: Outcome) -> None:
    """Run every part's calculator and combine the outcomes; see the module docstring."""
    birth = values["geboortedatum"]
    start = values.get(STAGE_START) or on
    age = age_on(birth, start) if birth and birth < start else None
    if age is None:
        outcome.error("geboortedatum", "De geboortedatum ligt niet vóór de eerste stagedag. Kijk de geboortedatum na.")
        return
    parts = combine(outcome, [(name, title, *_part_input(name, values, age)) for name, title in PARTS], rules, on)
    if outcome.errors:
        return
    outcome.values.update({"leeftijd_bij_begin": age, "onderdelen": parts})
    if values.get("leerling"):
        outcome.values["leerling"] = values["leerling"]
    verdicts = "; ".join(PART_VERDICT.format(title=part["titel"], verdict=dutch.lower_first(part["oordeel"])) for part in parts)
    who = WHO.format(name=values["leerling"]) if values.get("leerling") else ""
    outcome.summary = SUMMARIES[outcome.status].format(who=who, verdicts=verdicts)


def read_file(text: str) -> tuple[dict[str, Any] | None, str]:
    """A saved plan file's input, or ``None`` and a Dutch message that says what is wrong.

    Checks only the file's shape; the fields themselves are checked when the plan runs.
    """
    if not isinstance(text, str) or not text.strip():
        return None, "Het bestand is leeg. Kies een plan dat u eerder op deze site hebt bewaard."
    if len(text) > MAX_FILE_CHARS:
        return None, "Het bestand is te groot voor een plan van één leerling. Kies een plan dat u op deze site hebt bewaard."
    try:
        doc = json.loads(text)
    except ValueError:
        return None, "Dit bestand is geen plan van deze site: het is geen JSON-bestand. Kies een bestand dat eindigt op .json en dat u hier hebt bewaard."
    if not isinstance(doc, dict) or doc.get("formaat") != FILE_FORMAT:
        return None, "Dit bestand is geen plan van deze site (het kenmerk ‘lwt-plan’ ontbreekt). Kies een plan dat u op deze site hebt bewaard."
    if doc.get("versie") != FILE_VERSION:
        return None, f"Dit plan is bewaard met een andere versie van de site (versie {str(doc.get('versie'))[:10]}); deze site leest versie {FILE_VERSION}."
    fields = doc.get("invoer")
    if not isinstance(fields, dict):
        return None, "In dit plan ontbreekt de invoer. Het bestand is misschien beschadigd."
    flat = flatten(fields)
    known = {field_.name for field_ in FIELDS} | {"peildatum"}
    unknown = sorted(key for key in flat if key.partition(".")[0] not in known)
    if unknown:
        return None, f"Dit plan bevat velden die deze site niet kent ({', '.join(str(k)[:40] for k in unknown[:3])}). Het bestand is misschien gemaakt voor een andere versie."
    bad = [key for key, value in flat.items() if not (value is None or isinstance(value, (str, int, float, bool, list)))]
    if bad:
        return None, f"In dit plan heeft het veld ‘{str(bad[0])[:40]}’ geen geldige waarde. Het bestand is misschien beschadigd."
    for field_ in FIELDS:
        value = flat.get(field_.name)
        if field_.type == "group" and isinstance(value, list) and len(value) > field_.rows:
            return None, f"In dit plan staan bij ‘{field_.label}’ {len(value)} rijen; het formulier heeft er {field_.rows}. Het bestand is misschien gemaakt voor een andere versie."
    return flat, ""


def to_file(fields: dict[str, Any]) -> dict[str, Any]:
    """The document of a saved plan file."""
    return {"formaat": FILE_FORMAT, "versie": FILE_VERSION, "invoer": fields}


def form_fields(flat: dict[str, Any]) -> dict[str, str]:
    """Flat input as the form's text fields (``werkweken-patroon.0.dag``), for filling in the page."""
    out: dict[str, str] = {}
    for key, value in flat.items():
        if isinstance(value, list) and value and all(isinstance(row, dict) for row in value):
            for index, row in enumerate(value):
                for sub, item in row.items():
                    out[f"{key}.{index}.{sub}"] = _text(item)
        else:
            out[key] = _text(value)
    return out


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else ""
    if isinstance(value, list):
        return ",".join(str(item) for item in value)
    if isinstance(value, float):
        return dutch.number(value)
    return str(value)


def run_file(text: str, rules: Rules, on: date) -> dict[str, Any]:
    """Check a saved plan file: the plan's outcome, or an ``invalid`` outcome that says what is wrong with the file."""
    flat, problem = read_file(text)
    if flat is None:
        outcome = Outcome(calculator=NAME, reference_date=on)
        outcome.error("bestand", problem)
        return outcome.to_dict()
    flat = dict(flat)
    flat.pop("peildatum", None)
    return run(NAME, flat, rules, on)
