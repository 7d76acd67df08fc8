"""The page pipeline as a Python-Markdown extension: drift check, then macros, then Markdown.

Any site generator that renders pages with Python-Markdown (MkDocs, Zensical, or a plain
``markdown.Markdown(extensions=[...])``) gets the site's pages by naming this extension::

    markdown_extensions:
      - build_scripts.site.extension

Before any other preprocessor (so the page is seen as written, as the MkDocs hook used to see
it) the extension

1. fails the page when it types the value of a numeric norm by hand (:mod:`.drift`), and
2. expands the macros of DECISIONS.md "Pages and macros" (:mod:`.registry`).

Configuration (all optional):

- ``rules``: a :class:`calculators.Rules`; default: ``data/`` (or ``$LWT_DATA_DIR``) compiled
  and validated, once per change of the data files;
- ``on``: the reference date (``date`` or ``YYYY-MM-DD``); default: ``$LWT_PEILDATUM`` or today;
- ``page``: the page's path under ``docs/`` (for messages, line numbers and links to the site
  root); default: the page the generator is rendering (:func:`generator_page`).

A problem raises :class:`PageError` or :class:`.macros.MacroError` (both ``ValueError``),
with the page in the message; the generator then stops the build.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from calculators import Rules

from ..rules_data import compile_rules, configured_data_dir
from . import drift, registry
from .macros import Context

#: Before every built-in and pymdownx preprocessor (snippets is 32, normalize_whitespace 30).
PRIORITY = 35
REFERENCE_DATE_ENV = "LWT_PEILDATUM"


class PageError(ValueError):
    """A page types a norm value by hand instead of taking it from data/."""


def reference_date() -> date:
    """The build's reference date for pages: ``$LWT_PEILDATUM`` (YYYY-MM-DD), else today."""
    pinned = os.environ.get(REFERENCE_DATE_ENV, "").strip()
    return date.fromisoformat(pinned) if pinned else date.today()


_loaded: dict[str, Any] = {}


def _fingerprint(data_dir: Path) -> tuple:
    return (str(data_dir),) + tuple(
        (path.name, path.stat().st_mtime_ns, path.stat().st_size) for path in sorted(data_dir.rglob("*")) if path.is_file()
    )


def load_rules() -> tuple[dict[str, Any], Rules]:
    """The compiled rules of the configured data folder, and a :class:`Rules` on them.

    Compiled once and reused until a data file changes (``mkdocs serve`` rebuilds in the same
    process). Raises :class:`build_scripts.rules_data.DataError` on a broken data file.
    """
    key = _fingerprint(configured_data_dir())
    if _loaded.get("key") != key:
        compiled = compile_rules()
        _loaded.update(key=key, compiled=compiled, rules=Rules(compiled))
    return _loaded["compiled"], _loaded["rules"]


def generator_page(md: Markdown) -> tuple[str, bool]:
    """The page the site generator renders with ``md``: its path under ``docs/`` (or ``""``), and
    whether the generator resolves relative URLs in raw HTML from the Markdown file.

    Read by duck typing, without importing the generator: MkDocs registers a tree processor
    that holds the page's file (``relpath``, ``.file.src_path``) on every Markdown instance it
    makes for a page, and leaves URLs in raw HTML as written; Zensical registers a preprocessor
    that holds the page (``.page.path``) and rewrites such URLs as relative to the source file.
    """
    for processor in md.treeprocessors:
        source = getattr(getattr(processor, "file", None), "src_path", None)
        if isinstance(source, str):
            return source.replace("\\", "/"), False
    for processor in md.preprocessors:
        source = getattr(getattr(processor, "page", None), "path", None)
        if isinstance(source, str):
            return source.replace("\\", "/"), True
    return "", False


class MacroPreprocessor(Preprocessor):
    """Runs the drift check on the page as written, then expands its macros."""

    def __init__(self, md: Markdown, extension: "LwtExtension"):
        super().__init__(md)
        self.extension = extension

    def context(self) -> Context:
        rules = self.extension.getConfig("rules")
        if rules is None:
            _, rules = load_rules()
        on = self.extension.getConfig("on") or reference_date()
        if isinstance(on, str):
            on = date.fromisoformat(on)
        page, urls_from_source = generator_page(self.md)
        if self.extension.getConfig("page"):
            page = self.extension.getConfig("page")
        return Context(rules=rules, on=on, page=page, urls_from_source=urls_from_source)

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        context = self.context()
        problems = drift.check(text, context)
        if problems:
            raise PageError(
                f"{context.page or '<page>'}: norm values typed by hand instead of taken from data/:\n  " + "\n  ".join(problems)
            )
        return registry.expand(text, context).split("\n")


class LwtExtension(Extension):
    """The site's page pipeline (see the module's docstring)."""

    def __init__(self, **kwargs: Any):
        self.config = {
            "rules": [None, "calculators.Rules to use; default: compile data/ (or $LWT_DATA_DIR)"],
            "on": ["", "reference date (date or YYYY-MM-DD); default: $LWT_PEILDATUM or today"],
            "page": ["", "path of the page under docs/; default: the page the generator renders"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(MacroPreprocessor(md, self), "lwt_macros", PRIORITY)


def makeExtension(**kwargs: Any) -> LwtExtension:  # noqa: N802 (the name Python-Markdown looks for)
    return LwtExtension(**kwargs)
