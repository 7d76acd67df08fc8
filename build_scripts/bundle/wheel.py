"""Pack the calculators and the compiled rules as one reproducible wheel, and vendor Pyodide.

The wheel (PEP 427, ``py3-none-any``) holds ``calculators/*.py`` plus ``calculators/rules.json``;
its bytes depend only on its contents (fixed timestamps, sorted entries), so the same sources
give the same file and the same content hash in its folder name. The browser fetches
``assets/calc/manifest.json`` to find it.

Beside the wheel, the build saves a Pyodide memory snapshot (``pyodide-snapshot.bin.gz``):
the state of Pyodide with CPython started, the calculators imported and the rules loaded, made
under Node from the npm package by ``build_scripts/bundle/snapshot.mjs``. The browser's worker restores
it instead of starting CPython and importing everything itself, which is most of the wait. It
is cached in ``.cache/lwt-snapshot/`` by the hash of its inputs; set ``LWT_SNAPSHOT=0`` to build
without one (the worker then starts Pyodide fresh, as it also does if the snapshot fails).

The Pyodide runtime is copied from the npm package ``pyodide`` (installed by ``npm ci``): only
the five files the browser needs, plus a licence notice, since the package ships none.
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
PACKAGE_DIR = ROOT / "calculators"
DIST_NAME = "lwt_calculators"
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
FIXED_TIME = (2020, 1, 1, 0, 0, 0)
SNAPSHOT_SCRIPT = Path(__file__).resolve().parent / "snapshot.mjs"
SNAPSHOT_CACHE = ROOT / ".cache" / "lwt-snapshot"
SNAPSHOT_NAME = "pyodide-snapshot.bin.gz"
SNAPSHOT_CACHE_KEEP = 6  # about 6 MB each


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


def make_snapshot(wheel_name: str, wheel: bytes) -> tuple[bytes, int] | None:
    """The gzip-compressed memory snapshot for this wheel and its uncompressed size.

    ``None`` when it is switched off (``LWT_SNAPSHOT=0``) or Node is missing; the worker then
    starts Pyodide fresh. Cached by the hash of the wheel, the Pyodide runtime and the script.
    """
    node = shutil.which("node")
    if os.environ.get("LWT_SNAPSHOT", "1") == "0" or node is None:
        return None
    key = hashlib.sha256(wheel)
    for name in ("pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        key.update(hashlib.sha256((PYODIDE_DIR / name).read_bytes()).digest())
    key.update(SNAPSHOT_SCRIPT.read_bytes())
    cached = SNAPSHOT_CACHE / f"{key.hexdigest()[:32]}.bin.gz"
    if not cached.is_file():
        with tempfile.TemporaryDirectory(prefix="lwt-snapshot-") as tmp:
            wheel_path = Path(tmp) / wheel_name
            wheel_path.write_bytes(wheel)
            raw = Path(tmp) / "snapshot.bin"
            completed = subprocess.run(
                [node, str(SNAPSHOT_SCRIPT), str(PYODIDE_DIR), str(wheel_path), str(raw)],
                capture_output=True, text=True, timeout=600,
            )
            if completed.returncode != 0:
                raise RuntimeError(f"the Pyodide snapshot failed (LWT_SNAPSHOT=0 builds without):\n{completed.stderr[-3000:]}")
            SNAPSHOT_CACHE.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.part")
            partial.write_bytes(gzip.compress(raw.read_bytes(), compresslevel=6, mtime=0))
            os.replace(partial, cached)
            for old in sorted(SNAPSHOT_CACHE.glob("*.bin.gz"), key=lambda p: p.stat().st_mtime)[:-SNAPSHOT_CACHE_KEEP]:
                old.unlink(missing_ok=True)
    data = cached.read_bytes()
    return data, int.from_bytes(data[-4:], "little")  # gzip's trailer holds the size (< 4 GiB)


def write_calculator_bundle(site_dir: Path, rules: dict[str, Any]) -> dict[str, Any]:
    """Write the wheel and the snapshot under ``assets/calc/<hash>/`` and the manifest; return the manifest."""
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
    }
    snapshot = make_snapshot(name, data)
    if snapshot is not None:
        compressed, size = snapshot
        (target.parent / SNAPSHOT_NAME).write_bytes(compressed)
        manifest["snapshot"] = {
            "file": f"{digest}/{SNAPSHOT_NAME}", "bytes": size,
            "file_sha256": hashlib.sha256(compressed).hexdigest(), "sha256": snapshot_sha256(compressed),
        }
    (calc_dir / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def snapshot_sha256(compressed: bytes) -> str:
    """SHA-256 of the snapshot as Pyodide gets it (inflated). The worker checks the file as stored
    (``file_sha256``, 5x fewer bytes to hash) and falls back to this one only when the server sent
    the .gz with Content-Encoding, so that the browser already inflated it."""
    return hashlib.sha256(gzip.decompress(compressed)).hexdigest()


def runtime_integrity(site_dir: Path, manifest: dict[str, Any]) -> dict[str, str]:
    """SHA-256 (hex) of every runtime file the worker fetches as stored, by path from the site root.

    The worker verifies each file against this table before Pyodide gets it, so that a half
    finished upload or a stale cache gives a clear message instead of an obscure failure.
    """
    files = [pyodide_dir(site_dir) / name for name in PYODIDE_FILES]
    files.append(site_dir / "assets" / "calc" / manifest["wheel"])
    return {path.relative_to(site_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() for path in files}


def pyodide_dir(site_dir: Path) -> Path:
    """Where the build puts the Pyodide runtime in the site."""
    return site_dir / "assets" / "pyodide"


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
    """Copy the runtime files and the notice to ``assets/pyodide/``; return the Pyodide version."""
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
