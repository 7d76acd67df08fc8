"""What a built site needs besides its pages: the calculators, their runtime and the hosting kit.

:func:`finish` runs after the site generator has written the pages into ``site_dir``:

- copy the Pyodide runtime from ``node_modules`` (with its licence notice);
- write the calculators wheel (and the start-up snapshot), ``assets/calc/manifest.json`` and
  ``assets/calc/rules.json``;
- write the hosting kit (``web.config``, ``.htaccess``, ``hosting/``) and repair the print page;
- write the Atom feed of changes (``feed.xml``, from the dated history in data/);
- fail when a built page pulls an asset from outside its own origin;
- last, write precompressed ``.br``/``.gz`` copies beside the large assets.

The MkDocs hook calls it after the build; with another generator, run it yourself after the
generator: ``python -m build_scripts.finish site`` (data from ``data/`` or ``$LWT_DATA_DIR``,
reference date ``$LWT_PEILDATUM`` or today).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from calculators import Rules
from calculators.klas import template_csv

from .bundle import precompress
from .bundle import wheel as bundle
from .offline import hosting
from .site import changes, example
from .site.forms import render_form
from .tools import external_assets


class FinishError(RuntimeError):
    """The built site cannot be completed, or it loads assets from outside its origin."""


def finish(site_dir: Path, compiled: dict[str, Any], on: date) -> dict[str, Any]:
    """Complete the built site in ``site_dir``; returns the manifest."""
    site_dir = Path(site_dir)
    try:
        version = bundle.copy_pyodide(site_dir)
    except FileNotFoundError as missing:
        raise FinishError(str(missing)) from missing
    # The example inputs of every form, so that the bundle ships the stdlib modules they need.
    calls = example.discovery_calls(render_form, Rules(compiled))
    manifest = bundle.write_calculator_bundle(site_dir, compiled, calls)
    manifest["pyodide"] = version
    manifest["integrity"] = bundle.runtime_integrity(site_dir, manifest)
    calc = site_dir / "assets" / "calc"
    (calc / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    (calc / "rules.json").write_text(json.dumps(compiled, ensure_ascii=False, indent=1), encoding="utf-8")
    # The class page's template CSV, from the same column list that reads the file (calculators/klas.py).
    (site_dir / "assets" / "klas").mkdir(parents=True, exist_ok=True)
    (site_dir / "assets" / "klas" / "sjabloon-klas.csv").write_text("\ufeff" + template_csv(), encoding="utf-8", newline="")
    hosting.write(site_dir, {"manifest": manifest, "rules": compiled, "on": on})
    (site_dir / changes.FEED).write_bytes(changes.feed_xml(compiled))
    problems = external_assets.find(site_dir)
    if problems:
        listed = "\n  ".join(problems[:20])
        raise FinishError(f"built pages load assets from outside the site (self-hosting is required):\n  {listed}")
    # Last: the .br/.gz copies must be made from the files as they are finally written.
    precompress.precompress_site(site_dir)
    return manifest


def main(argv: list[str]) -> int:
    from .rules_data import compile_rules
    from .site.extension import reference_date

    if len(argv) != 1:
        print("usage: python -m build_scripts.finish SITE_DIR", file=sys.stderr)
        return 2
    manifest = finish(Path(argv[0]), compile_rules(), reference_date())
    print(f"lwt: Pyodide {manifest['pyodide']} and calculators {manifest['wheel']} (rules {manifest['rules_version']}) written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
