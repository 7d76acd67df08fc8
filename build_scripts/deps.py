"""Print the pinned Python dependencies of pyproject.toml, one a line, for ``pip install``.

Usage: ``python build_scripts/deps.py docs test``. Keeps pyproject.toml the one place where
versions are pinned, without installing the project itself (which would leave build/ behind).
"""

import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]
for group in sys.argv[1:]:
    for requirement in project["optional-dependencies"][group]:
        print(requirement)
