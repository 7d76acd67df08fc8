"""Issue 12: statements a school could be misled by, put right on the built pages."""

from __future__ import annotations

import re
from html import unescape

import pytest


def _text(built_site, page: str) -> str:
    html = (built_site / page / "index.html").read_text(encoding="utf-8")
    article = html.split('<article', 1)[1].split("</article>", 1)[0]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", article)))


@pytest.mark.parametrize("page", ["regels", "wetgeving", "begrippen"])
def test_the_wvo_2020_applies_since_1_august_2022(built_site, page):
    """The WVO 2020 took effect on 1 August 2022 (Stb. 2021, 599), and no page says 2021."""
    text = _text(built_site, page)
    assert "1 augustus 2021" not in text
    assert "1 augustus 2022" in text


def test_no_page_dates_anything_to_1_august_2021(built_site):
    """Nowhere on the site does a rule or law start on 1 August 2021."""
    for page in sorted(built_site.rglob("index.html")):
        assert "1 augustus 2021" not in page.read_text(encoding="utf-8"), page


def test_machine_work_is_not_listed_as_never_light_work(built_site):
    """The machine clause belongs to niet-industriële arbeid; the never-light list no longer has it (NRK 1:1)."""
    text = _text(built_site, "veiligheid")
    never = text.split("Nooit licht werk", 1)[1].split("Persoonlijke beschermingsmiddelen", 1)[0]
    assert "machines" not in never
    assert "elektrocutie" not in text


def test_thirteen_year_olds_may_only_do_niet_industriele_light_work(built_site):
    """A 13-year-old may only do niet-industriële arbeid van lichte aard (ATW 3:2 lid 2 onder b), and a 14-year-old on stage may work with machines."""
    text = _text(built_site, "veiligheid")
    passage = text.split("Een leerling van 13 mag geen", 1)[1][:900]
    assert "niet-industriële" in passage
    assert "3:2 lid 2 onder b" in passage
    assert "met machines" in passage


def test_the_2015_text_is_labelled_as_such(built_site):
    """The quotation 'Een leer-werktraject is een leerroute ...' is labelled as the 2015 text of the old WVO."""
    text = _text(built_site, "regels")
    before = text.split("Een leer-werktraject is een leerroute binnen de basisberoepsgerichte leerweg", 1)[0][-120:]
    assert "tekst van 2015" in before
    assert "De wet zegt" not in before


def test_the_week_example_warns_about_the_maximum(built_site):
    """The example of a school week no longer suggests three stage days without a warning about the maximum."""
    text = _text(built_site, "regels")
    assert "twee dagen school en drie dagen stage" not in text
    passage = text.split("Scholen kiezen zelf hoe ze de week verdelen", 1)[1][:400]
    assert "ten hoogste" in passage and "ruim boven" in passage


def test_rekenen_is_for_pupils_without_wiskunde(built_site):
    """The home page says the schoolexamen rekenen is for pupils without wiskunde."""
    html = (built_site / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))
    sentence = text.split("schoolexamen rekenen", 1)[0][-80:]
    assert "zonder examen in wiskunde" in sentence


@pytest.mark.parametrize("page", ["", "over"])
def test_claims_say_what_was_checked(built_site, page):
    """Home and 'Over deze site' no longer claim that every rule was checked in the law."""
    html = (built_site / page / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))
    assert "Elke regel is daarna nagezocht in de wet" not in text
    assert "Elke regel op deze site komt uit een bron: een wet" not in text
    assert "2015" in text


def test_fifteen_year_olds_with_a_side_job(built_site):
    """The werktijden page says the rule for a 15-year-old with a side job next to the stage is not known."""
    text = _text(built_site, "werktijden")
    assert "15 jaar met een bijbaan" in text and "niet gevonden" in text


def test_sbb_servicedesk_target_groups_and_meldpunt(built_site):
    """The stage page names SBB's servicedesk (the organisation), SBB's other target groups and the Meldpunt stagetekort."""
    html = (built_site / "stage" / "index.html").read_text(encoding="utf-8")
    text = _text(built_site, "stage")
    assert "Servicedesk van SBB" in text
    assert "praktijkonderwijs (pro)" in text and "voortgezet speciaal onderwijs (vso)" in text
    assert re.search(r'<a href="https://sbb\.typeform\.com/[^"]+">Meldpunt stagetekort', html)


def test_bronnen_says_in_any_case_since_and_source_dates(built_site):
    """The Bronnen page says 'in elk geval sinds' for the 640 hours and shows when each source applied."""
    text = _text(built_site, "bronnen")
    assert "in elk geval sinds 1 september 2015" in text
    assert "(geldt tot en met 31 juli 2022)" in text
    assert "(geldt sinds 1 augustus 2022)" in text


def test_bronnen_counts_norms_per_certainty_label(built_site, compiled_rules):
    """The Bronnen page counts how many norms carry each certainty label, and the counts add up to all norms."""
    html = (built_site / "bronnen" / "index.html").read_text(encoding="utf-8")
    table = html.split('lwt-normtable--labels', 1)[1].split("</table>", 1)[0]
    counts = [int(n) for n in re.findall(r"<td>(\d+)</td></tr>", table)]
    assert len(counts) == len(compiled_rules["certainties"])
    assert sum(counts) == len(compiled_rules["norms"])


@pytest.mark.parametrize("page", ["werktijden", "bronnen", "rekenhulpen/werktijden"])
def test_times_are_written_the_dutch_way(built_site, page):
    """Times of day from data/ read as '07.00' and '19.00 uur', never '07:00'."""
    text = _text(built_site, page)
    assert "07.00" in text and "19.00" in text
    assert not re.search(r"\b(?:07|19|23|06):00\b", text)


def test_combinatiecijfer_rounding_in_plain_words(built_site):
    """The rounding of the combinatiecijfer is said in plain words, not 'op 0 decimalen'."""
    text = _text(built_site, "rekenhulpen/examenpakket")
    assert "0 decimalen" not in text
    assert "op een heel cijfer" in text


def test_rekenen_legal_basis_by_period(built_site):
    """The exam page gives WVO (oud) art. 118jj for 2020-2022 and UB WVO 2020 art. 10.3 since 1 August 2022."""
    text = _text(built_site, "examen")
    assert "118jj" in text and "31 juli 2022" in text
    assert "sinds 1 augustus 2022 staat het in Uitvoeringsbesluit WVO 2020 art. 10.3" in text


def test_bronnen_explains_in_any_case_since(built_site):
    """The Bronnen page explains 'in elk geval sinds' and links to 'Wat is er veranderd'."""
    html = (built_site / "bronnen" / "index.html").read_text(encoding="utf-8")
    text = _text(built_site, "bronnen")
    assert "dan weten we alleen dat de regel op die datum al gold" in text
    assert 'href="../wijzigingen/"' in html
