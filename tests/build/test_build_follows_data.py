"""Changing one value in data/ changes the calculators and every page that shows it, with no other edit.

One extra strict build, from a copy of data/ in which stage.uren.minimum is 600 instead of 640
(the build reads the copy through LWT_DATA_DIR).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from html import unescape
from pathlib import Path

import pytest
import yaml

from build_scripts.rules_data import DATA_DIR, DATA_DIR_ENV, compile_rules
from calculators import Rules, run

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
NORM = "stage.uren.minimum"
OLD, NEW = 640, 600
ON = date(2026, 11, 28)
NORM_MACRO = re.compile(r"\{\{\s*norm:\s*" + re.escape(NORM) + r"\s*\}\}")
TABLE_MACRO = re.compile(r"\{\{\s*normtabel:\s*([^}]*?)\s*\}\}")
WORD = re.compile(r"[\wÀ-ÿ'’-]+")


@pytest.fixture(scope="module")
def changed_data(tmp_path_factory) -> Path:
    """A copy of data/ with only the value of stage.uren.minimum changed from 640 to 600."""
    folder = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(DATA_DIR, folder)
    stage = yaml.safe_load((folder / "stage.yaml").read_text(encoding="utf-8"))
    entry = stage["norms"][NORM]["values"][-1]
    assert entry["value"] == OLD
    entry["value"] = NEW
    (folder / "stage.yaml").write_text(yaml.safe_dump(stage, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def site(changed_data, tmp_path_factory) -> Path:
    """The site, built strictly from the changed copy of data/ (and nothing else changed)."""
    out = tmp_path_factory.mktemp("site") / "site"
    # No Pyodide memory snapshot: it is made from the wheel, whose packed rules are checked below,
    # and making one for changed data would take longer than the whole build.
    env = {
        **os.environ, "NO_MKDOCS_2_WARNING": "1", DATA_DIR_ENV: str(changed_data),
        "LWT_PEILDATUM": ON.isoformat(), "LWT_SNAPSHOT": "0",
    }
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=600,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return out


def _built(site: Path, source: str) -> Path:
    """The HTML file MkDocs writes for a page (use_directory_urls)."""
    stem = source[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return site / f"{stem}.html"
    return site / stem / "index.html"


def _article_text(html: str) -> str:
    article = re.search(r"<article\b.*?</article>", html, re.DOTALL)
    text = re.sub(r"<[^>]+>", " ", article.group(0) if article else html)
    return " ".join(unescape(text).replace("\u00a0", " ").split())


def _pages_showing_the_norm() -> dict[str, str]:
    """Pages whose source shows stage.uren.minimum, and how: 'norm', 'normtabel' or 'bronnen'."""
    pages = {}
    for path in sorted(DOCS.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        ways = []
        if NORM_MACRO.search(text):
            ways.append("norm")
        for argument in TABLE_MACRO.findall(text):
            names = [name.strip() for name in argument.split(",")]
            if NORM in names or names == [NORM.split(".")[0]]:
                ways.append("normtabel")
        if re.search(r"\{\{\s*bronnen\s*\}\}", text):
            ways.append("bronnen")
        if ways:
            pages[str(path.relative_to(DOCS))] = ",".join(ways)
    return pages


def _contexts(source_text: str) -> list[tuple[list[str], list[str]]]:
    """For each norm macro: two plain words before it on its line, or else two after it."""
    found = []
    for line in source_text.splitlines():
        for match in NORM_MACRO.finditer(line):
            before = WORD.findall(re.sub(r"\{\{.*?\}\}", " | ", line[: match.start()]).split("|")[-1])[-2:]
            after = WORD.findall(re.sub(r"\{\{.*?\}\}", " | ", line[match.end():]).split("|")[0])[:2]
            found.append((before, []) if len(before) == 2 else ([], after))
    return found


def test_the_calculator_follows_the_changed_value(changed_data):
    """620 stage hours fail against 640 and pass against 600, with the rules compiled from the changed copy."""
    inputs = {"leeftijd": 16, "perioden": [
        {"leerjaar": "3", "weken": 38, "dagen_per_week": 2, "uren_per_dag": 8, "sbb_code": "19025"},
        {"leerjaar": "4", "weken": 1, "dagen_per_week": 2, "uren_per_dag": 6, "sbb_code": "19025"},
    ]}
    before = run("stage_uren", inputs, Rules(compile_rules(DATA_DIR)), ON)
    after = run("stage_uren", inputs, Rules(compile_rules(changed_data)), ON)
    finding = {outcome_name: next(f for f in outcome["findings"] if f["rule"] == NORM) for outcome_name, outcome in (("before", before), ("after", after))}
    assert before["values"]["uren_meetellend"] == after["values"]["uren_meetellend"] == 620
    assert finding["before"]["status"] == "fail"
    assert finding["after"]["status"] == "pass"
    assert str(NEW) in finding["after"]["message"] and str(OLD) not in finding["after"]["message"]


def test_the_browser_gets_the_changed_value(site):
    """rules.json and the rules packed in the calculators wheel both say 600."""
    rules_json = json.loads((site / "assets" / "calc" / "rules.json").read_text(encoding="utf-8"))
    assert rules_json["norms"][NORM]["values"][-1]["value"] == NEW
    wheels = list((site / "assets" / "calc").glob("*/*.whl"))
    assert len(wheels) == 1
    with zipfile.ZipFile(wheels[0]) as wheel:
        packed = json.loads(wheel.read("calculators/rules.json"))
    assert packed["norms"][NORM]["values"][-1]["value"] == NEW


def test_the_pages_that_show_the_norm_are_found():
    """The test looks at real pages: at least the Bronnen page and the stage-uren calculator show the norm."""
    pages = _pages_showing_the_norm()
    assert pages.get("bronnen.md") == "bronnen"
    assert "norm" in pages.get("rekenhulpen/stage-uren.md", "")


def test_every_page_that_shows_the_norm_shows_the_new_value(site, changed_data):
    """Each sentence with the norm macro now says 600, and each table row of the norm says 600 klokuren."""
    description = compile_rules(changed_data)["norms"][NORM]["description"]
    checked = 0
    for source, ways in _pages_showing_the_norm().items():
        html = _built(site, source).read_text(encoding="utf-8")
        text = _article_text(html)
        if "norm" in ways.split(","):
            for before, after in _contexts((DOCS / source).read_text(encoding="utf-8")):
                new = " ".join(before + [str(NEW)] + after)
                old = " ".join(before + [str(OLD)] + after)
                assert new in text, f"{source}: '{new}' not found"
                assert old not in text, f"{source}: still '{old}'"
                checked += 1
        if {"normtabel", "bronnen"} & set(ways.split(",")):
            rows = re.findall(r"<tr\b[^>]*>\s*<th scope=\"row\"[^>]*>(.*?)</th>\s*<td>(.*?)</td>", html, re.DOTALL)
            values = [_article_text(value) for header, value in rows if _article_text(header).startswith(description)]
            assert values and all(value == f"{NEW} klokuren" for value in values), (source, values)
            checked += 1
    assert checked >= 3


def test_the_bronnen_row_says_600(site):
    """On the Bronnen page the anchored row of the norm gives 600 klokuren."""
    html = (site / "bronnen" / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr id="norm-stage-uren-minimum"[^>]*>(.*?)</tr>', html, re.DOTALL)
    assert row, "no row with the norm's anchor"
    cells = re.findall(r"<td>(.*?)</td>", row.group(1), re.DOTALL)
    assert _article_text(cells[0]) == f"{NEW} klokuren"
