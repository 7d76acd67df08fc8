"""The entry point for the Web Worker: JSON strings in, JSON strings out.

The worker's JavaScript only moves text across; everything it shows comes from here.
"""

from __future__ import annotations

import binascii
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
    """Run calculator ``name`` on the form's flat fields; ``today_iso`` is the browser's date.

    A few names are not calculators but the plan's and the class's file work (see ``_ACTIONS``);
    they travel the same way, so the worker stays one small protocol.
    """
    ready()
    fields = json.loads(fields_json)
    today = date.fromisoformat(today_iso)
    if name in _ACTIONS:
        return json.dumps(_ACTIONS[name](fields if isinstance(fields, dict) else {}, today), ensure_ascii=False)
    return json.dumps(run_form(name, fields, _rules, today), ensure_ascii=False)


def _class_file(fields: dict, today: date) -> dict:
    """``{"bestand_base64": ...}``: the bytes of a class CSV, checked by :func:`calculators.klas.check_class`."""
    from . import klas

    try:
        data = binascii.a2b_base64(str(fields.get("bestand_base64", "")))
    except (binascii.Error, ValueError):
        data = b""
    return klas.check_class(data, _rules, today)


def _class_report(fields: dict, today: date) -> dict:
    """``{"invoer": {...}}``: one pupil's full report from a class row."""
    from . import klas

    return klas.report(fields.get("invoer"), _rules, today)


def _plan_open(fields: dict, today: date) -> dict:
    """``{"tekst": ...}``: a saved plan file, checked; the form's fields or a Dutch message."""
    from . import plan

    flat, problem = plan.read_file(fields.get("tekst", ""))
    if flat is None:
        return {"ok": False, "bericht": problem}
    return {"ok": True, "velden": plan.form_fields(flat)}


def _plan_save(fields: dict, today: date) -> dict:
    """``{"velden": {...}}``: the form's fields as the text of a plan file."""
    from . import plan

    values = fields.get("velden") if isinstance(fields.get("velden"), dict) else {}
    return {"tekst": json.dumps(plan.to_file(values), ensure_ascii=False, indent=1)}


_ACTIONS = {
    "klas": _class_file,
    "klas-rapport": _class_report,
    "plan-openen": _plan_open,
    "plan-bewaren": _plan_save,
}
