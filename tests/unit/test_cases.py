"""Every case of tests/cases/*.yaml gives the expected status, findings, errors and values in CPython."""

from __future__ import annotations

from datetime import date

import pytest

from calculators import run
from tests.casefiles import load_cases, mismatches

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case, rules):
    """The outcome meets the case's expectations."""
    outcome = run(case["calculator"], case["inputs"], rules, date.fromisoformat(case["date"]))
    assert not mismatches(outcome, case["expect"]), f"{case['name']}: {mismatches(outcome, case['expect'])}"
