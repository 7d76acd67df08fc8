"""Age groups from the ATW ages in data/, and age on a date from a birth date."""

from __future__ import annotations

from datetime import date

import pytest

from calculators.ages import age_band, age_group, age_on

ON = date(2026, 12, 3)


@pytest.mark.parametrize(("age", "group"), [
    (13, "te_jong"), (14, "kind"), (15, "kind"), (16, "jeugdige"), (17, "jeugdige"), (18, "volwassene"), (40, "volwassene"),
])
def test_age_group_follows_the_atw(rules, age, group):
    """ATW 3:2 lid 2c: stage from 14; art. 1:2: kind below 16; art. 1:1 lid 3: jeugdige below 18."""
    assert age_group(age, rules, ON) == group


def test_age_band_names_the_norm_that_decides(rules):
    """A 13-year-old is too young by the stage age; a 16-year-old is a jeugdige by the youth age."""
    assert age_band(13, rules, ON).norm.norm_id == "werktijden.minimum_leeftijd_stage"
    assert age_band(16, rules, ON).norm.norm_id == "werktijden.leeftijd_jeugdige_vanaf"
    band = age_band(15, rules, ON)
    assert (band.lowest, band.below) == (14, 16)


@pytest.mark.parametrize(("born", "on", "age"), [
    (date(2010, 12, 3), date(2026, 12, 3), 16),
    (date(2010, 12, 4), date(2026, 12, 3), 15),
    (date(2008, 2, 29), date(2026, 2, 28), 17),
    (date(2008, 2, 29), date(2026, 3, 1), 18),
])
def test_age_on_counts_whole_years(born, on, age):
    """Whole years: a birthday on the day itself counts; 29 February turns a year older on 1 March."""
    assert age_on(born, on) == age
