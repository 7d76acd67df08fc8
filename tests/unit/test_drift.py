"""The drift check: a page that types the value of a numeric norm by hand fails; macros, years, articles pass."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest

from build_scripts.site import drift
from build_scripts.site.macros import Context
from calculators import Rules

ON = date(2026, 11, 28)
DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = sorted(DOCS.rglob("*.md"))


def _check(markdown: str, compiled, page: str = "proef.md") -> list[str]:
    return drift.check(markdown, Context(rules=Rules(compiled), on=ON, page=page))


def test_hand_typed_640_uur_fails(compiled_rules):
    """'640 uur' typed in a sentence is reported with page, line, number and the norm id to use."""
    problems = _check("# Stage\n\nDe leerling loopt ten minste 640 uur stage.\n", compiled_rules, "stage.md")
    assert len(problems) == 1
    assert problems[0].startswith("stage.md:3:")
    assert "640" in problems[0] and "stage.uren.minimum" in problems[0]
    assert "{{ norm: stage.uren.minimum }}" in problems[0]


def test_the_macro_form_passes(compiled_rules):
    """The same sentence with the norm macro has nothing to report."""
    assert _check("De leerling loopt ten minste {{ norm: stage.uren.minimum }} uur stage.\n", compiled_rules) == []


@pytest.mark.parametrize(("sentence", "norm_id"), [
    ("ten hoogste 1.280 klokuren", "stage.uren.maximum"),
    ("ten hoogste 1280 klokuren", "stage.uren.maximum"),
    ("op ten minste 189 dagen per jaar", "onderwijstijd.dagen_per_jaar"),
    ("samen 3.700 klokuren", "onderwijstijd.klokuren_totaal"),
    ("niet meer dan 7 uur per dag", "werktijden.kind.max_uren_per_dag"),
    ("niet meer dan 35 uur per week", "werktijden.kind.max_uren_per_week"),
    ("een pauze na 4,5 uur werk", "werktijden.kind.pauze_na_uren"),
    ("tillen van meer dan 10 kg", "werkzaamheden.tillen_max_kg"),
    ("een pauze van 30 minuten", "werktijden.kind.pauze_minuten"),
    ("een stage van 640 stage-uren", "stage.uren.minimum"),
    ("tussen 640 en 1.280 klokuren", "stage.uren.minimum"),
    ("tussen 640 en 1.280 klokuren", "stage.uren.maximum"),
    ("vanaf 14 jaar mag een leerling stage lopen", "werktijden.minimum_leeftijd_stage"),
    ("om de 4 jaar beoordeelt SBB het leerbedrijf", "leerbedrijven.herbeoordeling_jaren"),
    ("ten minste 4 keuzevakken", "examen.min_keuzevakken"),
    ("geen keuzevak lager dan een 4", "examen.keuzevak_minimum"),
    ("93% van de leerlingen gaat naar het mbo", "doorstroom.naar_mbo"),
    ("ongeveer 50% verwant", "doorstroom.verwant"),
    ("ongeveer 1.500 lwt-leerlingen", "doorstroom.lwt_leerlingen"),
])
def test_hand_typed_norms_are_caught(sentence, norm_id, compiled_rules):
    """A norm value with its unit word, in the Dutch forms a page would use, is reported."""
    problems = _check(f"In de praktijk: {sentence}.\n", compiled_rules)
    assert any(norm_id in problem for problem in problems), problems


@pytest.mark.parametrize("sentence", [
    "In 2021 ging de WVO 2020 in.",
    "Zie art. 3.35 lid 6 van het Uitvoeringsbesluit en art. 10b1 lid 1 van de oude WVO.",
    "Arbeidstijdenwet art. 3:2 lid 2 en Kamerstuk 34010.",
    "Zoek op Stagemarkt met code 19020 of 19029.",
    "Stb. 2020, 253 schafte de rekentoets af.",
    "De stage telt in leerjaar 3 en 4.",
    "Er zijn 10 profielen en 4 leerwegen.",
    "Om 7 uur begint de dag; de school gaat uit om 16 uur.",
    "De werkdag loopt van 7.00 uur tot 19:00 uur.",
    "Jongeren van 16 en 17 jaar, en een leerling van 14 jaar.",
    "Een 15-jarige leerling in leerjaar 3.",
    "Hij haalde een 6 voor Nederlands.",
    "Het schoolexamen telt voor 50% mee.",
    "Schooljaar 2020-2021 was het eerste jaar.",
    "In 2023 gingen 59 leerlingen van BWI naar de bbl.",
])
def test_ordinary_numbers_pass(sentence, compiled_rules):
    """Years, article numbers, codes, times, ages and counts of other things are not norms typed by hand."""
    assert _check(sentence + "\n", compiled_rules) == []


def test_code_macros_and_links_are_not_prose(compiled_rules):
    """Inline code, fenced code, macros, link addresses and HTML attributes are not checked."""
    page = "\n".join([
        "Schrijf `640 uur` niet zo.",
        "",
        "```",
        "640 uur",
        "```",
        "",
        "Zie [de wet](https://example.nl/640-uur) en <https://example.nl/640%20uur>.",
        "",
        '<div data-uren="640 uur"><code>640 uur</code></div>',
        "",
        "    640 uur als ingesprongen code",
    ])
    assert _check(page, compiled_rules) == []


def test_text_in_admonitions_tables_and_html_is_checked(compiled_rules):
    """Prose inside an admonition, a table cell and a raw HTML block counts, with the right line."""
    page = "\n".join([
        "# Titel",                           # 1
        "",                                  # 2
        '!!! note "Let op"',                 # 3
        "",                                  # 4
        "    Een dag van 9 uur mag niet.",    # 5
        "",                                  # 6
        "| regel | waarde |",                # 7
        "|---|---|",                         # 8
        "| per week | 45 uur |",             # 9
        "",                                  # 10
        "<div>",                             # 11
        "<p>Rust: <b>12</b> uur</p>",        # 12
        "</div>",                            # 13
    ])
    problems = _check(page, compiled_rules)
    assert [problem.split(":")[1] for problem in problems] == ["5", "9", "12"], problems
    assert "werktijden.jeugdige.max_uren_per_dienst" in problems[0]
    assert "werktijden.jeugdige.max_uren_per_week" in problems[1]
    assert "werktijden.jeugdige.dagelijkse_rust_uren" in problems[2]


def test_front_matter_is_skipped_and_lines_still_count(compiled_rules):
    """A page's front matter is not prose, and the reported line is the line in the file."""
    page = "---\ntitle: 640 uur\n---\n\n# Stage\n\nMinstens 640 klokuren.\n"
    problems = _check(page, compiled_rules)
    assert len(problems) == 1 and problems[0].startswith("proef.md:7:")


def test_an_earlier_value_typed_by_hand_is_caught(compiled_rules):
    """After a norm changes, a page that still types the old value is reported, with the dated macro."""
    changed = copy.deepcopy(compiled_rules)
    values = changed["norms"]["stage.uren.minimum"]["values"]
    values.append({**values[-1], "from": "2026-08-01", "value": 600})
    problems = _check("Minstens 640 klokuren.\n", changed)
    assert len(problems) == 1
    assert "{{ norm: stage.uren.minimum @ 2015-09-01 }}" in problems[0]
    assert _check("Minstens 600 klokuren.\n", changed)[0].endswith("write {{ norm: stage.uren.minimum }} instead of typing it")


def test_a_unit_with_a_qualifier_needs_the_qualifier(compiled_rules):
    """'50% verwant' is the norm doorstroom.verwant; '50%' alone is not, '50% bbl' is doorstroom.bbl."""
    assert _check("Ongeveer 50% van de leerlingen.\n", compiled_rules) == []
    assert "doorstroom.bbl" in _check("Ongeveer 50% naar de bbl.\n", compiled_rules)[0]


@pytest.mark.parametrize("page", PAGES, ids=[str(path.relative_to(DOCS)) for path in PAGES])
def test_every_real_page_passes(page, compiled_rules):
    """No page in docs/ types a norm value by hand."""
    assert _check(page.read_text(encoding="utf-8"), compiled_rules, str(page.relative_to(DOCS))) == []


def test_the_page_extension_refuses_a_hand_typed_norm():
    """The page pipeline (the Markdown extension MkDocs runs) stops a page that types a norm value by hand."""
    import markdown

    from build_scripts.site.extension import LwtExtension, PageError

    def render(source: str) -> str:
        return markdown.Markdown(extensions=[LwtExtension(on=ON, page="proef.md")]).convert(source)

    with pytest.raises(PageError, match="stage.uren.minimum"):
        render("Minstens 640 klokuren.\n")
    assert "640" in render("Minstens {{ norm: stage.uren.minimum }} klokuren.\n")


@pytest.mark.parametrize(("sentence", "norm_id"), [
    ("ten minste zeshonderdveertig uur stage", "stage.uren.minimum"),
    ("ten hoogste twaalfhonderdtachtig klokuren", "stage.uren.maximum"),
    ("samen drieduizendzevenhonderd klokuren", "onderwijstijd.klokuren_totaal"),
    ("op ten minste honderdnegenentachtig dagen", "onderwijstijd.dagen_per_jaar"),
    ("vanaf veertien jaar mag een leerling stage lopen", "werktijden.minimum_leeftijd_stage"),
    ("niet meer dan vijfendertig uur per week", "werktijden.kind.max_uren_per_week"),
    ("een pauze van dertig minuten", "werktijden.kind.pauze_minuten"),
    ("ten minste vier keuzevakken", "examen.min_keuzevakken"),
    ("het programma van de vier leerjaren", "onderwijstijd.leerjaren"),
])
def test_numbers_written_as_words_are_caught(sentence, norm_id, compiled_rules):
    """A norm value written as a Dutch number word, with its unit word, is reported like one in figures."""
    problems = _check(f"In de praktijk: {sentence}.\n", compiled_rules)
    assert any(norm_id in problem for problem in problems), problems


@pytest.mark.parametrize(("word", "value"), [
    ("zeshonderdveertig", 640), ("twaalfhonderdtachtig", 1280), ("duizendtweehonderdtachtig", 1280),
    ("drieduizendzevenhonderd", 3700), ("honderdnegenentachtig", 189), ("vijfendertig", 35),
    ("tweeëntwintig", 22), ("veertien", 14), ("één", 1), ("een", None), ("dienst", None), ("tienen", None),
])
def test_dutch_number_words(word, value):
    """Dutch number words are read as numbers; the article 'een' and ordinary words are not."""
    assert drift.word_number(word) == value


@pytest.mark.parametrize("sentence", [
    "Een leerling van veertien jaar mag stage lopen met een stageovereenkomst.",
    "Een uur per dag is genoeg.",
    "Drie dagen school en twee dagen stage.",
    "De tien profielen van het vmbo.",
    "Vier leerwegen: bb, kb, gl en tl.",
])
def test_ordinary_number_words_pass(sentence, compiled_rules):
    """Number words that are ages, counts of other things or the article 'een' are not norms typed by hand."""
    assert _check(sentence + "\n", compiled_rules) == []


def test_numbers_inside_list_values_are_caught(compiled_rules):
    """A number that is an item of a list value (stage.leerjaren = [3, 4]) is a value like any other."""
    changed = copy.deepcopy(compiled_rules)
    changed["norms"]["stage.leerjaren"]["values"][0]["value"] = [3, 7]
    problems = _check("De stage loopt over 7 leerjaren.\n", changed)
    assert any("stage.leerjaren" in problem for problem in problems), problems
    assert _check("De stage loopt over 7 leerjaren.\n", compiled_rules) == []
