"""The macro language of the pages is collected in one place, and DECISIONS.md lists all of it."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from build_scripts.paths import ROOT
from build_scripts.site import registry


def test_every_macro_is_documented_and_every_documented_macro_exists():
    """The macro table in DECISIONS.md (D4) names exactly the macros of the registry."""
    decisions = (ROOT / "DECISIONS.md").read_text(encoding="utf-8")
    section = decisions[decisions.index("## D4."):decisions.index("## D5.")]
    documented = set(re.findall(r"^\| `\{\{ ([a-z_]+)", section, flags=re.M))
    assert documented == set(registry.MACROS)


def test_a_macro_defined_twice_fails():
    """Two modules that define the same macro name stop the build at import, naming the name."""
    first = SimpleNamespace(__name__="first", MACROS={"norm": lambda argument, context: ""})
    second = SimpleNamespace(__name__="second", MACROS={"norm": lambda argument, context: ""})
    with pytest.raises(ValueError, match="'norm' is defined in second"):
        registry.collect((first, second))


def test_the_table_cannot_be_changed_after_collection():
    """No module can add a macro by side effect: the collected table is read-only."""
    with pytest.raises(TypeError):
        registry.MACROS["extra"] = lambda argument, context: ""  # type: ignore[index]
