"""The HTML of the page macros comes from Jinja2 templates in ``templates/`` (Jinja2 comes with MkDocs).

Templates autoescape: data text is escaped where it is put in, and HTML made by another piece
(a table cell of :mod:`.tables`) is passed as :class:`markupsafe.Markup`. A raw HTML block in
Markdown ends at the first blank line, so :func:`render` drops blank lines from the output.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render(name: str, **values: Any) -> str:
    """Template ``name`` filled in with ``values``, without blank lines."""
    html = environment().get_template(name).render(**values)
    return "\n".join(line for line in html.split("\n") if line.strip())


def html(text: str) -> Markup:
    """HTML made by trusted code (never data), to put into a template unescaped."""
    return Markup(text)
