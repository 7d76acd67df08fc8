"""The guidance pages: present, sourced, free of personal contact details, findable, and accessible.

Most tests read the site as built once per session (the ``built_site`` fixture of the browser
tests); a few read the Markdown sources or call the chart code directly.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml


ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
ABBREVIATIONS = ROOT / "overrides" / "includes" / "afkortingen.md"

#: The guidance pages this test file is about, by their URL in the built site.
GUIDANCE = {
    "index.md": "",
    "regels.md": "regels/",
    "examen.md": "examen/",
    "stage.md": "stage/",
    "veiligheid.md": "veiligheid/",
    "werktijden.md": "werktijden/",
    "stageovereenkomst.md": "stageovereenkomst/",
    "rollen.md": "rollen/",
    "wetgeving.md": "wetgeving/",
    "cijfers.md": "cijfers/",
    "stellingen.md": "stellingen/",
    "begrippen.md": "begrippen/",
}
#: Pages that state rules of law, so they must link the law itself.
LAW_PAGES = ("regels.md", "examen.md", "stage.md", "veiligheid.md", "werktijden.md", "stageovereenkomst.md", "rollen.md", "wetgeving.md")
#: Official organisations whose pages count as a source.
SOURCE_HOSTS = (
    "wetten.overheid.nl", "zoek.officielebekendmakingen.nl", "www.platformsvmbo.nl", "www.s-bb.nl", "stagemarkt.nl",
    "www.voion.nl", "www.nlarbeidsinspectie.nl", "www.examenblad.nl", "www.duo.nl", "www.onderwijsinspectie.nl",
    "www.slo.nl", "www.arboportaal.nl", "www.sterkberoepsonderwijs.nl",
)

#: A Dutch phone number: 10 digits from a leading 0 (or +31 and 9), with spaces or dashes between.
PHONE = re.compile(r"(?<![\d\w])(?:\+31|0)(?:[ \u00a0\-–]{0,3}\d){9}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


class _Nav(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring MkDocs' own tags such as ``!relative``."""


_Nav.add_multi_constructor("!", lambda loader, suffix, node: None)


def nav_files() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Nav)
    found: list[str] = []

    def walk(item):
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, list):
            for child in item:
                walk(child)
        elif isinstance(item, dict):
            for child in item.values():
                walk(child)

    walk(config["nav"])
    return found


class _Text(HTMLParser):
    """The visible text of the page's article, one line per block; no scripts, styles or SVG."""

    BLOCKS = {"p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "div", "br", "caption", "figcaption", "dt", "dd"}
    SKIP = {"script", "style", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []
        self.hrefs: list[str] = []
        self.abbrs: list[tuple[str, str]] = []
        self._abbr: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "article":
            self.depth += 1
        if tag in self.SKIP:
            self.skip += 1
        if not self.depth:
            return
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(attributes["href"])
        if tag == "abbr":
            self._abbr = attributes.get("title") or ""
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        if tag in self.SKIP:
            self.skip -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)
            if self._abbr is not None:
                self.abbrs.append((data, self._abbr))
                self._abbr = None

    @property
    def text(self) -> str:
        return "".join(self.parts)


def read(site: Path, url: str) -> _Text:
    parser = _Text()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return parser


# --- pages and headings -------------------------------------------------------------------


def test_every_nav_page_exists_with_one_level_one_heading():
    """Each page in the navigation is a file that opens (after any front matter) with its only level-1 heading."""
    files = nav_files()
    assert set(GUIDANCE) <= set(files)
    for name in files:
        path = DOCS / name
        assert path.is_file(), f"{name} is in the nav but does not exist"
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # front matter
        lines = text.strip().splitlines()
        assert lines and lines[0].startswith("# "), f"{name} does not start with a level-1 heading"
        level_one = [line for line in lines if re.match(r"#\s", line)]
        assert len(level_one) == 1, f"{name} has {len(level_one)} level-1 headings"


@pytest.mark.parametrize("name", sorted(GUIDANCE))
def test_guidance_page_is_written(name):
    """No guidance page is still a stub."""
    text = (DOCS / name).read_text(encoding="utf-8")
    assert "wordt nog geschreven" not in text
    assert len(text.split()) > 150, f"{name} is too short to be guidance"


# --- personal contact details -------------------------------------------------------------


@pytest.mark.parametrize("sample", ["06 1011 8341", "06 48 02 29 26", "088 338 00 00", "06 – 12329639", "+31 6 12345678"])
def test_phone_pattern_catches_the_numbers_of_the_slides(sample):
    """The pattern would catch the phone numbers the seed slides contain."""
    assert PHONE.search(f"Bel {sample} voor vragen.")


@pytest.mark.parametrize("sample", ["BWBR0044212", "3.700 klokuren", "19020 tot 19030", "08.30 tot 12.30 uur", "2020-2021"])
def test_phone_pattern_leaves_codes_and_numbers_alone(sample):
    """Law ids, codes, times and hour counts are not mistaken for phone numbers."""
    assert not PHONE.search(sample)


def test_no_page_contains_a_phone_number_or_email_address(built_site):
    """Neither the sources nor any built page names a phone number or an e-mail address."""
    problems = []
    sources = sorted(DOCS.rglob("*.md")) + [ABBREVIATIONS]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        problems += [f"{path.name}: {match}" for match in PHONE.findall(text) + EMAIL.findall(text)]
    for page in sorted(built_site.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        relative = page.relative_to(built_site).parent.as_posix()
        problems += [f"{relative}: mailto" for _ in re.findall(r'href="mailto:', html)]
        parser = _Text()
        parser.feed(html)
        problems += [f"{relative}: {match}" for match in PHONE.findall(parser.text) + EMAIL.findall(parser.text)]
    assert problems == []


# --- sources ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(GUIDANCE))
def test_guidance_page_links_an_official_source(built_site, name):
    """Every guidance page links the law or an official organisation."""
    hosts = {re.sub(r"^https?://([^/]+).*$", r"\1", href) for href in read(built_site, GUIDANCE[name]).hrefs}
    assert hosts & set(SOURCE_HOSTS), f"{name} links no official source"


@pytest.mark.parametrize("name", LAW_PAGES)
def test_page_with_rules_links_the_law(built_site, name):
    """Pages that state rules of law link the text of the law on wetten.overheid.nl."""
    assert any(href.startswith("https://wetten.overheid.nl/") for href in read(built_site, GUIDANCE[name]).hrefs)


@pytest.mark.parametrize(
    ("name", "topic", "must_mention"),
    [
        ("examen.md", "rekentoets", ["schoolexamen rekenen", "stb-2020-253", "duo.nl"]),
        ("regels.md", "leerjaar 1", ["Bronnen spreken elkaar tegen", "10b1"]),
        ("regels.md", "doorlopende", ["Bronnen spreken elkaar tegen", "sterkberoepsonderwijs.nl"]),
        ("examen.md", "verwant", ["Bronnen spreken elkaar tegen", "vmbo-bwi.nl"]),
        ("stage.md", "8 kwaliteitscriteria", ["voorwaarden-erkenning"]),
    ],
)
def test_seed_errors_are_named_with_both_sources(name, topic, must_mention):
    """Where the slides of 2024 are outdated or contradicted, the page says so and cites both sides."""
    text = (DOCS / name).read_text(encoding="utf-8")
    assert topic in text
    for needle in must_mention:
        assert needle in text, f"{name}: the conflict about {topic!r} does not mention {needle!r}"


# --- Dutch search -------------------------------------------------------------------------


def _tokens(text: str, stop_words: set[str]) -> list[str]:
    """Roughly what lunr does: strip tags, lower-case, split on space and hyphen, trim punctuation."""
    text = re.sub(r"<[^>]+>", " ", text).lower()
    words = (word.strip(".,;:!?()[]\"'«»“”‘’*") for word in re.split(r"[\s\-–]+", text))
    return [word for word in words if word and word not in stop_words]


def search(site: Path, query: str) -> list[str]:
    """Pages ranked the way Material's lunr index would roughly rank them (title boost, tf-idf)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    stop_words = {"de", "het", "een", "en", "van", "in", "op", "te"}
    boost = index["config"]["fields"]["title"]["boost"]
    docs = [(doc["location"], Counter(_tokens(doc["title"], stop_words)), Counter(_tokens(doc["text"], stop_words))) for doc in index["docs"]]
    terms = _tokens(query, stop_words)
    idf = {term: math.log(1 + len(docs) / (1 + sum(1 for _, title, text in docs if term in title or term in text))) for term in terms}
    best: dict[str, float] = {}
    for location, title, text in docs:
        if not all(term in title or term in text for term in terms):
            continue
        score = sum(idf[term] * (boost * title[term] + text[term]) for term in terms)
        page = location.split("#")[0]
        best[page] = max(best.get(page, 0.0), score)
    return sorted(best, key=lambda page: -best[page])


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("stage uren", "stage/"),
        ("toezichthouder", "veiligheid/"),
        ("rekentoets", "examen/"),
        ("erkend leerbedrijf", "stage/"),
        ("werktijden", "werktijden/"),
        ("stageovereenkomst ouder", "stageovereenkomst/"),
        ("samenwerkingsovereenkomst", "regels/"),
        ("doorstroom", "cijfers/"),
    ],
)
def test_dutch_search_finds_each_topic_by_its_everyday_words(built_site, query, page):
    """The search index has the everyday words on the intended page, among the first three hits."""
    ranked = search(built_site, query)
    assert page in ranked, f"{query!r} does not find {page} at all"
    assert page in ranked[:3], f"{query!r} ranks {page} at {ranked.index(page) + 1}: {ranked[:5]}"


# --- chart ----------------------------------------------------------------------------------


def test_cijfers_page_has_an_inline_chart_with_a_text_alternative(built_site):
    """The chart is an inline SVG (it prints, it loads nothing) named by a title and a description."""
    html = (built_site / "cijfers" / "index.html").read_text(encoding="utf-8")
    figure = re.search(r'<figure class="lwt-chart".*?</figure>', html, re.S)
    assert figure, "no chart figure on the Cijfers page"
    svg = re.search(r"<svg\b[^>]*>", figure.group(0)).group(0)
    assert 'role="img"' in svg
    labelled_by = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
    for element_id in labelled_by:
        element = re.search(rf'<(title|desc) id="{element_id}">([^<]+)</\1>', figure.group(0))
        assert element and element.group(2).strip(), f"{element_id} has no text"
    desc = re.search(r"<desc[^>]*>([^<]+)</desc>", figure.group(0)).group(1)
    rows = yaml.safe_load((ROOT / "data" / "doorstroom.yaml").read_text(encoding="utf-8"))["norms"]["doorstroom.tabel"]["values"][-1]["value"]
    for row in rows:
        assert row["profiel"].replace("&", "&amp;") in desc, f"the text alternative misses {row['profiel']}"
    assert "<img" not in figure.group(0) and "href=\"http" not in figure.group(0)


def test_chart_svg_is_deterministic_and_marks_unclear_rows():
    """The same rows give the same bytes; an unclear route is drawn as such, an empty count is named."""
    from build_scripts.site import charts

    rows = [
        {"profiel": "A", "route": "bbl", "aantal": 10, "verwant_pct": 50, "opmerking": ""},
        {"profiel": "A", "route": "bol", "aantal": None, "verwant_pct": None, "opmerking": "leeg"},
        {"profiel": "B", "route": None, "aantal": 7, "verwant_pct": None, "opmerking": "onduidelijk"},
    ]
    first = charts.render_svg(rows, "Titel", "Beschrijving")
    assert first == charts.render_svg(rows, "Titel", "Beschrijving")
    assert first.startswith("<svg") and "\n\n" not in first
    assert "geen getal" in first and "bbl of bol?" in first and "route onduidelijk" in first
    assert charts.route_kind(None) == "?" and charts.route_kind("bbl") == "bbl"
    assert "A: bbl 10 leerlingen (50% verwant), bol geen getal." in charts.describe_rows(rows)


# --- abbreviations ------------------------------------------------------------------------


def test_abbreviations_render_as_tooltips_on_content_pages(built_site):
    """Abbreviations become <abbr title> on content pages; the list itself is not published."""
    page = read(built_site, "veiligheid/")
    titles = dict(page.abbrs)
    assert titles.get("RI&E") == "risico-inventarisatie en -evaluatie"
    assert titles.get("lwt") == "leer-werktraject"
    assert not (built_site / "includes").exists()
    for html in built_site.rglob("*.html"):
        assert "*[lwt]" not in html.read_text(encoding="utf-8"), f"{html} shows an abbreviation definition"


def test_abbreviations_leave_the_calculator_form_alone(built_site):
    """The calculator form is raw HTML: no <abbr> is injected into its labels or its script data."""
    html = (built_site / "rekenhulpen" / "stage-uren" / "index.html").read_text(encoding="utf-8")
    form = re.search(r'<form class="lwt-calc".*?</form>', html, re.S).group(0)
    assert "SBB" in form or "vmbo" in form
    assert "<abbr" not in form
    assert "<abbr" in html.replace(form, "")


def test_every_abbreviation_has_a_meaning():
    """Each line of the abbreviation list defines one abbreviation with a non-empty meaning."""
    lines = [line for line in ABBREVIATIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines
    for line in lines:
        assert re.fullmatch(r"\*\[[^\]]+\]: \S.*", line), line
    required = {"lwt", "bb", "kb", "gl", "tl", "bbl", "bol", "CE", "SE", "CSPE", "RI&E", "PBM", "ODT", "SBB", "SPV", "PTA", "DUO", "WVO", "ATW", "NRK", "mbo", "vmbo"}
    defined = {re.match(r"\*\[([^\]]+)\]", line).group(1) for line in lines}
    assert required <= defined, required - defined
