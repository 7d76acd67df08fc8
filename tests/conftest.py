"""Shared fixtures: the compiled rules from data/, and the test cases as data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.paths import ROOT
from build_scripts.rules_data import compile_rules
from calculators import Rules


COST_FOLDERS = ("unit", "build", "pyodide", "browser")


def pytest_collection_modifyitems(config, items):
    """Mark every test with the cost folder it lives in, so `-m unit` is the fast path."""
    for item in items:
        parts = Path(str(item.path)).relative_to(ROOT / "tests").parts
        if parts and parts[0] in COST_FOLDERS:
            item.add_marker(parts[0])


@pytest.fixture(scope="session")
def compiled_rules() -> dict:
    return compile_rules()


@pytest.fixture(scope="session")
def rules(compiled_rules) -> Rules:
    return Rules(compiled_rules)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built once per test session, strictly, from this checkout."""
    out = tmp_path_factory.mktemp("site") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=600,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return out
