"""The Content-Security-Policy: one policy, made once per build from the built pages.

The site's own scripts are files (``'self'``). A few inline scripts come from the theme and
from print-site and cannot be moved; each is allowed by its SHA-256 hash. ``apply(site_dir)``,
called after every page is written:

1. reads every built page and finds each inline script that a browser would run (JSON data
   blocks, ``type="application/json"``, are not run and need no hash);
2. fails the build when one of them is not a known snippet (``KNOWN_INLINE``), or when a page
   has an inline event handler (``onclick=``) or a ``javascript:`` link, which the policy would
   block;
3. makes the policy from the hashes of the snippets found, puts it into a
   ``<meta http-equiv="Content-Security-Policy">`` at the top of every page (without
   ``frame-ancestors``, which a meta tag cannot carry), fills it in where a page shows it
   (``PLACEHOLDER``), and writes ``hosting/content-security-policy.txt``;
4. returns the policy for the server headers of the hosting kit.

``style-src`` keeps ``'unsafe-inline'``: see DECISIONS.md (D24) (the theme's and
the charts' style attributes; ``default-src 'self'`` leaves injected CSS no way to send data).
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

#: Where a page shows the policy (macros ``{{ csp }}``, the self-check's advice); replaced by
#: the policy once it is known. The policy has no character that needs escaping in HTML text,
#: in a double-quoted attribute or in a JSON string (checked in ``make_policy``).
PLACEHOLDER = "LWT-CONTENT-SECURITY-POLICY"
POLICY_FILE = "hosting/content-security-policy.txt"

#: Inline scripts that may appear in built pages, by the SHA-256 (hex) of their text. The theme's
#: scope snippet differs per page depth only in its base URL, which is replaced by "." before
#: hashing (``_canonical``). A new inline script, or a changed one (a theme or plugin upgrade),
#: fails the build: move it into a file, or review it and add its hash here.
KNOWN_INLINE = {
    # Material 9.8.2, base.html: localStorage scope of the site (its base URL differs per page).
    "6a9a103c779f08d5a3c5b0a6f87cd50ce016e024955a163b5729508e0385c9f9": "Material: __md_scope",
    # Material 9.8.2, partials/javascripts/palette.html: restores a chosen colour palette.
    "0eb10c249dbdb0beef225a10ce5cbe55418cc4a7014cc208f8e7d6ed8f00906e": "Material: palette",
    # mkdocs-print-site-plugin 2.9, print page: builds the table of contents on DOMContentLoaded.
    "f03236e30a111ebd996bb5f70981bf29ebe2a8ccecb6fe7240e7fdeb296f189b": "print-site: table of contents",
}
_SCOPE = re.compile(r'^__md_scope=new URL\("[./]*",location\)')

#: Script types a browser runs (HTML standard: empty, a JavaScript MIME type, module, and the two
#: JSON-like types that are still subject to script-src). Any other type is a data block.
_RUN_TYPES = {
    "", "module", "importmap", "speculationrules", "text/javascript", "application/javascript",
    "application/x-javascript", "application/ecmascript", "application/x-ecmascript", "text/ecmascript",
    "text/x-javascript", "text/x-ecmascript", "text/jscript", "text/livescript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4", "text/javascript1.5",
}


class CSPError(ValueError):
    """A built page has an inline script the policy does not cover."""


def _canonical(script: str) -> str:
    return _SCOPE.sub('__md_scope=new URL(".",location)', script, count=1)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_hash(text: str) -> str:
    """The CSP hash source of an inline script: ``'sha256-<base64>'``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


class _Scripts(HTMLParser):
    """Inline scripts that run, inline event handlers and javascript: URLs of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inline: list[str] = []
        self.handlers: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}=…>")
            elif name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith("javascript:"):
                self.handlers.append(f"<{tag} {name}=\"{value[:40]}\">")
        if tag == "script":
            kind = (values.get("type") or "").strip().lower().split(";")[0]
            self._script = [] if "src" not in values and kind in _RUN_TYPES else None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.inline.append("".join(self._script))
            self._script = None


def inline_scripts(html: str) -> tuple[list[str], list[str]]:
    """The inline scripts a browser would run in ``html``, and its inline handlers or javascript: URLs."""
    parser = _Scripts()
    parser.feed(html)
    parser.close()
    return parser.inline, parser.handlers


def directives(hashes: list[str]) -> list[tuple[str, str]]:
    """The policy's directives in order; ``hashes`` are CSP hash sources of the allowed inline scripts."""
    return [
        ("default-src", "'self'"),
        # Pyodide compiles WebAssembly: 'wasm-unsafe-eval' (not 'unsafe-eval', which it does not need).
        ("script-src", " ".join(["'self'", "'wasm-unsafe-eval'", *hashes])),
        ("worker-src", "'self'"),
        ("style-src", "'self' 'unsafe-inline'"),
        ("img-src", "'self' data:"),
        ("font-src", "'self'"),
        ("connect-src", "'self'"),
        ("object-src", "'none'"),
        ("base-uri", "'self'"),
        ("form-action", "'self'"),
        ("frame-ancestors", "'self'"),
    ]


def make_policy(hashes: list[str], meta: bool = False) -> str:
    """The policy as a header value; ``meta=True`` leaves out what a meta tag cannot carry."""
    parts = [f"{name} {value}" for name, value in directives(hashes) if not (meta and name == "frame-ancestors")]
    policy = "; ".join(parts)
    if not re.fullmatch(r"[a-zA-Z0-9 ;:'+/=.-]+", policy):
        raise CSPError(f"the policy has characters that would need escaping: {policy}")
    return policy


def scan(site_dir: Path) -> tuple[list[str], list[str]]:
    """Hash sources of every known inline script in the built pages, and the problems found."""
    found: set[str] = set()
    problems: list[str] = []
    for page in sorted(Path(site_dir).rglob("*.html")):
        where = page.relative_to(site_dir).as_posix()
        scripts, handlers = inline_scripts(page.read_text(encoding="utf-8"))
        problems += [f"{where}: {handler} (inline event handlers and javascript: URLs are blocked; use a script file)"
                     for handler in handlers]
        for script in scripts:
            if sha256_hex(_canonical(script)) in KNOWN_INLINE:
                found.add(source_hash(script))
            else:
                snippet = " ".join(script.split())[:80]
                problems.append(
                    f"{where}: unknown inline script «{snippet}…» (sha256 of its canonical text "
                    f"{sha256_hex(_canonical(script))}); move it into a file under docs/assets/js/, or review it "
                    "and add that hash to KNOWN_INLINE in build_scripts/offline/csp.py"
                )
    return sorted(found), problems


_HEAD = re.compile(r"<head[^>]*>\s*(<meta charset=[^>]*>)?", re.IGNORECASE)


def _add_meta(html: str, meta_policy: str) -> str:
    tag = f'<meta http-equiv="Content-Security-Policy" content="{meta_policy}">'
    if 'http-equiv="Content-Security-Policy"' in html:
        return html
    match = _HEAD.search(html)
    if match is None:
        raise CSPError("a page without <head>: the policy cannot be set before its scripts")
    return html[: match.end()] + "\n      " + tag + html[match.end():]


def apply(site_dir: Path) -> str:
    """Check every page, put the policy into each, and return the policy for the server headers."""
    site_dir = Path(site_dir)
    hashes, problems = scan(site_dir)
    if problems:
        raise CSPError("inline scripts that the Content-Security-Policy does not cover:\n  " + "\n  ".join(problems[:20]))
    policy = make_policy(hashes)
    meta_policy = make_policy(hashes, meta=True)
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(_add_meta(html, meta_policy).replace(PLACEHOLDER, policy), encoding="utf-8")
    for data in site_dir.glob("search/*.json"):
        text = data.read_text(encoding="utf-8")
        if PLACEHOLDER in text:
            data.write_text(text.replace(PLACEHOLDER, policy), encoding="utf-8")
    target = site_dir / POLICY_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(policy + "\n", encoding="utf-8")
    return policy


def read_policy(site_dir: Path) -> str:
    """The policy of a built site (what ``apply`` returned when it was built)."""
    return (Path(site_dir) / POLICY_FILE).read_text(encoding="utf-8").strip()


def meta_policy_of(policy: str) -> str:
    """The meta tag's form of a header policy."""
    return "; ".join(part for part in policy.split("; ") if not part.startswith("frame-ancestors"))
