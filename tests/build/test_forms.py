"""The calculator forms rendered at build time: one control per input, labelled, hinted, and every
rule a finding can cite described for the reader."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser

import pytest

from build_scripts.site.forms import render_form, rule_ids
from build_scripts.rules_data import compile_rules
from calculators import Rules, available, describe, run
from tests.casefiles import load_cases

RULES = Rules(compile_rules())
ON = date(2026, 11, 28)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.json = ""
        self._in_json = False

    def handle_starttag(self, tag, attrs):
        attributes = {key: value or "" for key, value in attrs}
        self.elements.append((tag, attributes))
        self._in_json = tag == "script" and "lwt-calc__text" in attributes.get("class", "")

    def handle_data(self, data):
        if self._in_json:
            self.json += data

    def handle_endtag(self, tag):
        self._in_json = False


def _parse(name: str) -> _Collect:
    parser = _Collect()
    parser.feed(render_form(name, RULES, ON))
    return parser


def _names(spec: dict, prefix: str = "") -> list[str]:
    if spec["type"] != "group":
        return [prefix + spec["name"]]
    return [f"{spec['name']}.{row}.{sub['name']}" for row in range(spec["rows"]) for sub in spec["fields"]]


@pytest.mark.parametrize("name", available())
def test_every_input_has_a_labelled_control(name):
    """Each input of the description (each cell of a group) is a control with a label or an aria-label."""
    parsed = _parse(name)
    controls = [(tag, attrs) for tag, attrs in parsed.elements if tag in ("input", "select") and attrs.get("name")]
    ids = [attrs["id"] for _, attrs in controls]
    assert len(ids) == len(set(ids)), "ids are unique"
    labelled = {attrs.get("for") for tag, attrs in parsed.elements if tag == "label"}
    for _, attrs in controls:
        assert attrs["id"] in labelled or attrs.get("aria-label"), attrs["id"]
    expected = {n for spec in describe(name, RULES, ON)["inputs"] for n in _names(spec)} | {"peildatum"}
    assert {attrs["name"] for _, attrs in controls} == expected


@pytest.mark.parametrize("name", available())
def test_described_by_points_at_existing_elements(name):
    """aria-describedby names only ids that exist (hints and error slots)."""
    parsed = _parse(name)
    ids = {attrs.get("id") for _, attrs in parsed.elements}
    for _, attrs in parsed.elements:
        for ref in attrs.get("aria-describedby", "").split():
            assert ref in ids, ref


@pytest.mark.parametrize("name", available())
def test_group_headers_do_not_repeat_a_unit_the_label_names(name):
    """'Aantal weken (weken)' would say the unit twice."""
    html = render_form(name, RULES, ON)
    for header in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', html):
        text = re.sub(r"<[^>]+>", "", header).lower()
        match = re.search(r"\(([^)]+)\)\s*$", text)
        if match:
            unit = match.group(1)
            assert unit not in text[: match.start()], header


def test_every_cited_rule_has_a_description_in_its_form():
    """Each rule that a test case's outcome cites is described in the form's JSON, so the reader sees words, not only an id."""
    cases = load_cases()
    assert cases
    for case in cases:
        outcome = run(case["calculator"], case["inputs"], RULES, date.fromisoformat(case["date"]))
        known = set(rule_ids(case["calculator"], RULES))
        for finding in outcome["findings"]:
            assert finding["rule"] in known, (case["id"], finding["rule"])


@pytest.mark.parametrize("name", available())
def test_texts_for_the_script_are_complete(name):
    """The JSON block carries a verdict label for each outcome status and a text for each failure."""
    texts = json.loads(_parse(name).json)
    assert set(texts["verdicts"]) == {"pass", "fail", "warning", "invalid"}
    for key in ("failed_script", "failed_runtime", "failed_bundle", "failed_crash", "failed_timeout", "loading_runtime", "loading_rules", "ready"):
        assert texts[key].strip(), key
    for described in texts["rules"].values():
        assert described["text"] and described["anchor"].startswith("norm-")


@pytest.mark.parametrize("name", available())
def test_date_fields_show_and_ask_for_a_dutch_date(name):
    """Every date field shows its example value as dd-mm-jjjj and its hint asks for that order, as
    the Peildatum does (issue: one date notation on every form)."""
    parsed = _parse(name)
    dates = [spec for spec in describe(name, RULES, ON)["inputs"] if spec["type"] == "date"]
    for spec in dates:
        control = next(attrs for tag, attrs in parsed.elements if tag == "input" and attrs.get("name") == spec["name"])
        value = control.get("value", "")
        assert value == "" or re.fullmatch(r"\d{2}-\d{2}-\d{4}", value), (spec["name"], value)
        assert "jjjj-mm-dd" not in (spec.get("hint") or ""), spec["name"]
