"""The entry point for the Web Worker: JSON strings in, JSON strings out.

The worker's JavaScript only moves text across; everything it shows comes from here.
"""

from __future__ import annotations

import json
from datetime import date

from .bundled import load_rules
from .registry import run_form

_rules = None


def ready() -> str:
    """Load the packed rules once; return their version."""
    global _rules
    if _rules is None:
        _rules = load_rules()
    return _rules.version


def run_json(name: str, fields_json: str, today_iso: str) -> str:
    """Run calculator ``name`` on the form's flat fields; ``today_iso`` is the browser's date."""
    ready()
    fields = json.loads(fields_json)
    return json.dumps(run_form(name, fields, _rules, date.fromisoformat(today_iso)), ensure_ascii=False)
