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

The tables are HTML (a norm's value may itself be a list) with header cells, so that they print
without scripts. Data text is escaped; notes are Markdown and rendered to HTML.

Norms are read only through :class:`calculators.Rules` and :class:`calculators.rules.Norm`
(which value holds on a date is chosen there); the cells come from the table kit
:mod:`.tables`, and the tables from the templates ``templates/*.html``.
"""

from __future__ import annotations

from datetime import date

from calculators import NormUnavailable, dutch
from calculators.rules import Norm, NormValue

from . import law_dates
from .macros import Context, MacroError
from .tables import (
    DOUBTFUL, TABLE_HEADERS, anchor, cell_value, certainty_label, long_date, note_html, row_class, since_text,
    sources_html, sources_inline, value_html, value_table, wide_rows,
)
from .templating import html, render

#: The order of the topics on the Bronnen page; topics not listed follow alphabetically.
TOPIC_ORDER = (
    "onderwijstijd", "stage", "examen", "werktijden", "werkzaamheden", "stageovereenkomst",
    "leerbedrijven", "doorstroom",
)
#: Labels listed under "Let op" on the Bronnen page.
ATTENTION = ("onzeker", "tegenstrijdig", "gecorrigeerd")


def _norm(context: Context, norm_id: str) -> Norm:
    try:
        return context.rules.norm(norm_id)
    except NormUnavailable:
        raise MacroError(f"unknown norm {norm_id!r}") from None


def shown_value(norm: Norm, on: date) -> tuple[tuple[NormValue, ...], int, int | None, NormValue]:
    """What a table shows of ``norm`` on ``on``: its history, the position shown, the position in
    force (None before the first value) and the value shown, citing the sources in force on ``on``
    (the first value, with all its sources, when none is in force yet)."""
    history = norm.history()
    current = norm.index_on(on)
    if current is None:
        return history, 0, None, history[0]
    return history, current, current, norm.entry_on(on)


def _block(template: str, **values) -> str:
    """A rendered table as a raw HTML block of its own in the Markdown of the page."""
    return "\n\n" + render(template, **values) + "\n\n"


# --- normtabel ------------------------------------------------------------------------------


def normtabel(argument: str, context: Context) -> str:
    """``{{ normtabel: topic }}`` or ``{{ normtabel: id, id }}``: a table of norms on the reference date."""
    names = [name.strip() for name in argument.split(",") if name.strip()]
    if not names:
        raise MacroError("name a topic (normtabel: stage) or one or more norm ids")
    if len(names) == 1 and names[0] in context.rules.topics:
        norms = context.rules.in_topic(names[0])
    else:
        norms = tuple(_norm(context, norm_id) for norm_id in names)
    rows = []
    for norm in norms:
        history, index, current, entry = shown_value(norm, context.on)
        wide = wide_rows(entry, with_note=entry.certainty in DOUBTFUL)
        rows.append({
            "class": html(row_class(entry.certainty)),
            "description": norm.description,
            "span": 1 + len(wide) if wide else 0,
            "value": html(cell_value(entry.value, norm.unit)),
            "later": [
                {"since": long_date(later.valid_from.isoformat()), "value": html(value_html(later.value, norm.unit))}
                for later in history[index + 1:]
            ],
            "since": since_text(history, index, current),
            "sources": html(sources_html(list(entry.sources))),
            "certainty": html(certainty_label(entry.certainty)),
            "wide": [html(row) for row in wide],
        })
    headers = [TABLE_HEADERS[key] for key in ("norm", "value", "since", "sources", "certainty")]
    return _block("normtabel.html", headers=headers, rows=rows)


# --- lijst ----------------------------------------------------------------------------------


def lijst(argument: str, context: Context) -> str:
    """``{{ lijst: id }}`` or ``{{ lijst: id | Kolom, Kolom }}``: a list or mapping value as a table."""
    norm_id, _, header_text = argument.partition("|")
    norm_id = norm_id.strip()
    headers = [header.strip() for header in header_text.split(",")] if header_text.strip() else None
    entry = _norm(context, norm_id).entry_on(context.on)
    if entry is None:
        raise MacroError(f"{norm_id!r} has no value on {context.on}")
    if entry.value is None:
        raise MacroError(f"{norm_id!r} no longer applies on {context.on}")
    return _block(
        "lijst.html",
        table=html(value_table(entry.value, entry.unit, headers, caption=entry.description)),
        several=len(entry.sources) > 1,
        sources=html(sources_inline(list(entry.sources))),
        certainty=html(certainty_label(entry.certainty)),
        since=law_dates.since_sentence(entry.valid_from, entry.since),
        checked=long_date(entry.last_checked),
        note=html(note_html(entry.note)) if entry.note and entry.certainty in DOUBTFUL else "",
    )


# --- bronnen --------------------------------------------------------------------------------


def ordered_topics(topics: dict[str, str]) -> list[str]:
    known = [topic for topic in TOPIC_ORDER if topic in topics]
    return known + sorted(topic for topic in topics if topic not in known)


def _bronnen_rows(norm: Norm, on: date) -> list[dict]:
    """One norm: a row per dated value, newest first, each followed by its note; the first row carries the anchor."""
    history = norm.history()
    current = norm.index_on(on)
    order = list(range(len(history)))[::-1]
    span = sum(1 + len(wide_rows(history[index], with_note=True)) for index in order)
    rows = []
    for position, index in enumerate(order):
        entry = history[index]
        earlier = current is not None and index < current
        classes = ["lwt-norm"]
        if entry.certainty in DOUBTFUL:
            classes.append(f"lwt-norm--{entry.certainty}")
        if earlier:
            classes.append("lwt-norm--eerder")
        elif current is None or index > current:
            classes.append("lwt-norm--later")
        rows.append({
            "first": position == 0,
            "anchor": anchor(norm.id),
            "classes": " ".join(classes),
            "span": span,
            "description": norm.description,
            "id": norm.id,
            "earlier": earlier,
            "value": html(cell_value(entry.value, norm.unit)),
            "since": since_text(history, index, current),
            "sources": html(sources_html(list(entry.sources))),
            "certainty": html(certainty_label(entry.certainty)),
            "checked": long_date(entry.last_checked),
            "wide": [html(row) for row in wide_rows(entry, with_note=True, classes=" ".join(classes[1:]))],
        })
    return rows


def _label_on(norm: Norm, on: date) -> str:
    """The certainty of the value in force on ``on`` (of the first value if none is yet)."""
    return shown_value(norm, on)[3].certainty


def bronnen(argument: str, context: Context) -> str:
    """``{{ bronnen }}``: every norm of data/ by topic, with history, sources and certainty."""
    if argument:
        raise MacroError("bronnen takes no argument")
    rules = context.rules
    anchors: dict[str, str] = {}
    for norm in rules:
        other = anchors.setdefault(anchor(norm.id), norm.id)
        if other != norm.id:
            raise MacroError(f"norms {other!r} and {norm.id!r} get the same anchor {anchor(norm.id)!r}")
    counts = {label: 0 for label in rules.certainties}
    for norm in rules:
        label = _label_on(norm, context.on)
        counts[label] = counts.get(label, 0) + 1
    topics = ordered_topics(rules.topics)
    parts = [
        f"Deze site gebruikt **{len(rules)} regels en cijfers** uit {len(rules.topics)} onderwerpen. "
        f"Stand van de regels: {rules.version}; de waarden gelden op {dutch.long_date(context.on)}.",
        "",
        "## Wat de zekerheid betekent { #zekerheid }",
        _block("zekerheid.html", labels=[
            {"label": html(certainty_label(label)), "meaning": meaning, "count": counts.get(label, 0)}
            for label, meaning in rules.certainties.items()
        ]).strip(),
    ]
    doubtful = [
        {"anchor": anchor(norm.id), "description": norm.description, "certainty": html(certainty_label(label))}
        for topic in topics for norm in rules.in_topic(topic)
        if (label := _label_on(norm, context.on)) in ATTENTION
    ]
    if doubtful:
        parts.append("## Let op: onzeker, tegenstrijdig of gecorrigeerd { #let-op }")
        parts.append(
            "Bij deze regels zijn de bronnen onvolledig of spreken ze elkaar tegen, of wijkt de regel af "
            "van wat vaak wordt gezegd. De toelichting in de tabel zegt waarom."
        )
        parts.append("\n" + render("let_op.html", norms=doubtful) + "\n")
    headers = [TABLE_HEADERS[key] for key in ("norm", "value", "since", "sources", "checked")]
    for topic in topics:
        norms = rules.in_topic(topic)
        if not norms:
            continue
        parts.append(f"## {rules.topics[topic]} {{ #bronnen-{topic} }}")
        rows = [row for norm in norms for row in _bronnen_rows(norm, context.on)]
        parts.append(_block("bronnen.html", headers=headers, rows=rows).strip())
    return "\n\n".join(parts) + "\n"


# --- wetten ---------------------------------------------------------------------------------


def wetten(argument: str, context: Context) -> str:
    """``{{ wetten }}``: the laws and regulations that the norms cite."""
    if argument:
        raise MacroError("wetten takes no argument")
    cited: dict[str, int] = {}
    for norm in context.rules:
        keys = {source.get("law") for entry in norm.history() for source in entry.all_sources}
        for key in keys - {None}:
            cited[key] = cited.get(key, 0) + 1
    laws = [
        {**law, "key": key, "url_text": law["url"].removeprefix("https://"), "cited": cited.get(key, 0)}
        for key, law in context.rules.laws.items()
    ]
    return _block("wetten.html", laws=laws)


#: The macros of this module, by name (collected in :mod:`build_scripts.site.registry`).
MACROS = {"normtabel": normtabel, "lijst": lijst, "bronnen": bronnen, "wetten": wetten}
