"""Find assets that a built page would load from outside its own origin.

A link to another site (``<a href>``) is fine: a reader chooses to follow it. What is not
fine is anything the browser fetches by itself: scripts, stylesheets, images, fonts,
frames, media, ``url()`` in CSS, and ``import``/``fetch`` of absolute URLs in our own scripts.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?((?:https?:)?//[^'\")\s]+)", re.IGNORECASE)
CSS_IMPORT = re.compile(r"@import\s+['\"]((?:https?:)?//[^'\"]+)", re.IGNORECASE)
JS_FETCH = re.compile(r"""(?:\bimport\s*\(|\bfrom\s|\bfetch\s*\(|\bimportScripts\s*\(|new\s+Worker\s*\()\s*['"`]((?:https?:)?//[^'"`]+)""")

FETCHED = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "track": ("src",),
    "input": ("src",),
}
FETCHED_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon", "shortcut"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in FETCHED.get(tag, ()):
            value = attributes.get(name) or ""
            for candidate in value.split(","):
                url = candidate.strip().split(" ")[0]
                if url and EXTERNAL.match(url):
                    self.found.append(f"<{tag} {name}={url}>")
        if tag == "link":
            rels = set((attributes.get("rel") or "").lower().split())
            href = attributes.get("href") or ""
            if rels & FETCHED_LINK_RELS and EXTERNAL.match(href):
                self.found.append(f"<link rel={' '.join(sorted(rels))} href={href}>")
        style = attributes.get("style") or ""
        self.found.extend(f"style url({url})" for url in CSS_URL.findall(style))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.found.extend(f"<style> url({url})" for url in CSS_URL.findall(data) + CSS_IMPORT.findall(data))


def find(site_dir: Path) -> list[str]:
    """Every external asset reference in the built site, as ``file: what``."""
    problems = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or "assets/pyodide" in path.as_posix():
            continue
        relative = path.relative_to(site_dir).as_posix()
        if path.suffix == ".html":
            collector = _Collector()
            collector.feed(path.read_text(encoding="utf-8", errors="replace"))
            problems.extend(f"{relative}: {item}" for item in collector.found)
        elif path.suffix == ".css":
            text = path.read_text(encoding="utf-8", errors="replace")
            problems.extend(f"{relative}: url({url})" for url in CSS_URL.findall(text) + CSS_IMPORT.findall(text))
        elif path.suffix in (".js", ".mjs") and relative.startswith("assets/js/"):
            text = path.read_text(encoding="utf-8", errors="replace")
            problems.extend(f"{relative}: {url}" for url in JS_FETCH.findall(text))
    return problems
