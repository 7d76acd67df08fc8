"""Input descriptions, and reading raw input into typed values with Dutch error messages.

One description per calculator serves three purposes: the form on the page is rendered
from it at build time, ``python -m calculators list`` prints it, and :func:`parse`
validates input with it. Input arrives either as nested JSON (command line, tests) or
as flat text fields from a form, where a repeated group uses dotted names such as
``perioden.0.weken``; both go through the same code.

Bad input never raises: every problem becomes a :class:`~calculators.outcome.FieldError`
that names the field and says how to fix it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from . import dutch
from .outcome import FieldError, plain
from .rules import NormUnavailable, Rules

FIELD_TYPES = ("integer", "number", "text", "choice", "multichoice", "boolean", "time", "date", "group")

_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")
# A Dutch date: day, month, year with "-", "/", "." or a space between ("1-9-2026", "01/09/2026"),
# or eight digits ddmmjjjj (a phone's number pad has no dash); and the ISO date that links carry.
_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$")
_DIGITS_DATE = re.compile(r"^(\d{2})(\d{2})(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
#: How a date is written in forms, and an example, for hints and messages.
DATE_NOTATION = "dd-mm-jjjj"
DATE_EXAMPLE = "01-09-2026"
_INTEGER = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
# Dutch notation: dots group thousands ("3.700", "1.280,5"), the comma is the decimal sign.
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_MAX_TEXT = 200
#: Rows beyond this index in flat form names are not kept (no group has this many rows).
_MAX_ROW_INDEX = 1000


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Field:
    """One input: its name, Dutch label and hint, type, unit, bounds and choices.

    ``choices_norm`` names a norm in data/ whose value is a mapping of code to label;
    the choices then come from the rules on the reference date. A ``group`` holds
    ``fields`` repeated in up to ``rows`` rows; an all-empty row is ignored.
    """

    name: str
    label: str
    type: str
    hint: str = ""
    unit: str = ""
    required: bool = True
    minimum: Decimal | int | None = None
    maximum: Decimal | int | None = None
    step: str = ""
    default: Any = None
    choices: tuple[Choice, ...] = ()
    choices_norm: str = ""
    fields: tuple["Field", ...] = ()
    rows: int = 0
    min_rows: int = 0

    def __post_init__(self) -> None:
        if self.type not in FIELD_TYPES:
            raise ValueError(f"unknown field type {self.type!r} for {self.name!r}")

    def resolved_choices(self, rules: Rules | None, on: date | None) -> tuple[Choice, ...]:
        if not self.choices_norm:
            return self.choices
        if rules is None or on is None:
            return ()
        mapping = rules.value(self.choices_norm, on)
        return tuple(Choice(str(code), f"{code} – {label}") for code, label in mapping.items())

    def describe(self, rules: Rules | None = None, on: date | None = None) -> dict[str, Any]:
        """The description as plain JSON, for the command line and the form renderer."""
        out: dict[str, Any] = {"name": self.name, "label": self.label, "type": self.type}
        if self.hint:
            out["hint"] = self.hint
        if self.unit:
            out["unit"] = self.unit
        out["required"] = self.required
        for key in ("minimum", "maximum"):
            bound = getattr(self, key)
            if bound is not None:
                out[key] = plain(bound)
        if self.step:
            out["step"] = self.step
        if self.default is not None:
            out["default"] = plain(self.default)
        try:
            choices = self.resolved_choices(rules, on)
        except NormUnavailable:
            choices = ()
        if choices:
            out["choices"] = [{"value": c.value, "label": c.label} for c in choices]
        if self.choices_norm:
            out["choices_norm"] = self.choices_norm
        if self.type == "group":
            out["rows"] = self.rows
            out["min_rows"] = self.min_rows
            out["fields"] = [sub.describe(rules, on) for sub in self.fields]
        return out


def unflatten(raw: dict[str, Any]) -> dict[str, Any]:
    """Turn form names such as ``perioden.0.weken`` into nested dicts and lists.

    Keys without a dot pass through unchanged, so nested JSON is left as it is.
    """
    result: dict[str, Any] = {}
    for key, value in raw.items():
        if not isinstance(key, str) or "." not in key:
            result[key] = value
            continue
        group, _, rest = key.partition(".")
        index, _, sub = rest.partition(".")
        if not (index.isascii() and index.isdigit()) or not sub:
            result[key] = value
            continue
        rows = result.setdefault(group, {})
        if not isinstance(rows, dict):
            continue
        rows.setdefault(int(index), {})[sub] = value
    for key, value in list(result.items()):
        if isinstance(value, dict) and value and all(isinstance(k, int) for k in value):
            # Keep each row at its index ("dagen.1" is the second row even when row 0 is not sent);
            # a missing row is an empty one. A huge index only has to make the list too long.
            size = min(max(value) + 1, _MAX_ROW_INDEX + 1)
            result[key] = [value.get(i, {}) for i in range(size)]
    return result


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "") or value == []


def _label(field_: Field) -> str:
    return f"‘{field_.label}’"


def _bounds_message(field_: Field) -> str:
    unit = f" {field_.unit}" if field_.unit else ""
    if field_.minimum is not None and field_.maximum is not None:
        return f"Vul bij {_label(field_)} een getal van {dutch.number(field_.minimum)} tot en met {dutch.number(field_.maximum)}{unit} in."
    if field_.minimum is not None:
        return f"Vul bij {_label(field_)} een getal van minstens {dutch.number(field_.minimum)}{unit} in."
    return f"Vul bij {_label(field_)} een getal van hoogstens {dutch.number(field_.maximum)}{unit} in."


def _parse_number(field_: Field, value: Any, errors: list[FieldError], path: str) -> Decimal | None:
    integer = field_.type == "integer"
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(str(value)) if value == value and abs(value) < 1e12 else None
    elif isinstance(value, str) and len(value) <= 40:
        text = value.strip().replace(" ", "")
        if _THOUSANDS.match(text):
            text = text.replace(".", "")
        pattern = _INTEGER if integer else _NUMBER
        if pattern.match(text):
            try:
                number = Decimal(text.replace(",", "."))
            except InvalidOperation:
                number = None
        else:
            number = None
    else:
        number = None
    if number is None or (integer and number != number.to_integral_value()):
        kind = "een geheel getal" if integer else "een getal (met een komma voor decimalen, bijvoorbeeld 7,5)"
        errors.append(FieldError(path, f"Vul bij {_label(field_)} {kind} in."))
        return None
    if (field_.minimum is not None and number < Decimal(field_.minimum)) or (
        field_.maximum is not None and number > Decimal(field_.maximum)
    ):
        errors.append(FieldError(path, _bounds_message(field_)))
        return None
    return int(number) if integer else number


def _parse_time(field_: Field, value: Any, errors: list[FieldError], path: str) -> int | None:
    match = _TIME.match(value) if isinstance(value, str) else None
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2))
        if hours < 24 and minutes < 60:
            return hours * 60 + minutes
    errors.append(FieldError(path, f"Vul bij {_label(field_)} een tijd in als uu:mm tussen 00:00 en 23:59, bijvoorbeeld 08:30."))
    return None


def read_date(value: Any, label: str) -> tuple[date | None, str]:
    """A date as a reader types it (dd-mm-jjjj) or as a link carries it (jjjj-mm-dd).

    Returns the date and ``""``, or ``None`` and a Dutch message for the field ``label``
    that says what is wrong: not a date at all, or a date that does not exist (31-02-2027).
    """
    text = value.strip() if isinstance(value, str) else ""
    match = _DUTCH_DATE.match(text) or _DIGITS_DATE.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
    elif _ISO_DATE.match(text):
        year, month, day = (int(part) for part in _ISO_DATE.match(text).groups())
    else:
        return None, f"Vul bij ‘{label}’ een datum in als {DATE_NOTATION}, bijvoorbeeld {DATE_EXAMPLE}."
    shown = text[:10]
    if not 1900 <= year <= 2200:
        return None, f"Bij ‘{label}’ staat {shown}. Vul een jaartal van 1900 tot en met 2200 in, als {DATE_NOTATION}."
    if not 1 <= month <= 12:
        return None, f"De datum {shown} bij ‘{label}’ bestaat niet: een maand is een getal van 1 tot en met 12. Vul de datum in als {DATE_NOTATION}."
    try:
        return date(year, month, day), ""
    except ValueError:
        days = (date(year + month // 12, month % 12 + 1, 1) - date(year, month, 1)).days
        return None, (
            f"De datum {shown} bij ‘{label}’ bestaat niet: {dutch.MONTHS[month - 1]} {year} heeft {days} dagen. "
            f"Vul een datum in die bestaat, als {DATE_NOTATION}."
        )


def _parse_date(field_: Field, value: Any, errors: list[FieldError], path: str) -> date | None:
    parsed, problem = read_date(value, field_.label)
    if problem:
        errors.append(FieldError(path, problem))
    return parsed


def _parse_boolean(field_: Field, value: Any, errors: list[FieldError], path: str) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("ja", "true", "on", "1", "nee", "false", "off", "0"):
        return value.strip().lower() in ("ja", "true", "on", "1")
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    errors.append(FieldError(path, f"Kies bij {_label(field_)} ja of nee."))
    return None


def _parse_choice(field_: Field, value: Any, errors: list[FieldError], path: str, rules, on) -> Any:
    allowed = {choice.value: choice for choice in field_.resolved_choices(rules, on)}
    if isinstance(value, bool):
        value = None
    elif isinstance(value, float) and not math.isfinite(value):
        value = None
    elif isinstance(value, (int, float)):
        value = str(int(value)) if value == int(value) else str(value)
    if field_.type == "multichoice":
        items = value.split(",") if isinstance(value, str) else value
        if isinstance(items, list) and all(isinstance(item, (str, int)) and not isinstance(item, bool) for item in items):
            picked = [str(item).strip() for item in items if str(item).strip()]
            unknown = [item for item in picked if item not in allowed]
            if not unknown:
                return list(dict.fromkeys(picked))
            errors.append(FieldError(path, f"Bij {_label(field_)} is ‘{unknown[0][:40]}’ geen bekende keuze. Kies uit de lijst."))
            return None
        errors.append(FieldError(path, f"Kies bij {_label(field_)} een of meer mogelijkheden uit de lijst."))
        return None
    if isinstance(value, str) and value.strip() in allowed:
        return value.strip()
    shown = value.strip()[:40] if isinstance(value, str) else ""
    if shown:
        errors.append(FieldError(path, f"Bij {_label(field_)} is ‘{shown}’ geen bekende keuze. Kies een van de mogelijkheden uit de lijst."))
    else:
        errors.append(FieldError(path, f"Kies bij {_label(field_)} een van de mogelijkheden uit de lijst."))
    return None


def _parse_value(field_: Field, value: Any, errors: list[FieldError], path: str, rules, on) -> Any:
    if field_.type in ("integer", "number"):
        return _parse_number(field_, value, errors, path)
    if field_.type == "time":
        return _parse_time(field_, value, errors, path)
    if field_.type == "date":
        return _parse_date(field_, value, errors, path)
    if field_.type == "boolean":
        return _parse_boolean(field_, value, errors, path)
    if field_.type in ("choice", "multichoice"):
        return _parse_choice(field_, value, errors, path, rules, on)
    if field_.type == "text":
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            text = str(value).strip()
            if len(text) <= _MAX_TEXT:
                return text
            errors.append(FieldError(path, f"Bij {_label(field_)} mag hoogstens {_MAX_TEXT} tekens staan."))
            return None
        errors.append(FieldError(path, f"Vul bij {_label(field_)} tekst in."))
        return None
    raise ValueError(field_.type)


def _parse_group(field_: Field, value: Any, errors: list[FieldError], path: str, rules, on) -> list[dict[str, Any]] | None:
    if isinstance(value, dict) and all(isinstance(k, str) and k.isascii() and k.isdigit() for k in value):
        value = [value[k] for k in sorted(value, key=int)]
    if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
        errors.append(FieldError(path, f"{_label(field_)} moet een lijst van rijen zijn."))
        return None
    if len(value) > field_.rows:
        errors.append(FieldError(path, f"Bij {_label(field_)} passen hoogstens {field_.rows} rijen."))
        return None
    rows = []
    for index, row in enumerate(value):
        if all(_blank(row.get(sub.name)) or (sub.type == "boolean" and row.get(sub.name) in (False, "false", "off")) for sub in field_.fields):
            continue
        parsed, _ = _parse_fields(field_.fields, row, errors, f"{path}.{index}.", rules, on)
        parsed["rij"] = index + 1
        rows.append(parsed)
    if len(rows) < field_.min_rows:
        rows_word = "rij" if field_.min_rows == 1 else "rijen"
        errors.append(FieldError(path, f"Vul bij {_label(field_)} ten minste {field_.min_rows} {rows_word} in."))
    return rows


def _parse_fields(fields, raw: dict[str, Any], errors: list[FieldError], prefix: str, rules, on) -> tuple[dict[str, Any], list[str]]:
    values: dict[str, Any] = {}
    known = {f.name for f in fields}
    unknown = [key for key in raw if key not in known]
    for field_ in fields:
        path = prefix + field_.name
        value = raw.get(field_.name)
        if field_.type == "group":
            values[field_.name] = _parse_group(field_, [] if value is None else value, errors, path, rules, on)
            continue
        if field_.type == "boolean" and _blank(value):
            # A form does not send an unticked box, so absent always means "nee";
            # the default only decides whether the box starts ticked.
            values[field_.name] = False
            continue
        if field_.type == "multichoice" and _blank(value):
            if field_.required:
                errors.append(FieldError(path, f"Kies bij {_label(field_)} ten minste één mogelijkheid."))
            values[field_.name] = []
            continue
        if _blank(value):
            if field_.required:
                verb = "Kies" if field_.type == "choice" else "Vul"
                tail = "" if field_.type == "choice" else " in"
                errors.append(FieldError(path, f"{verb} bij {_label(field_)} iets{tail}: dit veld is verplicht."))
            values[field_.name] = None
            continue
        values[field_.name] = _parse_value(field_, value, errors, path, rules, on)
    return values, unknown


def parse(fields: tuple[Field, ...], raw: Any, rules: Rules | None = None, on: date | None = None) -> tuple[dict[str, Any], list[FieldError]]:
    """Read ``raw`` (nested JSON or flat form fields) against ``fields``.

    Returns the typed values and the errors. Unknown top-level keys are an error, so a
    misspelt name on the command line is not silently ignored.
    """
    errors: list[FieldError] = []
    if not isinstance(raw, dict):
        return {}, [FieldError("", "De invoer moet een JSON-object zijn, bijvoorbeeld {\"leeftijd\": 15}.")]
    values, unknown = _parse_fields(fields, unflatten(raw), errors, "", rules, on)
    for key in unknown:
        errors.append(FieldError(str(key)[:60], f"‘{str(key)[:60]}’ is geen invoerveld van deze rekenhulp."))
    return values, errors
