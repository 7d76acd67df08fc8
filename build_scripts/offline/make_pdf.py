"""Print the whole site to one PDF for meetings: ``python -m build_scripts.offline.make_pdf``.

The print-site plugin writes ``print_page/index.html`` (cover, table of contents, every page in
navigation order). This module serves the built site on a loopback port, opens that page in
Debian's Chromium through Playwright and prints it to ``dist/wegwijzer-lwt.pdf`` (tagged, with
bookmarks). The page size, margins and "Pagina x van y" come from the site's print CSS.

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
import functools
import http.server
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

from ..paths import ROOT
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
PRINT_PAGE = "print_page/"
DEFAULT_OUT = ROOT / "dist" / "wegwijzer-lwt.pdf"
#: Types set explicitly, so the result does not depend on the machine's /etc/mime.types.
MIME_TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json"}


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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def log_message(self, *args):
        pass


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


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 (a free port); yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build_pdf(site_dir: Path, out: Path = DEFAULT_OUT, chromium: str = CHROMIUM) -> Path:
    """Print ``site_dir``'s print page to ``out``; return ``out``."""
    site_dir = Path(site_dir)
    if not (site_dir / PRINT_PAGE / "index.html").is_file():
        raise PdfError(f"{site_dir / PRINT_PAGE / 'index.html'} is missing: build the site first (make build)")
    if not Path(chromium).exists():
        raise PdfError(f"{chromium} is missing: run 'make browser' (apt-get install chromium poppler-utils)")
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    runtime: list[str] = []
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(locale="nl-NL")

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
            page = context.new_page()
            page.goto(base + PRINT_PAGE, wait_until="networkidle", timeout=180_000)
            page.emulate_media(media="print")
            page.evaluate("() => document.fonts.ready.then(() => true)")
            page.evaluate(PAPER_FORMS_JS)
            page.evaluate(TITLE_JS)
            _print_with_toc_numbers(page, out)
        finally:
            browser.close()
    if outside:
        out.unlink(missing_ok=True)
        raise PdfError("the print page requested files outside the site: " + ", ".join(sorted(set(outside))))
    if runtime:
        out.unlink(missing_ok=True)
        raise PdfError("the print page loaded the Pyodide runtime: " + ", ".join(sorted(set(runtime))))
    return out


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
    parser = argparse.ArgumentParser(description="Print the built site to one PDF.")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the PDF to write (default: dist/wegwijzer-lwt.pdf)")
    args = parser.parse_args(argv)
    try:
        written = build_pdf(args.site_dir, args.out)
    except PdfError as error:
        print(f"make_pdf: {error}", file=sys.stderr)
        return 1
    print(f"PDF geschreven: {written} ({written.stat().st_size // 1024} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
