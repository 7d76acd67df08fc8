"""Small helpers shared by the calculator unit tests."""

from __future__ import annotations

import copy
import os
from datetime import date

from calculators import Rules, describe


def rules_with_value(compiled: dict, norm_id: str, value) -> Rules:
    """The rules with every dated value of ``norm_id`` replaced by ``value``: proof that a verdict follows data/."""
    changed = copy.deepcopy(compiled)
    for entry in changed["norms"][norm_id]["values"]:
        entry["value"] = value
    return Rules(changed)


def default_inputs(name: str, rules: Rules, on: date) -> dict:
    """The defaults of a calculator's input description: what its form shows before anyone types."""
    return {spec["name"]: spec["default"] for spec in describe(name, rules, on)["inputs"] if "default" in spec}


def examples(full: int) -> int:
    """How many examples a property test draws: all of them in `make test`, a tenth (at least 25)
    in the quick `make check` (``LWT_QUICK=1``), so that the fast path stays under a minute."""
    return max(25, full // 10) if os.environ.get("LWT_QUICK") == "1" else full
