"""The two PDFs: made by ``python -m build_scripts.offline.make_pdf`` from the built site, read back with poppler and pypdf.

The naslag (the whole site): a Dutch cover with date and version, a table of contents whose page
numbers are right, every page of the navigation in order, page numbers "Pagina x van y",
calculators as blank forms, pages that are not blank, and sources as numbered references to a
list at the end instead of inline web addresses.
The vergaderset (issue 16): at most 24 pages; a cover with date and rules version, the rules in
short, the stellingen with room for notes, the six calculators as blank forms of one page each,
the abbreviations, the sources as endnotes.
Both: language nl, a title, a bookmark outline that follows the headings, tagged. The site lists
both PDFs once they are made, and links nothing while they are not.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml


pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]

#: At most this many A4 pages for one page of the site, on average. The longest pages (the
#: table of every norm with its sources, a calculator form with a table of rows) take a few
#: pages each; ten on average would mean a layout fault such as one table row per page.
MAX_SHEETS_PER_PAGE = 10


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring MkDocs' own tags such as !relative."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


class _FirstHeading(HTMLParser):
    """The text of the first <h1> of a built page, without the permalink sign."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []
        self.done = False

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        if tag == "h1":
            self.depth += 1
        elif self.depth and tag == "a" and "headerlink" in (dict(attrs).get("class") or ""):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "a" and self.skip:
            self.skip -= 1
        elif tag == "h1" and self.depth:
            self.depth -= 1
            self.done = True

    def handle_data(self, data):
        if self.depth and not self.skip and not self.done:
            self.parts.append(data)


def squash(text: str) -> str:
    return " ".join(text.split())


def built_page(site: Path, src: str) -> Path:
    stem = src[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return site / stem[: -len("index")] / "index.html"
    return site / stem / "index.html"


def heading(site: Path, src: str) -> str:
    parser = _FirstHeading()
    parser.feed(built_page(site, src).read_text(encoding="utf-8"))
    return squash("".join(parser.parts))


def navigation(site: Path) -> list[tuple[str, str | None]]:
    """(title in the table of contents, page source or None for a section), in navigation order."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    entries: list[tuple[str, str | None]] = []

    def walk(items):
        for item in items:
            if isinstance(item, str):
                entries.append((heading(site, item), item))
                continue
            (title, value), = item.items()
            if isinstance(value, list):
                entries.append((title, None))
                walk(value)
            else:
                entries.append((title, value))

    walk(config["nav"])
    return entries


def pdf_text(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def site_with_pdfs(built_site, tmp_path_factory) -> Path:
    """A copy of the built site with both PDFs made in it, as `make pdf` makes them; in its own
    process, because Playwright's sync API cannot start a second time in a process whose browser
    tests still hold it. A copy, so that the shared built site stays as a build leaves it."""
    site = tmp_path_factory.mktemp("pdf") / "site"
    shutil.copytree(built_site, site)
    completed = subprocess.run(
        [sys.executable, "-m", "build_scripts.offline.make_pdf", "--site-dir", str(site)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert completed.stdout.count("PDF geschreven") == 2
    return site


@pytest.fixture(scope="module")
def pdf(site_with_pdfs) -> Path:
    """The naslag."""
    return site_with_pdfs / "pdf" / "wegwijzer-lwt-naslag.pdf"


@pytest.fixture(scope="module")
def vergaderset(site_with_pdfs) -> Path:
    return site_with_pdfs / "pdf" / "wegwijzer-lwt-vergaderset.pdf"


@pytest.fixture(scope="module")
def vergaderset_pages(vergaderset) -> list[str]:
    return pdf_text(vergaderset).split("\f")[:-1]


@pytest.fixture(scope="module")
def pages(pdf) -> list[str]:
    """The text of every page; pdftotext ends each page with a form feed."""
    return pdf_text(pdf).split("\f")[:-1]


def body_pages(pages: list[str]) -> list[str]:
    """The pages before the list of sources at the end (a page that starts with its heading)."""
    end = next(i for i, text in enumerate(pages) if squash(text).startswith("Bronnen De nummers in de tekst verwijzen naar deze lijst."))
    return pages[:end]


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def test_page_count_fits_the_site(pdf, pages, built_site):
    """Cover, contents, then every page of the site from a new sheet: at least 2 + pages, and no runaway layout."""
    site_pages = [src for _, src in navigation(built_site) if src]
    count = page_count(pdf)
    assert count == len(pages)
    assert 2 + len(site_pages) <= count <= 2 + MAX_SHEETS_PER_PAGE * len(site_pages)


def test_cover_is_dutch_with_date_and_version(pdf, pages, built_site):
    """The cover names the site, the date and version of the information, and says it is no legal advice."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+Wegwijzer leer-werktrajecten vmbo \(\d{1,2} \w+ \d{4}\)$", info, re.MULTILINE), info
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)
    cover = squash(pages[0])
    manifest = json.loads((built_site / "assets" / "calc" / "manifest.json").read_text(encoding="utf-8"))
    assert "Wegwijzer leer-werktrajecten vmbo" in cover
    assert "Stand van de informatie" in cover
    assert re.search(r"\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}\b", cover)
    assert f"Versie van de regels {manifest['rules_version']}" in cover
    assert "Geen juridisch advies" in cover
    assert "Pagina" not in cover, "the cover carries no page number"


def test_every_page_has_its_number_in_dutch(pages):
    """From the second sheet on, each page says "Pagina x van y" with the right x and y."""
    total = len(pages)
    for number, text in enumerate(pages[1:], start=2):
        assert f"Pagina {number} van {total}" in squash(text), f"sheet {number}"


def test_no_english_strings_of_the_print_plugin(pages):
    """The print plugin's defaults ("Table of Contents", "Page 3", "Figure 1") are all replaced."""
    text = squash(" ".join(pages))
    assert "Inhoudsopgave" in text
    for english in ("Table of Contents", "Page ", "Figure ", "Print Site", "Permanent link"):
        assert english not in text


def test_contents_lists_every_page_in_order_with_the_right_page_numbers(pages, built_site, pdf):
    """The table of contents has every navigation entry in order, and each page starts where it says."""
    expected = navigation(built_site)
    layout = pdf_text(pdf, "-layout", "-l", "4").split("\f")
    lines = [line for sheet in layout[1:] for line in sheet.splitlines() if "Pagina " not in line]
    start = next(i for i, line in enumerate(lines) if line.strip() == "Inhoudsopgave")
    found: list[tuple[str, int]] = []
    for line in lines[start + 1:]:
        match = re.match(r"^\s*(\S.*?)\s+(\d+)\s*$", line)
        if match:
            found.append((squash(match.group(1)), int(match.group(2))))
        if len(found) == len(expected):
            break
    assert [title for title, _ in found] == [title for title, _ in expected]
    numbers = [number for _, number in found]
    assert numbers == sorted(numbers), "page numbers rise in navigation order"
    for (title, src), (_, number) in zip(expected, found):
        if src:
            assert squash(pages[number - 1]).startswith(heading(built_site, src)) or heading(built_site, src) in squash(pages[number - 1]), (
                f"{title}: expected its heading on page {number}"
            )


def test_every_page_appears_once_in_navigation_order(pages, built_site):
    """The headings of all pages follow each other in the body in the order of the navigation."""
    body = squash(" ".join(body_pages(pages)[2:]))
    position = 0
    for title, src in navigation(built_site):
        if not src:
            continue
        found = body.find(heading(built_site, src), position)
        assert found >= 0, f"{src} ({title}) missing or out of order"
        position = found


def test_calculators_print_as_blank_forms(pages, built_site):
    """Every calculator in the navigation is in the PDF as a form to fill in by hand, without example
    values or errors. (The pages reached only from the Rekenhulpen page, such as the rooster over
    several weeks and the plans, are not in the navigation and so not in the naslag.)"""
    forms = sum(
        built_page(built_site, src).read_text(encoding="utf-8").count('<form class="lwt-calc"')
        for _, src in navigation(built_site) if src
    )
    text = squash(" ".join(pages))
    assert forms >= 1
    assert text.count("Leeg formulier: vul het met de hand in.") == forms
    assert "– kies –" not in text, "drop-downs print empty"
    assert "Nog geen uitkomst" not in text, "the outcome is left to write in"
    assert "Rekenmodule wordt geladen" not in text and "JavaScript nodig" not in text


def test_a_page_with_a_form_is_not_blank(pdf, pages, tmp_path):
    """A page rendered to PNG has ink on it: its pixels vary and a part of them is dark."""
    from PIL import Image  # pillow comes with matplotlib (docs dependencies)

    number = next(i for i, text in enumerate(pages, start=1) if "Leeg formulier" in text)
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", str(number), "-l", str(number), "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    image = Image.open(io.BytesIO((tmp_path / "page.png").read_bytes())).convert("L")
    pixels = image.tobytes()
    mean = sum(pixels) / len(pixels)
    variance = sum((value - mean) ** 2 for value in pixels) / len(pixels)
    dark = sum(1 for value in pixels if value < 128) / len(pixels)
    assert variance > 100, variance
    assert 0.005 < dark < 0.5, dark


# --- Both PDFs: language, title, outline, tagged ------------------------------------------------

def catalog(pdf: Path):
    from pypdf import PdfReader

    return PdfReader(str(pdf))


def outline_titles(reader) -> list[str]:
    titles: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(squash(item.title))

    walk(reader.outline)
    return titles


@pytest.mark.parametrize("which", ["pdf", "vergaderset"])
def test_language_title_outline_and_tags(which, request):
    """The catalog says /Lang nl; the document has a title, is tagged and has a bookmark outline."""
    path = request.getfixturevalue(which)
    reader = catalog(path)
    assert str(reader.trailer["/Root"].get("/Lang")) == "nl"
    assert bool(reader.trailer["/Root"]["/MarkInfo"].get("/Marked"))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+\S", info, re.MULTILINE), info
    assert len(outline_titles(reader)) >= 5


def test_naslag_outline_follows_the_headings(pdf, built_site):
    """Every page of the navigation has its heading in the bookmarks, in order, and so has the source list."""
    titles = outline_titles(catalog(pdf))
    position = 0
    for title, src in navigation(built_site):
        if not src:
            continue
        wanted = heading(built_site, src)
        found = next((i for i in range(position, len(titles)) if titles[i] == wanted), None)
        assert found is not None, f"{wanted} not in the outline after position {position}"
        position = found
    assert titles[-1] == "Bronnen"


# --- Naslag: sources as numbered references ------------------------------------------------------

class _Links(HTMLParser):
    """The external link targets of the print page, and the text inside <code>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: set[str] = set()
        self.code: list[str] = []
        self.in_code = 0

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.startswith(("http://", "https://")):
            self.hrefs.add(href)
        if tag == "code":
            self.in_code += 1

    def handle_endtag(self, tag):
        if tag == "code" and self.in_code:
            self.in_code -= 1

    def handle_data(self, data):
        if self.in_code:
            self.code.append(data)


def test_naslag_has_no_inline_web_addresses_in_its_body(pages, built_site):
    """Before the source list, "https://" appears only in code samples (curl commands), never as the address of a link."""
    parser = _Links()
    parser.feed((built_site / "print_page" / "index.html").read_text(encoding="utf-8"))
    code = squash(" ".join(parser.code))
    body = body_pages(pages)
    assert len(body) < len(pages), "there is a source list after the body"
    for number, text in enumerate(body, start=1):
        for address in re.findall(r"https?://\S+", text):
            assert address in code, f"page {number}: inline web address {address}"
    assert parser.hrefs, "the site links to sources"


def test_naslag_sources_are_numbered_and_listed(pages, pdf):
    """The source list is numbered 1, 2, 3 ... and holds the web addresses; its numbers link back from the text."""
    notes = squash(" ".join(pages[len(body_pages(pages)):]))
    numbers = [int(n) for n in re.findall(r"(?:^|\s)(\d+)\. ", notes)]
    assert numbers[:5] == [1, 2, 3, 4, 5]
    assert "https://wetten.overheid.nl/" in notes
    reader = catalog(pdf)
    to_notes = 0
    for page in reader.pages[:len(body_pages(pages))]:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                to_notes += 1
    assert to_notes > 20, "the numbers in the text are links to the list"


# --- Vergaderset -----------------------------------------------------------------------------

def test_vergaderset_has_at_most_24_pages(vergaderset, vergaderset_pages):
    assert page_count(vergaderset) == len(vergaderset_pages)
    assert 8 <= len(vergaderset_pages) <= 24


def test_vergaderset_cover_has_date_and_rules_version(vergaderset_pages, built_site, vergaderset):
    cover = squash(vergaderset_pages[0])
    manifest = json.loads((built_site / "assets" / "calc" / "manifest.json").read_text(encoding="utf-8"))
    assert "Vergaderset" in cover or "VERGADERSET" in cover
    assert re.search(r"Stand van de informatie \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}", cover), cover
    assert f"Versie van de regels {manifest['rules_version']}" in cover
    assert "Geen juridisch advies" in cover
    info = subprocess.run(["pdfinfo", str(vergaderset)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+Vergaderset leer-werktrajecten vmbo \(\d{1,2} \w+ \d{4}\)$", info, re.MULTILINE), info


def _stelling_titles() -> list[str]:
    text = (ROOT / "docs" / "stellingen.md").read_text(encoding="utf-8")
    return [squash(title) for title in re.findall(r"^## (Stelling \d+: .+)$", text, re.MULTILINE)]


def test_vergaderset_has_the_stellingen_each_with_room_for_notes(vergaderset_pages):
    """Every stelling of docs/stellingen.md is there, and the page of each has a notes box."""
    stellingen = _stelling_titles()
    assert len(stellingen) == 5
    for title in stellingen:
        holding = [squash(text) for text in vergaderset_pages if title in squash(text)]
        assert len(holding) == 1, title
        after = holding[0].split(title, 1)[1]
        assert "Aantekeningen" in after, f"{title}: no room for notes"


def test_vergaderset_has_the_rules_in_short_from_data(vergaderset_pages, built_site):
    """One table of what must and what may, with the norm values of data/ (the stage hours)."""
    rules = json.loads((built_site / "assets" / "calc" / "rules.json").read_text(encoding="utf-8"))
    page = squash(next(text for text in vergaderset_pages if squash(text).startswith("Wat moet en wat mag, in het kort")))

    def current(norm_id):
        return rules["norms"][norm_id]["values"][-1]["value"]

    minimum, maximum = current("stage.uren.minimum"), current("stage.uren.maximum")
    assert f"ten minste {minimum} en ten hoogste {maximum:,}".replace(",", ".") in page, page[:400]
    assert "Moet" in page and "Mag" in page


def test_vergaderset_has_six_blank_forms_one_page_each(vergaderset_pages, site_with_pdfs):
    """Each calculator of the Rekenhulpen pages is a blank form on a page of its own; the next page
    (the back, printed on both sides) has the rules it checks."""
    titles = re.findall(r'<h2 class="lwt-calc__title"[^>]*>(.*?)</h2>', (site_with_pdfs / "vergaderset" / "index.html").read_text(encoding="utf-8"))
    titles = [squash(re.sub(r"<[^>]+>", "", title)) for title in titles]
    assert len(titles) == 6
    pages = [squash(text) for text in vergaderset_pages]
    found = []
    for title in titles:
        holding = [number for number, text in enumerate(pages) if title in text]
        assert len(holding) == 1, f"{title}: on pages {holding}"
        found.append(holding[0])
    assert found == sorted(found) and len(set(found)) == 6, "one page each, in order"
    after = found[1:] + [found[-1] + 2]
    for title, start, end in zip(titles, found, after):
        assert end - start == 2, f"{title} and its rules run over {end - start} pages"
        assert "Leeg formulier: vul het met de hand in." in pages[start]
        short = title.removeprefix("Rekenhulp: ")
        assert f"Regels die de rekenhulp ‘{short}’ toetst" in pages[start + 1], title
        assert "Leeg formulier" not in pages[start + 1]
    text = " ".join(pages)
    assert "– kies –" not in text and "Nog geen uitkomst" not in text and "Rekenmodule wordt geladen" not in text


def test_vergaderset_glossary_fits_one_page(vergaderset_pages):
    """All abbreviations of the site are on one page."""
    abbreviations = {
        line.split("]", 1)[0][2:].lower()
        for line in (ROOT / "overrides" / "includes" / "afkortingen.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("*[")
    }
    pages = [squash(text) for text in vergaderset_pages if squash(text).startswith("Afkortingen")]
    assert len(pages) == 1
    words = set(pages[0].lower().split())
    missing = sorted(abbreviation for abbreviation in abbreviations if abbreviation not in words)
    assert not missing, missing


def test_vergaderset_sources_are_endnotes(vergaderset_pages):
    """No web address in the body; a numbered source list at the end with the addresses."""
    body = body_pages(vergaderset_pages)
    for number, text in enumerate(body, start=1):
        assert "https://" not in text, f"page {number}"
    notes = squash(" ".join(vergaderset_pages[len(body):]))
    assert notes.startswith("Bronnen")
    assert "1. " in notes and "https://" in notes


# --- The site lists the PDFs when they are made ------------------------------------------------

@pytest.mark.parametrize("page, prefix", [("index.html", ""), ("over/index.html", "../")])
def test_site_links_the_pdfs_when_made_and_nothing_when_not(page, prefix, site_with_pdfs, built_site):
    made = (site_with_pdfs / page).read_text(encoding="utf-8")
    for name in ("wegwijzer-lwt-vergaderset.pdf", "wegwijzer-lwt-naslag.pdf"):
        assert f'href="{prefix}pdf/{name}"' in made
        assert (site_with_pdfs / page).parent.joinpath(prefix, "pdf", name).resolve().is_file()
    assert re.search(r"gemaakt op \d{1,2} \w+ \d{4}", made)
    not_made = (built_site / page).read_text(encoding="utf-8")
    assert "pdf/wegwijzer-lwt" not in not_made, "no link to a PDF that was not made"
    assert 'data-lwt-pdfs="absent"' in not_made
    assert not (built_site / "pdf").exists()
