"""Pack the built site as one zip, ready to copy to a web server: ``python -m build_scripts.offline.package_site``.

The zip holds the files of ``site/`` at its top level (so "unpack into the web folder" is the
whole instruction), including the hosting kit (``web.config``, ``.htaccess``, ``hosting/``).
It is reproducible: entries are sorted and carry a fixed timestamp, so the same site gives the
same zip. Files that are compressed already (the wheel, the stdlib zip, ``.gz``) are stored.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

from ..paths import ROOT
from .hosting import RUNTIME  # assets/pyodide/<version>/
DEFAULT_OUT = ROOT / "dist" / "wegwijzer-lwt-site.zip"
FIXED_TIME = (2020, 1, 1, 0, 0, 0)
STORED = {".zip", ".whl", ".gz", ".png"}
#: Files without which the zip is no use on a server; their absence means the build is incomplete.
REQUIRED = ("index.html", "web.config", ".htaccess", "hosting/nginx.conf", f"{RUNTIME}pyodide.mjs",
            f"{RUNTIME}pyodide.asm.wasm", "assets/calc/manifest.json")


class PackageError(RuntimeError):
    """The site cannot be packed; the message says why."""


def package(site_dir: Path, out: Path = DEFAULT_OUT) -> Path:
    """Write the zip of ``site_dir`` to ``out``; return ``out``."""
    site_dir = Path(site_dir)
    missing = [name for name in REQUIRED if not (site_dir / name).is_file()]
    if missing:
        raise PackageError(f"{site_dir} is not a complete build (missing: {', '.join(missing)}); run 'make build' first")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w") as archive:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            name = path.relative_to(site_dir).as_posix()
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if path.suffix.lower() in STORED else zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    partial.replace(out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Pack the built site as a zip for a web server.")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the zip to write (default: dist/wegwijzer-lwt-site.zip)")
    args = parser.parse_args(argv)
    try:
        written = package(args.site_dir, args.out)
    except PackageError as error:
        print(f"package_site: {error}", file=sys.stderr)
        return 1
    print(f"Zip geschreven: {written} ({written.stat().st_size // 1024} kB). Pak hem uit in een map van de webserver "
          "en open daarna de pagina controle/ van de site.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
