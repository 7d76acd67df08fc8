"""The table macros (normtabel, lijst, bronnen, wetten) rendered against the real rules of data/."""

from __future__ import annotations

import copy
import re
from datetime import date
from html import unescape
from html.parser import HTMLParser

import markdown
import pytest

from build_scripts.site import registry
from build_scripts.site import tables as table_kit
from build_scripts.site.macros import Context, MacroError
from calculators import Rules

ON = date(2026, 11, 28)
#: The Markdown extensions of mkdocs.yml that matter for raw HTML in a page.
EXTENSIONS = ["abbr", "attr_list", "md_in_html", "tables", "toc", "admonition", "pymdownx.details", "pymdownx.superfences"]


def _context(compiled, page="bronnen.md", on=ON) -> Context:
    return Context(rules=Rules(compiled), on=on, page=page)


def _page(source: str, compiled, page="test.md") -> str:
    """A page with macros as the site renders it: macros expanded, then Markdown to HTML."""
    return markdown.markdown(registry.expand(source, _context(compiled, page)), extensions=EXTENSIONS)


class _Tables(HTMLParser):
    """Tables as lists of rows of (tag, attributes, text) cells, plus every id on the page.

    A table inside a cell is a table of its own; its text also counts for the outer cell.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.ids, self.stack, self.cells = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        self._space()
        if tag == "table":
            self.stack.append([])
        elif tag == "tr" and self.stack:
            self.stack[-1].append({"attrs": attrs, "cells": []})
        elif tag in ("th", "td") and self.stack:
            self.cells.append((tag, attrs, [], len(self.stack)))

    def handle_endtag(self, tag):
        self._space()
        if tag in ("th", "td") and self.cells and self.cells[-1][3] == len(self.stack):
            cell_tag, attrs, text, _ = self.cells.pop()
            self.stack[-1][-1]["cells"].append((cell_tag, attrs, " ".join("".join(text).split())))
        elif tag == "table" and self.stack:
            self.tables.append(self.stack.pop())

    def _space(self):
        for cell in self.cells:
            cell[2].append(" ")

    def handle_data(self, data):
        for cell in self.cells:
            cell[2].append(data.replace("\u00a0", " "))


def _parse(html: str) -> _Tables:
    parser = _Tables()
    parser.feed(html)
    parser.close()
    return parser


def _row(tables: _Tables, anchor: str) -> dict:
    for table in tables.tables:
        for row in table:
            if row["attrs"].get("id") == anchor:
                return row
    raise AssertionError(f"no row with id {anchor}")


# --- bronnen --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bronnen_html(compiled_rules) -> str:
    return _page("# Bronnen en zekerheid\n\n{{ bronnen }}\n", compiled_rules, "bronnen.md")


def test_bronnen_lists_every_norm(bronnen_html, compiled_rules):
    """The Bronnen page has an anchor and the id of every norm in data/, and nothing else."""
    tables = _parse(bronnen_html)
    anchors = {anchor for anchor in tables.ids if anchor.startswith("norm-")}
    assert anchors == {table_kit.anchor(norm_id) for norm_id in compiled_rules["norms"]}
    for norm_id in compiled_rules["norms"]:
        assert f'<code class="lwt-norm-id">{norm_id}</code>' in bronnen_html


def test_anchor_form():
    """A norm's anchor is its id with dashes: norm-stage-uren-minimum."""
    assert table_kit.anchor("stage.uren.minimum") == "norm-stage-uren-minimum"
    assert table_kit.anchor("werktijden.kind.max_uren_per_dag") == "norm-werktijden-kind-max-uren-per-dag"


def test_bronnen_shows_certainty_and_sources_of_every_value(bronnen_html, compiled_rules):
    """Every dated value appears with its certainty label, its last-checked date and a link to each source."""
    for norm_id, norm in compiled_rules["norms"].items():
        for entry in norm["values"]:
            label = entry["certainty"]
            assert f'<span class="lwt-certainty lwt-certainty--{label}">{label}</span>' in bronnen_html
            for source in entry["sources"]:
                assert f'href="{source["url"].replace("&", "&amp;")}"' in bronnen_html, (norm_id, source)


def test_bronnen_row_of_640_hours(bronnen_html):
    """The stage minimum reads 640 klokuren 'in elk geval sinds 1 september 2015' (the oldest text read), bevestigd, with WVO 2020 art. 2.103 since 1 August 2022."""
    row = _row(_parse(bronnen_html), "norm-stage-uren-minimum")
    header, value, since, sources, certainty = row["cells"]
    assert header[0] == "th" and header[1].get("scope") == "row"
    assert value[2] == "640 klokuren"
    assert since[2] == "in elk geval sinds 1 september 2015"
    assert re.search(r"Wet voortgezet onderwijs 2020 ?, art\. 2\.103 \(geldt sinds 1 augustus 2022\)", sources[2]), sources[2]
    assert re.search(r"art\. 10b1 lid 1 \(tekst 2015\) \(geldt tot en met 31 juli 2022\)", sources[2]), sources[2]
    assert certainty[2].startswith("bevestigd gecontroleerd op 28 november 2026")


def test_bronnen_shows_the_rekentoets_as_history(bronnen_html):
    """examen.rekenen shows the schoolexamen rekenen now and the rekentoets as the earlier value, with both periods."""
    tables = _parse(bronnen_html)
    table = next(t for t in tables.tables if any(r["attrs"].get("id") == "norm-examen-rekenen" for r in t))
    start = next(i for i, r in enumerate(table) if r["attrs"].get("id") == "norm-examen-rekenen")
    rows = table[start:start + 4]
    texts = [" ".join(cell[2] for cell in row["cells"]) for row in rows]
    assert "het schoolexamen rekenen" in texts[0] and "1 augustus 2020" in texts[0] and "gecorrigeerd" in texts[0]
    earlier = next(text for text in texts[1:] if text.startswith("Eerder"))
    assert "de rekentoets" in earlier
    assert "van 1 augustus 2014 tot 1 augustus 2020" in earlier
    assert "lwt-norm--eerder" in next(r for r in rows[1:] if "Eerder" in " ".join(c[2] for c in r["cells"]))["attrs"]["class"]


def test_uncertain_norms_stand_out(bronnen_html, compiled_rules):
    """Onzeker, tegenstrijdig and gecorrigeerd norms have a marked row, their note, and a link in the 'Let op' list."""
    tables = _parse(bronnen_html)
    doubtful = [
        norm_id for norm_id, norm in compiled_rules["norms"].items()
        if norm["values"][-1]["certainty"] in ("onzeker", "tegenstrijdig", "gecorrigeerd")
    ]
    assert doubtful
    for norm_id in doubtful:
        norm = compiled_rules["norms"][norm_id]
        row = _row(tables, table_kit.anchor(norm_id))
        assert f"lwt-norm--{norm['values'][-1]['certainty']}" in row["attrs"]["class"]
        assert f'<li><a href="#{table_kit.anchor(norm_id)}">' in bronnen_html
    # the note of the 80 days is on the page, in a row of its own under the value
    assert "Deze site ziet de uren als de" in bronnen_html


def test_bronnen_explains_the_labels(bronnen_html, compiled_rules):
    """The meaning of each certainty label, as data defines it, is on the page."""
    for label, meaning in compiled_rules["certainties"].items():
        assert meaning in unescape(bronnen_html), label


def test_tables_have_header_cells(bronnen_html):
    """Every table has column headers, and every norm row starts with a row header."""
    tables = _parse(bronnen_html)
    assert tables.tables
    for table in tables.tables:
        assert table[0]["cells"] and all(cell[0] == "th" and cell[1].get("scope") == "col" for cell in table[0]["cells"])
        for row in table[1:]:
            if row["attrs"].get("id", "").startswith("norm-"):
                assert row["cells"][0][0] == "th" and row["cells"][0][1].get("scope") == "row"


# --- normtabel ------------------------------------------------------------------------------


def test_normtabel_of_a_topic(compiled_rules):
    """{{ normtabel: stage }} has one row per stage norm, values in Dutch notation with their unit."""
    tables = _parse(_page("{{ normtabel: stage }}", compiled_rules)).tables
    assert len(tables) == 1
    rows = [row for row in tables[0][1:] if row["cells"][0][0] == "th"]
    stage_ids = [norm_id for norm_id, norm in compiled_rules["norms"].items() if norm["topic"] == "stage"]
    assert len(rows) == len(stage_ids)
    values = {row["cells"][0][2]: row["cells"][1][2] for row in rows}
    assert values[compiled_rules["norms"]["stage.uren.maximum"]["description"]] == "1.280 klokuren"
    assert values[compiled_rules["norms"]["stage.leerjaren"]["description"]] == "3 en 4"


def test_normtabel_of_chosen_norms_shows_the_uncertainty(compiled_rules):
    """{{ normtabel: a, b }} lists those two; the uncertain one shows its label and its note."""
    html = _page("{{ normtabel: stage.uren.minimum, stage.dagen.minimum }}", compiled_rules)
    rows = [row for row in _parse(html).tables[0][1:] if row["cells"][0][0] == "th"]
    assert [row["cells"][1][2] for row in rows] == ["640 klokuren", "80 dagen"]
    assert "lwt-norm--onzeker" in rows[1]["attrs"]["class"]
    assert '<span class="lwt-certainty lwt-certainty--onzeker">onzeker</span>' in html
    assert "Toelichting:" in html and "richtgetal" in html


def test_normtabel_links_the_sources(compiled_rules):
    """The source cell links to the law on wetten.overheid.nl with the article."""
    html = _page("{{ normtabel: stage.uren.minimum }}", compiled_rules)
    assert '<a href="https://wetten.overheid.nl/BWBR0044212">Wet voortgezet onderwijs 2020</a>, art. 2.103' in html


def test_normtabel_unknown_id_fails(compiled_rules):
    """A norm id that data/ does not have stops the build."""
    with pytest.raises(MacroError, match="stage.uren.per_jaar"):
        registry.expand("{{ normtabel: stage.uren.per_jaar }}", _context(compiled_rules))


def test_normtabel_shows_a_coming_value(compiled_rules):
    """A value that takes effect after the reference date is shown as coming, next to the current one."""
    changed = copy.deepcopy(compiled_rules)
    values = changed["norms"]["stage.uren.minimum"]["values"]
    values.append({**values[-1], "from": "2027-08-01", "value": 600})
    html = _page("{{ normtabel: stage.uren.minimum }}", changed)
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace("\u00a0", " ")
    assert "640 klokuren Vanaf 1 augustus 2027: 600 klokuren" in text


# --- lijst ----------------------------------------------------------------------------------


def test_lijst_of_sbb_codes(compiled_rules):
    """{{ lijst: leerbedrijven.sbb_codes_vmbo }}: ten codes 19020–19030 without 19023, source and certainty under it."""
    html = _page("{{ lijst: leerbedrijven.sbb_codes_vmbo }}", compiled_rules)
    table = _parse(html).tables[0]
    assert [cell[2] for cell in table[0]["cells"]] == ["Code", "Omschrijving"]
    codes = [row["cells"][0][2] for row in table[1:]]
    assert codes == [str(code) for code in range(19020, 19031) if code != 19023]
    assert table[1]["cells"][0][0] == "th"
    assert '<span class="lwt-certainty lwt-certainty--alleen-seed">alleen-seed</span>' in html
    assert 'href="https://stagemarkt.nl/"' in html
    assert "Code 19023 ontbreekt" in html  # the note of an alleen-seed value


def test_lijst_with_column_names(compiled_rules):
    """{{ lijst: id | A, B }} uses the page's column names."""
    html = _page("{{ lijst: leerbedrijven.sbb_codes_vmbo | Code, Erkenning }}", compiled_rules)
    assert [cell[2] for cell in _parse(html).tables[0][0]["cells"]] == ["Code", "Erkenning"]


def test_lijst_with_wrong_number_of_columns_fails(compiled_rules):
    """Three column names for a two-column table stop the build."""
    with pytest.raises(MacroError, match="3 column names"):
        registry.expand("{{ lijst: leerbedrijven.sbb_codes_vmbo | A, B, C }}", _context(compiled_rules))


def test_lijst_of_a_number_fails(compiled_rules):
    """A single number is not a list: the page should use the norm macro."""
    with pytest.raises(MacroError, match="not a list or mapping"):
        registry.expand("{{ lijst: stage.uren.minimum }}", _context(compiled_rules))


def test_lijst_of_rows_doorstroom(compiled_rules):
    """The doorstroom table has a column per key, 18 rows, blanks as a dash, and a certainty label per row."""
    html = _page("{{ lijst: doorstroom.tabel }}", compiled_rules)
    table = _parse(html).tables[0]
    assert [cell[2] for cell in table[0]["cells"]] == ["Profiel", "Leerweg in het mbo", "Aantal leerlingen", "% verwant", "Zekerheid", "Opmerking"]
    rows = [[cell[2] for cell in row["cells"]] for row in table[1:]]
    assert len(rows) == 18
    assert rows[0][:4] == ["BWI", "bbl", "59", "85%"]
    assert rows[2][:4] == ["D&P", "bbl", "54", "–"]
    zw = [row for row in rows if row[0] == "Z&W"]
    assert [row[1] for row in zw] == ["–", "–"] and all(row[4] == "onzeker" for row in zw)


def test_lijst_of_a_mapping_of_mappings(compiled_rules):
    """A mapping of mappings becomes one row per key and one column per inner key."""
    changed = copy.deepcopy(compiled_rules)
    norm = copy.deepcopy(changed["norms"]["leerbedrijven.sbb_codes_vmbo"])
    norm["values"] = [{**norm["values"][-1], "value": {
        "BWI": {"code": "19020", "leerlingen": 80},
        "PIE": {"code": "19029", "leerlingen": 79, "opmerking": "veel bbl"},
    }}]
    changed["norms"]["leerbedrijven.proef"] = norm
    table = _parse(_page("{{ lijst: leerbedrijven.proef }}", changed)).tables[0]
    assert [cell[2] for cell in table[0]["cells"]] == ["Afkorting", "code", "leerlingen", "Opmerking"]
    assert [[cell[2] for cell in row["cells"]] for row in table[1:]] == [["BWI", "19020", "80", "–"], ["PIE", "19029", "79", "veel bbl"]]
    assert table[1]["cells"][0][0] == "th"


def test_lijst_of_a_plain_list(compiled_rules):
    """A list of sentences becomes a one-column table with a column header."""
    table = _parse(_page("{{ lijst: leerbedrijven.erkenning.voorwaarden | Voorwaarde }}", compiled_rules)).tables[0]
    assert [cell[2] for cell in table[0]["cells"]] == ["Voorwaarde"]
    assert len(table) - 1 == len(compiled_rules["norms"]["leerbedrijven.erkenning.voorwaarden"]["values"][-1]["value"])


# --- wetten ---------------------------------------------------------------------------------


def test_wetten_lists_every_law(compiled_rules):
    """{{ wetten }} names every law of wetten.yaml with its BWB id, a link and what it governs here."""
    html = _page("{{ wetten }}", compiled_rules)
    table = _parse(html).tables[0]
    assert len(table) - 1 == len(compiled_rules["laws"])
    for law in compiled_rules["laws"].values():
        assert law["bwb"] in html and f'href="{law["url"]}"' in html
        assert law["governs"] in unescape(html)


def test_wetten_counts_the_norms_that_cite_a_law(compiled_rules):
    """The WVO 2020 row counts the norms that cite it (stage.uren.minimum is one)."""
    row = next(r for r in _parse(_page("{{ wetten }}", compiled_rules)).tables[0][1:] if r["cells"][1][2] == "BWBR0044212")
    cited = sum(
        1 for norm in compiled_rules["norms"].values()
        if any(source.get("law") == "wvo2020" for entry in norm["values"] for source in entry["sources"])
    )
    assert row["cells"][-1][2] == str(cited) and cited >= 1


# --- norm ------------------------------------------------------------------------------------


def test_norm_on_an_earlier_date(compiled_rules):
    """{{ norm: id @ date }} gives the value on that date (a page telling how a rule used to be)."""
    context = _context(compiled_rules)
    assert registry.expand("{{ norm: stage.uren.maximum @ 2022-01-01 }}", context) == "1.280"
    with pytest.raises(MacroError, match="no value on 2010-01-01"):
        registry.expand("{{ norm: stage.uren.maximum @ 2010-01-01 }}", context)
