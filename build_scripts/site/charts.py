"""Charts rendered at build time from data/ to inline SVG (macro ``grafiek``).

``{{ grafiek: doorstroom.tabel_2023 }}`` draws a norm whose value is a list of rows
``{profiel, route, aantal, verwant_pct, opmerking}`` as grouped horizontal bars: per profile
one bar per mbo route (bbl, bol), labelled with the count and the share that went to a
related (verwant) programme. A row whose route is not plainly "bbl" or "bol" is drawn
hatched in grey as "route onduidelijk"; an empty count is named, never drawn as zero.

The SVG is drawn with matplotlib (Agg, no pyplot state), with a fixed hash salt and no date
or creator metadata, so the same data give the same bytes. It is inlined in the page (so it
prints and works offline) inside a ``<figure>``, with ``role="img"`` and a ``<title>`` and
``<desc>`` that say in words everything the bars show.
"""

from __future__ import annotations

import io
import re
from typing import Any

from calculators import NormUnavailable, dutch

from .macros import Context, MacroError
from .templating import html, render

FONTS = ["DejaVu Sans", "Liberation Sans", "Arial", "sans-serif"]
COLOURS = {"bbl": "#1a237e", "bol": "#5c9ded", "?": "#9e9e9e"}
ROUTE_LABELS = {
    "bbl": "bbl (werken en leren)",
    "bol": "bol (vooral school)",
    "?": "route onduidelijk (zie de tabel)",
}
RC = {
    "svg.hashsalt": "lwt-wegwijzer",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": FONTS,
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "hatch.color": "#424242",
}


def route_kind(route: Any) -> str:
    """``"bbl"``, ``"bol"`` or ``"?"`` when the route label is missing or names both."""
    text = str(route or "").lower()
    has_bbl, has_bol = "bbl" in text, "bol" in text
    if has_bbl and not has_bol:
        return "bbl"
    if has_bol and not has_bbl:
        return "bol"
    return "?"


UNKNOWN_ROUTE = "bbl of bol?"


def route_text(route: Any) -> str:
    """The route as the bar label shows it; an empty route is named as unknown."""
    return str(route) if route else UNKNOWN_ROUTE


def _number(value: Any) -> str:
    return "–" if value is None else dutch.number(value)


def _bar_label(row: dict[str, Any]) -> str:
    if row.get("aantal") is None:
        return "geen getal"
    pct = row.get("verwant_pct")
    verwant = "verwant: –" if pct is None else f"{_number(pct)}% verwant"
    mark = " *" if row.get("opmerking") else ""
    return f"{_number(row['aantal'])} ({verwant}){mark}"


def describe_rows(rows: list[dict[str, Any]]) -> str:
    """The chart in words: one sentence per profile, in the order of the data."""
    profiles: dict[str, list[str]] = {}
    for row in rows:
        route = str(row.get("route") or "bbl of bol onduidelijk")
        if row.get("aantal") is None:
            part = f"{route} geen getal"
        else:
            pct = row.get("verwant_pct")
            verwant = "percentage verwant onbekend" if pct is None else f"{_number(pct)}% verwant"
            part = f"{route} {_number(row['aantal'])} leerlingen ({verwant})"
        profiles.setdefault(str(row["profiel"]), []).append(part)
    return " ".join(f"{profile}: {', '.join(parts)}." for profile, parts in profiles.items())


def _validate(rows: Any) -> list[dict[str, Any]]:
    if not isinstance(rows, list) or not rows:
        raise MacroError("a chart needs a norm whose value is a non-empty list of rows")
    for index, row in enumerate(rows):
        if not isinstance(row, dict) or "profiel" not in row or "route" not in row or "aantal" not in row:
            raise MacroError(f"row {index} needs the keys profiel, route and aantal")
        for key in ("aantal", "verwant_pct"):
            value = row.get(key)
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
                raise MacroError(f"row {index}: {key} must be a number or empty, not {value!r}")
    return rows


def render_svg(
    rows: list[dict[str, Any]], title: str, description: str, chart_id: str = "grafiek", xlabel: str = "aantal leerlingen"
) -> str:
    """Grouped horizontal bars as an SVG element ready to inline (no XML prolog)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    rows = _validate(rows)
    profiles: list[str] = []
    for row in rows:
        if row["profiel"] not in profiles:
            profiles.append(row["profiel"])
    per_profile = {profile: [row for row in rows if row["profiel"] == profile] for profile in profiles}
    slots = max(len(group) for group in per_profile.values())
    height = 0.8 / slots
    largest = max((row["aantal"] or 0) for row in rows) or 1

    with matplotlib.rc_context(RC):
        figure = Figure(figsize=(7.6, 0.62 * len(profiles) + 1.5), layout="constrained")
        axes = figure.add_subplot()
        seen: list[str] = []
        for position, profile in enumerate(profiles):
            group = per_profile[profile]
            for slot, row in enumerate(group):
                kind = route_kind(row["route"])
                if kind not in seen:
                    seen.append(kind)
                y = position - 0.4 + height * (slot + 0.5)
                value = row["aantal"] or 0
                axes.barh(
                    y, value, height=height * 0.92, color=COLOURS[kind],
                    hatch="///" if kind == "?" else None, edgecolor="#424242" if kind == "?" else COLOURS[kind],
                    linewidth=0.6,
                )
                axes.text(
                    value + largest * 0.01, y, f"{route_text(row['route'])}: {_bar_label(row)}",
                    va="center", ha="left", fontsize=8.5, color="#212121",
                )
        axes.set_yticks(range(len(profiles)), labels=profiles)
        axes.invert_yaxis()
        axes.set_xlim(0, largest * 1.55)
        axes.set_xlabel(xlabel)
        axes.tick_params(axis="y", length=0)
        axes.grid(axis="x", color="#e0e0e0", linewidth=0.6)
        axes.set_axisbelow(True)
        order = [kind for kind in ("bbl", "bol", "?") if kind in seen]
        axes.legend(
            handles=[
                Patch(facecolor=COLOURS[kind], edgecolor="#424242" if kind == "?" else COLOURS[kind],
                      hatch="///" if kind == "?" else None, label=ROUTE_LABELS[kind])
                for kind in order
            ],
            loc="lower left", bbox_to_anchor=(0, 1.0), ncol=3, frameon=False, fontsize=8.5,
        )
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return _inline(buffer.getvalue(), title, description, chart_id)


def _inline(svg: str, title: str, description: str, chart_id: str) -> str:
    """Strip the prolog, make the SVG scale, and give it a text alternative."""
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    opening = re.match(r"<svg[^>]*>", svg).group(0)
    view_box = re.search(r'viewBox="([^"]+)"', opening).group(1)
    new_opening = render("chart_svg_open.html", view_box=view_box, chart_id=chart_id, title=title, description=description)
    svg = new_opening + svg[len(opening):]
    # A raw HTML block in Markdown ends at the first blank line: keep the SVG free of them.
    return "\n".join(line for line in svg.splitlines() if line.strip())


def grafiek(argument: str, context: Context) -> str:
    """``{{ grafiek: norm.id }}``: the rows of a norm as a bar chart, inlined as SVG in a figure."""
    norm_id = argument.strip()
    try:
        norm = context.rules.get(norm_id, context.on)
    except NormUnavailable as missing:
        raise MacroError(f"unknown norm or no value on {context.on}: {norm_id!r}") from missing
    rows = _validate(norm.value)
    chart_id = "grafiek-" + re.sub(r"[^a-z0-9]+", "-", norm_id.lower()).strip("-")
    unclear = any(row.get("opmerking") for row in rows)
    description = "Staafdiagram. " + describe_rows(rows)
    caption = norm.description
    if unclear:
        description += " Een sterretje bij een staaf betekent dat die cel onzeker is; de tabel legt uit waarom."
        caption += " Een sterretje (*) betekent: deze cel is onzeker, zie de tabel."
    xlabel = f"aantal leerlingen ({norm.valid_from.year})"
    svg = render_svg(rows, norm.description, description, chart_id, xlabel)
    return "\n" + render("grafiek.html", chart_id=chart_id, svg=html(svg), caption=caption) + "\n"


#: The macros of this module, by name (collected in :mod:`build_scripts.site.registry`).
MACROS = {"grafiek": grafiek}
