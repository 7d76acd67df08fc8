"""The same cases give the same outcomes in Pyodide (Python 3.14, under Node) as in CPython."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from build_scripts.bundle.wheel import build_wheel
from calculators import run
from tests.casefiles import load_cases, mismatches

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.pyodide


@pytest.fixture(scope="module")
def pyodide_outcomes(tmp_path_factory, compiled_rules):
    if shutil.which("node") is None:
        pytest.fail("node is required for the Pyodide parity test")
    work = tmp_path_factory.mktemp("pyodide")
    name, data = build_wheel(compiled_rules)
    wheel = work / name
    wheel.write_bytes(data)
    cases = work / "cases.json"
    cases.write_text(json.dumps(load_cases(), ensure_ascii=False), encoding="utf-8")
    completed = subprocess.run(
        ["node", str(ROOT / "tests" / "pyodide" / "run_cases.mjs"), str(wheel), str(cases)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout)


def test_runs_on_python_314(pyodide_outcomes):
    """The browser's Python is the 3.14 of Pyodide, not the CPython of the tests."""
    assert pyodide_outcomes["python"].startswith("3.14")


CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_same_outcome_as_cpython(case, pyodide_outcomes, rules):
    """Pyodide's outcome equals CPython's to the letter and meets the case's expectations."""
    in_pyodide = pyodide_outcomes["outcomes"][case["id"]]
    in_cpython = run(case["calculator"], case["inputs"], rules, date.fromisoformat(case["date"]))
    assert in_pyodide == in_cpython
    assert not mismatches(in_pyodide, case["expect"])
