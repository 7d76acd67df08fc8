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

import re
from datetime import date
from html import escape
from typing import Any

import markdown as python_markdown

from calculators import dutch

from . import law_dates
from .macros import Context, MacroError, register

#: The order of the topics on the Bronnen page; topics not listed follow alphabetically.
TOPIC_ORDER = (
    "onderwijstijd", "stage", "examen", "werktijden", "werkzaamheden", "stageovereenkomst",
    "leerbedrijven", "doorstroom",
)

#: Labels that make a norm stand out: the reader should not take the value as settled.
DOUBTFUL = ("onzeker", "tegenstrijdig", "gecorrigeerd", "alleen-seed")

#: How a unit reads after a number ("7 uur", not "7 uren"); units not listed read as written.
UNIT_AFTER_NUMBER = {"uren": "uur"}
#: The singular after the number 1.
UNIT_SINGULAR = {
    "klokuren": "klokuur", "uren": "uur", "dagen": "dag", "minuten": "minuut", "leerjaren": "leerjaar",
    "keuzevakken": "keuzevak", "profielmodules": "profielmodule", "zondagen": "zondag",
    "leerlingen": "leerling", "scholen": "school", "decimalen": "decimaal",
}
#: Units that are not written after the value (the description says what the value is).
UNIT_SILENT = {"cijfer", "ja/nee", "lijst", "regel", "leerweg", "tijd (uu:mm)"}

#: Column headers for keys of rows in list values; other keys are shown with _ as a space.
COLUMN_LABELS = {
    "profiel": "Profiel",
    "route": "Leerweg in het mbo",
    "aantal": "Aantal leerlingen",
    "verwant_pct": "% verwant",
    "zekerheid": "Zekerheid",
    "opmerking": "Opmerking",
}

TABLE_HEADERS = {
    "norm": "Regel",
    "value": "Waarde",
    "since": "Geldt sinds",
    "sources": "Bron",
    "certainty": "Zekerheid",
    "checked": "Zekerheid en controle",
}

_SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


# --- small pieces -------------------------------------------------------------------------


def anchor(norm_id: str) -> str:
    """The HTML id of a norm on the Bronnen page: ``stage.uren.minimum`` -> ``norm-stage-uren-minimum``."""
    return "norm-" + re.sub(r"[^a-z0-9]+", "-", norm_id.lower()).strip("-")


def humanize(key: str) -> str:
    """A mapping key as a reader sees it: ``niet_industrieel`` -> ``niet industrieel``; codes stay."""
    if key in COLUMN_LABELS:
        return COLUMN_LABELS[key]
    if key.endswith("_pct"):
        return "% " + key[: -len("_pct")].replace("_", " ")
    return key.replace("_", " ")


def with_unit(value: int | float, unit: str) -> str:
    """A number in Dutch notation with its unit: ``640 klokuren``, ``4,5 uur``, ``50% verwant``."""
    text = dutch.number(value)
    if unit.startswith("procent"):
        return text + "%" + unit[len("procent"):]
    if unit in UNIT_SILENT:
        return text
    word = UNIT_SINGULAR.get(unit, unit) if value == 1 else UNIT_AFTER_NUMBER.get(unit, unit)
    return f"{text}\u00a0{escape(word)}"


def long_date(iso: str) -> str:
    return dutch.long_date(date.fromisoformat(iso))


def note_html(note: str) -> str:
    """A note (Markdown) as HTML; one paragraph loses its ``<p>`` so it can stand in a cell."""
    if not note:
        return ""
    html = python_markdown.markdown(note).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html


def certainty_label(label: str) -> str:
    return f'<span class="lwt-certainty lwt-certainty--{escape(label)}">{escape(label)}</span>'


def _is_code_like(keys: list[str]) -> bool:
    """Keys a reader should see (codes, abbreviations, levels), unlike internal snake_case keys."""
    return bool(keys) and not all(_SNAKE.match(key) for key in keys)


def _scalar(value: Any, unit: str = "") -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (int, float)):
        return with_unit(value, unit) if unit else dutch.number(value)
    if unit == "tijd (uu:mm)" and re.fullmatch(r"\d{2}:\d{2}", str(value)):
        return escape(str(value).replace(":", ".")) + " uur"  # a time the Dutch way: 07.00 uur
    return escape(str(value))


def value_html(value: Any, unit: str) -> str:
    """Any norm value as HTML that fits in a table cell."""
    if value is None:
        return "<em>geldt niet meer</em>"
    if isinstance(value, list):
        if all(isinstance(item, dict) for item in value) and value:
            return rows_table(value)
        if all(not isinstance(item, (dict, list)) for item in value):
            items = [_scalar(item) for item in value]
            if len(items) <= 6 and all(len(item) <= 40 for item in items):
                return dutch.enumeration(items)
            return '<ul class="lwt-value-list">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
        return '<ul class="lwt-value-list">' + "".join(f"<li>{value_html(item, unit)}</li>" for item in value) + "</ul>"
    if isinstance(value, dict):
        show_keys = _is_code_like(list(value)) or any(not isinstance(item, str) for item in value.values())
        items = []
        for key, item in value.items():
            inner = value_html(item, unit) if isinstance(item, (list, dict)) else _scalar(item, "" if isinstance(item, bool) else unit)
            items.append(f"<li><strong>{escape(humanize(key))}</strong>: {inner}</li>" if show_keys else f"<li>{inner}</li>")
        return '<ul class="lwt-value-list">' + "".join(items) + "</ul>"
    return _scalar(value, unit)


def _source_items(sources: list[dict[str, str]]) -> list[str]:
    items = []
    for source in sources:
        link = f'<a href="{escape(source["url"], quote=True)}">{escape(source["title"])}</a>'
        article = f", {escape(source['article'])}" if source.get("article") else ""
        period = law_dates.source_period(source)
        when = f' <span class="lwt-source-period">(geldt {escape(period)})</span>' if period else ""
        items.append(f"{link}{article}{when}")
    return items


def sources_html(sources: list[dict[str, str]]) -> str:
    """The sources as links (title, then the article), one per list item."""
    items = _source_items(sources)
    if len(items) == 1:
        return items[0]
    return '<ul class="lwt-sources">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def sources_inline(sources: list[dict[str, str]]) -> str:
    """The sources as links in a sentence, separated by semicolons."""
    return "; ".join(_source_items(sources))


def _th(text: str) -> str:
    return f'<th scope="col">{text}</th>'


def _wrap(table: str, extra_class: str = "", after: str = "") -> str:
    """A table as a raw HTML block for Markdown: on its own lines, no blank lines inside."""
    classes = "lwt-normtable" + (f" {extra_class}" if extra_class else "")
    return f'\n\n<div class="{classes}">\n{table}\n{after}</div>\n\n'


# --- value tables (lijst) -----------------------------------------------------------------


def _cell(key: str, item: Any) -> str:
    if key == "zekerheid" and isinstance(item, str):
        return certainty_label(item)
    if isinstance(item, (int, float)) and not isinstance(item, bool) and key.endswith("_pct"):
        return dutch.number(item) + "%"
    if isinstance(item, (list, dict)):
        return value_html(item, "")
    return _scalar(item)


def _columns(rows: list[dict]) -> list[str]:
    columns: list[str] = []
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    return columns


def rows_table(rows: list[dict], headers: list[str] | None = None, caption: str = "") -> str:
    """A list of mappings as a table: one column per key, the first column as row header."""
    columns = _columns(rows)
    labels = _labels(headers, [humanize(key) for key in columns])
    head = "<thead><tr>" + "".join(_th(escape(label)) for label in labels) + "</tr></thead>"
    body = []
    for row in rows:
        cells = []
        for index, key in enumerate(columns):
            content = _cell(key, row.get(key))
            cells.append(f'<th scope="row">{content}</th>' if index == 0 else f"<td>{content}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    caption_html = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table>{caption_html}{head}<tbody>{''.join(body)}</tbody></table>"


def _labels(headers: list[str] | None, default: list[str]) -> list[str]:
    if not headers:
        return default
    if len(headers) != len(default):
        raise MacroError(f"{len(headers)} column names given, but the table has {len(default)} columns")
    return headers


def value_table(value: Any, unit: str, headers: list[str] | None = None, caption: str = "") -> str:
    """A list or mapping value as an accessible table."""
    caption_html = f"<caption>{escape(caption)}</caption>" if caption else ""
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        return rows_table(value, headers, caption)
    if isinstance(value, list):
        labels = _labels(headers, ["Omschrijving"])
        body = "".join(f"<tr><td>{value_html(item, unit) if isinstance(item, (list, dict)) else _scalar(item, unit)}</td></tr>" for item in value)
        return f"<table>{caption_html}<thead><tr>{_th(escape(labels[0]))}</tr></thead><tbody>{body}</tbody></table>"
    if isinstance(value, dict):
        keys = list(value)
        inner = [item for item in value.values() if isinstance(item, dict)]
        if inner and len(inner) == len(keys):
            # A mapping of mappings: one row per key, one column per inner key.
            columns = _columns(inner)
            labels = _labels(headers, [_key_header(keys)] + [humanize(key) for key in columns])
            head = "<thead><tr>" + "".join(_th(escape(label)) for label in labels) + "</tr></thead>"
            body = "".join(
                f'<tr><th scope="row">{escape(humanize(key))}</th>'
                + "".join(f"<td>{_cell(column, value[key].get(column))}</td>" for column in columns)
                + "</tr>"
                for key in keys
            )
            return f"<table>{caption_html}{head}<tbody>{body}</tbody></table>"
        all_text = all(isinstance(item, str) for item in value.values())
        if all_text and not _is_code_like(keys) and (headers is None or len(headers) == 1):
            # Internal keys (nederlands_ce) are not shown, unless the page names two columns.
            labels = _labels(headers, ["Omschrijving"])
            body = "".join(f"<tr><td>{escape(item)}</td></tr>" for item in value.values())
            return f"<table>{caption_html}<thead><tr>{_th(escape(labels[0]))}</tr></thead><tbody>{body}</tbody></table>"
        labels = _labels(headers, [_key_header(keys), "Omschrijving" if all_text else "Waarde"])
        head = f"<thead><tr>{_th(escape(labels[0]))}{_th(escape(labels[1]))}</tr></thead>"
        body = "".join(
            f'<tr><th scope="row">{escape(humanize(key))}</th><td>'
            + (value_html(item, unit) if isinstance(item, (list, dict)) else _scalar(item, "" if isinstance(item, bool) else unit))
            + "</td></tr>"
            for key, item in value.items()
        )
        return f"<table>{caption_html}{head}<tbody>{body}</tbody></table>"
    raise MacroError(f"the value is a single {type(value).__name__}, not a list or mapping; use {{{{ norm: id }}}} or {{{{ normtabel: id }}}}")


def _key_header(keys: list[str]) -> str:
    if all(key.isdigit() for key in keys):
        return "Code"
    if all(len(key) <= 4 and key.replace("&", "").isalpha() for key in keys):
        return "Afkorting"
    return "Onderdeel"


# --- choosing values ------------------------------------------------------------------------


def _norm(context: Context, norm_id: str) -> dict[str, Any]:
    norm = context.compiled["norms"].get(norm_id)
    if norm is None:
        raise MacroError(f"unknown norm {norm_id!r}")
    return norm


def current_index(norm: dict[str, Any], on: date) -> int | None:
    """The index of the value in force on ``on`` (``None`` if the first value is still to come)."""
    chosen = None
    for index, entry in enumerate(norm["values"]):
        if date.fromisoformat(entry["from"]) <= on:
            chosen = index
    return chosen


def _until(norm: dict[str, Any], index: int) -> str | None:
    values = norm["values"]
    return values[index + 1]["from"] if index + 1 < len(values) else None


def _since_text(norm: dict[str, Any], index: int, current: int | None) -> str:
    entry = norm["values"][index]
    since = law_dates.since_phrase(entry["from"], entry.get("since", "exact"))
    until = _until(norm, index)
    if current is not None and index < current and until:
        return law_dates.period_phrase(entry["from"], until, entry.get("since", "exact"))
    if current is None or index > current:
        return f"vanaf {since} (komt eraan)"
    return since


def _is_rows(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


#: A list or mapping longer than this goes in a row of its own, across the table, in two columns.
LONG_LIST = 6


def _is_long(value: Any) -> bool:
    return isinstance(value, (list, dict)) and len(value) > LONG_LIST and not _is_rows(value)


def _cell_value(value: Any, unit: str) -> str:
    """The value cell; a table of rows or a long list is too wide for a cell and goes in a row of its own."""
    if _is_rows(value):
        return f"een tabel van {len(value)} rijen (hieronder)"
    if _is_long(value):
        return f"een lijst van {len(value)} onderdelen (hieronder)"
    return value_html(value, unit)


def _wide_rows(entry: dict[str, Any], with_note: bool, classes: str = "") -> list[str]:
    """Rows across the columns right of the row header: a table of rows, then the note."""
    rows = []
    class_attribute = f' class="lwt-note-row{" " + classes if classes else ""}"'
    if _is_rows(entry["value"]):
        rows.append(f'<tr{class_attribute}><td colspan="4">{rows_table(entry["value"])}</td></tr>')
    elif _is_long(entry["value"]):
        rows.append(f'<tr{class_attribute}><td colspan="4"><div class="lwt-wide-value">{value_html(entry["value"], "")}</div></td></tr>')
    if with_note and entry.get("note"):
        rows.append(
            f'<tr{class_attribute}><td colspan="4"><div class="lwt-note">'
            f'<strong>Toelichting:</strong> {note_html(entry["note"])}</div></td></tr>'
        )
    return rows


def _row_class(certainty: str) -> str:
    return f' class="lwt-norm lwt-norm--{escape(certainty)}"' if certainty in DOUBTFUL else ' class="lwt-norm"'


# --- normtabel ------------------------------------------------------------------------------


@register("normtabel")
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
    head = "<thead><tr>" + "".join(_th(TABLE_HEADERS[key]) for key in ("norm", "value", "since", "sources", "certainty")) + "</tr></thead>"
    rows = []
    for norm_id in ids:
        norm = norms[norm_id]
        current = current_index(norm, context.on)
        index = current if current is not None else 0
        entry = norm["values"][index]
        value = _cell_value(entry["value"], norm["unit"])
        for later_entry in norm["values"][index + 1:]:
            value += (
                f'<div class="lwt-note"><strong>Vanaf {long_date(later_entry["from"])}:</strong> '
                f"{value_html(later_entry['value'], norm['unit'])}</div>"
            )
        wide = _wide_rows(entry, with_note=entry["certainty"] in DOUBTFUL)
        span = f' rowspan="{1 + len(wide)}"' if wide else ""
        rows.append(
            f"<tr{_row_class(entry['certainty'])}>"
            f'<th scope="row"{span}>{escape(norm["description"])}</th>'
            f"<td>{value}</td>"
            f"<td>{_since_text(norm, index, current)}</td>"
            f"<td>{sources_html(entry['sources'])}</td>"
            f"<td>{certainty_label(entry['certainty'])}</td>"
            "</tr>"
        )
        rows.extend(wide)
    return _wrap(f"<table>{head}<tbody>{''.join(rows)}</tbody></table>", "lwt-normtable--normen")


# --- lijst ----------------------------------------------------------------------------------


@register("lijst")
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
        f"Zekerheid: {certainty_label(entry['certainty'])}. Geldt {law_dates.since_sentence(entry['from'], entry.get('since', 'exact'))}; "
        f"gecontroleerd op {long_date(entry['last_checked'])}.</p>"
    )
    if entry.get("note") and entry["certainty"] in DOUBTFUL:
        meta += f'<div class="lwt-note"><strong>Toelichting:</strong> {note_html(entry["note"])}</div>'
    return _wrap(table, "lwt-normtable--lijst", meta + "\n")


# --- bronnen --------------------------------------------------------------------------------


def ordered_topics(compiled: dict[str, Any]) -> list[str]:
    topics = list(compiled["topics"])
    known = [topic for topic in TOPIC_ORDER if topic in topics]
    return known + sorted(topic for topic in topics if topic not in known)


def _bronnen_rows(norm_id: str, norm: dict[str, Any], on: date) -> str:
    """One norm: a row per dated value, newest first, each followed by its note; the first row carries the anchor."""
    current = current_index(norm, on)
    order = list(range(len(norm["values"])))[::-1]
    span = sum(1 + len(_wide_rows(norm["values"][index], with_note=True)) for index in order)
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
            f"<td>{prefix}{_cell_value(entry['value'], norm['unit'])}</td>"
            f"<td>{_since_text(norm, index, current)}</td>"
            f"<td>{sources_html(entry['sources'])}</td>"
            f"<td>{certainty_label(entry['certainty'])}"
            f'<br><span class="lwt-checked">gecontroleerd op {long_date(entry["last_checked"])}</span></td>'
            "</tr>"
        )
        rows.extend(_wide_rows(entry, with_note=True, classes=" ".join(classes[1:])))
    return "".join(rows)


def _count_labels(compiled: dict[str, Any], on: date) -> dict[str, int]:
    counts = {label: 0 for label in compiled["certainties"]}
    for norm in compiled["norms"].values():
        index = current_index(norm, on)
        entry = norm["values"][index if index is not None else 0]
        counts[entry["certainty"]] = counts.get(entry["certainty"], 0) + 1
    return counts


@register("bronnen")
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
    parts.append(_wrap(
        f"<table><thead><tr>{_th('Zekerheid')}{_th('Betekenis')}{_th('Aantal regels')}</tr></thead>"
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
    head = "<thead><tr>" + "".join(_th(TABLE_HEADERS[key]) for key in ("norm", "value", "since", "sources", "checked")) + "</tr></thead>"
    for topic in ordered_topics(compiled):
        ids = [norm_id for norm_id, norm in norms.items() if norm["topic"] == topic]
        if not ids:
            continue
        parts.append(f"## {compiled['topics'][topic]} {{ #bronnen-{topic} }}")
        body = "".join(_bronnen_rows(norm_id, norms[norm_id], context.on) for norm_id in ids)
        parts.append(_wrap(f"<table>{head}<tbody>{body}</tbody></table>", "lwt-normtable--bronnen"))
    return "\n\n".join(parts) + "\n"


# --- wetten ---------------------------------------------------------------------------------


@register("wetten")
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
        _th(label) for label in ("Wet of regeling", "BWB-id", "Tekst", "Wat deze wet hier regelt", "Regels op deze site")
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
    return _wrap(f"<table>{head}<tbody>{''.join(rows)}</tbody></table>", "lwt-normtable--wetten")
