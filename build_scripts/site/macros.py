"""The macro language of the pages (DECISIONS.md D4): ``{{ name: argument }}``, and the macro ``norm``.

Each macro is a function ``(argument, context) -> Markdown/HTML``. :func:`expand` replaces
every macro of a page with the table of macros it is given (the site's table is built in one
place, :mod:`build_scripts.site.registry`). An unknown macro, or a norm id that data/ does not
have, raises :class:`MacroError` and so fails the build, with the page and the macro in the
message. This module imports no other module of the site, so any of them can import it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Mapping

from calculators import NormUnavailable, Rules, dutch

MACRO = re.compile(r"\{\{\s*([a-z_]+)\s*(?::\s*(.*?))?\s*\}\}")


class MacroError(ValueError):
    """A macro on a page cannot be expanded."""


@dataclass
class Context:
    rules: Rules
    on: date
    page: str = ""
    #: True when the generator resolves relative URLs in raw HTML from the Markdown file (Zensical),
    #: False when the browser resolves them from the page's URL (MkDocs leaves them as written).
    urls_from_source: bool = False
    #: The macro table the page is expanded with, for a macro that expands other pages' macros.
    macros: Mapping[str, Macro] = field(default_factory=dict)

    @property
    def site_root(self) -> str:
        """The relative path from this page to the site root, for links in raw HTML.

        From the page's URL (directory URLs: ``controle.md`` is ``controle/``) when the generator
        leaves raw HTML as written, from the Markdown file when it rewrites such URLs itself.
        """
        parts = self.page.replace("\\", "/").split("/")
        if self.urls_from_source:
            return "../" * (len(parts) - 1)
        depth = len(parts) - 1 if parts[-1] == "index.md" else len(parts)
        return "../" * depth


def format_value(value: Any) -> str:
    """A norm value in Dutch notation, for use inside a sentence."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (int, float)):
        return dutch.number(value)
    if isinstance(value, list):
        return dutch.enumeration([format_value(item) for item in value])
    if isinstance(value, str):
        # A time of day reads the Dutch way: "07:00" -> "07.00" (the page adds "uur").
        return value.replace(":", ".") if re.fullmatch(r"\d{2}:\d{2}", value) else value
    raise MacroError(f"a value of type {type(value).__name__} cannot stand in a sentence; use a table macro")


def norm(argument: str, context: Context) -> str:
    """``{{ norm: id }}``: the value of one norm on the build's reference date.

    ``{{ norm: id @ 2019-09-01 }}`` gives the value on another date, for a page that tells
    how a rule used to be.
    """
    norm_id, _, when = argument.partition("@")
    norm_id, on = norm_id.strip(), context.on
    if when.strip():
        try:
            on = date.fromisoformat(when.strip())
        except ValueError as wrong:
            raise MacroError(f"after @ comes a date as YYYY-MM-DD, not {when.strip()!r}") from wrong
    try:
        value = context.rules.get(norm_id, on)
    except NormUnavailable as missing:
        raise MacroError(f"unknown norm or no value on {on}: {norm_id!r}") from missing
    if value.earlier_than_read:
        # A page states a value as fact: no oldest-text-read stand-in for an earlier date.
        raise MacroError(f"unknown norm or no value on {on}: {norm_id!r} (only read since {value.valid_from})")
    return format_value(value.value)


#: A macro: ``(argument, context) -> Markdown or HTML``.
Macro = Callable[[str, Context], str]

#: The macros of this module, by name (collected in :mod:`build_scripts.site.registry`).
MACROS: dict[str, Macro] = {"norm": norm}


def expand(markdown: str, context: Context, macros: Mapping[str, Macro]) -> str:
    """Replace every macro in ``markdown`` with ``macros``; leaves fenced code blocks alone."""

    def replace(match: re.Match) -> str:
        name, argument = match.group(1), (match.group(2) or "").strip()
        macro = macros.get(name)
        if macro is None:
            raise MacroError(f"{context.page}: unknown macro {{{{ {name} }}}} (known: {', '.join(sorted(macros))})")
        try:
            return macro(argument, context)
        except MacroError as error:
            raise MacroError(f"{context.page}: {{{{ {name}: {argument} }}}}: {error}") from error

    out, in_fence = [], False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        out.append(line if in_fence else MACRO.sub(replace, line))
    return "\n".join(out)
