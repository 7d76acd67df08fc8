"""The site's macros, collected in one place from the modules that define them.

Each page module defines its macros as functions and lists them in a ``MACROS`` mapping;
nothing registers itself on import. A new macro module is added to :data:`MODULES`, and a
name defined twice fails at import, so the table below is the whole macro language of the
pages (DECISIONS.md, "Pages and macros").
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType, ModuleType
from typing import Mapping

from . import calculator_form, changes, charts, hosting_pages, macros, norm_tables, vergaderset
from .macros import Context, Macro

#: The modules whose ``MACROS`` make up the macro language, in the order they are documented.
MODULES: tuple[ModuleType, ...] = (macros, norm_tables, calculator_form, charts, hosting_pages, changes, vergaderset)


def collect(modules: tuple[ModuleType, ...] = MODULES) -> Mapping[str, Macro]:
    """One read-only table of every module's macros; a name defined twice is an error."""
    table: dict[str, Macro] = {}
    for module in modules:
        for name, function in module.MACROS.items():
            if name in table:
                raise ValueError(f"macro {name!r} is defined in {module.__name__} and elsewhere")
            table[name] = function
    return MappingProxyType(table)


MACROS = collect()


def expand(markdown: str, context: Context) -> str:
    """Replace every macro of the site in ``markdown`` (see :func:`build_scripts.site.macros.expand`)."""
    return macros.expand(markdown, replace(context, macros=MACROS), MACROS)
