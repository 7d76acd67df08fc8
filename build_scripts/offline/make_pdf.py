"""Print the two PDFs of the site: ``python -m build_scripts.offline.make_pdf`` (``make pdf``).

- **Vergaderset** (``wegwijzer-lwt-vergaderset.pdf``, at most 24 A4 pages): the hidden page
  ``vergaderset/`` (docs/vergaderset.md, assembled by build_scripts/site/vergaderset.py).
- **Naslag** (``wegwijzer-lwt-naslag.pdf``): the print-site plugin's ``print_page/`` (cover,
  table of contents, every page in navigation order).

Both are written into the built site's ``pdf/`` folder, so that the site can link them and they
ship with it; the home page and "Over deze site" then list them with their date and size
(:func:`link_pdfs`; before that the pages say there are no PDFs, and link nothing).
The site is served on a loopback port (build_scripts/tools/serve.py), each page is opened in
Debian's Chromium through Playwright and printed tagged, with a bookmark outline and the
document language of the page (``nl``). Page size, margins and "Pagina x van y" come from the
site's print CSS; ``pdf.css`` beside this module adds what only paper needs.

In both, a link to another site gets a number that points to a numbered list of sources at the
end (the link itself keeps working); the web address is printed only in that list. A link into
the site from the vergaderset (which holds only part of the site) becomes a note "Op de website".

Before printing, two things are done to the page that only make sense on paper:

- every calculator form is emptied (no example values, nothing ticked, no verdict), and a drop-down outside
  a table is shown as its options, each with a circle to mark, so the form can be filled in by
  hand (the print CSS draws fields as lines and check boxes as boxes);
- the table of contents gets page numbers. Chromium cannot compute them in CSS
  (``target-counter`` is not supported), so the page is printed once, the page of every
  chapter is read from the PDF's named destinations (``pdfinfo -dests``), the numbers are put
  into the table of contents, and the page is printed again; repeated until the numbers are stable.

Two guards: the print page may not request anything outside the loopback server, and it may not
load the Pyodide runtime (calculators print as blank forms). Either one stops the PDF.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from calculators import dutch

from ..paths import ROOT
from ..site.vergaderset import PDF_BLOCK, PDF_FILES, pdf_block
from ..tools.serve import CHROMIUM, launch_chromium, serve

PRINT_PAGE = "print_page/"
VERGADERSET_PAGE = "vergaderset/"
#: The vergaderset may have at most this many pages (issue 16).
MAX_VERGADERSET_PAGES = 24
PDF_CSS = Path(__file__).with_name("pdf.css")
#: The pages that list the PDFs, with the way from each to the site's root.
LINKING_PAGES = {"index.html": "", "over/index.html": "../"}


#: Paper-only changes to the print page (presentation only; no text of its own, no rule): every
#: calculator form is emptied (no example values, nothing ticked), and a drop-down outside a
#: table shows its options as a list to mark, unless the form already prints such a list.
PAPER_FORMS_JS = """() => {
  let forms = 0;
  for (const form of document.querySelectorAll('#print-site-page form.lwt-calc')) {
    forms += 1;
    for (const input of form.querySelectorAll('input')) {
      if (input.type === 'checkbox' || input.type === 'radio') {
        input.checked = false;
        input.removeAttribute('checked');
      } else if (!['hidden', 'submit', 'button', 'reset'].includes(input.type)) {
        input.value = '';
        input.removeAttribute('value');
        input.removeAttribute('placeholder');
      }
    }
    for (const verdict of form.querySelectorAll('.lwt-verdict')) verdict.textContent = '';
    for (const select of form.querySelectorAll('select')) {
      for (const option of select.options) { option.selected = false; option.removeAttribute('selected'); }
      select.selectedIndex = -1;
      if (select.closest('table') || select.parentElement.querySelector('ul.lwt-choices')) continue;
      const list = document.createElement('ul');
      list.className = 'lwt-choices lwt-choices--paper';
      for (const option of select.options) {
        if (!option.value) continue;
        const item = document.createElement('li');
        item.textContent = option.textContent;
        list.append(item);
      }
      select.style.display = 'none';
      select.after(list);
    }
  }
  return forms;
}"""

#: The PDF's title (document metadata) is the page title, which the theme doubles; take the cover's.
TITLE_JS = """() => {
  const title = document.querySelector('.lwt-cover__title');
  const date = document.querySelector('.lwt-cover__facts dd');
  if (title) document.title = date ? `${title.textContent.trim()} (${date.textContent.trim()})` : title.textContent.trim();
  return document.title;
}"""

TOC_NUMBERS_JS = """(pages) => {
  let set = 0;
  for (const link of document.querySelectorAll('#print-page-toc a[href^="#"]')) {
    const page = pages[decodeURIComponent(link.getAttribute('href').slice(1))];
    if (page) { link.dataset.page = String(page); set += 1; }
  }
  return set;
}"""

DEST_LINE = re.compile(r'^\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$')
MAX_PASSES = 4


class PdfError(RuntimeError):
    """The PDF could not be made; the message says why."""


def named_destinations(pdf: Path) -> dict[str, int]:
    """The PDF's named destinations (element ids that links point to) and their page numbers."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        raise PdfError("pdfinfo is missing: run 'make browser' (apt-get install poppler-utils)")
    listing = subprocess.run([pdfinfo, "-dests", str(pdf)], capture_output=True, text=True, check=True).stdout
    found: dict[str, int] = {}
    for line in listing.splitlines():
        match = DEST_LINE.match(line)
        if match:
            found.setdefault(match.group(2), int(match.group(1)))
    return found


#: Sources as numbered endnotes (paper only; no text of its own except what Python passes in).
#: Every link to another site gets a superscript number after it that points to the list at the end;
#: the same address keeps its number. A link into the site but outside the printed document (only
#: in the vergaderset) becomes plain text with a note that names its place on the website.
ENDNOTES_JS = """({heading, intro, onSite}) => {
  const root = document.querySelector('#print-site-page');
  const siteRoot = new URL('../', location.href).href;
  const notes = new Map();
  const number = (key, label, href) => {
    if (!notes.has(key)) notes.set(key, {n: notes.size + 1, label, href});
    return notes.get(key).n;
  };
  for (const link of Array.from(root.querySelectorAll('a[href]'))) {
    if (link.closest('#print-page-toc, .lwt-endnotes, .lwt-calc__text')) continue;
    const url = new URL(link.href, location.href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    let n;
    if (url.origin === location.origin) {
      if (url.pathname === location.pathname) continue;  // inside this document
      const place = url.href.startsWith(siteRoot) ? url.href.slice(siteRoot.length) : url.pathname;
      n = number('site:' + place, onSite + ' ' + (place || './'), null);
      const text = document.createElement('span');
      text.textContent = link.textContent;
      link.replaceWith(text);
      text.after(Object.assign(document.createElement('sup'), {className: 'lwt-noteref'}));
      text.nextSibling.append(Object.assign(document.createElement('a'), {href: '#bron-' + n, textContent: String(n)}));
      continue;
    }
    n = number(url.href, (link.title || link.textContent).trim(), url.href);
    const sup = document.createElement('sup');
    sup.className = 'lwt-noteref';
    sup.append(Object.assign(document.createElement('a'), {href: '#bron-' + n, textContent: String(n)}));
    link.after(sup);
  }
  if (!notes.size) return 0;
  const section = document.createElement('section');
  section.className = 'lwt-endnotes';
  const title = Object.assign(document.createElement('h1'), {id: 'bronnen-bij-de-tekst', textContent: heading});
  const list = document.createElement('ol');
  for (const {n, label, href} of notes.values()) {
    const item = Object.assign(document.createElement('li'), {id: 'bron-' + n, className: 'lwt-endnote'});
    if (href) {
      item.append(document.createTextNode(label ? label + ': ' : ''));
      item.append(Object.assign(document.createElement('a'), {href, textContent: href}));
    } else {
      item.textContent = label;
    }
    list.append(item);
  }
  section.append(title, Object.assign(document.createElement('p'), {textContent: intro}), list);
  root.append(section);
  return notes.size;
}"""

ENDNOTE_TEXT = {
    "heading": "Bronnen",
    "intro": "De nummers in de tekst verwijzen naar deze lijst.",
    "onSite": "Op de website, de pagina",
}

#: Scale a calculator form (with its rules) of the vergaderset to a factor with CSS zoom, widened
#: in px to fill the column again (a zoomed percentage width prints too wide). Chromium breaks a
#: zoomed block across pages by a height larger than the one it paints, so the factor found on
#: screen is only a first guess: see _print_vergaderset.
SCALE_JS = """
  const scaleBlock = (block, factor) => {
    block.style.zoom = '';
    block.style.width = '';
    const column = block.parentElement.clientWidth;
    if (factor < 1) {
      block.style.zoom = String(factor);
      block.style.width = Math.floor(column / factor) + 'px';
    }
    // getBoundingClientRect() of a zoomed element is in its own (unzoomed) units.
    return block.getBoundingClientRect().height * factor;
  };
"""

#: The largest factor (bisection) at which each form fits on one page. The first form shares
#: its page with the part's title and introduction.
FIT_FORMS_JS = """(maxHeight) => {""" + SCALE_JS + """
  const fitted = [];
  for (const block of document.querySelectorAll('.lwt-vs-form')) {
    const before = block.previousElementSibling;
    const above = before && before.tagName === 'P'
      ? before.getBoundingClientRect().bottom - before.parentElement.getBoundingClientRect().top + 16 : 0;
    if (above + scaleBlock(block, 1) <= maxHeight) continue;
    let low = 0.4, high = 1;
    for (let step = 0; step < 8; step += 1) {
      const middle = (low + high) / 2;
      if (above + scaleBlock(block, middle) <= maxHeight) low = middle; else high = middle;
    }
    const factor = Math.floor(low * 100) / 100;
    scaleBlock(block, factor);
    fitted.push([block.dataset.vsForm, factor]);
  }
  return fitted;
}"""

#: The printed column of an A4 page with the margins of lwt.css (210 - 2 x 16 mm, 297 - 18 - 20 mm), in CSS px;
COLUMN_WIDTH_PX = round(178 / 25.4 * 96)
COLUMN_HEIGHT_PX = round(259 / 25.4 * 96)

VERGADERSET_TITLE_JS = """() => {
  const date = document.querySelector('.lwt-cover__facts dd');
  document.title = 'Vergaderset leer-werktrajecten vmbo' + (date ? ` (${date.textContent.trim()})` : '');
  return document.title;
}"""


def page_count(pdf: Path) -> int:
    """The number of pages of ``pdf`` (pdfinfo)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    if not found:
        raise PdfError(f"pdfinfo gives no page count for {pdf}")
    return int(found.group(1))


def _open(context, url: str):
    page = context.new_page()
    page.goto(url, wait_until="networkidle", timeout=180_000)
    page.emulate_media(media="print")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    page.add_style_tag(content=PDF_CSS.read_text(encoding="utf-8"))
    page.evaluate(PAPER_FORMS_JS)
    page.evaluate(ENDNOTES_JS, ENDNOTE_TEXT)
    return page


def build_pdfs(site_dir: Path, out_dir: Path | None = None, chromium: str = CHROMIUM) -> dict[str, Path]:
    """Print the vergaderset and the naslag of ``site_dir`` into ``out_dir`` (default: the site's ``pdf/``)."""
    site_dir = Path(site_dir)
    out_dir = Path(out_dir) if out_dir else site_dir / "pdf"
    for needed in (PRINT_PAGE, VERGADERSET_PAGE):
        if not (site_dir / needed / "index.html").is_file():
            raise PdfError(f"{site_dir / needed / 'index.html'} is missing: build the site first (make build)")
    if not Path(chromium).exists():
        raise PdfError(f"{chromium} is missing: run 'make browser' (apt-get install chromium poppler-utils)")
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    runtime: list[str] = []
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {key: out_dir / filename for key, (filename, _, _) in PDF_FILES.items()}
    with serve(site_dir) as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            context = browser.new_context(locale="nl-NL", viewport={"width": COLUMN_WIDTH_PX, "height": 1000})

            def guard(route):
                url = route.request.url
                if url.startswith(("data:", "blob:")) or urlparse(url).hostname == "127.0.0.1":
                    if "/assets/pyodide/" in url:
                        runtime.append(url)
                    route.continue_()
                else:
                    outside.append(url)
                    route.abort()

            context.route("**/*", guard)
            page = _open(context, server.url + VERGADERSET_PAGE)
            page.evaluate(VERGADERSET_TITLE_JS)
            _print_vergaderset(page, written["vergaderset"])
            page.close()
            page = _open(context, server.url + PRINT_PAGE)
            page.evaluate(TITLE_JS)
            _print_with_toc_numbers(page, written["naslag"])
        finally:
            browser.close()
    problems = []
    if outside:
        problems.append("the pages requested files outside the site: " + ", ".join(sorted(set(outside))))
    if runtime:
        problems.append("the pages loaded the Pyodide runtime: " + ", ".join(sorted(set(runtime))))
    pages = page_count(written["vergaderset"])
    if pages > MAX_VERGADERSET_PAGES:
        problems.append(f"the vergaderset has {pages} pages, more than {MAX_VERGADERSET_PAGES}")
    if problems:
        for path in written.values():
            path.unlink(missing_ok=True)
        raise PdfError("; ".join(problems))
    return written


#: Scale the named forms (as FIT_FORMS_JS does), and give the forms' titles in order.
SET_ZOOM_JS = """(factors) => {""" + SCALE_JS + """
  for (const block of document.querySelectorAll('.lwt-vs-form')) {
    if (factors[block.dataset.vsForm]) scaleBlock(block, factors[block.dataset.vsForm]);
  }
  return Array.from(document.querySelectorAll('.lwt-vs-form')).map(
    (block) => [block.dataset.vsForm, block.querySelector('.lwt-calc__title, .lwt-vs-checks h2').textContent.trim()]);
}"""


def _squash(text: str) -> str:
    return " ".join(text.split())


def overflowing_forms(pdf: Path, titles: list[tuple[str, str]], end_title: str) -> list[str]:
    """The forms of the vergaderset that take more than one page: a form starts on the page with
    its title and ends before the page with the next form's title (or ``end_title``)."""
    pages = [_squash(text) for text in subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")]

    def first_page(text: str, start: int) -> int:
        return next((index for index in range(start, len(pages)) if text in pages[index]), len(pages))

    starts, position = [], 0
    for _, title in titles:
        position = first_page(_squash(title), position)
        starts.append(position)
    starts.append(first_page(end_title, position + 1))
    return [name for (name, _), start, after in zip(titles, starts, starts[1:]) if after - start > 1]


#: The heading that follows the last form in the vergaderset (build_scripts/site/vergaderset.py).
AFTER_FORMS = "Afkortingen"
MAX_FIT_PASSES = 6


def _print_vergaderset(page, out: Path) -> None:
    """Print the vergaderset so that every form takes one page.

    A first zoom per form comes from the screen layout (FIT_FORMS_JS); the printed layout is a
    little taller, so the PDF is read back and a form that still runs over gets a smaller zoom.
    """
    zooms = dict(page.evaluate(FIT_FORMS_JS, COLUMN_HEIGHT_PX))
    for _ in range(MAX_FIT_PASSES):
        titles = page.evaluate(SET_ZOOM_JS, zooms)
        page.pdf(path=str(out), format="A4", prefer_css_page_size=True, print_background=True, outline=True, tagged=True)
        over = overflowing_forms(out, titles, AFTER_FORMS)
        if not over:
            break
        for name in over:
            zooms[name] = round(zooms.get(name, 1.0) * 0.9, 2)
    else:
        raise PdfError(f"the forms {', '.join(over)} do not fit on one page each")
    print("Vergaderset, formulieren verkleind tot één pagina: " + (", ".join(f"{name} {zoom:.0%}" for name, zoom in zooms.items()) or "geen"))


def link_pdfs(site_dir: Path, written: dict[str, Path], made_on: date) -> int:
    """List the PDFs, with their pages, size and date, where the site's pages say there are none.

    Only for PDFs inside the site's ``pdf/`` folder (otherwise the site cannot link them).
    Returns how many pages were changed.
    """
    site_dir = Path(site_dir)
    entries = []
    for key, path in written.items():
        if path.parent.resolve() != (site_dir / "pdf").resolve() or not path.is_file():
            continue
        entries.append({
            "key": key, "pages": page_count(path), "size_kb": max(1, path.stat().st_size // 1024),
            "date": dutch.long_date(made_on),
        })
    if not entries:
        return 0
    changed = 0
    for name, prefix in LINKING_PAGES.items():
        page = site_dir / name
        if not page.is_file():
            continue
        html = page.read_text(encoding="utf-8")
        new = PDF_BLOCK.sub(lambda _: pdf_block(entries, prefix), html)
        if new != html:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed

def _print_with_toc_numbers(page, out: Path) -> None:
    """Print to ``out`` until the page numbers in the table of contents match the PDF."""
    with tempfile.TemporaryDirectory(prefix="lwt-pdf-") as scratch:
        draft = Path(scratch) / "draft.pdf"
        numbers: dict[str, int] = {}
        for _ in range(MAX_PASSES):
            page.evaluate(TOC_NUMBERS_JS, numbers)
            page.pdf(
                path=str(draft), format="A4", prefer_css_page_size=True, print_background=True,
                outline=True, tagged=True,
            )
            found = named_destinations(draft)
            if numbers and found == numbers:
                shutil.move(str(draft), out)
                return
            numbers = found
    raise PdfError(f"the page numbers of the table of contents did not settle after {MAX_PASSES} passes")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print the vergaderset and the naslag of the built site.")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--out-dir", type=Path, default=None,
                        help="where the PDFs go (default: the site's pdf/ folder; then the site links them)")
    args = parser.parse_args(argv)
    try:
        written = build_pdfs(args.site_dir, args.out_dir)
    except PdfError as error:
        print(f"make_pdf: {error}", file=sys.stderr)
        return 1
    for path in written.values():
        print(f"PDF geschreven: {path} ({page_count(path)} pagina's, {path.stat().st_size // 1024} kB)")
    if link_pdfs(args.site_dir, written, date.today()):
        print("De PDF's staan op de startpagina en op 'Over deze site'.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
