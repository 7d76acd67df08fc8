"""The vergaderset: a short handout for a meeting, printed to PDF by ``make pdf`` (issue 16).

``docs/vergaderset.md`` is a page outside the navigation whose only content is the macro
``{{ vergaderset }}``. The macro assembles the handout from what the site already has:

- a cover with the reference date and the version of the rules (from the compiled data);
- the rules in short, what must and what may, as one table: the "Wat moet" table and the
  "Wat mag" paragraphs of ``docs/regels.md``, with their norms expanded from data/;
- the stellingen of ``docs/stellingen.md``, each with a box for notes;
- the six calculators of the Rekenhulpen pages as blank forms, one per page, each with the
  rules it checks (the calculator module's ``NORMS``, values from data/);
- the abbreviations of ``overrides/includes/afkortingen.md`` on one page.

Sources become numbered endnotes when the page is printed (build_scripts/offline/make_pdf.py),
as in the naslag. The page wraps its content in ``#print-site-page`` so that the paper rules of
the print page (blank forms, no worker started, headings kept with their text) apply to it too.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html import escape
from typing import Any

import markdown as python_markdown

from calculators import describe, dutch

from ..paths import ROOT
from . import macros
from .forms import render_form, rule_ids
from .macros import Context, MacroError
from .norm_tables import anchor

DOCS = ROOT / "docs"
ABBREVIATIONS = ROOT / "overrides" / "includes" / "afkortingen.md"
#: The calculator pages of the navigation, in its order (the section "Rekenhulpen" of mkdocs.yml).
CALCULATOR_PAGES = ("onderwijstijd", "stage-uren", "werktijden", "examenpakket", "toezicht", "stageovereenkomst")
_CALC_MACRO = re.compile(r"\{\{\s*rekenhulp:\s*([a-z_]+)\s*\}\}")
_ABBR = re.compile(r"^\*\[([^\]]+)\]:\s*(.+)$")
_SECTION = re.compile(r"^## ", re.MULTILINE)
#: A link to another page of docs/ in Markdown: ``](stage.md#anchor)``.
_PAGE_LINK = re.compile(r"\]\((?!https?:)([a-z0-9_/-]+)\.md(#[^)\s]*)?\)")
#: The Markdown extensions of mkdocs.yml that the parts use.
_EXTENSIONS = ["abbr", "attr_list", "md_in_html", "tables", "admonition", "pymdownx.details", "pymdownx.superfences", "toc"]

TEXT = {
    "kicker": "Vergaderset voor een sectie, MR of regionaal overleg",
    "title": "Wegwijzer leer-werktrajecten vmbo",
    "sub": "De regels in het kort, de stellingen en de rekenhulpen op papier.",
    "date": "Stand van de informatie",
    "version": "Versie van de regels",
    "notes": (
        "Deze set is een uittreksel van de website op de datum hierboven. De volledige uitleg staat op de "
        "website en in de naslag-PDF. Regels kunnen na deze datum veranderen: kijk bij twijfel in de wettekst.",
        "De cijfers in de tekst verwijzen naar de bronnen achterin.",
    ),
    "no_advice": "Geen juridisch advies.",
    "rules_title": "Wat moet en wat mag, in het kort",
    "rules_intro": "Wat de wet eist en wat de school zelf kiest. De uitleg staat op de pagina ‘Wat moet en wat mag’ van de website.",
    "must": "Moet",
    "may": "Mag",
    "col_kind": "Moet of mag",
    "col_rule": "Regel",
    "col_source": "Bron",
    "notes_box": "Aantekeningen",
    "forms_title": "Rekenhulpen op papier",
    "forms_intro": (
        "De zes rekenhulpen als leeg formulier, elk op een eigen pagina. Vul ze met de hand in; op de website "
        "rekenen ze zelf. Op de pagina na elk formulier (bij dubbelzijdig afdrukken: de achterkant) staan de "
        "regels die de rekenhulp toetst, met de waarde op de datum op het voorblad."
    ),
    "checks": "Regels die de rekenhulp ‘{title}’ toetst",
    "col_value": "Waarde",
    "list_value": "{n} punten; zie de naslag",
    "glossary_title": "Afkortingen",
    "col_abbr": "Afkorting",
    "col_meaning": "Betekenis",
}


def _page_markdown(name: str, context: Context) -> str:
    """A page of docs/ with its macros expanded, without its title line."""
    text = (DOCS / name).read_text(encoding="utf-8")
    expanded = macros.expand(text, replace(context, page=name), context.macros)
    return re.sub(r"\A# .*\n", "", expanded)


def _site_link(match: re.Match) -> str:
    """A link to a page of docs/ as the built site has it, seen from ``vergaderset/``."""
    page, fragment = match.group(1), match.group(2) or ""
    path = "" if page == "index" else (page[: -len("/index")] if page.endswith("/index") else page) + "/"
    return f"](../{path}{fragment})"


def to_html(text: str) -> str:
    """Markdown to HTML, with links to other pages made into links to the built pages.

    The handout is one raw HTML block on its page (Markdown inside an HTML block of MkDocs would
    re-parse the forms), so its Markdown parts are converted here.
    """
    return python_markdown.markdown(_PAGE_LINK.sub(_site_link, text), extensions=_EXTENSIONS, output_format="html")


def _section(markdown: str, title_start: str) -> str:
    """The body of the ``## `` section whose title starts with ``title_start``."""
    for part in _SECTION.split(markdown)[1:]:
        title, _, body = part.partition("\n")
        if title.startswith(title_start):
            return body
    raise MacroError(f"docs/regels.md has no section '## {title_start}…' any more")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def rules_rows(context: Context) -> list[tuple[str, str, str]]:
    """(moet/mag, rule, source) from docs/regels.md: the "Wat moet" table, then the "Wat mag" paragraphs."""
    regels = _page_markdown("regels.md", context)
    rows: list[tuple[str, str, str]] = []
    table = [line for line in _section(regels, "Wat moet").splitlines() if line.startswith("|")]
    for line in table[2:]:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        rows.append((TEXT["must"], cells[0], cells[1] if len(cells) > 1 else ""))
    for paragraph in _section(regels, "Wat mag").split("\n\n"):
        paragraph = _one_line(paragraph)
        if paragraph.startswith("**"):
            rows.append((TEXT["may"], paragraph, ""))
    if not rows:
        raise MacroError("docs/regels.md: no rules found for the vergaderset")
    return rows


def _cover(context: Context) -> str:
    datum = dutch.long_date(context.on)
    notes = "".join(f"<p>{escape(note)}</p>" for note in TEXT["notes"])
    return (
        '<div class="lwt-cover lwt-vs-cover">'
        f'<p class="lwt-cover__kicker">{escape(TEXT["kicker"])}</p>'
        f'<h1 class="lwt-cover__title" id="vergaderset">{escape(TEXT["title"])}</h1>'
        f'<p class="lwt-cover__sub">{escape(TEXT["sub"])}</p>'
        f'<dl class="lwt-cover__facts"><dt>{escape(TEXT["date"])}</dt><dd>{escape(datum)}</dd>'
        f'<dt>{escape(TEXT["version"])}</dt><dd>{escape(context.rules.version)}</dd></dl>'
        f'<div class="lwt-cover__notes">{notes}<p><strong>{escape(TEXT["no_advice"])}</strong></p></div>'
        "</div>"
        f'<style>@page {{ @bottom-left {{ content: "Vergaderset lwt · stand {escape(datum)}"; }} }}</style>'
    )


def _rules_part(context: Context) -> str:
    lines = [
        f'# {TEXT["rules_title"]} {{#vs-regels}}', "", TEXT["rules_intro"], "",
        f'| {TEXT["col_kind"]} | {TEXT["col_rule"]} | {TEXT["col_source"]} |', "|---|---|---|",
    ]
    lines += [f"| **{kind}** | {rule} | {source} |" for kind, rule, source in rules_rows(context)]
    return to_html("\n".join(lines))


def _stellingen_part(context: Context) -> str:
    text = _page_markdown("stellingen.md", context)
    box = f'<div class="lwt-vs-notes"><p>{escape(TEXT["notes_box"])}</p></div>'
    parts = text.split('<div class="lwt-stelling"')
    out = [parts[0]]
    for part in parts[1:]:
        # Every block except the closing table of agreements gets a box for notes.
        if "| Afspraak" not in part:
            part = part.replace("\n</div>", f"\n{box}\n\n</div>", 1)
        out.append(part)
    return to_html("# Stellingen {#vs-stellingen}\n\n" + '<div class="lwt-stelling"'.join(out))


def calculators() -> list[str]:
    """The calculator of every Rekenhulpen page, in navigation order."""
    names = []
    for page in CALCULATOR_PAGES:
        found = _CALC_MACRO.search((DOCS / "rekenhulpen" / f"{page}.md").read_text(encoding="utf-8"))
        if not found:
            raise MacroError(f"docs/rekenhulpen/{page}.md has no {{{{ rekenhulp: … }}}}")
        names.append(found.group(1))
    return names


def _value(value: Any, norm_value) -> str:
    if isinstance(value, (list, dict)):
        return TEXT["list_value"].format(n=len(value))
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return norm_value.format()


def _source_name(source: dict[str, str]) -> str:
    return source["title"] + (f", {source['article']}" if source.get("article") else "")


def _checks(name: str, context: Context) -> str:
    """The rules that calculator ``name`` checks, with their value on the cover's date: a page of its own."""
    title = describe(name, context.rules, context.on)["title"]
    rows = []
    for norm_id in rule_ids(name, context.rules):
        try:
            current = context.rules.get(norm_id, context.on)
        except LookupError:
            continue
        if not current.applies:
            continue
        # Short link text (the article, else the title); the full name is the link's title,
        # which the endnote at the back of the PDF shows.
        sources = "; ".join(
            f'<a href="{escape(source["url"], quote=True)}" title="{escape(_source_name(source), quote=True)}">'
            f'{escape(source.get("article") or source["title"])}</a>'
            for source in current.source_refs() if source.get("url")
        )
        rows.append(
            f'<tr id="vs-{anchor(norm_id)}-{escape(name)}"><td>{escape(current.description)}</td>'
            f"<td>{escape(_value(current.value, current))}</td><td>{sources}</td></tr>"
        )
    return (
        f'<div class="lwt-vs-checks"><h2>{escape(TEXT["checks"].format(title=title))}</h2><table><thead><tr>'
        f'<th scope="col">{escape(TEXT["col_rule"])}</th><th scope="col">{escape(TEXT["col_value"])}</th>'
        f'<th scope="col">{escape(TEXT["col_source"])}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )


def _forms_part(context: Context) -> str:
    parts = [f'<h1 id="vs-rekenhulpen">{escape(TEXT["forms_title"])}</h1><p>{escape(TEXT["forms_intro"])}</p>']
    for name in calculators():
        # A paper form: without data-calc, so no page script treats it as a calculator to start.
        form = render_form(name, context.rules, context.on).replace(' data-calc="', ' data-paper-calc="', 1)
        # The form on one page, the rules it checks on the next (the back, printed on both sides).
        parts.append(f'<div class="lwt-vs-form" data-vs-form="{escape(name)}">{form}</div>')
        parts.append(f'<div class="lwt-vs-form lwt-vs-form--checks" data-vs-form="{escape(name)}-regels">{_checks(name, context)}</div>')
    return "".join(parts)


def abbreviations() -> list[tuple[str, str]]:
    """(abbreviation, meaning) from the site's list, once per abbreviation (``lwt`` and ``LWT`` are one)."""
    seen: dict[str, tuple[str, str]] = {}
    for line in ABBREVIATIONS.read_text(encoding="utf-8").splitlines():
        match = _ABBR.match(line.strip())
        if match:
            seen.setdefault(match.group(1).lower(), (match.group(1), match.group(2).strip()))
    return sorted(seen.values(), key=lambda item: item[0].lower())


def _glossary_part() -> str:
    rows = "".join(f"<tr><th scope=\"row\">{escape(abbr)}</th><td>{escape(meaning)}</td></tr>" for abbr, meaning in abbreviations())
    return (
        f'<h1 id="vs-afkortingen">{escape(TEXT["glossary_title"])}</h1>'
        f'<table class="lwt-vs-glossary"><thead><tr><th scope="col">{escape(TEXT["col_abbr"])}</th>'
        f'<th scope="col">{escape(TEXT["col_meaning"])}</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def vergaderset(argument: str, context: Context) -> str:
    """``{{ vergaderset }}``: the whole handout (see the module's docstring)."""
    parts = [_cover(context), _rules_part(context), _stellingen_part(context), _forms_part(context), _glossary_part()]
    sections = "".join(
        f'<section class="lwt-vs-part{" lwt-vs-part--cover" if index == 0 else ""}">{part}</section>'
        for index, part in enumerate(parts)
    )
    # One raw HTML block: no blank line inside, so Markdown passes it through as it is.
    html = f'<div id="print-site-page" class="lwt-vergaderset">{sections}</div>'
    return "\n" + re.sub(r"\n\s*\n", "\n", html) + "\n"


# --- Links to the PDFs on the site (home and Over deze site) ---------------------------------

#: The PDFs that ``make pdf`` writes into the built site's ``pdf/`` folder, in the order they are listed.
PDF_FILES = {
    "vergaderset": ("wegwijzer-lwt-vergaderset.pdf", "Vergaderset",
                    "de regels in het kort, de stellingen en de rekenhulpen als leeg formulier"),
    "naslag": ("wegwijzer-lwt-naslag.pdf", "Naslag", "de hele site, met bronnenlijst"),
}
PDF_TEXT = {
    "absent": "Bij deze uitgave van de site zijn geen PDF’s gemaakt. U kunt elke pagina zelf afdrukken.",
    "item": "({pages} pagina’s, {size} kB, gemaakt op {date}): {what}.",
}
PDF_BLOCK = re.compile(r'<div class="lwt-pdfs" data-lwt-pdfs="[^"]*">.*?</div>', re.DOTALL)


def pdf_block(entries: list[dict[str, Any]] | None = None, prefix: str = "") -> str:
    """The block that lists the PDFs; without entries it says there are none (and links nothing).

    ``entries``: ``{"key", "pages", "size_kb", "date"}`` per PDF that exists; ``prefix`` is the
    way from the page to the site's root (``""`` or ``"../"``).
    """
    if not entries:
        return f'<div class="lwt-pdfs" data-lwt-pdfs="absent"><p>{escape(PDF_TEXT["absent"])}</p></div>'
    items = []
    for entry in entries:
        filename, title, what = PDF_FILES[entry["key"]]
        detail = PDF_TEXT["item"].format(pages=entry["pages"], size=entry["size_kb"], date=entry["date"], what=what)
        items.append(f'<li><a href="{escape(prefix)}pdf/{filename}" type="application/pdf">{escape(title)}</a> {escape(detail)}</li>')
    return f'<div class="lwt-pdfs" data-lwt-pdfs="built"><ul>{"".join(items)}</ul></div>'


def pdfs(argument: str, context: Context) -> str:
    """``{{ pdfs }}``: where the PDFs are listed once ``make pdf`` has made them (see make_pdf.link_pdfs)."""
    return "\n" + pdf_block() + "\n"


#: The macros of this module, by name (collected in :mod:`build_scripts.site.registry`).
MACROS = {"vergaderset": vergaderset, "pdfs": pdfs}
