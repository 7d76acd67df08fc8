"""The one MIME table: every file type the built site ships, with the type a server must send.

Used by the hosting kit (server configs for IIS, Apache, nginx) and by the loopback server of the
tests, the benchmark and the PDF script (``build_scripts/tools/serve.py``), so that what we test is
what we tell a school's server to send.
"""

from __future__ import annotations

#: Every file type the built site ships, with the type a server must send.
MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".map": "application/json",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".gz": "application/gzip",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".conf": "text/plain; charset=utf-8",
}


def mime_type(name: str, default: str = "application/octet-stream") -> str:
    """The type to send for a file called ``name`` (by its last suffix, case-insensitive)."""
    dot = name.rfind(".")
    return MIME_TYPES.get(name[dot:].lower(), default) if dot >= 0 else default
