"""Shared fixtures: the compiled rules from data/, and the test cases as data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from build_scripts.rules_data import compile_rules  # noqa: E402
from calculators import Rules  # noqa: E402


@pytest.fixture(scope="session")
def compiled_rules() -> dict:
    return compile_rules()


@pytest.fixture(scope="session")
def rules(compiled_rules) -> Rules:
    return Rules(compiled_rules)
