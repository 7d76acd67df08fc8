"""The steps after the pages, run on their own as another site generator would run them."""

from __future__ import annotations

import json

import pytest

from build_scripts import finish
from build_scripts.bundle import wheel as bundle


def test_a_site_from_another_generator_gets_calculators_and_hosting_kit(tmp_path, monkeypatch, capsys):
    """`python -m build_scripts.finish SITE` adds the runtime, the wheel, the manifest, rules.json and the kit."""
    monkeypatch.setenv("LWT_SNAPSHOT", "0")
    monkeypatch.setenv("LWT_PEILDATUM", "2026-11-28")
    (tmp_path / "index.html").write_text('<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>t</title></head><body></body></html>', encoding="utf-8")
    assert finish.main([str(tmp_path)]) == 0
    manifest = json.loads((tmp_path / "assets" / "calc" / "manifest.json").read_text(encoding="utf-8"))
    assert (tmp_path / "assets" / "calc" / manifest["wheel"]).is_file()
    assert json.loads((tmp_path / "assets" / "calc" / "rules.json").read_text(encoding="utf-8"))["norms"]
    assert (tmp_path / "assets" / bundle.runtime_folder() / "pyodide.asm.wasm").is_file()
    assert (tmp_path / "web.config").is_file() and (tmp_path / ".htaccess").is_file()
    assert "28 november 2026" in (tmp_path / "hosting" / "LEESMIJ.txt").read_text(encoding="utf-8")
    assert manifest["pyodide"] in capsys.readouterr().out


def test_a_page_that_loads_an_outside_asset_stops_it(tmp_path, monkeypatch):
    """A built page with a script from another origin fails, naming the asset."""
    monkeypatch.setenv("LWT_SNAPSHOT", "0")
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>t</title>'
        '<script src="https://cdn.example.org/x.js"></script></head><body></body></html>', encoding="utf-8"
    )
    with pytest.raises(finish.FinishError, match="cdn.example.org"):
        finish.main([str(tmp_path)])
