"""The layout every calculator keeps: declared norms, wording apart from rules, no norm literals."""

from __future__ import annotations

import ast
import importlib
import inspect
from datetime import date
from pathlib import Path

import pytest

from calculators import NAMES, Rules, run
from calculators.rules import NormValue
from tests.casefiles import load_cases

CALCULATORS_DIR = Path(__file__).resolve().parents[2] / "calculators"
CASES = load_cases()


class RecordingRules(Rules):
    """Rules that remember which norm ids a calculator asked for."""

    def __init__(self, compiled):
        super().__init__(compiled)
        self.asked: set[str] = set()

    def get(self, norm_id: str, on: date) -> NormValue:
        self.asked.add(norm_id)
        return super().get(norm_id, on)


@pytest.mark.parametrize("name", NAMES)
def test_every_norm_a_calculator_reads_is_declared(name, compiled_rules):
    """Running every case of a calculator reads only norms listed in its NORMS."""
    rules = RecordingRules(compiled_rules)
    cases = [case for case in CASES if case["calculator"] == name]
    assert cases
    for case in cases:
        run(name, case["inputs"], rules, date.fromisoformat(case["date"]))
    declared = set(importlib.import_module(f"calculators.{name}").NORMS)
    assert rules.asked <= declared, sorted(rules.asked - declared)


@pytest.mark.parametrize("name", NAMES)
def test_declared_norms_exist_in_data(name, rules):
    """Every id in NORMS is a norm of data/ (a typo would silently drop a rule description from the form)."""
    module = importlib.import_module(f"calculators.{name}")
    assert module.NORMS and all(rules.has(norm_id) for norm_id in module.NORMS), module.NORMS


@pytest.mark.parametrize("name", NAMES)
def test_every_wording_key_is_used_and_every_used_key_exists(name):
    """The wording table and the checks agree: no key without a check, no check without wording."""
    wording = importlib.import_module(f"calculators.{name}_nl")
    source = inspect.getsource(importlib.import_module(f"calculators.{name}"))
    literals = {node.value for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    for key in wording.FINDINGS:
        prefix_used = any(text and key.startswith(text) and (text.endswith("_") or text in wording.FINDINGS) for text in literals)
        assert key in literals or prefix_used, f"{name}_nl.FINDINGS[{key!r}] is never used"


def _code_strings(tree: ast.AST) -> list[str]:
    """String constants in the code, docstrings left out (they may describe the law with its numbers)."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_no_calculator_uses_capitalize_or_literal_norms():
    """Dutch first letters go through dutch.upper_first; ages, 'leerjaar 3 en 4' and day counts come from data/."""
    for path in sorted(CALCULATORS_DIR.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        assert ".capitalize()" not in text, path.name
        assert not any("leerjaar 3 en 4" in string for string in _code_strings(tree)), path.name
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare) and any(isinstance(c, ast.Constant) and c.value in (5, 14, 16, 18)
                                                     for c in [node.left, *node.comparators]):
                raise AssertionError(f"{path.name}:{node.lineno}: a comparison with a literal that is a norm")
