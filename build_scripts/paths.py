"""Where things are: the project root and its folders, for every build script (no sys.path patching)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DOCS_DIR = ROOT / "docs"
NODE_MODULES = ROOT / "node_modules"
