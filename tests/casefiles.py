"""Load the test cases of tests/cases/*.yaml, and check an outcome against a case's expectations.

Used by pytest (CPython) and by the Pyodide parity test, so both judge the same way.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

CASES_DIR = Path(__file__).resolve().parent / "cases"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def load_cases() -> list[dict[str, Any]]:
    """Every case of every file, as JSON-ready dicts with ``id``, ``calculator``, ``date``, ``inputs``, ``expect``."""
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        calculator = doc["calculator"]
        seen = set()
        for number, case in enumerate(doc["cases"], start=1):
            name = case["name"]
            assert name not in seen, f"{path.name}: duplicate case name {name!r}"
            seen.add(name)
            cases.append({
                "id": f"{calculator}#{number}",
                "calculator": calculator,
                "name": name,
                "date": _jsonable(case["date"]),
                "inputs": _jsonable(case["inputs"]),
                "expect": _jsonable(case["expect"]),
            })
    return cases


def mismatches(outcome: dict[str, Any], expect: dict[str, Any]) -> list[str]:
    """What in ``outcome`` differs from the case's expectations (empty when it meets them)."""
    problems = []
    if outcome["status"] != expect["status"]:
        problems.append(f"status {outcome['status']!r}, expected {expect['status']!r}")
    found = {(f["rule"], f["status"]) for f in outcome["findings"]}
    for item in expect.get("findings", []):
        if (item["rule"], item["status"]) not in found:
            problems.append(f"missing finding {item['rule']} = {item['status']}; found {sorted(found)}")
        elif "certainty" in item or "message_contains" in item:
            # An expected certainty or text must hold for at least one finding with this rule and status.
            same = [f for f in outcome["findings"] if (f["rule"], f["status"]) == (item["rule"], item["status"])]
            if not any(f["certainty"] == item.get("certainty", f["certainty"])
                       and item.get("message_contains", "") in f["message"] for f in same):
                problems.append(f"finding {item['rule']} = {item['status']} lacks certainty {item.get('certainty')!r} "
                                f"or text {item.get('message_contains')!r}: {[(f['certainty'], f['message']) for f in same]}")
    for item in expect.get("no_findings", []):
        if any(f["rule"] == item["rule"] and f["status"] == item["status"] for f in outcome["findings"]):
            problems.append(f"unexpected finding {item['rule']} = {item['status']}")
    error_fields = {e["field"] for e in outcome["errors"]}
    for field in expect.get("errors", []):
        if field not in error_fields:
            problems.append(f"missing error on field {field!r}; errors: {outcome['errors']}")
    for key, value in expect.get("values", {}).items():
        if outcome["values"].get(key) != value:
            problems.append(f"value {key} = {outcome['values'].get(key)!r}, expected {value!r}")
    for text in expect.get("summary_contains", []):
        if text not in outcome["summary"]:
            problems.append(f"summary lacks {text!r}: {outcome['summary']!r}")
    return problems
