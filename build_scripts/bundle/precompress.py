"""Precompressed copies (``.br`` and ``.gz``) beside each large file that a browser fetches.

A server set up by the hosting kit sends ``FILE.br`` or ``FILE.gz`` for a request of ``FILE``
when the browser accepts that encoding, with ``Content-Encoding`` and ``Vary: Accept-Encoding``;
a server without the kit's rules still sends the plain file. Compressing once at build time
allows the slowest, best setting (brotli quality 11), which no server does on the fly.

Which files: ``.wasm .mjs .js .css .json .html .svg .xml .txt`` of at least ``MIN_BYTES``,
outside ``assets/calc/`` (its unversioned files are small or unused by the browser; the
snapshot is compressed by ``wheel.make_snapshot``). The copies are cached in
``.cache/lwt-compress/`` by the hash of the file, so a rebuild only compresses what changed
(the Pyodide runtime takes about a minute, once).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from ..paths import ROOT

COMPRESS_SCRIPT = Path(__file__).resolve().parent / "compress.mjs"
CACHE = ROOT / ".cache" / "lwt-compress"
SUFFIXES = {".wasm", ".mjs", ".js", ".css", ".json", ".html", ".svg", ".xml", ".txt"}
MIN_BYTES = 1024
ENCODINGS = (".br", ".gz")


def compress_files(paths: list[Path]) -> None:
    """Write ``.br`` and ``.gz`` beside each path (Node's zlib)."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is needed to precompress the site (brotli)")
    for start in range(0, len(paths), 64):
        batch = [str(p) for p in paths[start:start + 64]]
        completed = subprocess.run([node, str(COMPRESS_SCRIPT), *batch], capture_output=True, text=True, timeout=1800)
        if completed.returncode != 0:
            raise RuntimeError(f"precompressing failed:\n{completed.stderr[-3000:]}")


def wanted(site_dir: Path, path: Path) -> bool:
    relative = path.relative_to(site_dir).as_posix()
    return (path.suffix in SUFFIXES and not relative.startswith("assets/calc/")
            and not relative.startswith("__") and path.stat().st_size >= MIN_BYTES)


def precompress_site(site_dir: Path) -> int:
    """Write the precompressed copies into the built site; return how many files got them."""
    site_dir = Path(site_dir)
    files = [p for p in sorted(site_dir.rglob("*")) if p.is_file() and wanted(site_dir, p)]
    keys = {p: hashlib.sha256(p.read_bytes()).hexdigest()[:32] for p in files}
    missing = [p for p in files if not all((CACHE / f"{keys[p]}{enc}").is_file() for enc in ENCODINGS)]
    if missing:
        CACHE.mkdir(parents=True, exist_ok=True)
        compress_files(missing)
        for path in missing:
            for enc in ENCODINGS:
                partial = CACHE / f"{keys[path]}{enc}.{os.getpid()}.part"
                shutil.move(str(path) + enc, partial)
                os.replace(partial, CACHE / f"{keys[path]}{enc}")
    for path in files:
        for enc in ENCODINGS:
            shutil.copyfile(CACHE / f"{keys[path]}{enc}", str(path) + enc)
    return len(files)
