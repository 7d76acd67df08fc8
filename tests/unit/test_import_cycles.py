"""No import cycles among the project's own modules (calculators and build_scripts).

The imports are read from the source (AST), not by importing, and every import counts, also
one inside a function: a cycle hidden in a function is still a cycle. An import of a package
means its ``__init__``; ``from package import name`` means the submodule when there is one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from build_scripts.paths import ROOT

PACKAGES = ("calculators", "build_scripts")


def modules(root: Path, packages: tuple[str, ...]) -> dict[str, Path]:
    """Dotted module name -> file, for every ``.py`` file of ``packages`` under ``root``."""
    found = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _resolve(base: str, level: int, module: str | None, is_package: bool) -> str:
    """The absolute name of ``from <dots><module> import ...`` written in module ``base``."""
    if level == 0:
        return module or ""
    parts = base.split(".")
    if not is_package:
        parts = parts[:-1]
    parts = parts[: len(parts) - (level - 1)]
    return ".".join(parts + ([module] if module else []))


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The project modules that module ``name`` imports, anywhere in its source."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    targets: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                targets.add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(name, node.level, node.module, is_package)
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                targets.add(submodule if submodule in known else source)
    edges = set()
    for target in targets:
        while target and target not in known:  # "import a.b.c" of a module a.b: the module a.b
            target = target.rpartition(".")[0]
        if target and target != name:
            edges.add(target)
    return edges


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of ``graph`` as a path that ends where it starts, or ``[]``."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        path.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return []


def import_graph(root: Path, packages: tuple[str, ...]) -> dict[str, set[str]]:
    known = modules(root, packages)
    return {name: imports(name, path, known) for name, path in known.items()}


def test_the_project_has_no_import_cycle():
    """calculators and build_scripts import each other's modules without a cycle."""
    graph = import_graph(ROOT, PACKAGES)
    assert len(graph) > 30, "the walk found too few modules to mean anything"
    assert graph["build_scripts.site.forms"] >= {"build_scripts.site.tables"}
    cycle = find_cycle(graph)
    assert cycle == [], "import cycle: " + " -> ".join(cycle)


def _write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "files",
    [
        {  # forms -> tables -> macros -> forms, as relative imports
            "pkg/__init__.py": "",
            "pkg/forms.py": "from .tables import anchor\n",
            "pkg/tables.py": "from . import macros\n",
            "pkg/macros.py": "from pkg.forms import render\n",
        },
        {  # the same cycle hidden in a function, across packages
            "pkg/__init__.py": "",
            "pkg/site/__init__.py": "",
            "pkg/site/forms.py": "def f():\n    from ..site import tables\n",
            "pkg/site/tables.py": "import other.mod\n",
            "other/__init__.py": "",
            "other/mod.py": "from pkg.site.forms import f\n",
        },
    ],
    ids=["relative", "inside-a-function"],
)
def test_a_cycle_is_found(tmp_path, files):
    """The check finds a cycle of relative imports, and one made by an import inside a function."""
    _write(tmp_path, files)
    cycle = find_cycle(import_graph(tmp_path, ("pkg", "other")))
    assert len(cycle) == 4 and cycle[0] == cycle[-1]
    assert {"pkg.forms", "pkg.site.forms"} & set(cycle)


def test_no_cycle_is_reported_where_there_is_none(tmp_path):
    """A package that imports its modules, and modules that import each other one way, have no cycle."""
    _write(tmp_path, {
        "pkg/__init__.py": "from .a import x\n",
        "pkg/a.py": "from . import b\nimport pkg.c\n",
        "pkg/b.py": "from .c import y\n",
        "pkg/c.py": "import json\n",
    })
    graph = import_graph(tmp_path, ("pkg",))
    assert graph["pkg.a"] == {"pkg.b", "pkg.c"}
    assert find_cycle(graph) == []
