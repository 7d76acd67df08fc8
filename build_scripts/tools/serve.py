"""One loopback server (and one Chromium launch) for the tests, the benchmark and the PDF script.

Serves a built site under a prefix (``/`` or ``/lwt/``, as a school intranet might) on 127.0.0.1, a
free port, in a background thread:

- MIME types come from the one table in ``build_scripts/mime.py``, never from the machine's
  ``/etc/mime.types``;
- it honours ``Accept-Encoding``: when a precompressed sibling (``x.js.br``, ``x.js.gz``) sits beside
  the file, it sends that with ``Content-Encoding`` and the original's type, and sends
  ``Vary: Accept-Encoding`` for every file that has such a sibling;
- extra headers (e.g. a Content-Security-Policy) can be added to every response;
- ``Cache-Control: no-cache`` by default (it never answers 304), so a browser that keeps its cache
  between pages (Firefox, WebKit in the engine tests) sees a fault at once and forgets it after;
  pass ``cache_control=None`` to send none;
- it can be told to misbehave, as a badly set up school server would: a wrong MIME type for a
  suffix, or a 404 for a file name (``Faults``);
- it records what it served (``requests``: path, status, encoding), so a test can check.

Usage::

    from build_scripts.tools.serve import serve
    with serve(site_dir, prefix="/lwt/") as server:
        page.goto(server.url + "rekenhulpen/")     # server.url ends with the prefix
        server.faults.missing.add("pyodide.asm.wasm")
        server.faults.mime[".mjs"] = "text/plain"
        server.faults.headers["Content-Security-Policy"] = CSP
        server.faults.reset()

Chromium: ``launch_chromium(playwright)`` starts Debian's Chromium with the flags every caller uses.
"""

from __future__ import annotations

import email.utils
import http.server
import io
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import unquote, urlsplit

from ..mime import mime_type

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
#: Precompressed siblings, in order of preference: (Accept-Encoding token, file suffix).
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


@dataclass
class Faults:
    """What the server should do wrong (and extra headers it should send); ``reset()`` clears it."""

    mime: dict[str, str] = field(default_factory=dict)      # suffix -> type to send instead
    missing: set[str] = field(default_factory=set)          # file names answered with 404
    headers: dict[str, str] = field(default_factory=dict)   # sent with every response
    #: file name -> function of the file's bytes giving the body to send instead (e.g. a broken worker)
    replace: dict[str, Callable[[bytes], bytes]] = field(default_factory=dict)

    def reset(self) -> None:
        self.mime.clear()
        self.missing.clear()
        self.headers.clear()
        self.replace.clear()


@dataclass(frozen=True)
class Served:
    path: str
    status: int
    encoding: str | None


def accepted(header: str | None) -> set[str]:
    """The content codings an Accept-Encoding header accepts (q=0 excluded)."""
    found = set()
    for part in (header or "").split(","):
        token, _, params = part.strip().partition(";")
        token = token.strip().lower()
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if token and q > 0:
            found.add(token)
    return found


class _Handler(http.server.SimpleHTTPRequestHandler):
    root: Path
    prefix: str
    faults: Faults
    compression: bool
    cache_control: str | None
    log: list[Served]

    def log_message(self, *args):  # keep test and bench output clean
        pass

    def log_request(self, code="-", size="-"):
        encoding = getattr(self, "_encoding", None)
        try:
            self.log.append(Served(urlsplit(self.path).path, int(code), encoding))
        except (TypeError, ValueError):
            pass

    def translate_path(self, path: str) -> str:
        url_path = unquote(urlsplit(path).path)
        if not url_path.startswith(self.prefix):
            return "/nonexistent/lwt-outside-the-prefix"  # never exists: 404
        parts = [p for p in url_path[len(self.prefix):].split("/") if p not in ("", ".", "..")]
        result = self.root.joinpath(*parts)
        return str(result) + ("/" if url_path.endswith("/") else "")

    def guess_type(self, path) -> str:
        name = os.fspath(path)
        for suffix, mime in self.faults.mime.items():
            if name.endswith(suffix):
                return mime
        return mime_type(name)

    def send_head(self):
        self._encoding = None
        url_path = urlsplit(self.path).path
        if url_path.rstrip("/") + "/" == self.prefix and not url_path.endswith("/"):
            self.send_response(301)  # /lwt -> /lwt/
            self.send_header("Location", self.prefix)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        name = url_path.rsplit("/", 1)[-1]
        if name and name in self.faults.missing:
            self.send_error(404, "File not found (test fault)")
            return None
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                return super().send_head()  # the standard redirect to the folder
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()  # 404 or a folder listing, as the standard server does
        if path.name in self.faults.replace:
            body = self.faults.replace[path.name](path.read_bytes())
            self._encoding = None
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        variants = [(token, path.with_name(path.name + suffix)) for token, suffix in ENCODINGS]
        variants = [(token, p) for token, p in variants if p.is_file()] if self.compression else []
        wanted = accepted(self.headers.get("Accept-Encoding"))
        chosen = next(((token, p) for token, p in variants if token in wanted), None)
        body_path = chosen[1] if chosen else path
        try:
            handle = open(body_path, "rb")
        except OSError:
            self.send_error(404, "File not found")
            return None
        stat = os.fstat(handle.fileno())
        self._encoding = chosen[0] if chosen else None  # before send_response, which logs it
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        if chosen:
            self.send_header("Content-Encoding", chosen[0])
        if variants:
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return handle

    def end_headers(self):
        if self.cache_control and "Cache-Control" not in self.faults.headers:
            self.send_header("Cache-Control", self.cache_control)
        for key, value in self.faults.headers.items():
            self.send_header(key, value)
        super().end_headers()


class StaticServer:
    """A built site served on 127.0.0.1 under ``prefix``; ``url`` is the site's base URL."""

    def __init__(self, root: Path | str, prefix: str = "/", faults: Faults | None = None,
                 headers: dict[str, str] | None = None, compression: bool = True,
                 cache_control: str | None = "no-cache") -> None:
        prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
        self.root = Path(root).resolve()
        self.prefix = prefix
        self.faults = faults if faults is not None else Faults()
        self.faults.headers.update(headers or {})
        self.requests: list[Served] = []
        handler = type("Handler", (_Handler,), {
            "root": self.root, "prefix": prefix, "faults": self.faults,
            "compression": compression, "cache_control": cache_control, "log": self.requests,
        })

        def factory(*args, **kwargs):
            return handler(*args, directory=str(self.root), **kwargs)

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), factory)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self.url = self.origin + prefix
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True, name="lwt-serve")

    def start(self) -> "StaticServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> "StaticServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


@contextmanager
def serve(root: Path | str, prefix: str = "/", **options) -> Iterator[StaticServer]:
    """Serve ``root`` under ``prefix`` for the duration of the block (see ``StaticServer``)."""
    with StaticServer(root, prefix, **options) as server:
        yield server


def launch_chromium(playwright, executable: str = CHROMIUM, **options):
    """Debian's Chromium through Playwright, with the flags the tests, bench and PDF share."""
    if not Path(executable).exists():
        raise FileNotFoundError(f"{executable} is missing: run 'make browser' (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, **options)
