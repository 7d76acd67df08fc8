"""The hosting kit and the zip, read from the built site without a browser: the zip holds the site
and the kit, and the IIS, Apache and nginx configs carry the MIME types and the policy.

(Moved from tests/browser/test_offline.py: they need a built site, not a browser.)
"""

from __future__ import annotations

import json
import zipfile
from xml.etree import ElementTree

import pytest

from build_scripts.mime import MIME_TYPES
from build_scripts.offline import hosting, package_site


def test_zip_holds_the_site_and_the_kit(built_site, tmp_path):
    """The zip has index.html, web.config, .htaccess and the runtime at its top level, nothing else."""
    out = package_site.package(built_site, tmp_path / "site.zip")
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("assets/calc/manifest.json"))
        assert archive.testzip() is None
    expected = {path.relative_to(built_site).as_posix() for path in built_site.rglob("*") if path.is_file()}
    assert names == expected
    for name in ("index.html", "web.config", ".htaccess", "hosting/nginx.conf", "controle/index.html",
                 "assets/pyodide/NOTICE.txt", f"assets/calc/{manifest['wheel']}", "assets/js/calc-worker.mjs"):
        assert name in names, name
    assert {f"assets/pyodide/{name}" for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")} <= names
    again = package_site.package(built_site, tmp_path / "again.zip")
    assert again.read_bytes() == out.read_bytes(), "the same site gives the same zip"


def test_zip_refuses_an_incomplete_site(tmp_path):
    """A folder without the kit is not packed."""
    (tmp_path / "index.html").write_text("<p>x</p>", encoding="utf-8")
    with pytest.raises(package_site.PackageError, match="web.config"):
        package_site.package(tmp_path, tmp_path / "out.zip")


def test_iis_web_config_maps_the_types_and_sends_the_policy(built_site):
    """web.config is valid XML with the MIME maps, the CSP and cache rules per folder."""
    tree = ElementTree.parse(built_site / "web.config")
    maps = {node.get("fileExtension"): node.get("mimeType") for node in tree.iter("mimeMap")}
    assert maps[".mjs"] == "text/javascript"
    assert maps[".wasm"] == "application/wasm"
    assert maps[".whl"] == "application/zip"
    assert maps[".gz"] == "application/gzip", "IIS serves no file type it does not know (the snapshot is .gz)"
    removed = {node.get("fileExtension") for node in tree.iter("remove") if node.get("fileExtension")}
    assert set(maps) <= removed, "every map is preceded by a remove, so an existing map does not break IIS"
    headers = {node.get("name"): node.get("value") for node in tree.iter("add")}
    assert headers["Content-Security-Policy"] == hosting.CSP
    caching = {node.get("path"): node.find(".//clientCache").attrib for node in tree.getroot().findall("location")}
    assert caching["assets/calc"]["cacheControlMaxAge"] == "365.00:00:00"
    assert caching["assets/pyodide"]["cacheControlMode"] == "UseMaxAge"
    assert caching["assets/calc/manifest.json"]["cacheControlMode"] == "DisableCache"
    calc_files = {p.name for p in (built_site / "assets" / "calc").iterdir() if p.is_file()}
    assert {f"assets/calc/{name}" for name in calc_files} <= set(caching), "no unversioned calc file is cached for a year"


def test_apache_and_nginx_kits_carry_the_same_types_and_policy(built_site):
    """.htaccess and hosting/nginx.conf set the two types and the CSP, guarded per module."""
    htaccess = (built_site / ".htaccess").read_text(encoding="utf-8")
    assert "AddType text/javascript .mjs" in htaccess and "AddType application/wasm .wasm" in htaccess
    assert f'Header always set Content-Security-Policy "{hosting.CSP}"' in htaccess
    assert htaccess.count("<IfModule") == htaccess.count("</IfModule>") >= 3
    assert "RemoveEncoding .gz" in htaccess, "the snapshot must reach the worker still compressed"
    nginx = (built_site / "hosting" / "nginx.conf").read_text(encoding="utf-8")
    assert "text/javascript js mjs;" in nginx and "application/wasm wasm;" in nginx
    assert f'add_header Content-Security-Policy "{hosting.CSP}" always;' in nginx
    assert '"~/assets/calc/[0-9a-f]{12}/"' in nginx, "a regex with braces must be quoted in nginx"
    code = "\n".join(line.split("#")[0] for line in nginx.splitlines())
    assert code.count("{") == code.count("}")


def test_the_kits_use_the_one_mime_table(built_site):
    """The kit's types are the ones the test server sends: both come from build_scripts/mime.py."""
    assert hosting.MIME_TYPES is MIME_TYPES
    tree = ElementTree.parse(built_site / "web.config")
    maps = {node.get("fileExtension"): node.get("mimeType") for node in tree.iter("mimeMap")}
    for ext, mime in maps.items():
        assert MIME_TYPES[ext].split(";")[0] == mime, ext
