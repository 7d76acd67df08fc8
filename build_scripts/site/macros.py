"""Expand the page macros of DECISIONS.md D4 (``{{ norm: id }}``, ``{{ rekenhulp: name }}``, ...).

Each macro is a function ``(argument, context) -> Markdown/HTML``. An unknown macro, or a
norm id that data/ does not have, raises :class:`MacroError` and so fails the build, with
the page and the macro in the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from calculators import NormUnavailable, Rules, dutch

from .example import with_example
from .forms import render_form

MACRO = re.compile(r"\{\{\s*([a-z_]+)\s*(?::\s*(.*?))?\s*\}\}")


class MacroError(ValueError):
    """A macro on a page cannot be expanded."""


@dataclass
class Context:
    rules: Rules
    compiled: dict[str, Any]
    on: date
    page: str = ""


def format_value(value: Any) -> str:
    """A norm value in Dutch notation, for use inside a sentence."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (int, float)):
        return dutch.number(value)
    if isinstance(value, list):
        return dutch.enumeration([format_value(item) for item in value])
    if isinstance(value, str):
        return value
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
    return format_value(value.value)


def rekenhulp(argument: str, context: Context) -> str:
    """``{{ rekenhulp: name }}``: the calculator's form."""
    from calculators import UnknownCalculator

    try:
        form = render_form(argument, context.rules, context.on)
        return "\n" + with_example(form, argument, context.rules, context.on, _site_root(context.page)) + "\n"
    except UnknownCalculator as unknown:
        raise MacroError(f"unknown calculator {argument!r}") from unknown


MACROS: dict[str, Callable[[str, Context], str]] = {
    "norm": norm,
    "rekenhulp": rekenhulp,
}


def register(name: str) -> Callable:
    """Decorator that adds a macro."""

    def wrap(function: Callable[[str, Context], str]) -> Callable[[str, Context], str]:
        MACROS[name] = function
        return function

    return wrap


def expand(markdown: str, context: Context) -> str:
    """Replace every macro in ``markdown``; leaves fenced code blocks alone."""

    def replace(match: re.Match) -> str:
        name, argument = match.group(1), (match.group(2) or "").strip()
        macro = MACROS.get(name)
        if macro is None:
            raise MacroError(f"{context.page}: unknown macro {{{{ {name} }}}} (known: {', '.join(sorted(MACROS))})")
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


def _site_root(page: str) -> str:
    """The relative path from a page's URL (directory URLs) to the site root."""
    parts = page.replace("\\", "/").split("/")
    depth = len(parts) - 1 if parts[-1] == "index.md" else len(parts)
    return "../" * depth
