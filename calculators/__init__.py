"""Rekenhulpen for leer-werktrajecten in the vmbo: pure, standard-library-only rules.

Each calculator is a pure function of (inputs, rules, reference date) that returns the
outcome of DECISIONS.md. The same code runs under CPython for the tests and the command
line, and under Pyodide in the browser.
"""

from .inputs import Choice, Field, parse
from .outcome import FINDING_LABELS, VERDICT_LABELS, Outcome
from .registry import NAMES, UnknownCalculator, available, describe, run, run_form
from .rules import Norm, NormUnavailable, NormValue, Rules

__all__ = [
    "NAMES", "FINDING_LABELS", "VERDICT_LABELS",
    "Choice", "Field", "Norm", "NormUnavailable", "NormValue", "Outcome", "Rules", "UnknownCalculator",
    "available", "describe", "parse", "run", "run_form",
]
