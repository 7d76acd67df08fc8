"""Render a calculator's form as real HTML at build time, from its own input description.

The form reads, prints and explains itself without JavaScript: labels, hints, units and
default values are all in the HTML. The browser script only enhances it. Every text the
script shows (status lines, verdict labels) is put in the form here as JSON, so the
script itself carries no Dutch text and no rule.
"""

from __future__ import annotations

import json
from datetime import date
from html import escape
from typing import Any

from calculators import FINDING_LABELS, VERDICT_LABELS, Rules, describe
from calculators.outcome import plain

#: What the page script says, in Dutch. Keys are used by docs/assets/js/calc-ui.mjs.
UI_TEXT = {
    "noscript": "Deze rekenhulp rekent in uw browser en heeft JavaScript nodig. Zonder JavaScript kunt u het formulier afdrukken en met de hand invullen.",
    "loading_runtime": "Rekenmodule wordt geladen (stap 1 van 2: Python-omgeving)… Dit duurt enkele seconden.",
    "loading_rules": "Rekenmodule wordt geladen (stap 2 van 2: regels en rekenhulpen)…",
    "ready": "Rekenmodule gereed. De uitkomst wordt bijgewerkt terwijl u typt.",
    "computing": "Bezig met rekenen…",
    "computed": "Uitkomst bijgewerkt.",
    "failed_script": "De rekenmodule kon niet starten: het script werd niet geladen. Mogelijk biedt de webserver .mjs-bestanden niet aan als JavaScript. Vraag de beheerder de pagina ‘Controle installatie’ te openen. De uitleg op deze pagina blijft bruikbaar.",
    "failed_runtime": "De rekenmodule kon niet starten: de Python-omgeving (assets/pyodide) ontbreekt of wordt verkeerd aangeboden. Vraag de beheerder de pagina ‘Controle installatie’ te openen. De uitleg op deze pagina blijft bruikbaar.",
    "failed_bundle": "De rekenmodule kon niet starten: het bestand met regels en rekenhulpen (assets/calc) ontbreekt. Vraag de beheerder de site opnieuw te bouwen. De uitleg op deze pagina blijft bruikbaar.",
    "failed_crash": "De rekenmodule is onverwacht gestopt. Herlaad de pagina om het opnieuw te proberen.",
    "failed_timeout": "De rekenmodule reageert niet binnen 30 seconden. Herlaad de pagina; lukt het dan nog niet, vraag de beheerder de pagina ‘Controle installatie’ te openen.",
    "error_summary": "Er is een probleem met de invoer",
    "verdict_prefix": "Uitkomst:",
    "finding_rule": "Regel",
    "finding_certainty": "Zekerheid",
    "finding_sources": "Bron",
    "reference_date": "Peildatum",
    "site_version": "Versie van de regels",
    "printed_on": "Afgedrukt op",
    "copy_link": "Link naar deze uitkomst gekopieerd.",
    "verdicts": VERDICT_LABELS,
    "finding_statuses": FINDING_LABELS,
}

CERTAINTY_LABELS = {
    "bevestigd": "bevestigd",
    "bevestigd-2015": "bevestigd (wettekst 2015)",
    "alleen-seed": "alleen in de presentatie van 2024",
    "onzeker": "onzeker",
    "tegenstrijdig": "tegenstrijdige bronnen",
    "gecorrigeerd": "gecorrigeerd",
}


def _attrs(**attrs: Any) -> str:
    parts = []
    for key, value in attrs.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        parts.append(name if value is True else f'{name}="{escape(str(value), quote=True)}"')
    return " ".join(parts)


def _value_text(value: Any) -> str:
    value = plain(value)
    if isinstance(value, float):
        return f"{value}".replace(".", ",")
    return "" if value is None else str(value)


def _control(calc: str, spec: dict[str, Any], name: str, control_id: str, described_by: str, default: Any, label: str | None = None) -> str:
    kind = spec["type"]
    aria_label = label
    common = dict(id=control_id, name=name, aria_describedby=described_by or None, aria_label=aria_label)
    if kind == "boolean":
        return f'<input {_attrs(type="checkbox", value="ja", checked=bool(default), **common)}>'
    if kind == "choice":
        options = [] if spec.get("required", True) and default is not None else ['<option value="">– kies –</option>']
        for choice in spec.get("choices", []):
            selected = str(default) == choice["value"]
            options.append(f'<option {_attrs(value=choice["value"], selected=selected)}>{escape(choice["label"])}</option>')
        return f'<select {_attrs(**common)}>' + "".join(options) + "</select>"
    if kind == "multichoice":
        chosen = set(default or [])
        boxes = []
        for index, choice in enumerate(spec.get("choices", [])):
            box_id = f"{control_id}-{index}"
            boxes.append(
                f'<label class="lwt-check" for="{box_id}"><input {_attrs(type="checkbox", id=box_id, name=name, value=choice["value"], checked=choice["value"] in chosen)}> '
                f'{escape(choice["label"])}</label>'
            )
        return f'<div class="lwt-checks" id="{control_id}" role="group" {_attrs(aria_describedby=described_by or None, aria_label=aria_label)}>' + "".join(boxes) + "</div>"
    input_type, mode, pattern = "text", None, None
    if kind == "integer":
        mode = "numeric"
    elif kind == "number":
        mode = "decimal"
    elif kind == "time":
        mode, pattern = "numeric", None
    elif kind == "date":
        input_type = "date"
    size = {"integer": 5, "number": 6, "time": 5}.get(kind)
    placeholder = "uu:mm" if kind == "time" else None
    return f'<input {_attrs(type=input_type, inputmode=mode, size=size, placeholder=placeholder, pattern=pattern, value=_value_text(default), autocomplete="off", **common)}>'


def _field(calc: str, spec: dict[str, Any]) -> str:
    name = spec["name"]
    control_id = f"{calc}-{name}"
    hint_id = f"{control_id}-hint" if spec.get("hint") else ""
    error_id = f"{control_id}-error"
    described = " ".join(filter(None, [hint_id, error_id]))
    unit = f' <span class="lwt-unit">{escape(spec["unit"])}</span>' if spec.get("unit") and spec["type"] in ("integer", "number") else ""
    optional = "" if spec.get("required", True) or spec["type"] in ("boolean",) else ' <span class="lwt-optional">(niet verplicht)</span>'
    hint = f'<div class="lwt-hint" id="{hint_id}">{escape(spec["hint"])}</div>' if hint_id else ""
    error = f'<p class="lwt-field__error" id="{error_id}" data-error-for="{escape(name)}" hidden></p>'
    control = _control(calc, spec, name, control_id, described, spec.get("default"))
    if spec["type"] == "boolean":
        return (
            f'<div class="lwt-field lwt-field--boolean" data-field="{escape(name)}">{error}'
            f'<label class="lwt-check" for="{control_id}">{control} {escape(spec["label"])}</label>{hint}</div>'
        )
    if spec["type"] == "multichoice":
        return (
            f'<fieldset class="lwt-field lwt-field--multi" data-field="{escape(name)}"><legend>{escape(spec["label"])}{optional}</legend>'
            f"{hint}{error}{control}</fieldset>"
        )
    return (
        f'<div class="lwt-field" data-field="{escape(name)}"><label for="{control_id}">{escape(spec["label"])}{optional}</label>'
        f"{hint}{error}<div class=\"lwt-control\">{control}{unit}</div></div>"
    )


def _group(calc: str, spec: dict[str, Any]) -> str:
    name = spec["name"]
    group_id = f"{calc}-{name}"
    hint_id = f"{group_id}-hint" if spec.get("hint") else ""
    head = "".join(
        f'<th scope="col">{escape(sub["label"])}'
        + (f' <span class="lwt-unit">({escape(sub["unit"])})</span>' if sub.get("unit") and sub["type"] in ("integer", "number") else "")
        + "</th>"
        for sub in spec["fields"]
    )
    rows = []
    defaults = spec.get("default") or []
    for index in range(spec["rows"]):
        row_default = defaults[index] if index < len(defaults) else ({} if index else None)
        cells = []
        for sub in spec["fields"]:
            path = f"{name}.{index}.{sub['name']}"
            control_id = f"{calc}-{name}-{index}-{sub['name']}"
            error_id = f"{control_id}-error"
            if row_default is None:
                default = sub.get("default")
            else:
                default = row_default.get(sub["name"], sub.get("default") if sub["type"] == "choice" and index == 0 else None)
            label = f"Rij {index + 1}: {sub['label']}"
            control = _control(calc, sub, path, control_id, error_id, default, label=label)
            cells.append(
                f'<td data-field="{escape(path)}">{control}<p class="lwt-field__error" id="{error_id}" data-error-for="{escape(path)}" hidden></p></td>'
            )
        rows.append(f'<tr><th scope="row">{index + 1}</th>{"".join(cells)}</tr>')
    hint = f'<div class="lwt-hint" id="{hint_id}">{escape(spec["hint"])}</div>' if hint_id else ""
    return (
        f'<fieldset class="lwt-group" data-field="{escape(name)}" id="{group_id}"><legend>{escape(spec["label"])}</legend>{hint}'
        f'<p class="lwt-field__error" id="{group_id}-error" data-error-for="{escape(name)}" hidden></p>'
        f'<div class="lwt-table-wrap"><table class="lwt-rows"><thead><tr><th scope="col">Rij</th>{head}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div></fieldset>'
    )


def render_form(name: str, rules: Rules, on: date) -> str:
    """The complete form for calculator ``name``, as one HTML block without blank lines."""
    description = describe(name, rules, on)
    calc = description["name"]
    parts = []
    for spec in description["inputs"]:
        parts.append(_group(calc, spec) if spec["type"] == "group" else _field(calc, spec))
    date_id = f"{calc}-peildatum"
    parts.append(
        f'<div class="lwt-field lwt-field--date" data-field="peildatum"><label for="{date_id}">Peildatum</label>'
        f'<div class="lwt-hint" id="{date_id}-hint">De regels die op deze datum gelden. Leeg laten: vandaag.</div>'
        f'<p class="lwt-field__error" id="{date_id}-error" data-error-for="peildatum" hidden></p>'
        f'<div class="lwt-control"><input type="date" id="{date_id}" name="peildatum" aria-describedby="{date_id}-hint {date_id}-error"></div></div>'
    )
    text = json.dumps({**UI_TEXT, "certainties": CERTAINTY_LABELS}, ensure_ascii=False).replace("</", "<\\/")
    return (
        f'<form class="lwt-calc" data-calc="{escape(calc)}" id="rekenhulp-{escape(calc)}" novalidate data-state="static" '
        f'aria-labelledby="rekenhulp-{escape(calc)}-title">'
        f'<h2 class="lwt-calc__title" id="rekenhulp-{escape(calc)}-title">Rekenhulp: {escape(description["title"])}</h2>'
        f'<p class="lwt-calc__intro">{escape(description["intro"])}</p>'
        f'<p class="lwt-calc__status" role="status" aria-live="polite">{escape(UI_TEXT["noscript"])}</p>'
        f'<div class="lwt-calc__summary" tabindex="-1" hidden><h3>{escape(UI_TEXT["error_summary"])}</h3><ul></ul></div>'
        f'<div class="lwt-calc__inputs">{"".join(parts)}</div>'
        f'<div class="lwt-calc__actions"><button type="submit" class="md-button md-button--primary" disabled>Controleer</button></div>'
        f'<section class="lwt-calc__result" aria-live="polite" aria-atomic="false">'
        f'<h3>Uitkomst</h3><p class="lwt-verdict" data-status="">–</p><p class="lwt-summary"></p>'
        f'<ul class="lwt-findings"></ul><p class="lwt-meta"></p></section>'
        f'<script type="application/json" class="lwt-calc__text">{text}</script>'
        "</form>"
    )
