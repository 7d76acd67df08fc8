"""The HTML table kit of the norm pages: values, sources and certainty as table cells and tables.

Pure functions from values of data/ to HTML that prints without scripts: data text is escaped,
notes are Markdown rendered here. The macros that put these tables on pages are in
:mod:`build_scripts.site.norm_tables`.
"""

from __future__ import annotations

import re
from datetime import date
from html import escape
from typing import Any

import markdown as python_markdown
from markupsafe import Markup

from calculators import dutch, vocabulary
from calculators.rules import NormValue

from . import law_dates
from .macros import MacroError
from .templating import environment

#: Labels that make a norm stand out: the reader should not take the value as settled.
DOUBTFUL = vocabulary.DOUBTFUL_CERTAINTIES

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


def with_unit(value: Any, unit: str) -> str:
    """A value in Dutch notation with its unit (the grammar of :mod:`calculators.vocabulary`), as HTML.

    ``640 klokuren``, ``4,5 uur``, ``50% verwant``, ``07.00 uur``; number and word are kept
    on one line.
    """
    return escape(vocabulary.with_unit(value, unit, "\u00a0"))


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


def _kit():
    """The macros of ``templates/kit.html``: each returns HTML (``Markup``) and escapes its text."""
    return environment().get_template("kit.html").module


def certainty_label(label: str) -> str:
    return _kit().certainty(label)


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
    if unit and vocabulary.unit(unit).kind == "time":
        return with_unit(value, unit)
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
            return _kit().value_list([(None, Markup(item)) for item in items])
        return _kit().value_list([(None, Markup(value_html(item, unit))) for item in value])
    if isinstance(value, dict):
        show_keys = _is_code_like(list(value)) or any(not isinstance(item, str) for item in value.values())
        items = []
        for key, item in value.items():
            inner = value_html(item, unit) if isinstance(item, (list, dict)) else _scalar(item, "" if isinstance(item, bool) else unit)
            items.append((humanize(key) if show_keys else None, Markup(inner)))
        return _kit().value_list(items)
    return _scalar(value, unit)


def sources_html(sources: list[dict[str, str]]) -> str:
    """The sources as links (title, then the article); several as a list."""
    return _kit().sources(_with_period(sources))


def sources_inline(sources: list[dict[str, str]]) -> str:
    """The sources as links in a sentence, separated by semicolons."""
    return _kit().sources_inline(_with_period(sources))


def _with_period(sources: list[dict[str, str]]) -> list[dict[str, str]]:
    """Each source with ``period``: when its text was in force, in words (empty when always)."""
    return [{**source, "period": law_dates.source_period(source)} for source in sources]


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
    cells = [[Markup(_cell(key, row.get(key))) for key in columns] for row in rows]
    return _kit().table(caption, labels, cells, True)


def _labels(headers: list[str] | None, default: list[str]) -> list[str]:
    if not headers:
        return default
    if len(headers) != len(default):
        raise MacroError(f"{len(headers)} column names given, but the table has {len(default)} columns")
    return headers


def _item(item: Any, unit: str) -> Markup:
    return Markup(value_html(item, unit) if isinstance(item, (list, dict)) else _scalar(item, "" if isinstance(item, bool) else unit))


def value_table(value: Any, unit: str, headers: list[str] | None = None, caption: str = "") -> str:
    """A list or mapping value as an accessible table."""
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        return rows_table(value, headers, caption)
    if isinstance(value, list):
        labels = _labels(headers, ["Omschrijving"])
        rows = [[Markup(value_html(item, unit) if isinstance(item, (list, dict)) else _scalar(item, unit))] for item in value]
        return _kit().table(caption, labels, rows, False)
    if isinstance(value, dict):
        keys = list(value)
        inner = [item for item in value.values() if isinstance(item, dict)]
        if inner and len(inner) == len(keys):
            # A mapping of mappings: one row per key, one column per inner key.
            columns = _columns(inner)
            labels = _labels(headers, [_key_header(keys)] + [humanize(key) for key in columns])
            rows = [[humanize(key)] + [Markup(_cell(column, value[key].get(column))) for column in columns] for key in keys]
            return _kit().table(caption, labels, rows, True)
        all_text = all(isinstance(item, str) for item in value.values())
        if all_text and not _is_code_like(keys) and (headers is None or len(headers) == 1):
            # Internal keys (nederlands_ce) are not shown, unless the page names two columns.
            labels = _labels(headers, ["Omschrijving"])
            return _kit().table(caption, labels, [[item] for item in value.values()], False)
        labels = _labels(headers, [_key_header(keys), "Omschrijving" if all_text else "Waarde"])
        rows = [[humanize(key), _item(item, unit)] for key, item in value.items()]
        return _kit().table(caption, labels, rows, True)
    raise MacroError(f"the value is a single {type(value).__name__}, not a list or mapping; use {{{{ norm: id }}}} or {{{{ normtabel: id }}}}")


def _key_header(keys: list[str]) -> str:
    if all(key.isdigit() for key in keys):
        return "Code"
    if all(len(key) <= 4 and key.replace("&", "").isalpha() for key in keys):
        return "Afkorting"
    return "Onderdeel"


def _is_rows(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


#: A list or mapping longer than this goes in a row of its own, across the table, in two columns.
LONG_LIST = 6


def _is_long(value: Any) -> bool:
    return isinstance(value, (list, dict)) and len(value) > LONG_LIST and not _is_rows(value)


def cell_value(value: Any, unit: str) -> str:
    """The value cell; a table of rows or a long list is too wide for a cell and goes in a row of its own."""
    if _is_rows(value):
        return f"een tabel van {len(value)} rijen (hieronder)"
    if _is_long(value):
        return f"een lijst van {len(value)} onderdelen (hieronder)"
    return value_html(value, unit)


def wide_rows(entry: NormValue, with_note: bool, classes: str = "") -> list[str]:
    """Rows across the columns right of the row header: a table of rows, then the note."""
    kit, rows = _kit(), []
    if _is_rows(entry.value):
        rows.append(kit.wide_row(classes, Markup(rows_table(entry.value))))
    elif _is_long(entry.value):
        rows.append(kit.wide_row(classes, kit.wide_value(Markup(value_html(entry.value, "")))))
    if with_note and entry.note:
        rows.append(kit.wide_row(classes, kit.note(Markup(note_html(entry.note)))))
    return rows


def row_class(certainty: str) -> str:
    """The class attribute of a norm's row; a doubtful certainty makes the row stand out."""
    return _kit().row_class(certainty, certainty in DOUBTFUL)


def since_text(history: tuple[NormValue, ...], index: int, current: int | None) -> str:
    """When value ``index`` of a norm's history holds, seen from the value in force (``current``)."""
    entry = history[index]
    since = law_dates.since_phrase(entry.valid_from, entry.since)
    if current is not None and index < current and index + 1 < len(history):
        return law_dates.period_phrase(entry.valid_from, history[index + 1].valid_from, entry.since)
    if current is None or index > current:
        return f"vanaf {since} (komt eraan)"
    return since
