"""Validation of data/ and the loader that answers "the value of norm X on date D"."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from build_scripts.rules_data import DATA_DIR, DATA_DIR_ENV, LAWS_FILE, DataError, compile_rules
from calculators import NormUnavailable, Rules

INVALID_DIR = Path(__file__).resolve().parents[1] / "data_invalid"
INVALID_FILES = sorted(INVALID_DIR.glob("*.yaml"))
EXPECT = re.compile(r"^# expect-(norm|key): (.+)$", re.MULTILINE)


def _alone_with_real_laws(broken: Path, folder: Path) -> Path:
    """A data folder with the real wetten.yaml and only ``broken`` as topic file."""
    folder.mkdir()
    shutil.copy(DATA_DIR / LAWS_FILE, folder / LAWS_FILE)
    shutil.copy(broken, folder / broken.name)
    return folder


def _write_topic(folder: Path, name: str, norms: dict) -> None:
    (folder / f"{name}.yaml").write_text(yaml.safe_dump({"title": name, "norms": norms}, allow_unicode=True), encoding="utf-8")


def test_there_are_broken_files():
    """The folder of broken files is not empty (an empty folder would test nothing)."""
    assert len(INVALID_FILES) >= 10


@pytest.mark.parametrize("broken", INVALID_FILES, ids=[path.stem for path in INVALID_FILES])
def test_broken_file_fails_naming_file_norm_and_key(broken, tmp_path):
    """Every file in tests/data_invalid fails, and the message names the file, the norm and the key."""
    expected = dict(EXPECT.findall(broken.read_text(encoding="utf-8")))
    assert expected, f"{broken.name} says in no '# expect-norm:' or '# expect-key:' line what must fail"
    folder = _alone_with_real_laws(broken, tmp_path / "data")
    with pytest.raises(DataError) as failure:
        compile_rules(folder)
    message = str(failure.value)
    assert message.startswith(broken.name), message
    if "norm" in expected:
        assert f"norm '{expected['norm']}'" in message, message
    if "key" in expected:
        assert f"key '{expected['key']}'" in message, message


def test_the_real_data_validates():
    """data/ as it is in the repository compiles without an error, every topic file included."""
    compiled = compile_rules(DATA_DIR)
    topics = {path.stem for path in DATA_DIR.glob("*.yaml")} - {Path(LAWS_FILE).stem}
    assert set(compiled["topics"]) == topics
    assert {norm["topic"] for norm in compiled["norms"].values()} == topics


def test_every_norm_has_sources_certainty_and_dates():
    """Every value of every norm carries a source with a web address, a known label and two dates."""
    compiled = compile_rules(DATA_DIR)
    for norm_id, norm in compiled["norms"].items():
        for entry in norm["values"]:
            assert entry["sources"] and all(source["url"].startswith("https://") or source["url"].startswith("http://") for source in entry["sources"]), norm_id
            assert entry["certainty"] in compiled["certainties"], norm_id
            date.fromisoformat(entry["from"])
            date.fromisoformat(entry["last_checked"])


def test_a_broken_law_list_fails(tmp_path):
    """A law in wetten.yaml with a wrong BWB id fails with the file and the key."""
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    laws = yaml.safe_load((folder / LAWS_FILE).read_text(encoding="utf-8"))
    laws["laws"]["wvo2020"]["bwb"] = "WVO2020"
    (folder / LAWS_FILE).write_text(yaml.safe_dump(laws, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError, match=r"^wetten\.yaml, key 'laws\.wvo2020\.bwb'"):
        compile_rules(folder)


def test_the_data_folder_can_be_set_from_outside(tmp_path, monkeypatch):
    """LWT_DATA_DIR makes compile_rules read another folder (the build uses this too)."""
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    stage = yaml.safe_load((folder / "stage.yaml").read_text(encoding="utf-8"))
    stage["norms"]["stage.uren.minimum"]["values"][0]["value"] = 600
    (folder / "stage.yaml").write_text(yaml.safe_dump(stage, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    assert Rules(compile_rules()).value("stage.uren.minimum", date(2026, 11, 28)) == 600
    monkeypatch.delenv(DATA_DIR_ENV)
    assert Rules(compile_rules()).value("stage.uren.minimum", date(2026, 11, 28)) == 640


# --- the loader ----------------------------------------------------------------------------


def test_rekentoets_before_the_change(rules):
    """In school year 2019-2020 an lwt pupil still had the rekentoets (Eindexamenbesluit)."""
    value = rules.get("examen.rekenen", date(2019, 9, 1))
    assert value.value["naam"] == "de rekentoets"
    assert value.valid_from == date(2014, 8, 1)
    assert any(source["title"].startswith("Eindexamenbesluit") for source in value.sources)


def test_schoolexamen_rekenen_after_the_change(rules):
    """From school year 2020-2021 it is the schoolexamen rekenen; since 1 August 2022 with UB WVO 2020 art. 10.3 as source."""
    value = rules.get("examen.rekenen", date(2022, 9, 1))
    assert value.value["naam"] == "het schoolexamen rekenen"
    assert value.valid_from == date(2020, 8, 1)
    assert value.certainty == "gecorrigeerd"
    assert any(source["article"] == "art. 10.3" for source in value.sources)


def test_change_takes_effect_on_its_date(rules):
    """The last day before the change gives the old rule, the day itself the new one."""
    assert rules.value("examen.rekenen", date(2020, 7, 31))["naam"] == "de rekentoets"
    assert rules.value("examen.rekenen", date(2020, 8, 1))["naam"] == "het schoolexamen rekenen"


def test_no_value_before_the_first_date(rules):
    """Before its first value a norm is unavailable, and the error says from when it applies."""
    with pytest.raises(NormUnavailable) as missing:
        rules.get("examen.rekenen", date(2014, 7, 31))
    assert missing.value.first == date(2014, 8, 1)


def test_unknown_norm_is_unavailable(rules):
    """A norm id that data/ does not have raises NormUnavailable, not KeyError."""
    with pytest.raises(NormUnavailable):
        rules.get("stage.uren.per_leerjaar", date(2026, 11, 28))


def test_null_means_no_longer_in_force(tmp_path):
    """A null value ends a norm: before its date the old value holds, from it the norm is unavailable."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(DATA_DIR / LAWS_FILE, folder / LAWS_FILE)
    source = {"law": "eindexamenbesluit", "article": "art. 22 lid 3 (tekst 2015)"}
    _write_topic(folder, "proef", {
        "proef.rekentoets_verplicht": {
            "description": "De rekentoets is verplicht.",
            "unit": "ja/nee",
            "values": [
                {"from": "2014-08-01", "value": True, "sources": [source], "certainty": "bevestigd-2015", "last_checked": "2026-11-28"},
                {"from": "2020-08-01", "value": None, "sources": [source], "certainty": "bevestigd", "last_checked": "2026-11-28"},
            ],
        }
    })
    rules = Rules(compile_rules(folder))
    assert rules.value("proef.rekentoets_verplicht", date(2020, 7, 31)) is True
    assert rules.has("proef.rekentoets_verplicht")
    with pytest.raises(NormUnavailable):
        rules.get("proef.rekentoets_verplicht", date(2020, 8, 1))


def test_the_browser_gets_the_same_rules_as_json(compiled_rules):
    """The rules read back from JSON (as Pyodide gets them) give the same value for every norm."""
    from_json = Rules(json.loads(json.dumps(compiled_rules, ensure_ascii=False)))
    direct = Rules(compiled_rules)
    for norm_id, norm in compiled_rules["norms"].items():
        for entry in norm["values"]:
            on = date.fromisoformat(entry["from"])
            if entry["value"] is None:
                continue
            assert from_json.get(norm_id, on) == direct.get(norm_id, on), norm_id


def test_a_value_carries_its_source_and_certainty(rules):
    """The 640 hours come with the WVO 2020 article and the label bevestigd."""
    value = rules.get("stage.uren.minimum", date(2026, 11, 28))
    assert value.value == 640
    assert value.certainty == "bevestigd"
    assert {"title": "Wet voortgezet onderwijs 2020", "article": "art. 2.103", "url": "https://wetten.overheid.nl/BWBR0044212"} in value.source_refs()
