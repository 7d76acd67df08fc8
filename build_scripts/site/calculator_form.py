"""The macro ``{{ rekenhulp: name }}``: a calculator's form, rendered by :mod:`build_scripts.site.forms`."""

from __future__ import annotations

from calculators import UnknownCalculator

from .example import with_example
from .forms import render_form
from .macros import Context, MacroError


def rekenhulp(argument: str, context: Context) -> str:
    """``{{ rekenhulp: name }}``: the calculator's form, with the outcome of its default inputs."""
    try:
        form = render_form(argument, context.rules, context.on)
        return "\n" + with_example(form, argument, context.rules, context.on, context.site_root) + "\n"
    except UnknownCalculator as unknown:
        raise MacroError(f"unknown calculator {argument!r}") from unknown


#: The macros of this module, by name (collected in :mod:`build_scripts.site.registry`).
MACROS = {"rekenhulp": rekenhulp}
