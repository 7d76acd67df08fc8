"""MkDocs hooks: wiring only. The pages themselves are rendered by the Markdown extension.

Pages (drift check, macros) are the job of :mod:`build_scripts.site.extension`, which
``mkdocs.yml`` names under ``markdown_extensions``, so that another generator that runs
Python-Markdown renders the same pages. What is left here is what is not page rendering:

- ``on_config``: compile and validate ``data/`` before any page (a broken file stops the build
  with a message that names file, norm and key), and give the theme the rules version and the
  reference date;
- ``on_post_build``: :func:`build_scripts.finish.finish`: the Pyodide runtime, the calculators
  wheel, its manifest and ``rules.json``, the hosting kit, and the check that no built page pulls
  an asset from outside its own origin (another generator runs ``python -m build_scripts.finish``).

The reference date for pages is the build date, or ``LWT_PEILDATUM`` (YYYY-MM-DD) if set.
The data come from ``data/``, or from the folder in ``LWT_DATA_DIR`` if set (``compile_rules``
reads it), so a test can build the site with one norm changed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from build_scripts.bundle import wheel as bundle
from build_scripts.finish import FinishError, finish
from build_scripts.rules_data import DataError
from build_scripts.site.extension import load_rules, reference_date

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
    config.extra["pyodide_runtime"] = bundle.runtime_folder()  # for the early start (overrides/main.html)
    return config


def on_post_build(config):
    try:
        manifest = finish(Path(config.site_dir), _state["compiled"], _state["on"])
    except FinishError as error:
        raise PluginError(str(error)) from error
    log.info(
        "lwt: Pyodide %s and calculators %s (rules %s) written", manifest["pyodide"], manifest["wheel"], manifest["rules_version"]
    )
