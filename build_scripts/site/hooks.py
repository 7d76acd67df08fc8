"""MkDocs hooks: validate data/ when the build starts, expand page macros, ship the calculators.

- ``on_config``: compile and validate ``data/`` (a broken file stops the build with a message
  that names file, norm and key).
- ``on_page_markdown``: expand the macros of DECISIONS.md D4 with the compiled rules.
- ``on_post_build``: copy the Pyodide runtime from ``node_modules``, write the calculators
  wheel and its manifest, write ``rules.json``, and fail when a built page pulls an asset
  from outside its own origin.

The reference date for pages is the build date, or ``LWT_PEILDATUM`` (YYYY-MM-DD) if set.
The data come from ``data/``, or from the folder in ``LWT_DATA_DIR`` if set (``compile_rules``
reads it), so a test can build the site with one norm changed.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError

from build_scripts.bundle import wheel as bundle
from build_scripts.offline import hosting
from build_scripts.rules_data import DataError, compile_rules
from build_scripts.site import charts, drift, macros, norm_tables, vergaderset  # noqa: F401
# norm_tables, charts and vergaderset register their macros when imported.
from build_scripts.tools import external_assets
from calculators import Rules

log = logging.getLogger("mkdocs.plugins.lwt")
_state: dict = {}


def reference_date() -> date:
    pinned = os.environ.get("LWT_PEILDATUM")
    return date.fromisoformat(pinned) if pinned else date.today()


def on_config(config):
    try:
        compiled = compile_rules()
    except DataError as error:
        raise PluginError(f"data/ is not valid: {error}") from error
    _state["compiled"] = compiled
    _state["rules"] = Rules(compiled)
    _state["on"] = reference_date()
    config.extra["rules_version"] = compiled["version"]
    config.extra["peildatum"] = _state["on"].isoformat()
    return config


def on_page_markdown(markdown, page, config, files):
    context = macros.Context(
        rules=_state["rules"], compiled=_state["compiled"], on=_state["on"], page=page.file.src_path
    )
    problems = drift.check(markdown, context)
    if problems:
        raise PluginError(f"{page.file.src_path}: norm values typed by hand instead of taken from data/:\n  " + "\n  ".join(problems))
    try:
        return macros.expand(markdown, context)
    except macros.MacroError as error:
        raise PluginError(str(error)) from error


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
