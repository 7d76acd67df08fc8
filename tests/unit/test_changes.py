"""The history of data/ that 'Wat is er veranderd' and the feed are made from (no build needed)."""

from __future__ import annotations

import copy
from xml.etree import ElementTree as ET

from build_scripts.site import changes

ATOM = "{http://www.w3.org/2005/Atom}"


def test_newest_first_and_laws_first_on_a_date(compiled_rules):
    """Changes come newest first; on one date the laws come before the rules."""
    history = changes.history(compiled_rules)
    days = [change.day for change in history]
    assert days == sorted(days, reverse=True)
    on_2022 = [change for change in history if change.day == "2022-08-01"]
    kinds = [change.kind for change in on_2022]
    assert kinds[0] == "wet" and kinds == sorted(kinds, key=changes.KIND_ORDER.get)


def test_the_rekentoets_change_of_2020(compiled_rules):
    """On 1 August 2020 examen.rekenen changes value: the rekentoets becomes the schoolexamen rekenen."""
    found = [c for c in changes.history(compiled_rules) if c.norm_id == "examen.rekenen" and c.day == "2020-08-01"]
    assert len(found) == 1 and found[0].kind == "waarde"
    assert "de rekentoets" in found[0].text and "het schoolexamen rekenen" in found[0].text


def test_the_renumbering_of_2022_is_a_change_of_source(compiled_rules):
    """On 1 August 2022 the WVO 2020 and the UB take effect, the old texts end, and a kept rule gets its new article."""
    on_2022 = [c for c in changes.history(compiled_rules) if c.day == "2022-08-01"]
    texts = " ".join(c.text for c in on_2022)
    assert "WVO 2020 treedt in werking" in texts and "UB WVO 2020 treedt in werking" in texts
    assert "laatste dag was 31 juli 2022" in texts
    kept = [c for c in on_2022 if c.norm_id == "examen.uitslag.nederlands_minimum"]
    assert kept and kept[0].kind == "bron" and "art. 3.35 lid 6" in kept[0].text


def test_at_least_values_and_figures_are_not_changes(compiled_rules):
    """A value known only 'in elk geval sinds' and a first count of pupils are not listed as changes."""
    ids = {c.norm_id for c in changes.history(compiled_rules)}
    assert "stage.uren.minimum" not in ids
    assert "werktijden.kind.max_uren_per_dag" not in ids
    assert "doorstroom.lwt_leerlingen" not in ids


def test_a_new_value_in_data_shows_up(compiled_rules):
    """A value added to data/ appears in the history on its date, with the old and the new value."""
    changed = copy.deepcopy(compiled_rules)
    values = changed["norms"]["stage.uren.minimum"]["values"]
    values.append({**values[-1], "from": "2027-08-01", "since": "exact", "value": 600})
    found = [c for c in changes.history(changed) if c.norm_id == "stage.uren.minimum"]
    assert [(c.day, c.kind) for c in found] == [("2027-08-01", "waarde")]
    assert "640" in found[0].text and "600" in found[0].text


def test_a_changed_value_names_its_new_legal_basis(compiled_rules):
    """The 2020 change names the texts in force that day: WVO (oud) art. 118jj, not yet the UB WVO 2020."""
    found = [c for c in changes.history(compiled_rules) if c.norm_id == "examen.rekenen" and c.day == "2020-08-01"]
    assert "art. 118jj" in found[0].text
    assert "Uitvoeringsbesluit WVO 2020" not in found[0].text


def test_an_article_inserted_later_is_a_change(compiled_rules):
    """A source with its own from date inside a value's period is listed on that date."""
    changed = copy.deepcopy(compiled_rules)
    entry = changed["norms"]["stage.uren.minimum"]["values"][0]
    entry["sources"].append({"law": "wvo", "title": "Wet op het voortgezet onderwijs", "article": "art. 10b8", "url": "https://example.org/", "from": "2018-08-01", "until": "2022-07-31"})
    found = [c for c in changes.history(changed) if c.day == "2018-08-01"]
    assert len(found) == 1 and found[0].kind == "bron" and "art. 10b8" in found[0].text


def test_feed_is_atom_with_relative_links_by_default(compiled_rules):
    """Without a site_url the feed's links are relative, so it works in a sub-folder; with one they get an xml:base."""
    root = ET.fromstring(changes.feed_xml(compiled_rules))
    assert root.tag == f"{ATOM}feed" and "{http://www.w3.org/XML/1998/namespace}base" not in root.attrib
    assert all(not link.get("href").startswith(("/", "http")) for link in root.iter(f"{ATOM}link"))
    based = ET.fromstring(changes.feed_xml(compiled_rules, "https://school.example/lwt"))
    assert based.get("{http://www.w3.org/XML/1998/namespace}base") == "https://school.example/lwt/"


def test_the_macro_reads_a_rules_object_without_compiled_data(compiled_rules):
    """A context that carries only a rules object (norms with history(), and laws) gives the same page."""
    from datetime import date
    from types import SimpleNamespace

    def history(norm_id, norm):
        return [
            SimpleNamespace(valid_from=date.fromisoformat(e["from"]), since=e["since"], value=e["value"],
                            sources=tuple(e["sources"]), all_sources=tuple(e["sources"]))
            for e in norm["values"]
        ]

    norms = [
        SimpleNamespace(id=norm_id, description=norm["description"], unit=norm["unit"], topic=norm["topic"],
                        history=lambda norm_id=norm_id, norm=norm: history(norm_id, norm))
        for norm_id, norm in compiled_rules["norms"].items()
    ]
    rules_like = type("RulesLike", (), {"laws": compiled_rules["laws"], "__iter__": lambda self: iter(norms)})()
    rules_only = SimpleNamespace(rules=rules_like, on=date(2026, 12, 3))
    with_compiled = SimpleNamespace(compiled=compiled_rules, rules=None, on=date(2026, 12, 3))
    assert changes.wijzigingen("", rules_only) == changes.wijzigingen("", with_compiled)
