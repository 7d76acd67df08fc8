"""Where the rules come from outside the tests: the JSON packed beside the calculators.

The build packs ``rules.json`` (compiled from data/) into the calculators wheel, so the
browser gets rules and code as one versioned artefact. In a source checkout there is no
packed file; then the rules are compiled from data/ by the build glue (which needs PyYAML,
present in the development environment but never in the browser).
"""

from __future__ import annotations

import json
from importlib import resources

from .rules import Rules

PACKED_RULES = "rules.json"


def load_rules() -> Rules:
    packed = resources.files(__package__).joinpath(PACKED_RULES)
    if packed.is_file():
        return Rules(json.loads(packed.read_text(encoding="utf-8")))
    from build_scripts.rules_data import compile_rules  # source checkout only

    return Rules(compile_rules())
