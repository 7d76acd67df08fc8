"""Render a calculator's form as real HTML at build time, from its own input description.

The form reads, prints and explains itself without JavaScript: labels, hints, units and
default values are all in the HTML. The browser script only enhances it. Every text the
script shows (status lines, verdict labels, the descriptions of the rules) is put in the
form here as JSON, so the script itself carries no Dutch text and no rule.

The layout follows the GOV.UK and NL Design System form patterns: a label, a hint and an
error slot per field (in that order), an error summary at the top that links to the fields,
and one question per row. A repeated group becomes a table with one column per sub-field;
the column hints are listed above the table and tied to every cell with ``aria-describedby``.
"""

from __future__ import annotations

import importlib
import json
from datetime import date
from html import escape
from typing import Any

from calculators import FINDING_LABELS, VERDICT_LABELS, Rules, describe
from calculators import dutch
from calculators.inputs import DATE_EXAMPLE, DATE_NOTATION
from calculators.outcome import plain

from ..bundle.wheel import project_version
from .tables import anchor

#: The page that lists every norm with an anchor per norm (relative to the site's root).
RULES_PAGE = "bronnen/"

#: What the page script says, in Dutch. Keys are used by docs/assets/js/calc-ui.mjs.
UI_TEXT = {
    "locale": "nl-NL",
    "noscript": "Deze rekenhulp rekent in uw browser en heeft JavaScript nodig. Zonder JavaScript kunt u het formulier afdrukken en met de hand invullen.",
    "loading_runtime": "Rekenmodule wordt geladen (stap 1 van 2: Python-omgeving)… Dit duurt enkele seconden. U kunt het formulier alvast invullen.",
    "loading_rules": "Rekenmodule wordt geladen (stap 2 van 2: regels en rekenhulpen)…",
    "ready": "Rekenmodule gereed. De uitkomst wordt bijgewerkt terwijl u typt.",
    "failed_script": "De rekenmodule kon niet starten: het script werd niet geladen. Mogelijk biedt de webserver .mjs-bestanden niet aan als JavaScript. Vraag de beheerder de pagina ‘Controle installatie’ te openen. De uitleg op deze pagina blijft bruikbaar en u kunt het formulier afdrukken.",
    "failed_runtime": "De rekenmodule kon niet starten: de Python-omgeving (assets/pyodide) ontbreekt of wordt verkeerd aangeboden. Vraag de beheerder de pagina ‘Controle installatie’ te openen. De uitleg op deze pagina blijft bruikbaar en u kunt het formulier afdrukken.",
    "failed_bundle": "De rekenmodule kon niet starten: het bestand met regels en rekenhulpen (assets/calc) ontbreekt. Vraag de beheerder de site opnieuw te bouwen. De uitleg op deze pagina blijft bruikbaar en u kunt het formulier afdrukken.",
    "failed_integrity": "De rekenmodule kon niet laden: de bestanden op de server komen niet overeen met deze versie van de site. Een bestand is onvolledig, beschadigd of verouderd, bijvoorbeeld na een onderbroken upload. Vraag de beheerder de hele site opnieuw te kopiëren en de pagina ‘Controle installatie’ te openen, en herlaad daarna deze pagina. De uitleg op deze pagina blijft bruikbaar en u kunt het formulier afdrukken.",
    "failed_crash": "De rekenmodule is onverwacht gestopt. Herlaad de pagina om het opnieuw te proberen. De uitleg op deze pagina blijft bruikbaar.",
    "failed_timeout": "De rekenmodule reageert niet binnen 30 seconden. Herlaad de pagina; lukt het dan nog niet, vraag de beheerder de pagina ‘Controle installatie’ te openen. De uitleg op deze pagina blijft bruikbaar.",
    "announce": "Uitkomst bijgewerkt:",
    "finding_rule": "Regel",
    "finding_certainty": "Zekerheid",
    "finding_sources": "Bron",
    "reference_date": "Peildatum",
    "rules_version": "Versie van de regels",
    "computed_on": "Berekend op",
    "share_link": "Link naar deze uitkomst",
    "sources_heading": "Bronnen bij deze uitkomst",
    "verdicts": VERDICT_LABELS,
    "finding_statuses": FINDING_LABELS,
    # The verdict bar that keeps the current verdict in view on a long form (calc-ui.mjs, makeBar).
    "bar_label": "Uitkomst:",
    "bar_pending": "nog niet berekend",
    "bar_example": "Uitkomst van het voorbeeld:",
    "bar_link": "Naar de uitkomst",
    "bar_counts": {
        "fail": ["1 punt niet in orde", "{n} punten niet in orde"],
        "warning": ["1 punt om op te letten", "{n} punten om op te letten"],
        "invalid": ["1 veld aanpassen", "{n} velden aanpassen"],
    },
}

#: Fixed texts in the form's HTML.
FORM_TEXT = {
    "title": "Rekenhulp: {title}",
    "error_summary": "Er is een probleem met de invoer",
    "submit": "Controleer",
    "print": "Uitkomst afdrukken",
    "reset": "Opnieuw beginnen met de voorbeeldwaarden",
    "result": "Uitkomst",
    "no_result": "Nog geen uitkomst.",
    "optional": "(niet verplicht)",
    "choose": "– kies –",
    "empty_choice": "– niet ingevuld –",
    "not_given": "Niet ingevuld",
    "row": "Rij",
    "row_label": "Rij {n}",
    "columns": "Toelichting bij de kolommen:",
    "date_label": "Peildatum",
    "date_hint": f"De regels die op deze datum gelden. Als {DATE_NOTATION}, bijvoorbeeld {DATE_EXAMPLE}. Leeg laten: vandaag.",
    "colophon": "Wegwijzer leer-werktrajecten vmbo, versie {site}. Regels versie {rules}, gecontroleerd tot en met {checked}. Geen juridisch advies.",
    "time_unit": "uu:mm",
}

CERTAINTY_LABELS = {
    "bevestigd": "bevestigd",
    "bevestigd-2015": "bevestigd (wettekst 2015)",
    "alleen-seed": "alleen in de presentatie van 2024",
    "onzeker": "onzeker",
    "tegenstrijdig": "tegenstrijdige bronnen",
    "gecorrigeerd": "gecorrigeerd",
}

#: Unit words and the forms in which a label may already name them (then the unit is not repeated).
_UNIT_FORMS = {
    "uur": ("uur", "uren"),
    "klokuren": ("klokuur", "klokuren"),
    "dagen": ("dag", "dagen"),
    "weken": ("week", "weken"),
    "minuten": ("minuut", "minuten"),
    "jaar": ("jaar", "jaren", "leeftijd"),
}

#: A choice with at most this many options is shown as radio buttons, a longer one as a drop-down.
MAX_RADIOS = 6

#: Width class per field type (CSS in lwt.css); text fields are wide unless they hold a code.
_WIDTH = {"integer": "lwt-w4", "number": "lwt-w5", "time": "lwt-w5"}


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
    if isinstance(value, bool):
        return ""
    if isinstance(value, float):
        return f"{value}".replace(".", ",")
    return "" if value is None else str(value)


def _unit_in_label(label: str, unit: str) -> bool:
    """True when the label already names the unit ("Aantal weken" for weken), so it is not repeated."""
    words = label.lower().replace("(", " ").replace(")", " ").split()
    forms = _UNIT_FORMS.get(unit.lower(), (unit.lower(),))
    return any(word.endswith(form) for word in words for form in forms)


def _choice_label(choice: dict[str, str]) -> str:
    """A choice's label without a technical code in front ("1 – ...", "lo – ..."); codes such as "ZW" stay."""
    code, label = choice["value"], choice["label"]
    prefix = f"{code} – "
    if label.startswith(prefix):
        rest = label[len(prefix):]
        if not any(ch.isupper() for ch in code) or code in rest:
            return rest[:1].upper() + rest[1:]
    return label


def _control(spec: dict[str, Any], name: str, control_id: str, described_by: str, default: Any,
             label: str | None = None, in_group: bool = False) -> str:
    kind = spec["type"]
    common = dict(id=control_id, name=name, aria_describedby=described_by or None, aria_label=label)
    if kind == "boolean":
        return f'<input {_attrs(type="checkbox", value="ja", checked=bool(default), **common)}>'
    if kind == "choice":
        options = []
        if in_group or default is None or not spec.get("required", True):
            empty = FORM_TEXT["choose"] if spec.get("required", True) and not in_group else FORM_TEXT["empty_choice"]
            options.append(f'<option value="">{escape("–" if in_group else empty)}</option>')
        for choice in spec.get("choices", []):
            selected = default is not None and str(default) == choice["value"]
            options.append(f'<option {_attrs(value=choice["value"], selected=selected)}>{escape(_choice_label(choice))}</option>')
        return f'<select {_attrs(**common)}>' + "".join(options) + "</select>"
    if kind == "multichoice":
        chosen = set(default or [])
        boxes = []
        for index, choice in enumerate(spec.get("choices", [])):
            box_id = f"{control_id}-{index}"
            boxes.append(
                f'<div class="lwt-check"><input {_attrs(type="checkbox", id=box_id, name=name, value=choice["value"], checked=choice["value"] in chosen)}>'
                f'<label for="{box_id}">{escape(_choice_label(choice))}</label></div>'
            )
        return f'<div class="lwt-checks" id="{control_id}">' + "".join(boxes) + "</div>"
    input_type, mode = "text", None
    if kind == "integer":
        mode = "numeric"
    elif kind == "number":
        mode = "decimal"
    elif kind == "date":
        # A text field, not type=date: the browser's date widget shows its own language's order
        # (12/03/2026 in an English browser); the calculators read dd-mm-jjjj (inputs.read_date).
        mode = "numeric"
    width = _WIDTH.get(kind, "")
    if kind == "text":
        sample = default if isinstance(default, str) else spec.get("default")
        width = "lwt-w5" if isinstance(sample, str) and sample.isdigit() else ("lwt-w10" if in_group else "")
    # A date default (ISO in the calculator's fields) is shown in the reader's order, dd-mm-jjjj.
    shown = _value_text(default)
    if kind == "date" and shown:
        shown = dutch.numeric_date(date.fromisoformat(shown))
    return (
        f'<input {_attrs(type=input_type, inputmode=mode, class_=width or None, value=shown, autocomplete="off", spellcheck="false" if kind != "text" else None, **common)}>'
    )


def _unit(spec: dict[str, Any]) -> str:
    """The unit shown beside a control: the description's unit for numbers, the notation for times."""
    if spec["type"] in ("integer", "number"):
        return spec.get("unit", "")
    return FORM_TEXT["time_unit"] if spec["type"] == "time" else ""


def _radios(spec: dict[str, Any], name: str, control_id: str) -> str:
    """A short choice as radio buttons: every option visible, on screen and on paper."""
    default = spec.get("default")
    options = [(choice["value"], _choice_label(choice)) for choice in spec.get("choices", [])]
    if not spec.get("required", True):
        options.append(("", FORM_TEXT["not_given"]))
    buttons = []
    for index, (value, label) in enumerate(options):
        radio_id = f"{control_id}-{index}"
        checked = (default is None and value == "") or (default is not None and str(default) == value)
        buttons.append(
            f'<div class="lwt-check"><input {_attrs(type="radio", id=radio_id, name=name, value=value, checked=checked)}>'
            f'<label for="{radio_id}">{escape(label)}</label></div>'
        )
    return f'<div class="lwt-checks lwt-radios" id="{control_id}">' + "".join(buttons) + "</div>"


def _optional(spec: dict[str, Any]) -> str:
    if spec.get("required", True) or spec["type"] in ("boolean", "multichoice"):
        return ""
    return f' <span class="lwt-optional">{escape(FORM_TEXT["optional"])}</span>'


def _field(calc: str, spec: dict[str, Any]) -> str:
    name = spec["name"]
    control_id = f"{calc}-{name}"
    hint_id = f"{control_id}-hint" if spec.get("hint") else ""
    error_id = f"{control_id}-error"
    described = " ".join(filter(None, [hint_id, error_id]))
    unit = f'<span class="lwt-unit">{escape(_unit(spec))}</span>' if _unit(spec) else ""
    hint = f'<div class="lwt-hint" id="{hint_id}">{escape(spec["hint"])}</div>' if hint_id else ""
    error = f'<p class="lwt-field__error" id="{error_id}" data-error-for="{escape(name)}" hidden></p>'
    if spec["type"] == "multichoice":
        control = _control(spec, name, control_id, "", spec.get("default"))
        return (
            f'<fieldset class="lwt-field lwt-field--multi" data-field="{escape(name)}" {_attrs(aria_describedby=described)}>'
            f'<legend>{escape(spec["label"])}</legend>{hint}{error}{control}</fieldset>'
        )
    if spec["type"] == "choice" and len(spec.get("choices", [])) <= MAX_RADIOS:
        return (
            f'<fieldset class="lwt-field lwt-field--radios" data-field="{escape(name)}" {_attrs(aria_describedby=described)}>'
            f'<legend>{escape(spec["label"])}{_optional(spec)}</legend>{hint}{error}{_radios(spec, name, control_id)}</fieldset>'
        )
    control = _control(spec, name, control_id, described, spec.get("default"))
    if spec["type"] == "boolean":
        return (
            f'<div class="lwt-field lwt-field--boolean" data-field="{escape(name)}">{error}'
            f'<div class="lwt-check">{control}<label for="{control_id}">{escape(spec["label"])}</label></div>{hint}</div>'
        )
    choices = ""
    if spec["type"] == "choice":
        # On paper a drop-down shows one value; the blank printed form lists the choices to tick.
        items = "".join(f"<li>{escape(_choice_label(choice))}</li>" for choice in spec.get("choices", []))
        choices = f'<ul class="lwt-choices" aria-hidden="true">{items}</ul>'
    return (
        f'<div class="lwt-field" data-field="{escape(name)}"><label class="lwt-label" for="{control_id}">{escape(spec["label"])}{_optional(spec)}</label>'
        f'{hint}{error}<div class="lwt-control">{control}{unit}{choices}</div></div>'
    )


def column_label(sub: dict[str, Any]) -> str:
    """A column's label with its unit, shown beside each cell when a narrow screen stacks the table."""
    unit = _unit(sub)
    return f"{sub['label']} ({unit})" if unit and not _unit_in_label(sub["label"], unit) else sub["label"]


def _group(calc: str, spec: dict[str, Any]) -> str:
    name = spec["name"]
    group_id = f"{calc}-{name}"
    hint_id = f"{group_id}-hint" if spec.get("hint") else ""
    heads, column_hints = [], []
    for sub in spec["fields"]:
        unit = _unit(sub)
        shown_unit = unit and not _unit_in_label(sub["label"], unit)
        heads.append(
            f'<th scope="col" class="lwt-col--{escape(sub["type"])}">{escape(sub["label"])}'
            + (f' <span class="lwt-unit">({escape(unit)})</span>' if shown_unit else "")
            + "</th>"
        )
        if sub.get("hint"):
            column_hints.append(
                f'<li id="{group_id}-{escape(sub["name"])}-hint"><span class="lwt-colhints__name">{escape(sub["label"])}:</span> {escape(sub["hint"])}</li>'
            )
    rows = []
    defaults = spec.get("default") or []
    for index in range(spec["rows"]):
        row_default = defaults[index] if index < len(defaults) else None
        row_label = FORM_TEXT["row_label"].format(n=index + 1)
        cells = []
        for sub in spec["fields"]:
            path = f"{name}.{index}.{sub['name']}"
            control_id = f"{calc}-{name}-{index}-{sub['name']}"
            error_id = f"{control_id}-error"
            if row_default is None:
                default = sub.get("default") if index == 0 and not defaults else None
            else:
                default = row_default.get(sub["name"], sub.get("default") if sub["type"] == "choice" else None)
            hint_ref = f"{group_id}-{sub['name']}-hint" if sub.get("hint") else ""
            described = " ".join(filter(None, [hint_ref, error_id]))
            label = f"{row_label}: {sub['label']}" + (f" ({_unit(sub)})" if _unit(sub) else "")
            control = _control(sub, path, control_id, described, default, label=label, in_group=True)
            cells.append(
                f'<td data-field="{escape(path)}" data-error-context="{escape(row_label)}" data-label="{escape(column_label(sub))}">{control}'
                f'<p class="lwt-field__error" id="{error_id}" data-error-for="{escape(path)}" hidden></p></td>'
            )
        rows.append(f'<tr data-row="{index}"><th scope="row" data-label="{escape(FORM_TEXT["row"])}">{index + 1}</th>{"".join(cells)}</tr>')
    hint = f'<div class="lwt-hint" id="{hint_id}">{escape(spec["hint"])}</div>' if hint_id else ""
    hints = (
        f'<div class="lwt-colhints"><p>{escape(FORM_TEXT["columns"])}</p><ul>{"".join(column_hints)}</ul></div>'
        if column_hints else ""
    )
    return (
        f'<fieldset class="lwt-group lwt-group--{escape(name)}" data-field="{escape(name)}" id="{group_id}" {_attrs(aria_describedby=hint_id or None)}>'
        f'<legend>{escape(spec["label"])}</legend>{hint}{hints}'
        f'<p class="lwt-field__error" id="{group_id}-error" data-error-for="{escape(name)}" hidden></p>'
        f'<div class="lwt-table-wrap"><table class="lwt-rows"><thead><tr><th scope="col" class="lwt-col--row">{escape(FORM_TEXT["row"])}</th>{"".join(heads)}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div></fieldset>'
    )


def rule_ids(name: str, rules: Rules) -> list[str]:
    """The norm ids that calculator ``name`` reads: its own ``NORMS`` declaration.

    Used only to give the page the Dutch descriptions of those rules; a finding whose rule is
    missing here shows its id alone.
    """
    module = importlib.import_module(f"calculators.{name}")
    return sorted(norm_id for norm_id in module.NORMS if rules.has(norm_id))


def _ui_json(name: str, rules: Rules) -> str:
    described = {
        norm_id: {"text": rules.norm(norm_id).description, "anchor": anchor(norm_id)} for norm_id in rule_ids(name, rules)
    }
    text = {**UI_TEXT, "certainties": CERTAINTY_LABELS, "rules": described, "rules_page": RULES_PAGE}
    return json.dumps(text, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")


def _checked_date(rules: Rules) -> str:
    head = rules.version[:10]
    try:
        return dutch.long_date(date.fromisoformat(head))
    except ValueError:
        return head


def _date_input(date_id: str) -> str:
    """The Peildatum field: text in Dutch order (dd-mm-jjjj), a number pad on phones; read by inputs.read_date."""
    return (
        f'<input {_attrs(type="text", id=date_id, name="peildatum", inputmode="numeric", class_="lwt-w7", autocomplete="off", spellcheck="false", aria_describedby=f"{date_id}-hint {date_id}-error")}>'
    )


def render_form(name: str, rules: Rules, on: date) -> str:
    """The complete form for calculator ``name``, as one HTML block without blank lines."""
    description = describe(name, rules, on)
    calc = escape(description["name"])
    parts = []
    for spec in description["inputs"]:
        parts.append(_group(calc, spec) if spec["type"] == "group" else _field(calc, spec))
    date_id = f"{calc}-peildatum"
    parts.append(
        f'<div class="lwt-field lwt-field--date" data-field="peildatum"><label class="lwt-label" for="{date_id}">{escape(FORM_TEXT["date_label"])}</label>'
        f'<div class="lwt-hint" id="{date_id}-hint">{escape(FORM_TEXT["date_hint"])}</div>'
        f'<p class="lwt-field__error" id="{date_id}-error" data-error-for="peildatum" hidden></p>'
        f'<div class="lwt-control">{_date_input(date_id)}</div></div>'
    )
    colophon = FORM_TEXT["colophon"].format(site=project_version(), rules=rules.version, checked=_checked_date(rules))
    title_id = f"rekenhulp-{calc}-title"
    return (
        f'<form class="lwt-calc" data-calc="{calc}" id="rekenhulp-{calc}" novalidate data-state="static" aria-labelledby="{title_id}">'
        f'<h2 class="lwt-calc__title" id="{title_id}">{escape(FORM_TEXT["title"].format(title=description["title"]))}</h2>'
        f'<p class="lwt-calc__intro">{escape(description["intro"])}</p>'
        f'<p class="lwt-calc__status" role="status">{escape(UI_TEXT["noscript"])}</p>'
        f'<div class="lwt-calc__summary" tabindex="-1" hidden aria-labelledby="{calc}-summary-title">'
        f'<h3 id="{calc}-summary-title">{escape(FORM_TEXT["error_summary"])}</h3><ul></ul></div>'
        f'<div class="lwt-calc__inputs">{"".join(parts)}</div>'
        f'<div class="lwt-calc__actions">'
        f'<button type="submit" class="md-button md-button--primary" disabled>{escape(FORM_TEXT["submit"])}</button>'
        f'<button type="button" class="md-button lwt-calc__print" hidden>{escape(FORM_TEXT["print"])}</button>'
        f'<a class="lwt-calc__reset" href="./">{escape(FORM_TEXT["reset"])}</a></div>'
        # aria-label, not labelledby: the print page renames heading ids, and every result
        # landmark needs a name of its own when several calculators share a page.
        f'<section class="lwt-calc__result" aria-label="{escape(FORM_TEXT["result"] + ": " + description["title"])}">'
        f'<h3 id="{calc}-result-title" tabindex="-1">{escape(FORM_TEXT["result"])}</h3>'
        f'<p class="lwt-verdict" data-status="">{escape(FORM_TEXT["no_result"])}</p><p class="lwt-summary"></p>'
        f'<ul class="lwt-findings"></ul><div class="lwt-sourcelist lwt-print-only"><h4></h4><ol></ol></div>'
        f'<dl class="lwt-meta"></dl></section>'
        f'<p class="lwt-calc__announce" role="status"></p>'
        f'<p class="lwt-calc__colophon">{escape(colophon)}</p>'
        f'<script type="application/json" class="lwt-calc__text">{_ui_json(description["name"], rules)}</script>'
        "</form>"
    )
