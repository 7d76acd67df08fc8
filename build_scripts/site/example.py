"""The example's outcome in the built page: a real answer at first paint, also without JavaScript.

A calculator's form is rendered with example values (the defaults of its input description).
``with_example`` reads those values back out of the form's HTML exactly as the page script
collects them (``collect`` in ``docs/assets/js/calc-ui.mjs``), runs the same Python calculator
on them with the build date as reference date, and puts the outcome in the form's result
section, marked as the example's outcome and dated. The page script replaces it with a live
outcome as soon as the reader changes an input, or when a shared link brings other inputs.
Without JavaScript the example stays, and the note under it says that changing the inputs
needs JavaScript. The print page hides it (a form to fill in by hand).

``discovery_calls`` gives the same example inputs, plus an empty form, for the build step that
finds which standard-library modules the calculators import (``bundle.wheel.make_snapshot``).
"""

from __future__ import annotations

import json
import re
from datetime import date
from html import escape
from html.parser import HTMLParser
from typing import Any

from calculators import FINDING_LABELS, VERDICT_LABELS, Rules, available
from calculators import dutch
from calculators.registry import run_form

#: Texts of the example (Dutch, for the reader).
EXAMPLE_TEXT = {
    "note": "Voorbeeld: dit is de uitkomst voor de voorbeeldwaarden in het formulier, berekend bij het bouwen "
            "van de site met de regels die op {date} gelden.",
    "noscript": "Andere waarden invullen en opnieuw laten rekenen kan alleen met JavaScript aan.",
    "reference_date": "Peildatum",
    "computed_on": "Berekend op",
    "computed_when": "{date}, bij het bouwen van de site (voorbeeld)",
    "rule": "Regel",
    "sources": "Bron",
    "certainty": "Zekerheid",
}


class _FormFields(HTMLParser):
    """The named controls of one form, in document order, as calc-ui.mjs's ``collect`` sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.controls: list[dict[str, Any]] = []
        self._select: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "input" and found.get("name") and "disabled" not in found:
            self.controls.append({"tag": "input", "type": (found.get("type") or "text").lower(), "name": found["name"],
                                  "value": found.get("value") or "", "checked": "checked" in found})
        elif tag == "select" and found.get("name") and "disabled" not in found:
            self._select = {"tag": "select", "name": found["name"], "options": []}
            self.controls.append(self._select)
        elif tag == "option" and self._select is not None:
            self._select["options"].append((found.get("value") or "", "selected" in found))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def default_fields(form_html: str) -> dict[str, str]:
    """The flat string fields the page script would send for the form as built."""
    parser = _FormFields()
    parser.feed(form_html)
    checkbox_count: dict[str, int] = {}
    for control in parser.controls:
        if control["tag"] == "input" and control["type"] == "checkbox":
            checkbox_count[control["name"]] = checkbox_count.get(control["name"], 0) + 1
    fields: dict[str, str] = {}
    for control in parser.controls:
        name = control["name"]
        if control["tag"] == "select":
            options = control["options"]
            chosen = [value for value, selected in options if selected]
            fields[name] = chosen[-1] if chosen else (options[0][0] if options else "")
        elif control["type"] == "radio":
            fields.setdefault(name, "")
            if control["checked"]:
                fields[name] = control["value"]
        elif control["type"] == "checkbox":
            if checkbox_count[name] > 1:
                fields.setdefault(name, "")
                if control["checked"]:
                    fields[name] = f"{fields[name]},{control['value']}" if fields[name] else control["value"]
            elif control["checked"]:
                fields[name] = "ja"
        elif control["type"] not in ("submit", "button", "reset"):
            fields[name] = control["value"]
    return fields


def example_outcome(form_html: str, name: str, rules: Rules, on: date) -> dict[str, Any]:
    return run_form(name, default_fields(form_html), rules, on)


def _texts(form_html: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" class="lwt-calc__text">(.*?)</script>', form_html, re.S)
    return json.loads(match.group(1).replace("<\\/", "</")) if match else {}


def _sources(sources: list[dict[str, Any]]) -> str:
    parts = []
    for source in sources:
        label = escape(f"{source['title']}, {source['article']}" if source.get("article") else source["title"])
        parts.append(f'<a href="{escape(source["url"], quote=True)}" rel="noopener">{label}</a>' if source.get("url") else label)
    return f'<span class="lwt-sources">{"; ".join(parts)}</span>'


def _finding(finding: dict[str, Any], texts: dict[str, Any], site_root: str) -> str:
    status = finding["status"]
    described = (texts.get("rules") or {}).get(finding["rule"])
    code = f'<code>{escape(finding["rule"])}</code>'
    rule = (f'<a href="{escape(site_root + texts["rules_page"] + "#" + described["anchor"], quote=True)}">'
            f'{escape(described["text"])}</a> {code}') if described else code
    meta = f'<dt>{EXAMPLE_TEXT["rule"]}</dt><dd><span>{rule}</span></dd>'
    if finding.get("sources"):
        meta += f'<dt>{EXAMPLE_TEXT["sources"]}</dt><dd>{_sources(finding["sources"])}</dd>'
    certainty = (texts.get("certainties") or {}).get(finding.get("certainty"), finding.get("certainty") or "")
    meta += f'<dt>{EXAMPLE_TEXT["certainty"]}</dt><dd>{escape(certainty)}</dd>'
    return (
        f'<li class="lwt-finding" data-status="{escape(status)}"><p class="lwt-finding__head">'
        f'<strong class="lwt-finding__status">{escape(FINDING_LABELS.get(status, status))}</strong> '
        f'<span class="lwt-finding__message">{escape(finding["message"])}</span></p>'
        f'<dl class="lwt-finding__meta">{meta}</dl></li>'
    )


_RESULT = re.compile(
    r'<p class="lwt-verdict" data-status="">.*?</p><p class="lwt-summary"></p><ul class="lwt-findings"></ul>'
    r'(?P<sourcelist><div class="lwt-sourcelist lwt-print-only"><h4></h4><ol></ol></div>)<dl class="lwt-meta"></dl>',
    re.S,
)


def with_example(form_html: str, name: str, rules: Rules, on: date, site_root: str = "../../") -> str:
    """``form_html`` with the example's outcome in its result section (unchanged if none is found)."""
    match = _RESULT.search(form_html)
    if match is None:
        return form_html
    outcome = example_outcome(form_html, name, rules, on)
    texts = _texts(form_html)
    status = outcome["status"]
    when = dutch.long_date(on)
    findings = "".join(_finding(finding, texts, site_root) for finding in outcome["findings"])
    note = (f'<p class="lwt-example-note">{escape(EXAMPLE_TEXT["note"].format(date=when))} '
            f'<span class="lwt-example-note__noscript">{escape(EXAMPLE_TEXT["noscript"])}</span></p>')
    meta = (f'<dt>{EXAMPLE_TEXT["reference_date"]}</dt><dd>{escape(dutch.long_date(date.fromisoformat(outcome["reference_date"])))}</dd>'
            f'<dt>{EXAMPLE_TEXT["computed_on"]}</dt><dd>{escape(EXAMPLE_TEXT["computed_when"].format(date=when))}</dd>')
    result = (
        f'{note}<p class="lwt-verdict" data-status="{escape(status)}">{escape(VERDICT_LABELS.get(status, status))}</p>'
        f'<p class="lwt-summary">{escape(outcome["summary"])}</p><ul class="lwt-findings">{findings}</ul>'
        f'{match.group("sourcelist")}<dl class="lwt-meta">{meta}</dl>'
    )
    html = form_html[:match.start()] + result + form_html[match.end():]
    return html.replace('<section class="lwt-calc__result"', f'<section data-example="{on.isoformat()}" class="lwt-calc__result"', 1)


#: The reference date of the discovery calls: fixed, so that the cached snapshot does not change
#: with the build date (which modules are imported does not depend on it).
DISCOVERY_DATE = date(2026, 9, 1)


def discovery_calls(render: Any, rules: Rules) -> list[list[str]]:
    """``[name, fields_json, date]`` per calculator: its example inputs and an empty form."""
    calls = []
    on = DISCOVERY_DATE
    for name in available():
        fields = default_fields(render(name, rules, on))
        calls.append([name, json.dumps(fields, ensure_ascii=False, sort_keys=True), on.isoformat()])
        calls.append([name, "{}", on.isoformat()])
    return calls
