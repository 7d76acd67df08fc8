"""Every page of docs/ rendered by plain Python-Markdown with the site's extension, without MkDocs.

The extensions and their settings are read from mkdocs.yml, so this is the page pipeline any
generator that runs Python-Markdown gets from the same configuration.
"""

from __future__ import annotations

import re
from datetime import date
from html import escape, unescape
from pathlib import Path

import markdown
import pytest
import yaml

from build_scripts.paths import ROOT
from build_scripts.site.extension import LwtExtension, PageError
from build_scripts.site.macros import MacroError, format_value

ON = date(2026, 11, 28)
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
NORM_MACRO = re.compile(r"\{\{\s*norm:\s*([a-z0-9_.]+)\s*\}\}")


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: ``!relative`` is the folder of the config file."""


_ConfigLoader.add_constructor("!relative", lambda loader, node: str(ROOT))


def _extensions() -> tuple[list, dict]:
    """The markdown_extensions of mkdocs.yml, with the site's extension pinned to ON."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        settings[name] = options or {}
    assert "build_scripts.site.extension" in names, "mkdocs.yml does not name the page extension"
    return names, settings


def render(page: Path, **pinned) -> str:
    """A page as HTML: front matter off (the generator's job), then Markdown with every extension."""
    names, settings = _extensions()
    settings["build_scripts.site.extension"] = {"on": ON, "page": page.relative_to(DOCS).as_posix(), **pinned}
    source = FRONT_MATTER.sub("", page.read_text(encoding="utf-8"))
    return markdown.Markdown(extensions=names, extension_configs=settings).convert(source)


@pytest.mark.parametrize("page", PAGES, ids=[page.relative_to(DOCS).as_posix() for page in PAGES])
def test_every_page_renders_without_mkdocs(page, rules):
    """No macro is left on the page, and every {{ norm: id }} shows the norm's value on the reference date."""
    html = render(page)
    assert "{{" not in html  # (a "}}" may close nested JSON in a form)
    assert "<h1" in html
    text = unescape(html)
    for norm_id in NORM_MACRO.findall(page.read_text(encoding="utf-8")):
        assert format_value(rules.get(norm_id, ON).value) in text, norm_id


def test_the_pages_with_tables_and_forms_are_filled_in(rules):
    """The Bronnen page lists the norms, and a calculator page carries its form."""
    bronnen = render(DOCS / "bronnen.md")
    norm = rules.get("stage.uren.minimum", ON)
    assert 'id="norm-stage-uren-minimum"' in bronnen and escape(norm.description) in bronnen
    form = render(DOCS / "rekenhulpen" / "stage-uren.md")
    assert re.search(r'<form[^>]*data-calc="stage_uren"', form)


def test_every_page_is_rendered():
    """The walk covers the whole of docs/, calculator pages included."""
    names = {page.relative_to(DOCS).as_posix() for page in PAGES}
    assert {"index.md", "bronnen.md", "controle.md", "rekenhulpen/stage-uren.md"} <= names
    assert len(names) >= 20


def test_a_broken_page_stops_the_rendering(tmp_path):
    """A hand-typed norm value or an unknown macro raises, naming the page."""
    typed = DOCS / "proef.md"
    with pytest.raises(PageError, match="proef.md:1"):
        markdown.Markdown(extensions=[LwtExtension(on=ON, page="proef.md")]).convert("Minstens 640 klokuren.\n")
    with pytest.raises(MacroError, match=r"proef.md: unknown macro \{\{ onbekend \}\}"):
        markdown.Markdown(extensions=[LwtExtension(on=ON, page=typed.name)]).convert("{{ onbekend }}\n")


class _GeneratorPage:
    """What Zensical registers on its Markdown instance: a preprocessor that holds the page."""

    def __init__(self, path: str):
        self.page = type("Page", (), {"path": path})()

    def run(self, lines):
        return lines


@pytest.mark.parametrize(
    ("path", "from_source", "script"),
    [
        ("controle.md", False, "../assets/js/controle.js"),  # MkDocs: from the URL controle/
        ("controle.md", True, "assets/js/controle.js"),  # Zensical: from docs/controle.md
        ("naslag/controle.md", True, "../assets/js/controle.js"),
    ],
)
def test_the_self_check_script_is_found_from_where_the_generator_resolves_it(path, from_source, script):
    """The self-check script's URL is relative to the page URL under MkDocs, to the source file under Zensical."""
    md = markdown.Markdown(extensions=[LwtExtension(on=ON, page="" if from_source else path)])
    if from_source:
        md.preprocessors.register(_GeneratorPage(path), "rendering_context", 0)
    html = md.convert("{{ controle }}\n")
    assert f'<script src="{script}"></script>' in html
