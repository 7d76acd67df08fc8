"""The calculators by name, and running one on inputs, rules and a reference date."""

from __future__ import annotations

import importlib
from datetime import date
from types import ModuleType
from typing import Any

from . import dutch
from .inputs import parse, read_date
from .outcome import Outcome
from .rules import NormUnavailable, Rules

#: Command-line names, in the order the site presents them.
NAMES = ("onderwijstijd", "stage_uren", "werktijden", "werkweken", "examenpakket", "toezicht", "stageovereenkomst", "plan")

#: The field that carries the reference date in a form; the command line uses --date.
REFERENCE_DATE_FIELD = "peildatum"
REFERENCE_DATE_LABEL = "Peildatum"


class UnknownCalculator(LookupError):
    """No calculator has this name."""


def available() -> tuple[str, ...]:
    """The names of the calculators whose module exists."""
    found = []
    for name in NAMES:
        try:
            importlib.import_module(f"{__package__}.{name}")
        except ModuleNotFoundError:
            continue
        found.append(name)
    return tuple(found)


def module(name: str) -> ModuleType:
    if not isinstance(name, str) or name not in NAMES:
        raise UnknownCalculator(name)
    try:
        return importlib.import_module(f"{__package__}.{name}")
    except ModuleNotFoundError as missing:
        raise UnknownCalculator(name) from missing


def describe(name: str, rules: Rules | None = None, on: date | None = None) -> dict[str, Any]:
    """Name, Dutch title, introduction and input description of one calculator."""
    calc = module(name)
    return {
        "name": calc.NAME,
        "title": calc.TITLE,
        "intro": calc.INTRO,
        "inputs": [field.describe(rules, on) for field in calc.FIELDS],
    }


def run(name: str, inputs: Any, rules: Rules, reference_date: date) -> dict[str, Any]:
    """Run calculator ``name`` and return the outcome as a dict (the public contract).

    Bad input gives an ``invalid`` outcome with a Dutch message per field; it never raises.
    """
    calc = module(name)
    outcome = Outcome(calculator=name, reference_date=reference_date)
    try:
        values, errors = parse(calc.FIELDS, inputs, rules, reference_date)
        outcome.errors.extend(errors)
        if errors:
            return outcome.to_dict()
        calc.calculate(values, rules, reference_date, outcome)
    except NormUnavailable as missing:
        outcome.errors.clear()
        outcome.findings.clear()
        since = f" Kies een peildatum vanaf {dutch.long_date(missing.first)}." if missing.first else ""
        outcome.error(
            REFERENCE_DATE_FIELD,
            f"Op {dutch.long_date(reference_date)} gold de regel ‘{missing.norm_id}’ nog niet of niet meer.{since}",
        )
    return outcome.to_dict()


def run_form(name: str, fields: Any, rules: Rules, default_date: date) -> dict[str, Any]:
    """Run with flat form fields; the reference date is the form's own ``peildatum`` field."""
    if not isinstance(fields, dict):
        fields = {}
    fields = dict(fields)
    raw_date = fields.pop(REFERENCE_DATE_FIELD, None)
    reference_date = default_date
    if isinstance(raw_date, str) and raw_date.strip():
        # dd-mm-jjjj as typed in the form, or jjjj-mm-dd as a shared link carries it.
        parsed, problem = read_date(raw_date, REFERENCE_DATE_LABEL)
        if parsed is None:
            outcome = Outcome(calculator=name, reference_date=default_date)
            outcome.error(REFERENCE_DATE_FIELD, problem)
            module(name)
            return outcome.to_dict()
        reference_date = parsed
    return run(name, fields, rules, reference_date)
