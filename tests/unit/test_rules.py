"""The norm API: Rules and Norm choose the value for a date, its history, the sources in force, the unit."""

from __future__ import annotations

from datetime import date

import pytest

from calculators import vocabulary
from calculators.rules import NormUnavailable, Rules

OLD_WVO = {"title": "Wet op het voortgezet onderwijs", "article": "art. 10b1", "url": "https://example.nl/wvo",
           "until": "2022-07-31"}
NEW_WVO = {"title": "Wet voortgezet onderwijs 2020", "article": "art. 2.103", "url": "https://example.nl/wvo2020",
           "from": "2022-08-01"}
SLIDES = {"title": "Presentatie", "article": "", "url": "https://example.nl/dia"}


def _value(start, value, sources, certainty="bevestigd", **extra):
    return {"from": start, "value": value, "sources": sources, "certainty": certainty,
            "last_checked": "2026-12-03", "note": "", **extra}


COMPILED = {
    "version": "2026-12-03-test",
    "topics": {"stage": "Stage", "tijd": "Tijden"},
    "laws": {},
    "norms": {
        "stage.uren": {"topic": "stage", "description": "Minimum stage-uren.", "unit": "uren", "values": [
            _value("2015-08-01", 600, [OLD_WVO], "bevestigd-2015", since="at_least"),
            _value("2020-08-01", 640, [OLD_WVO, NEW_WVO]),
            _value("2030-08-01", None, [NEW_WVO]),
        ]},
        "stage.zonder_datums": {"topic": "stage", "description": "Bronnen zonder datums.", "unit": "klokuren", "values": [
            _value("2021-08-01", 3700, [SLIDES]),
        ]},
        "tijd.begin": {"topic": "tijd", "description": "Vroegste begin.", "unit": "tijd (uu:mm)", "values": [
            _value("2021-08-01", "07:00", [SLIDES]),
        ]},
    },
}


@pytest.fixture()
def rules() -> Rules:
    return Rules(COMPILED)


def test_value_on_takes_the_last_value_that_started_on_or_before_the_date(rules):
    """The value in force on a date is the last one whose 'from' is on or before it."""
    norm = rules.norm("stage.uren")
    assert norm.value_on(date(2020, 7, 31)).value == 600
    assert norm.value_on(date(2020, 8, 1)).value == 640
    assert rules.get("stage.uren", date(2026, 12, 3)).value == 640
    assert rules.value("stage.uren", date(2016, 1, 1)) == 600


def test_before_the_first_value_the_norm_is_unavailable_and_says_from_when(rules):
    """Asking before the first value raises NormUnavailable naming the first date."""
    with pytest.raises(NormUnavailable) as missing:
        rules.norm("stage.uren").value_on(date(2015, 7, 31))
    assert missing.value.first == date(2015, 8, 1)


def test_a_null_value_means_the_norm_no_longer_applies(rules):
    """From the date of a null value the norm has no value; the history still shows the null."""
    with pytest.raises(NormUnavailable):
        rules.get("stage.uren", date(2030, 8, 1))
    assert rules.norm("stage.uren").entry_on(date(2030, 8, 1)).value is None


def test_unknown_norm_is_unavailable(rules):
    """An id that data/ does not have raises NormUnavailable, from norm() and from get()."""
    with pytest.raises(NormUnavailable):
        rules.norm("stage.bestaat_niet")
    with pytest.raises(NormUnavailable):
        rules.get("stage.bestaat_niet", date(2026, 1, 1))
    assert not rules.has("stage.bestaat_niet")


def test_history_lists_every_value_oldest_first_with_its_last_day(rules):
    """history() gives every dated value, null included, each ending the day before the next starts."""
    history = rules.norm("stage.uren").history()
    assert [entry.value for entry in history] == [600, 640, None]
    assert [entry.valid_from for entry in history] == [date(2015, 8, 1), date(2020, 8, 1), date(2030, 8, 1)]
    assert [entry.valid_until for entry in history] == [date(2020, 7, 31), date(2030, 7, 31), None]
    assert history[1].sources == (OLD_WVO, NEW_WVO)


def test_since_tells_an_exact_date_from_in_any_case_since(rules):
    """A value marked since: at_least says so; a value without the key has an exact date."""
    history = rules.norm("stage.uren").history()
    assert history[0].since == "at_least"
    assert history[1].since == "exact"


def test_sources_before_the_new_law_took_effect_cite_only_the_old_law(rules):
    """On 31 July 2022 the 640 hours cite the old WVO only: the WVO 2020 was not yet in force."""
    on = date(2022, 7, 31)
    value = rules.get("stage.uren", on)
    assert value.sources == (OLD_WVO,)
    assert [ref["title"] for ref in value.source_refs()] == ["Wet op het voortgezet onderwijs"]
    assert rules.norm("stage.uren").sources_on(on) == (OLD_WVO,)


def test_sources_from_the_day_the_new_law_took_effect_cite_only_the_new_law(rules):
    """On 1 August 2022 the same value cites the WVO 2020 and no longer the old WVO."""
    on = date(2022, 8, 1)
    assert rules.get("stage.uren", on).sources == (NEW_WVO,)
    assert rules.norm("stage.uren").sources_on(on) == (NEW_WVO,)
    assert rules.get("stage.uren", on).all_sources == (OLD_WVO, NEW_WVO)


def test_a_source_without_dates_is_always_in_force(rules):
    """A source without from/until is cited on any date the value holds."""
    assert rules.get("stage.zonder_datums", date(2021, 8, 1)).sources == (SLIDES,)
    assert rules.get("stage.zonder_datums", date(2099, 1, 1)).sources == (SLIDES,)


def test_when_no_source_is_in_force_all_sources_are_cited():
    """A value whose sources are all out of force on the date falls back to all of them."""
    compiled = {"norms": {"x.y": {"description": "d", "unit": "uren", "values": [
        _value("2010-01-01", 1, [OLD_WVO, {**NEW_WVO, "from": "2030-01-01"}])]}}}
    assert Rules(compiled).get("x.y", date(2025, 1, 1)).sources == (OLD_WVO, {**NEW_WVO, "from": "2030-01-01"})


def test_sources_on_a_date_before_the_first_value_are_empty(rules):
    """Before a norm has any value there are no sources to cite."""
    assert rules.norm("stage.uren").sources_on(date(2000, 1, 1)) == ()


@pytest.mark.parametrize(("unit", "value", "text"), [
    ("uren", 640, "640 uur"),
    ("uren", 1, "1 uur"),
    ("uren", 7, "7 uur"),
    ("uren", 4.5, "4,5 uur"),
    ("klokuren", 3700, "3.700 klokuren"),
    ("klokuren", 1, "1 klokuur"),
    ("jaar", 14, "14 jaar"),
    ("minuten", 30, "30 minuten"),
    ("minuten", 1, "1 minuut"),
    ("dagen", 1, "1 dag"),
    ("keuzevakken", 4, "4 keuzevakken"),
    ("kg", 10, "10 kg"),
    ("tijd (uu:mm)", "07:00", "07.00 uur"),
    ("tijd (uu:mm)", "23:00", "23.00 uur"),
    ("procent verwant", 50, "50% verwant"),
    ("procent", 80, "80%"),
    ("cijfer", 5.5, "5,5"),
    ("ja/nee", True, "ja"),
    ("leerjaren", [3, 4], "leerjaar 3 en 4"),
    ("leerjaren", 4, "4 leerjaren"),
    ("lijst", ["a", "b", "c"], "a, b en c"),
])
def test_format_writes_the_value_with_its_unit_in_dutch(unit, value, text):
    """format() writes Dutch notation: decimal comma, thousands dot, singular after 1, times as 07.00 uur."""
    assert vocabulary.with_unit(value, unit) == text


def test_norm_and_value_format_with_the_norm_s_own_unit(rules):
    """Norm.format, NormValue.format and Rules.format all use the norm's unit."""
    assert rules.norm("stage.uren").format(640) == "640 uur"
    assert rules.get("stage.zonder_datums", date(2026, 1, 1)).format() == "3.700 klokuren"
    assert rules.format("tijd.begin", date(2026, 1, 1)) == "07.00 uur"
    assert rules.norm("stage.uren").format(640, space="\u00a0") == "640\u00a0uur"


def test_rules_list_norms_by_topic_in_data_order(rules):
    """ids(), iteration and in_topic() keep the order of data/."""
    assert rules.ids() == ("stage.uren", "stage.zonder_datums", "tijd.begin")
    assert [norm.id for norm in rules.in_topic("stage")] == ["stage.uren", "stage.zonder_datums"]
    assert len(rules) == 3


def test_every_unit_in_data_is_in_the_vocabulary(compiled_rules):
    """The real data uses only units whose Dutch grammar the vocabulary knows."""
    for norm_id, norm in compiled_rules["norms"].items():
        assert norm["unit"] in vocabulary.UNITS, norm_id


def test_an_unknown_unit_or_certainty_is_refused():
    """The vocabularies refuse what they do not know."""
    with pytest.raises(vocabulary.UnknownVocabulary):
        vocabulary.unit("urenn")
    with pytest.raises(vocabulary.UnknownVocabulary):
        vocabulary.check_certainty("zeker")
    assert vocabulary.check_certainty("onzeker") == "onzeker"
