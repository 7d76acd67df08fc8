"""Pack the calculators and the compiled rules as one reproducible wheel, and vendor Pyodide.

The wheel (PEP 427, ``py3-none-any``) holds ``calculators/*.py`` plus ``calculators/rules.json``;
its bytes depend only on its contents (fixed timestamps, sorted entries), so the same sources
give the same file and the same content hash in its folder name. The browser fetches
``assets/calc/manifest.json`` to find it.

Beside the wheel, the build saves a trimmed standard library (``python_stdlib.zip``: only the
modules the calculators import) and a Pyodide memory snapshot (``pyodide-snapshot.bin.gz`` and
``.bin.br``): the state of Pyodide with CPython started, the calculators imported and the rules
loaded, made under Node from the npm package by ``build_scripts/bundle/snapshot.mjs``. The
browser's worker restores it instead of starting CPython and importing everything itself, which
is most of the wait. Both are cached in ``.cache/lwt-snapshot/`` by the hash of their inputs; set
``LWT_SNAPSHOT=0`` to build without (the worker then starts Pyodide fresh with the full standard
library, as it also does with the trimmed one if the snapshot fails).

The Pyodide runtime is copied from the npm package ``pyodide`` (installed by ``npm ci``) into
``assets/pyodide/<version>/``: only the five files the browser needs, plus a licence notice,
since the package ships none. The folder is named by the version, so it is cached a year.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import tempfile
import tomllib
import zipfile
from pathlib import Path
from typing import Any

from ..paths import ROOT
from . import precompress
PACKAGE_DIR = ROOT / "calculators"
DIST_NAME = "lwt_calculators"
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
FIXED_TIME = (2020, 1, 1, 0, 0, 0)
SNAPSHOT_SCRIPT = Path(__file__).resolve().parent / "snapshot.mjs"
SNAPSHOT_CACHE = ROOT / ".cache" / "lwt-snapshot"
SNAPSHOT_NAME = "pyodide-snapshot.bin.gz"
SNAPSHOT_CACHE_KEEP = 6  # about 7 MB each
SNAPSHOT_BR = "pyodide-snapshot.bin.br"


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build_wheel(rules: dict[str, Any]) -> tuple[str, bytes]:
    """Return the wheel's file name and bytes."""
    version = project_version()
    files: dict[str, bytes] = {}
    for path in sorted(PACKAGE_DIR.glob("*.py")):
        files[f"calculators/{path.name}"] = path.read_bytes()
    # Key order is kept as written in data/: lists and choices appear in that order everywhere.
    files["calculators/rules.json"] = json.dumps(rules, ensure_ascii=False).encode()
    dist_info = f"{DIST_NAME}-{version}.dist-info"
    files[f"{dist_info}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: {DIST_NAME}\nVersion: {version}\n"
        f"Summary: Rekenhulpen leer-werktrajecten vmbo (regels {rules['version']})\n"
    ).encode()
    files[f"{dist_info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: lwt-build\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    files[f"{dist_info}/top_level.txt"] = b"calculators\n"
    record = [_record_line(name, data) for name, data in files.items()] + [f"{dist_info}/RECORD,,"]
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return f"{DIST_NAME}-{version}-py3-none-any.whl", buffer.getvalue()


def _node_step(node: str, *args: str) -> str:
    completed = subprocess.run([node, str(SNAPSHOT_SCRIPT), *args], capture_output=True, text=True, timeout=900)
    if completed.returncode != 0:
        raise RuntimeError(f"the Pyodide snapshot failed (LWT_SNAPSHOT=0 builds without):\n{completed.stderr[-3000:]}")
    return completed.stdout


def trimmed_stdlib(files: list[str]) -> bytes:
    """A ``python_stdlib.zip`` with only ``files`` from the npm package's full one (reproducible)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(PYODIDE_DIR / "python_stdlib.zip") as full, zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, full.read(name), compresslevel=9)
    return buffer.getvalue()


def make_snapshot(wheel_name: str, wheel: bytes, calls: list[list[str]]) -> dict[str, bytes] | None:
    """The trimmed standard library and the memory snapshot for this wheel, or ``None``.

    ``None`` when it is switched off (``LWT_SNAPSHOT=0``) or Node is missing; the worker then
    starts Pyodide fresh with the full standard library. ``calls`` are the calculations run to
    find which standard-library modules the calculators need (``[name, fields_json, date]``).
    Returns ``stdlib`` (trimmed zip), ``gz`` and ``br`` (the packed snapshot, compressed),
    ``bytes`` (the snapshot's size, unpacked), ``packed_bytes`` and ``delta_bytes`` (how much of
    its memory is stored as a delta against the wasm's own data); see ``snapshot.mjs``. Cached by
    the hash of the wheel, the calls, the runtime and the script.
    """
    node = shutil.which("node")
    if os.environ.get("LWT_SNAPSHOT", "1") == "0" or node is None:
        return None
    key = hashlib.sha256(wheel)
    key.update(json.dumps(calls).encode())
    for name in ("pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        key.update(hashlib.sha256((PYODIDE_DIR / name).read_bytes()).digest())
    key.update(SNAPSHOT_SCRIPT.read_bytes())
    key.update(precompress.COMPRESS_SCRIPT.read_bytes())
    cached = SNAPSHOT_CACHE / key.hexdigest()[:32]
    parts = ("python_stdlib.zip", "snapshot.bin.gz", "snapshot.bin.br", "sizes.json")
    if not all((cached / part).is_file() for part in parts):
        with tempfile.TemporaryDirectory(prefix="lwt-snapshot-") as tmp:
            work = Path(tmp)
            wheel_path = work / wheel_name
            wheel_path.write_bytes(wheel)
            (work / "calls.json").write_text(json.dumps(calls), encoding="utf-8")
            files = json.loads(_node_step(node, "modules", str(PYODIDE_DIR), str(wheel_path), str(work / "calls.json")))
            stdlib = work / "python_stdlib.zip"
            stdlib.write_bytes(trimmed_stdlib(files))
            raw = work / "snapshot.bin"
            made = json.loads(_node_step(node, "snapshot", str(PYODIDE_DIR), str(wheel_path), str(stdlib), str(raw)))
            precompress.compress_files([raw])
            sizes = {key: made[key] for key in ("bytes", "packed_bytes", "delta_bytes")}
            (work / "sizes.json").write_text(json.dumps(sizes), encoding="utf-8")
            partial = SNAPSHOT_CACHE / f"{cached.name}.{os.getpid()}.part"
            partial.mkdir(parents=True, exist_ok=True)
            for part in parts:
                shutil.copyfile(work / part, partial / part)
            shutil.rmtree(cached, ignore_errors=True)
            os.replace(partial, cached)
            for old in sorted((p for p in SNAPSHOT_CACHE.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime)[:-SNAPSHOT_CACHE_KEEP]:
                shutil.rmtree(old, ignore_errors=True)
    found = {part: (cached / part).read_bytes() for part in parts}
    return {"stdlib": found["python_stdlib.zip"], "gz": found["snapshot.bin.gz"], "br": found["snapshot.bin.br"],
            **json.loads(found["sizes.json"])}


#: An empty zip archive: the standard library a restored snapshot gets (it has imported all it needs).
EMPTY_ZIP = b"PK\x05\x06" + bytes(18)


def write_calculator_bundle(site_dir: Path, rules: dict[str, Any], calls: list[list[str]] | None = None) -> dict[str, Any]:
    """Write the wheel, the trimmed standard library and the snapshot under ``assets/calc/<hash>/``
    and the manifest; return the manifest.

    Paths in the manifest are relative to ``assets/calc/``. ``runtime`` is the versioned Pyodide
    folder. The snapshot is stored as ``pyodide-snapshot.bin.gz`` (any server can send it; the
    worker inflates it) with ``pyodide-snapshot.bin.br`` beside it: a server set up by the
    hosting kit answers a request for ``pyodide-snapshot.bin`` with one of the two and the
    matching Content-Encoding (``negotiated``).
    """
    name, data = build_wheel(rules)
    digest = hashlib.sha256(data).hexdigest()[:12]
    calc_dir = site_dir / "assets" / "calc"
    target = calc_dir / digest / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    manifest: dict[str, Any] = {
        "wheel": f"{digest}/{name}",
        "version": project_version(),
        "rules_version": rules["version"],
        "sha256": hashlib.sha256(data).hexdigest(),
        "runtime": f"../{runtime_folder()}",
        # Pyodide's lock file only lists packages to load, and the calculators load none: the
        # worker passes this instead of fetching pyodide-lock.json (22 kB less on a first visit).
        "lock_info": json.loads((PYODIDE_DIR / "pyodide-lock.json").read_text(encoding="utf-8"))["info"],
    }
    snapshot = make_snapshot(name, data, calls or [])
    if snapshot is not None:
        (target.parent / "python_stdlib.zip").write_bytes(snapshot["stdlib"])
        (target.parent / "python_stdlib_empty.zip").write_bytes(EMPTY_ZIP)
        (target.parent / SNAPSHOT_NAME).write_bytes(snapshot["gz"])
        (target.parent / SNAPSHOT_BR).write_bytes(snapshot["br"])
        manifest["stdlib"] = f"{digest}/python_stdlib.zip"
        manifest["snapshot"] = {
            "file": f"{digest}/{SNAPSHOT_NAME}", "negotiated": f"{digest}/{SNAPSHOT_NAME.removesuffix('.gz')}",
            "bytes": snapshot["bytes"], "packed_bytes": snapshot["packed_bytes"], "delta_bytes": snapshot["delta_bytes"],
            "stdlib": f"{digest}/python_stdlib_empty.zip",
            "file_sha256": hashlib.sha256(snapshot["gz"]).hexdigest(), "sha256": snapshot_sha256(snapshot["gz"]),
        }
    (calc_dir / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def runtime_folder(version: str | None = None) -> str:
    """The Pyodide runtime's folder, relative to ``assets/``: named by its version, so cached a year."""
    return f"pyodide/{version or pyodide_version()}/"


def snapshot_sha256(compressed: bytes) -> str:
    """SHA-256 of the packed snapshot, inflated. The worker checks the file as stored
    (``file_sha256``, fewer bytes to hash) and falls back to this one only when the server sent
    it with Content-Encoding, so that the browser already inflated it."""
    return hashlib.sha256(gzip.decompress(compressed)).hexdigest()


def runtime_integrity(site_dir: Path, manifest: dict[str, Any]) -> dict[str, str]:
    """SHA-256 (hex) of every runtime file the worker fetches as stored, by path from the site root.

    The worker verifies each file against this table before Pyodide gets it, so that a half
    finished upload or a stale cache gives a clear message instead of an obscure failure.
    """
    calc = site_dir / "assets" / "calc"
    files = [pyodide_dir(site_dir) / name for name in PYODIDE_FILES]
    files.append(calc / manifest["wheel"])
    for stdlib in (manifest.get("stdlib"), (manifest.get("snapshot") or {}).get("stdlib")):
        if stdlib:
            files.append(calc / stdlib)
    return {path.relative_to(site_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() for path in files}


def pyodide_dir(site_dir: Path) -> Path:
    """Where the build puts the Pyodide runtime in the site: ``assets/pyodide/<version>/``."""
    return site_dir / "assets" / runtime_folder()


def pyodide_version() -> str:
    package = PYODIDE_DIR / "package.json"
    if not package.is_file():
        raise FileNotFoundError(
            "node_modules/pyodide is missing: run 'npm ci' first (make serve and make test do this)."
        )
    return json.loads(package.read_text(encoding="utf-8"))["version"]


NOTICE = """Pyodide {version}
=================

This folder holds the Pyodide runtime, copied unchanged from the npm package
pyodide@{version} (https://github.com/pyodide/pyodide). The npm package carries no
licence file; its package.json declares the licence "MPL-2.0".

- pyodide.mjs, pyodide.asm.mjs, pyodide.asm.wasm, pyodide-lock.json:
  Mozilla Public License 2.0 (MPL-2.0), full text in MPL-2.0.txt beside this file
  where the build machine provides it, and at https://www.mozilla.org/MPL/2.0/.
  The source code is available at https://github.com/pyodide/pyodide.
- python_stdlib.zip: the CPython standard library, under the Python Software
  Foundation License Version 2 (PSF-2.0), text in PSF-LICENSE.txt beside this file
  where the build machine provides it, and at https://docs.python.org/3/license.html.
- pyodide.asm.wasm also contains Emscripten runtime code (MIT / University of
  Illinois NCSA licence) and CPython (PSF-2.0).
"""


def _licence_texts() -> dict[str, Path]:
    import sysconfig

    found = {}
    mpl = Path("/usr/share/common-licenses/MPL-2.0")
    if mpl.is_file():
        found["MPL-2.0.txt"] = mpl
    psf = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    if psf.is_file():
        found["PSF-LICENSE.txt"] = psf
    return found


def copy_pyodide(site_dir: Path) -> str:
    """Copy the runtime files and the notice to ``assets/pyodide/<version>/``; return the version."""
    version = pyodide_version()
    target = pyodide_dir(site_dir)
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        source = PYODIDE_DIR / name
        destination = target / name
        if not destination.is_file() or destination.stat().st_size != source.stat().st_size:
            shutil.copyfile(source, destination)
    (target / "NOTICE.txt").write_text(NOTICE.format(version=version), encoding="utf-8")
    for name, path in _licence_texts().items():
        shutil.copyfile(path, target / name)
    return version
