"""MkDocs hooks: wiring only. The pages themselves are rendered by the Markdown extension.

Pages (drift check, macros) are the job of :mod:`build_scripts.site.extension`, which
``mkdocs.yml`` names under ``markdown_extensions``, so that another generator that runs
Python-Markdown renders the same pages. What is left here is what is not page rendering:

- ``on_config``: compile and validate ``data/`` before any page (a broken file stops the build
  with a message that names file, norm and key), and give the theme the rules version and the
  reference date;
- ``on_post_build``: copy the Pyodide runtime from ``node_modules``, write the calculators
  wheel, its manifest and ``rules.json``, write the hosting kit, and fail when a built page
  pulls an asset from outside its own origin.

The reference date for pages is the build date, or ``LWT_PEILDATUM`` (YYYY-MM-DD) if set.
The data come from ``data/``, or from the folder in ``LWT_DATA_DIR`` if set (``compile_rules``
reads it), so a test can build the site with one norm changed.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from build_scripts.bundle import wheel as bundle
from build_scripts.offline import hosting
from build_scripts.rules_data import DataError
from build_scripts.site.extension import load_rules, reference_date
from build_scripts.tools import external_assets

log = logging.getLogger("mkdocs.plugins.lwt")
_state: dict = {}


def on_config(config):
    try:
        compiled, _ = load_rules()
    except DataError as error:
        raise PluginError(f"data/ is not valid: {error}") from error
    _state["compiled"] = compiled
    _state["on"] = reference_date()
    config.extra["rules_version"] = compiled["version"]
    config.extra["peildatum"] = _state["on"].isoformat()
    return config


def on_post_build(config):
    site_dir = Path(config.site_dir)
    try:
        version = bundle.copy_pyodide(site_dir)
    except FileNotFoundError as missing:
        raise PluginError(str(missing)) from missing
    manifest = bundle.write_calculator_bundle(site_dir, _state["compiled"])
    manifest["pyodide"] = version
    (site_dir / "assets" / "calc" / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    (site_dir / "assets" / "calc" / "rules.json").write_text(
        json.dumps(_state["compiled"], ensure_ascii=False, indent=1), encoding="utf-8"
    )
    hosting.write(site_dir, {"manifest": manifest, "rules": _state["compiled"], "on": _state["on"]})
    problems = external_assets.find(site_dir)
    if problems:
        listed = "\n  ".join(problems[:20])
        raise PluginError(f"built pages load assets from outside the site (self-hosting is required):\n  {listed}")
    log.info("lwt: Pyodide %s and calculators %s (rules %s) written", version, manifest["wheel"], manifest["rules_version"])
