"""The one outcome type that every calculator returns.

The outcome is the public contract of the calculators, written down as a JSON Schema in
``calculators/outcome.schema.json``: the same dictionary is printed by the command line,
returned to the browser and checked by the tests.

A check returns a :class:`Verdict`: the norm it tested, a status, and the key and numbers of its
message. The calculator's wording table (``<name>_nl.py``) turns the key into Dutch;
:meth:`Outcome.record` puts both together, so rules and wording stay apart.

``status`` is ``invalid`` when there are input errors (then there is no verdict),
otherwise ``fail`` when any finding fails, ``warning`` when any finding warns,
and ``pass`` otherwise.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Mapping

from . import dutch
from .rules import NormValue

FINDING_STATUSES = ("pass", "fail", "warning", "info")
OUTCOME_STATUSES = ("pass", "fail", "warning", "invalid")

#: Dutch verdict per outcome status, shown to the reader next to the summary.
VERDICT_LABELS = {
    "pass": "Voldoet",
    "fail": "Voldoet niet",
    "warning": "Let op",
    "invalid": "Invoer onvolledig",
}

#: Dutch label per finding status.
FINDING_LABELS = {
    "pass": "In orde",
    "fail": "Niet in orde",
    "warning": "Let op",
    "info": "Ter informatie",
}


def plain(value: Any) -> Any:
    """Decimals become int or float (rounded to 2 decimals), so that values are JSON."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(round(value, 2))
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


class _DutchFormatter(string.Formatter):
    """``str.format`` for wording tables: numbers in Dutch notation, lists as "a, b en c".

    Format specs: ``{x:upper_first}``, ``{x:lower_first}``; ``{n:0}`` .. ``{n:2}`` gives at most that
    many decimals (default 2).
    """

    def format_field(self, value: Any, spec: str) -> str:
        if isinstance(value, bool):
            value = "ja" if value else "nee"
        if isinstance(value, (int, float, Decimal)):
            return dutch.number(value, int(spec) if spec.isdigit() else 2)
        if isinstance(value, (list, tuple)):
            value = dutch.enumeration([self.format_field(item, "") for item in value])
        text = str(value)
        if spec == "upper_first":
            return dutch.upper_first(text)
        if spec == "lower_first":
            return dutch.lower_first(text)
        if spec:
            raise ValueError(f"unknown format spec {spec!r} in a wording template")
        return text


_FORMATTER = _DutchFormatter()


def render(template: str, params: Mapping[str, Any]) -> str:
    """A wording template filled in with ``params`` in Dutch notation."""
    return _FORMATTER.vformat(template, (), dict(params))


@dataclass(frozen=True)
class Verdict:
    """What one check found: the norm it tested, the status, and the key and numbers of its message."""

    norm: NormValue
    status: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


def verdict(norm: NormValue, status: str, key: str, /, **params: Any) -> Verdict:
    """Shorthand for a check's return value: ``verdict(minimum, "fail", "too_few", counted=639)``."""
    if status not in FINDING_STATUSES:
        raise ValueError(f"unknown finding status {status!r}")
    return Verdict(norm, status, key, params)


@dataclass
class Finding:
    """One checked rule: what was checked, the result, and where the rule comes from."""

    rule: str
    status: str
    message: str
    certainty: str
    sources: list[dict[str, str]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "status": self.status,
            "message": self.message,
            "certainty": self.certainty,
            "sources": [dict(source) for source in self.sources],
        }


@dataclass
class FieldError:
    """An input that cannot be used, with a Dutch message that says how to fix it."""

    field: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


@dataclass
class Outcome:
    """Collects findings, errors and computed values, and derives the status."""

    calculator: str
    reference_date: date
    findings: list[Finding] = field(default_factory=list)
    errors: list[FieldError] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    summary: str = ""

    def add(self, norm: NormValue, status: str, message: str) -> Finding:
        """Record a finding on ``norm`` (a value from data/), carrying its source and certainty."""
        if status not in FINDING_STATUSES:
            raise ValueError(f"unknown finding status {status!r}")
        finding = Finding(
            rule=norm.norm_id,
            status=status,
            message=message,
            certainty=norm.certainty,
            sources=norm.source_refs(),
        )
        self.findings.append(finding)
        return finding

    def record(self, found: Verdict | None, wording: Mapping[str, str]) -> Finding | None:
        """Record a check's verdict as a finding, its message taken from ``wording`` (None: nothing to say)."""
        if found is None:
            return None
        return self.add(found.norm, found.status, render(wording[found.key], found.params))

    def summarize(self, wording: Mapping[str, str], key: str | None = None, /, **params: Any) -> None:
        """Set the summary from ``wording``: the template under ``key``, by default the outcome's status."""
        self.summary = render(wording[key or self.status], params)

    def count(self, status: str) -> int:
        """How many findings have ``status``."""
        return sum(1 for finding in self.findings if finding.status == status)

    def error(self, field_name: str, message: str) -> None:
        self.errors.append(FieldError(field_name, message))

    @property
    def status(self) -> str:
        if self.errors:
            return "invalid"
        statuses = {finding.status for finding in self.findings}
        if "fail" in statuses:
            return "fail"
        if "warning" in statuses:
            return "warning"
        return "pass"

    def to_dict(self) -> dict[str, Any]:
        status = self.status
        summary = self.summary
        findings = [finding.to_dict() for finding in self.findings]
        values = plain(self.values)
        if status == "invalid":
            # No verdict on input that could not be read.
            count = len(self.errors)
            summary = (
                "De invoer is niet volledig of niet juist: "
                + ("1 veld moet worden aangepast." if count == 1 else f"{count} velden moeten worden aangepast.")
            )
            findings = []
            values = {}
        return {
            "calculator": self.calculator,
            "reference_date": self.reference_date.isoformat(),
            "status": status,
            "summary": summary,
            "findings": findings,
            "errors": [error.to_dict() for error in self.errors],
            "values": values,
        }
