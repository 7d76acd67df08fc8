"""Macros that render norms from data/ as tables: ``normtabel``, ``lijst``, ``bronnen``, ``wetten``.

- ``{{ normtabel: stage }}`` (a whole topic) or ``{{ normtabel: id, id }}``: per norm the
  description, the value on the build's reference date in Dutch notation with its unit, the
  date it took effect, the sources as links, and the certainty as a visible label; the note is
  shown in the table where the value is not plainly confirmed.
- ``{{ lijst: id }}``: a list or mapping value as a table, with the norm's source and certainty
  under it. ``{{ lijst: id | Code, Profiel }}`` names the columns.
- ``{{ bronnen }}``: every norm of data/, grouped by topic, with value, since when, sources,
  certainty, note and last-checked date; earlier and coming values as history; each norm has
  the anchor :func:`anchor` (``norm-stage-uren-minimum``) so that pages and findings can link
  to it.
- ``{{ wetten }}``: the laws of data/wetten.yaml.

The tables are HTML (a norm's value may itself be a list) with header cells, built here so that
they print without scripts. Data text is escaped; notes are Markdown and rendered here.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from calculators import dutch

from .macros import Context, MacroError
from .norm_dates import current_index, since_text
from .tables import (
    DOUBTFUL, TABLE_HEADERS, anchor, cell_value, certainty_label, long_date, note_html, row_class, sources_html,
    sources_inline, th, value_html, value_table, wide_rows, wrap,
)

#: The order of the topics on the Bronnen page; topics not listed follow alphabetically.
TOPIC_ORDER = (
    "onderwijstijd", "stage", "examen", "werktijden", "werkzaamheden", "stageovereenkomst",
    "leerbedrijven", "doorstroom",
)


def _norm(context: Context, norm_id: str) -> dict[str, Any]:
    norm = context.compiled["norms"].get(norm_id)
    if norm is None:
        raise MacroError(f"unknown norm {norm_id!r}")
    return norm


# --- normtabel ------------------------------------------------------------------------------


def normtabel(argument: str, context: Context) -> str:
    """``{{ normtabel: topic }}`` or ``{{ normtabel: id, id }}``: a table of norms on the reference date."""
    names = [name.strip() for name in argument.split(",") if name.strip()]
    if not names:
        raise MacroError("name a topic (normtabel: stage) or one or more norm ids")
    norms = context.compiled["norms"]
    if len(names) == 1 and names[0] in context.compiled["topics"]:
        ids = [norm_id for norm_id, norm in norms.items() if norm["topic"] == names[0]]
    else:
        ids = names
        for norm_id in ids:
            _norm(context, norm_id)
    head = "<thead><tr>" + "".join(th(TABLE_HEADERS[key]) for key in ("norm", "value", "since", "sources", "certainty")) + "</tr></thead>"
    rows = []
    for norm_id in ids:
        norm = norms[norm_id]
        current = current_index(norm, context.on)
        index = current if current is not None else 0
        entry = norm["values"][index]
        value = cell_value(entry["value"], norm["unit"])
        for later_entry in norm["values"][index + 1:]:
            value += (
                f'<div class="lwt-note"><strong>Vanaf {long_date(later_entry["from"])}:</strong> '
                f"{value_html(later_entry['value'], norm['unit'])}</div>"
            )
        wide = wide_rows(entry, with_note=entry["certainty"] in DOUBTFUL)
        span = f' rowspan="{1 + len(wide)}"' if wide else ""
        rows.append(
            f"<tr{row_class(entry['certainty'])}>"
            f'<th scope="row"{span}>{escape(norm["description"])}</th>'
            f"<td>{value}</td>"
            f"<td>{since_text(norm, index, current)}</td>"
            f"<td>{sources_html(entry['sources'])}</td>"
            f"<td>{certainty_label(entry['certainty'])}</td>"
            "</tr>"
        )
        rows.extend(wide)
    return wrap(f"<table>{head}<tbody>{''.join(rows)}</tbody></table>", "lwt-normtable--normen")


# --- lijst ----------------------------------------------------------------------------------


def lijst(argument: str, context: Context) -> str:
    """``{{ lijst: id }}`` or ``{{ lijst: id | Kolom, Kolom }}``: a list or mapping value as a table."""
    norm_id, _, header_text = argument.partition("|")
    norm_id = norm_id.strip()
    headers = [header.strip() for header in header_text.split(",")] if header_text.strip() else None
    norm = _norm(context, norm_id)
    current = current_index(norm, context.on)
    if current is None:
        raise MacroError(f"{norm_id!r} has no value on {context.on}")
    entry = norm["values"][current]
    if entry["value"] is None:
        raise MacroError(f"{norm_id!r} no longer applies on {context.on}")
    table = value_table(entry["value"], norm["unit"], headers, caption=norm["description"])
    meta = (
        f'<p class="lwt-table-source">{"Bronnen" if len(entry["sources"]) > 1 else "Bron"}: {sources_inline(entry["sources"])}. '
        f"Zekerheid: {certainty_label(entry['certainty'])}. Geldt sinds {long_date(entry['from'])}; "
        f"gecontroleerd op {long_date(entry['last_checked'])}.</p>"
    )
    if entry.get("note") and entry["certainty"] in DOUBTFUL:
        meta += f'<div class="lwt-note"><strong>Toelichting:</strong> {note_html(entry["note"])}</div>'
    return wrap(table, "lwt-normtable--lijst", meta + "\n")


# --- bronnen --------------------------------------------------------------------------------


def ordered_topics(compiled: dict[str, Any]) -> list[str]:
    topics = list(compiled["topics"])
    known = [topic for topic in TOPIC_ORDER if topic in topics]
    return known + sorted(topic for topic in topics if topic not in known)


def _bronnen_rows(norm_id: str, norm: dict[str, Any], on: date) -> str:
    """One norm: a row per dated value, newest first, each followed by its note; the first row carries the anchor."""
    current = current_index(norm, on)
    order = list(range(len(norm["values"])))[::-1]
    span = sum(1 + len(wide_rows(norm["values"][index], with_note=True)) for index in order)
    rows = []
    for position, index in enumerate(order):
        entry = norm["values"][index]
        history = current is not None and index < current
        classes = ["lwt-norm"]
        if entry["certainty"] in DOUBTFUL:
            classes.append(f"lwt-norm--{entry['certainty']}")
        if history:
            classes.append("lwt-norm--eerder")
        elif current is None or index > current:
            classes.append("lwt-norm--later")
        attributes = f' id="{anchor(norm_id)}"' if position == 0 else ""
        header = ""
        if position == 0:
            rowspan = f' rowspan="{span}"' if span > 1 else ""
            header = (
                f'<th scope="row"{rowspan}>{escape(norm["description"])}'
                f'<br><code class="lwt-norm-id">{escape(norm_id)}</code></th>'
            )
        prefix = "<strong>Eerder:</strong> " if history else ""
        rows.append(
            f'<tr{attributes} class="{" ".join(classes)}">{header}'
            f"<td>{prefix}{cell_value(entry['value'], norm['unit'])}</td>"
            f"<td>{since_text(norm, index, current)}</td>"
            f"<td>{sources_html(entry['sources'])}</td>"
            f"<td>{certainty_label(entry['certainty'])}"
            f'<br><span class="lwt-checked">gecontroleerd op {long_date(entry["last_checked"])}</span></td>'
            "</tr>"
        )
        rows.extend(wide_rows(entry, with_note=True, classes=" ".join(classes[1:])))
    return "".join(rows)


def _count_labels(compiled: dict[str, Any], on: date) -> dict[str, int]:
    counts = {label: 0 for label in compiled["certainties"]}
    for norm in compiled["norms"].values():
        index = current_index(norm, on)
        entry = norm["values"][index if index is not None else 0]
        counts[entry["certainty"]] = counts.get(entry["certainty"], 0) + 1
    return counts


def bronnen(argument: str, context: Context) -> str:
    """``{{ bronnen }}``: every norm of data/ by topic, with history, sources and certainty."""
    if argument:
        raise MacroError("bronnen takes no argument")
    compiled = context.compiled
    norms = compiled["norms"]
    anchors: dict[str, str] = {}
    for norm_id in norms:
        other = anchors.setdefault(anchor(norm_id), norm_id)
        if other != norm_id:
            raise MacroError(f"norms {other!r} and {norm_id!r} get the same anchor {anchor(norm_id)!r}")
    counts = _count_labels(compiled, context.on)
    parts = [
        f"Deze site gebruikt **{len(norms)} regels en cijfers** uit {len(compiled['topics'])} onderwerpen. "
        f"Stand van de regels: {escape(compiled['version'])}; de waarden gelden op "
        f"{dutch.long_date(context.on)}.",
        "",
        "## Wat de zekerheid betekent { #zekerheid }",
    ]
    label_rows = "".join(
        f'<tr><th scope="row">{certainty_label(label)}</th><td>{escape(meaning)}</td><td>{counts.get(label, 0)}</td></tr>'
        for label, meaning in compiled["certainties"].items()
    )
    parts.append(wrap(
        f"<table><thead><tr>{th('Zekerheid')}{th('Betekenis')}{th('Aantal regels')}</tr></thead>"
        f"<tbody>{label_rows}</tbody></table>",
        "lwt-normtable--labels",
    ))
    doubtful = []
    for topic in ordered_topics(compiled):
        for norm_id, norm in norms.items():
            if norm["topic"] != topic:
                continue
            index = current_index(norm, context.on)
            entry = norm["values"][index if index is not None else 0]
            if entry["certainty"] in ("onzeker", "tegenstrijdig", "gecorrigeerd"):
                doubtful.append(
                    f'<li><a href="#{anchor(norm_id)}">{escape(norm["description"])}</a> '
                    f"{certainty_label(entry['certainty'])}</li>"
                )
    if doubtful:
        parts.append("## Let op: onzeker, tegenstrijdig of gecorrigeerd { #let-op }")
        parts.append(
            "Bij deze regels zijn de bronnen onvolledig of spreken ze elkaar tegen, of wijkt de regel af "
            "van wat vaak wordt gezegd. De toelichting in de tabel zegt waarom."
        )
        parts.append(f'\n<ul class="lwt-doubtful">{"".join(doubtful)}</ul>\n')
    head = "<thead><tr>" + "".join(th(TABLE_HEADERS[key]) for key in ("norm", "value", "since", "sources", "checked")) + "</tr></thead>"
    for topic in ordered_topics(compiled):
        ids = [norm_id for norm_id, norm in norms.items() if norm["topic"] == topic]
        if not ids:
            continue
        parts.append(f"## {compiled['topics'][topic]} {{ #bronnen-{topic} }}")
        body = "".join(_bronnen_rows(norm_id, norms[norm_id], context.on) for norm_id in ids)
        parts.append(wrap(f"<table>{head}<tbody>{body}</tbody></table>", "lwt-normtable--bronnen"))
    return "\n\n".join(parts) + "\n"


# --- wetten ---------------------------------------------------------------------------------


def wetten(argument: str, context: Context) -> str:
    """``{{ wetten }}``: the laws and regulations that the norms cite."""
    if argument:
        raise MacroError("wetten takes no argument")
    cited: dict[str, int] = {}
    for norm in context.compiled["norms"].values():
        keys = {source.get("law") for entry in norm["values"] for source in entry["sources"]}
        for key in keys - {None}:
            cited[key] = cited.get(key, 0) + 1
    head = "<thead><tr>" + "".join(
        th(label) for label in ("Wet of regeling", "BWB-id", "Tekst", "Wat deze wet hier regelt", "Regels op deze site")
    ) + "</tr></thead>"
    rows = []
    for key, law in context.compiled["laws"].items():
        url = escape(law["url"], quote=True)
        rows.append(
            f'<tr><th scope="row">{escape(law["title"])} ({escape(law["short"])})</th>'
            f"<td>{escape(law['bwb'])}</td>"
            f'<td><a href="{url}">{escape(law["url"].removeprefix("https://"))}</a></td>'
            f"<td>{escape(law['governs'])}</td>"
            f"<td>{cited.get(key, 0)}</td></tr>"
        )
    return wrap(f"<table>{head}<tbody>{''.join(rows)}</tbody></table>", "lwt-normtable--wetten")


#: The macros of this module, by name (collected in :mod:`build_scripts.site.registry`).
MACROS = {"normtabel": normtabel, "lijst": lijst, "bronnen": bronnen, "wetten": wetten}
