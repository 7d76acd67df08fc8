"""What changed when: the dated history in data/ as a page (``{{ wijzigingen }}``) and an Atom feed.

Every change is read from the compiled rules, nothing is typed by hand:

- a norm whose value changes on a date (``examen.rekenen``: the rekentoets becomes the
  schoolexamen rekenen on 1 August 2020), or whose first value took effect on an exact date;
- a norm that keeps its value but rests on another text from a date (the renumbering into the
  WVO 2020 on 1 August 2022);
- a law that takes effect or is replaced (``from``/``until`` in ``wetten.yaml``), and an article
  that was inserted later (a source with its own ``from``).

A first value with ``since: at_least`` is not a change: its date is only that of the oldest text
read. The feed (``feed.xml`` at the site root) has one entry per date, newest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import Any
from xml.etree import ElementTree as ET

from calculators import dutch

from . import law_dates
from .macros import Context, MacroError, format_value
from .norm_tables import anchor as norm_anchor

PAGE = "wijzigingen/"  # the page's URL relative to the site root (use_directory_urls)
FEED = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
FEED_TITLE = "Wegwijzer leer-werktrajecten vmbo: wat is er veranderd"


@dataclass(frozen=True)
class Change:
    day: str  # ISO date the change took effect
    kind: str  # "waarde", "nieuw", "vervalt", "bron", "wet"
    subject: str  # Dutch: the norm's description or the law's title
    text: str  # Dutch sentence(s), plain text
    norm_id: str = ""


#: Units of figures (counts of pupils, schools, companies, percentages), not of rules: the date of a
#: first figure is that of its count, not a change in the law.
FIGURE_UNITS = {"leerlingen", "scholen", "leerbedrijven", "procent", "procent bbl", "procent verwant"}
FIGURE_TOPICS = {"doorstroom"}


def _plain(value: Any, unit: str) -> str:
    """A value as short plain text for a sentence (lists and mappings by their parts)."""
    if isinstance(value, (dict, list)) and len(value) > 4 and not (isinstance(value, dict) and "naam" in value):
        return f"een lijst van {len(value)} onderdelen"
    if isinstance(value, dict):
        if "naam" in value:
            return str(value["naam"])
        return dutch.enumeration([str(item) if not isinstance(item, (dict, list)) else str(key) for key, item in value.items()])
    try:
        text = format_value(value)
    except MacroError:
        text = str(value)
    silent = unit in ("cijfer", "ja/nee", "lijst", "regel", "leerweg", "tijd (uu:mm)")
    return text if silent or isinstance(value, (list, bool, str)) else f"{text} {unit}"


def _cited(sources: list[dict[str, Any]], on: str) -> str:
    """The law sources in force on ``on``, as "WVO 2020, art. 2.103"."""
    parts = []
    for source in sources:
        if source.get("law") and law_dates_in_force(source, on):
            parts.append(f"{source['title']}, {source['article']}" if source.get("article") else source["title"])
    return "; ".join(parts)


def law_dates_in_force(source: dict[str, Any], on: str) -> bool:
    return source.get("from", "0000-00-00") <= on <= source.get("until", "9999-99-99")


def _norm_changes(norm_id: str, norm: dict[str, Any]) -> list[Change]:
    changes = []
    values, unit, subject = norm["values"], norm["unit"], norm["description"].rstrip(".?")
    first = values[0]
    figure = unit in FIGURE_UNITS or norm.get("topic") in FIGURE_TOPICS
    if first.get("since", "exact") == "exact" and not figure:
        changes.append(Change(first["from"], "nieuw", subject,
                              f"Vanaf deze datum geldt: {_plain(first['value'], unit)}.", norm_id))
    for before, entry in zip(values, values[1:]):
        day = entry["from"]
        if entry["value"] is None:
            changes.append(Change(day, "vervalt", subject, "Deze regel geldt vanaf deze datum niet meer.", norm_id))
        elif entry["value"] != before["value"]:
            cited = _cited(entry["sources"], day)
            where = f" Op grond van {cited}." if cited else ""
            changes.append(Change(day, "waarde", subject,
                                  f"Was: {_plain(before['value'], unit)}. Wordt: {_plain(entry['value'], unit)}.{where}", norm_id))
        else:
            cited = _cited(entry["sources"], day)
            where = f" Nu op grond van {cited}." if cited else ""
            changes.append(Change(day, "bron", subject, f"De regel blijft gelijk.{where}", norm_id))
    # An article inserted later than its law: the source's own from date inside the value's period.
    for index, entry in enumerate(values):
        end = values[index + 1]["from"] if index + 1 < len(values) else "9999-99-99"
        for source in entry["sources"]:
            start = source.get("from")
            if source.get("law") and start and entry["from"] < start < end and not _law_starts(source, start):
                changes.append(Change(start, "bron", subject,
                                      f"Nieuwe grondslag: {source['title']}, {source['article']}.", norm_id))
    return changes


def _law_starts(source: dict[str, Any], day: str) -> bool:
    """Whether ``day`` is just the law's own date of effect (then the law change says it already)."""
    return source.get("law_from") == day


def _law_changes(laws: dict[str, dict[str, Any]]) -> list[Change]:
    changes = []
    for law in laws.values():
        name = law["title"]
        if law.get("from"):
            changes.append(Change(law["from"], "wet", name, f"{law['short']} treedt in werking."))
        if law.get("until"):
            day = (date.fromisoformat(law["until"]) + timedelta(days=1)).isoformat()
            changes.append(Change(day, "wet", name, f"{law['short']} geldt niet meer; de laatste dag was {law_dates.long_date(law['until'])}."))
    return changes


KIND_ORDER = {"wet": 0, "waarde": 1, "nieuw": 2, "vervalt": 3, "bron": 4}


def history(compiled: dict[str, Any]) -> list[Change]:
    """Every change in data/, newest first; on one date laws first, then values, then sources."""
    laws = compiled["laws"]
    changes = _law_changes(laws)
    for norm_id, norm in compiled["norms"].items():
        norm = _with_law_dates(norm, laws)
        changes.extend(_norm_changes(norm_id, norm))
    changes.sort(key=lambda change: (change.day, -KIND_ORDER[change.kind]), reverse=True)
    return changes


def _with_law_dates(norm: dict[str, Any], laws: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The norm with each law source also carrying its law's own ``from`` as ``law_from``."""
    values = []
    for entry in norm["values"]:
        sources = [
            {**source, "law_from": laws.get(source.get("law"), {}).get("from")} if source.get("law") else source
            for source in entry["sources"]
        ]
        values.append({**entry, "sources": sources})
    return {**norm, "values": values}


def by_day(changes: list[Change]) -> list[tuple[str, list[Change]]]:
    """The changes grouped by date, in the order given (newest first)."""
    groups: list[tuple[str, list[Change]]] = []
    for change in changes:
        if groups and groups[-1][0] == change.day:
            groups[-1][1].append(change)
        else:
            groups.append((change.day, [change]))
    return groups


def anchor(day: str) -> str:
    return f"wijziging-{day}"


KIND_LABEL = {"wet": "Wet", "waarde": "Andere waarde", "nieuw": "Nieuwe regel", "vervalt": "Vervalt", "bron": "Andere bron"}


def compiled_of(context: Context) -> dict[str, Any]:
    """The compiled laws and norms behind a page: the context's own, or rebuilt from its ``Rules``.

    A context that carries only the rules object (norms with ``history()``, and ``laws``) gives
    the same shape: each value with ``from``, ``since``, ``value`` and all its sources.
    """
    compiled = getattr(context, "compiled", None)
    if compiled is not None:
        return compiled
    rules = context.rules
    norms = {}
    for norm in rules:
        values = [
            {"from": entry.valid_from.isoformat(), "since": entry.since, "value": entry.value,
             "sources": list(entry.all_sources or entry.sources)}
            for entry in norm.history()
        ]
        norms[norm.id] = {"description": norm.description, "unit": norm.unit, "topic": norm.topic, "values": values}
    return {"laws": rules.laws, "norms": norms}


def wijzigingen(argument: str, context: Context) -> str:
    """``{{ wijzigingen }}``: every dated change in data/, newest first, one section per date."""
    if argument:
        raise MacroError("wijzigingen takes no argument")
    parts = []
    for day, changes in by_day(history(compiled_of(context))):
        coming = " (komt eraan)" if day > context.on.isoformat() else ""
        parts.append(f"## {law_dates.long_date(day)}{coming} {{ #{anchor(day)} }}")
        items = []
        for change in changes:
            link = f' (<a href="../bronnen/#{escape(norm_anchor(change.norm_id))}">bron en zekerheid</a>)' if change.norm_id else ""
            items.append(
                f'<li><strong>{escape(KIND_LABEL[change.kind])}:</strong> {escape(change.subject)}. '
                f"{escape(change.text)}{link}</li>"
            )
        parts.append(f'<ul class="lwt-changes">{"".join(items)}</ul>')
    return "\n\n".join(parts) + "\n"


def feed_xml(compiled: dict[str, Any], site_url: str = "") -> bytes:
    """The Atom feed: one entry per date with a change, newest first.

    Links are relative to the feed (which sits at the site root) unless ``site_url`` is given, so
    the feed works in a sub-folder too.
    """
    ET.register_namespace("", ATOM)
    base = site_url.rstrip("/") + "/" if site_url else ""
    groups = by_day(history(compiled))
    root = ET.Element(f"{{{ATOM}}}feed")
    if base:
        root.set("{http://www.w3.org/XML/1998/namespace}base", base)
    ET.SubElement(root, f"{{{ATOM}}}title").text = FEED_TITLE
    ET.SubElement(root, f"{{{ATOM}}}id").text = "urn:lwt-wegwijzer:wijzigingen"
    ET.SubElement(root, f"{{{ATOM}}}updated").text = f"{groups[0][0] if groups else '2000-01-01'}T00:00:00Z"
    ET.SubElement(root, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=PAGE)
    ET.SubElement(root, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=FEED)
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "Wegwijzer leer-werktrajecten vmbo"
    for day, changes in groups:
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        count = f"{len(changes)} wijziging{'en' if len(changes) != 1 else ''}"
        ET.SubElement(entry, f"{{{ATOM}}}title").text = f"Wat er veranderde op {law_dates.long_date(day)} ({count})"
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:lwt-wegwijzer:wijziging:{day}"
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = f"{day}T00:00:00Z"
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=f"{PAGE}#{anchor(day)}")
        summary = ET.SubElement(entry, f"{{{ATOM}}}summary", type="text")
        summary.text = " ".join(f"{KIND_LABEL[change.kind]}: {change.subject}. {change.text}" for change in changes)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


#: The macros of this module (``{{ wijzigingen }}``), for a macro table that collects modules.
MACROS = {"wijzigingen": wijzigingen}
