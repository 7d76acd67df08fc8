"""The PDF for meetings: made by ``python -m build_scripts.offline.make_pdf`` from the built site, read back with poppler.

What a reader of the paper version needs: a Dutch cover with date and version, a table of
contents whose page numbers are right, every page of the navigation in order, page numbers
"Pagina x van y", calculators as blank forms, and pages that are not blank.
"""

from __future__ import annotations

import io
import json
import re
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
def pdf(built_site, tmp_path_factory) -> Path:
    """The PDF, made as `make pdf` makes it; in its own process, because Playwright's sync API
    cannot start a second time in a process whose browser tests still hold it."""
    out = tmp_path_factory.mktemp("pdf") / "wegwijzer-lwt.pdf"
    completed = subprocess.run(
        [sys.executable, "-m", "build_scripts.offline.make_pdf", "--site-dir", str(built_site), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "PDF geschreven" in completed.stdout
    return out


@pytest.fixture(scope="module")
def pages(pdf) -> list[str]:
    """The text of every page; pdftotext ends each page with a form feed."""
    return pdf_text(pdf).split("\f")[:-1]


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
    body = squash(" ".join(pages[2:]))
    position = 0
    for title, src in navigation(built_site):
        if not src:
            continue
        found = body.find(heading(built_site, src), position)
        assert found >= 0, f"{src} ({title}) missing or out of order"
        position = found


def test_calculators_print_as_blank_forms(pages, built_site):
    """Every calculator is in the PDF as a form to fill in by hand, without example values or errors."""
    forms = sum(
        page.read_text(encoding="utf-8").count('<form class="lwt-calc"')
        for page in built_site.rglob("index.html") if "print_page" not in page.parts
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
