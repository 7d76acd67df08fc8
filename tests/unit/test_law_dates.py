"""The law as it stood on each date: laws and sources with their own dates of effect, values with the date they took effect.

The dates are checked by hand against the texts (see data/VERIFICATION.md):
Stb. 2021, 599 art. 1 and 2 (Invoerings- en aanpassingswet WVO 2020 and WVO 2020 in force on
1 August 2022) and Stb. 2022, 13 art. 1 (Uitvoeringsbesluit WVO 2020 in force on 1 August 2022).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from build_scripts.rules_data import DATA_DIR, compile_rules, in_force

WVO2020_IN_FORCE = "2022-08-01"  # Stb. 2021, 599, art. 2 lid 1
UB_IN_FORCE = "2022-08-01"  # Stb. 2022, 13, art. 1
NEW_LAWS = {"wvo2020", "ubwvo2020"}
OLD_LAWS = {"wvo", "eindexamenbesluit", "inrichtingsbesluit"}
LABOUR_LAWS = {"atw", "nrk", "arbobesluit", "arbowet"}


@pytest.fixture(scope="module")
def compiled():
    return compile_rules(DATA_DIR)


def _in_force_on(entry: dict, on: str) -> list[dict]:
    return [source for source in entry["sources"] if in_force(source, on)]


def _entry_on(norm: dict, on: str) -> dict | None:
    chosen = None
    for entry in norm["values"]:
        if entry["from"] <= on:
            chosen = entry
    return chosen


def test_the_new_laws_take_effect_on_1_august_2022(compiled):
    """The WVO 2020 and its Uitvoeringsbesluit take effect on 1 August 2022, not 2021."""
    assert compiled["laws"]["wvo2020"]["from"] == WVO2020_IN_FORCE
    assert compiled["laws"]["ubwvo2020"]["from"] == UB_IN_FORCE


def test_the_old_laws_end_on_31_july_2022(compiled):
    """The old WVO, the Eindexamenbesluit and the Inrichtingsbesluit apply up to and including 31 July 2022."""
    for key in OLD_LAWS:
        assert compiled["laws"][key]["until"] == "2022-07-31", key
        assert "from" not in compiled["laws"][key], key


def test_labour_laws_have_no_end(compiled):
    """The labour laws were not replaced: no until date."""
    for key in LABOUR_LAWS:
        assert "until" not in compiled["laws"][key], key


def test_sources_carry_the_dates_of_their_law(compiled):
    """A compiled source that cites a law has that law's from/until, unless it gives its own."""
    source = next(s for s in compiled["norms"]["stage.uren.minimum"]["values"][0]["sources"] if s.get("law") == "wvo2020")
    assert source["from"] == WVO2020_IN_FORCE and "until" not in source
    old = next(s for s in compiled["norms"]["stage.uren.minimum"]["values"][0]["sources"] if s.get("law") == "wvo")
    assert old["until"] == "2022-07-31" and "from" not in old
    web = next(s for s in compiled["norms"]["stage.uren.minimum"]["values"][0]["sources"] if not s.get("law"))
    assert "from" not in web and "until" not in web


def test_no_value_takes_effect_on_the_wrong_date(compiled):
    """No value says it took effect on 1 August 2021, the date the WVO 2020 did not take effect."""
    wrong = [norm_id for norm_id, norm in compiled["norms"].items() for e in norm["values"] if e["from"] == "2021-08-01"]
    assert wrong == []


@pytest.mark.parametrize("on", ["2020-09-01", "2021-09-01", "2022-07-31"])
def test_before_the_date_of_effect_nothing_cites_the_new_laws(compiled, on):
    """Before 1 August 2022 no value in force cites the WVO 2020 or its Uitvoeringsbesluit among its sources in force."""
    for norm_id, norm in compiled["norms"].items():
        entry = _entry_on(norm, on)
        if entry is None or entry["value"] is None:
            continue
        laws = {source.get("law") for source in _in_force_on(entry, on)}
        assert not laws & NEW_LAWS, (norm_id, on)


@pytest.mark.parametrize("norm_id, article", [
    ("stage.uren.minimum", "art. 2.103"),
    ("stage.uren.maximum", "art. 2.103"),
    ("examen.rekenen", "art. 10.3"),
    ("examen.uitslag.nederlands_minimum", "art. 3.35 lid 6"),
    ("stageovereenkomst.onderdelen", "art. 2.36"),
])
def test_from_the_date_of_effect_the_new_article_is_cited(compiled, norm_id, article):
    """On and after 1 August 2022 the same norms cite the new article, and no longer the old law."""
    for on in (WVO2020_IN_FORCE, "2026-12-03"):
        sources = _in_force_on(_entry_on(compiled["norms"][norm_id], on), on)
        assert any(source["article"] == article for source in sources), (norm_id, on)
        assert not {source.get("law") for source in sources} & OLD_LAWS, (norm_id, on)


def test_the_day_before_cites_the_old_article(compiled):
    """On 31 July 2022 the 640 hours rest on WVO (old) art. 10b1, not on art. 2.103."""
    sources = _in_force_on(_entry_on(compiled["norms"]["stage.uren.minimum"], "2022-07-31"), "2022-07-31")
    assert [s["article"] for s in sources if s.get("law")] == ["art. 10b1 lid 1 (tekst 2015)"]


def test_every_value_has_a_source_in_force_every_month(compiled):
    """Sampled on the first of every month from 2014 to 2027, a value in force has a source in force."""
    day = date(2014, 1, 1)
    while day < date(2027, 1, 1):
        on = day.isoformat()
        for norm_id, norm in compiled["norms"].items():
            entry = _entry_on(norm, on)
            if entry is not None and entry["value"] is not None:
                assert _in_force_on(entry, on), (norm_id, on)
        day = (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def test_schoolexamen_rekenen_2020_2022_rests_on_old_wvo_118jj(compiled):
    """From 1 August 2020 to 31 July 2022 the schoolexamen rekenen cites WVO (old) art. 118jj, not the UB WVO 2020."""
    norm = compiled["norms"]["examen.rekenen"]
    for on in ("2020-08-01", "2021-09-01", "2022-07-31"):
        entry = _entry_on(norm, on)
        assert entry["value"]["naam"] == "het schoolexamen rekenen"
        cited = {(s.get("law"), s["article"]) for s in _in_force_on(entry, on)}
        assert ("wvo", "art. 118jj") in cited, on
        assert not any(law in NEW_LAWS for law, _ in cited), on
    # 118jj was inserted later than the rest of the old WVO: it is not in force before 2020.
    assert not any(s["article"] == "art. 118jj" for s in _in_force_on(_entry_on(norm, "2020-08-01"), "2020-07-31"))


def test_labour_law_norms_are_not_new(compiled):
    """ATW and NRK norms are in force 'in any case since' the oldest text read, years before 2021."""
    for norm_id, norm in compiled["norms"].items():
        first = norm["values"][0]
        if {s.get("law") for s in first["sources"]} & {"atw", "nrk"}:
            assert first["from"] < "2016-01-01", norm_id
            assert first["since"] == "at_least", norm_id


def test_the_640_hours_are_older_than_the_wvo_2020(compiled):
    """The 640 and 1280 hours and the 3,700 hours were in the law before 2022: 'in any case since' 1 September 2015."""
    for norm_id in ("stage.uren.minimum", "stage.uren.maximum", "onderwijstijd.klokuren_totaal"):
        first = compiled["norms"][norm_id]["values"][0]
        assert (first["from"], first["since"]) == ("2015-09-01", "at_least"), norm_id


def test_since_defaults_to_exact(compiled):
    """A value without 'since' took effect exactly on its date (the schoolexamen rekenen on 1 August 2020)."""
    entries = compiled["norms"]["examen.rekenen"]["values"]
    assert [e["since"] for e in entries] == ["exact", "exact"]
