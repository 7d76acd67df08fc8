"""Read ``data/*.yaml``, validate every norm, and compile the rules to one JSON document.

The data files are the single source of truth for every norm (see DECISIONS.md). A file
that lacks a source, a date, a certainty label or a last-checked date, or that has a key
this schema does not know, fails with a message that names the file, the norm and the key.

Run ``python -m build_scripts.rules_data [--out rules.json]`` to validate and write the JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from calculators.vocabulary import CERTAINTIES, CERTAINTIES_NEEDING_NOTE, UNITS

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
#: Set this to another folder to build the site or run the tests with other data (for example a
#: copy of data/ with one norm changed).
DATA_DIR_ENV = "LWT_DATA_DIR"
LAWS_FILE = "wetten.yaml"
NORM_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[A-Za-z0-9_]+)+$")
BWB_ID = re.compile(r"^BWB[RV]\d{7}$")


FILE_KEYS = {"title", "norms"}
LAWS_FILE_KEYS = {"title", "laws"}
LAW_KEYS = {"title", "short", "bwb", "url", "governs"}
NORM_KEYS = {"description", "unit", "values"}
VALUE_KEYS = {"from", "value", "sources", "certainty", "last_checked", "note"}
SOURCE_KEYS = {"law", "title", "article", "url", "bwb"}


class DataError(ValueError):
    """A data file breaks the schema; the message names file, norm and key."""


def configured_data_dir() -> Path:
    """The data folder: ``$LWT_DATA_DIR`` if set, else ``data/`` of this checkout."""
    configured = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(configured).resolve() if configured else DATA_DIR


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """PyYAML's safe loader, except that a key given twice in one mapping is an error.

    Plain PyYAML keeps the last of two equal keys without a word, so a norm id or a
    ``value`` typed twice would silently replace the first one.
    """


class _DuplicateKey(yaml.constructor.ConstructorError):
    def __init__(self, key: Any, first: int, second: int, mark):
        self.key, self.first, self.second = key, first, second
        super().__init__(None, None, f"key {key!r} appears twice in one mapping", mark)


def _construct_unique_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False):
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            duplicate = key in seen
        except TypeError:  # an unhashable key; let PyYAML report it
            duplicate = False
        if duplicate:
            raise _DuplicateKey(key, seen[key], key_node.start_mark.line + 1, key_node.start_mark)
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_unique_mapping)


def _where(path: Path, norm: str | None = None, key: str | None = None) -> str:
    parts = [path.name]
    if norm:
        parts.append(f"norm '{norm}'")
    if key:
        parts.append(f"key '{key}'")
    return ", ".join(parts)


def _fail(path: Path, norm: str | None, key: str | None, problem: str) -> None:
    raise DataError(f"{_where(path, norm, key)}: {problem}")


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506 (a SafeLoader)
    except _DuplicateKey as twice:
        raise DataError(
            f"{_where(path, None, str(twice.key))}: given twice in one mapping (lines {twice.first} and {twice.second}); "
            "the second would silently replace the first"
        ) from twice
    except yaml.YAMLError as error:
        raise DataError(f"{path.name}: not valid YAML: {error}") from error


def _check_unknown(path: Path, norm: str | None, where: str, found: dict, allowed: set[str]) -> None:
    for key in found:
        if key not in allowed:
            _fail(path, norm, f"{where}{key}", f"unknown key (allowed: {', '.join(sorted(allowed))})")


def _date(path: Path, norm: str, key: str, value: Any) -> str:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value).isoformat()
            except ValueError:
                pass
        _fail(path, norm, key, f"must be a date as YYYY-MM-DD, got {value!r}")
    return value.isoformat()


def _url(path: Path, norm: str | None, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.startswith(("https://", "http://")):
        _fail(path, norm, key, f"must be a web address starting with https://, got {value!r}")
    return value


def _plain(path: Path, norm: str, key: str, value: Any) -> Any:
    """Check that a value survives the trip to JSON unchanged (Pyodide reads JSON, not YAML)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, list):
        return [_plain(path, norm, f"{key}[{i}]", item) for i, item in enumerate(value)]
    if isinstance(value, dict):
        for item_key in value:
            if not isinstance(item_key, str):
                _fail(path, norm, f"{key}.{item_key}", "a key inside a value must be text; put quotes around it (\"19020\": ...)")
        return {item_key: _plain(path, norm, f"{key}.{item_key}", item) for item_key, item in value.items()}
    _fail(path, norm, key, f"a value may hold text, numbers, true/false, lists and mappings, not {type(value).__name__} ({value!r}); put quotes around a date")


def load_laws(data_dir: Path | None = None) -> dict[str, dict[str, str]]:
    path = (data_dir or configured_data_dir()) / LAWS_FILE
    if not path.is_file():
        raise DataError(f"{LAWS_FILE}: missing in {path.parent}")
    doc = _load_yaml(path)
    if not isinstance(doc, dict) or not isinstance(doc.get("laws"), dict):
        _fail(path, None, "laws", "missing: a mapping of law keys")
    _check_unknown(path, None, "", doc, LAWS_FILE_KEYS)
    laws = {}
    for key, law in doc["laws"].items():
        if not isinstance(law, dict):
            _fail(path, None, f"laws.{key}", "must be a mapping")
        _check_unknown(path, None, f"laws.{key}.", law, LAW_KEYS)
        for required in ("title", "short", "bwb", "url", "governs"):
            if not isinstance(law.get(required), str) or not law[required].strip():
                _fail(path, None, f"laws.{key}.{required}", "missing")
        _url(path, None, f"laws.{key}.url", law["url"])
        if not BWB_ID.match(law["bwb"]):
            _fail(path, None, f"laws.{key}.bwb", f"must be a BWB id such as BWBR0044212, got {law['bwb']!r}")
        laws[key] = dict(law)
    return laws


def _source(path: Path, norm: str, key: str, source: Any, laws: dict[str, dict[str, str]]) -> dict[str, str]:
    if not isinstance(source, dict):
        _fail(path, norm, key, "each source must be a mapping with law/title, article and url")
    _check_unknown(path, norm, f"{key}.", source, SOURCE_KEYS)
    resolved: dict[str, str] = {}
    if "law" in source:
        law = laws.get(source["law"])
        if law is None:
            _fail(path, norm, f"{key}.law", f"unknown law {source['law']!r}; add it to {LAWS_FILE}")
        if not source.get("article"):
            _fail(path, norm, f"{key}.article", "a source that cites a law must name the article")
        resolved = {"law": source["law"], "title": law["title"], "bwb": law["bwb"], "url": law["url"]}
    elif not isinstance(source.get("title"), str) or not source["title"].strip():
        _fail(path, norm, f"{key}.title", "missing: a source needs a law key or a title")
    for field in ("title", "article", "bwb"):
        if field in source:
            if not isinstance(source[field], str) or not source[field].strip():
                _fail(path, norm, f"{key}.{field}", "must be non-empty text")
            resolved[field] = source[field].strip()
    if "bwb" in source and not BWB_ID.match(resolved["bwb"]):
        _fail(path, norm, f"{key}.bwb", f"must be a BWB id such as BWBR0044212, got {source['bwb']!r}")
    if "url" in source:
        resolved["url"] = _url(path, norm, f"{key}.url", source["url"])
    if "url" not in resolved:
        _fail(path, norm, f"{key}.url", "missing: every source needs a web address")
    resolved.setdefault("article", "")
    return resolved


def _value(path: Path, norm: str, index: int, entry: Any, laws) -> dict[str, Any]:
    key = f"values[{index}]"
    if not isinstance(entry, dict):
        _fail(path, norm, key, "must be a mapping with from, value, sources, certainty and last_checked")
    _check_unknown(path, norm, f"{key}.", entry, VALUE_KEYS)
    for required in ("from", "value", "sources", "certainty", "last_checked"):
        if required not in entry:
            _fail(path, norm, f"{key}.{required}", "missing")
    sources = entry["sources"]
    if not isinstance(sources, list) or not sources:
        _fail(path, norm, f"{key}.sources", "needs at least one source")
    if entry["certainty"] not in CERTAINTIES:
        _fail(path, norm, f"{key}.certainty", f"unknown label {entry['certainty']!r} (allowed: {', '.join(CERTAINTIES)})")
    note = entry.get("note", "")
    if not isinstance(note, str):
        _fail(path, norm, f"{key}.note", "must be text (Markdown)")
    if entry["certainty"] in CERTAINTIES_NEEDING_NOTE and not note.strip():
        _fail(path, norm, f"{key}.note", f"a value labelled {entry['certainty']!r} must explain why in a note")
    return {
        "from": _date(path, norm, f"{key}.from", entry["from"]),
        "value": _plain(path, norm, f"{key}.value", entry["value"]),
        "sources": [_source(path, norm, f"{key}.sources[{i}]", s, laws) for i, s in enumerate(sources)],
        "certainty": entry["certainty"],
        "last_checked": _date(path, norm, f"{key}.last_checked", entry["last_checked"]),
        "note": note.strip(),
    }


def load_topic(path: Path, laws: dict[str, dict[str, str]]) -> dict[str, Any]:
    """Validate one topic file and return its norms, resolved."""
    doc = _load_yaml(path)
    if not isinstance(doc, dict):
        _fail(path, None, None, "must be a mapping with title and norms")
    _check_unknown(path, None, "", doc, FILE_KEYS)
    if not isinstance(doc.get("title"), str) or not doc["title"].strip():
        _fail(path, None, "title", "missing")
    if not isinstance(doc.get("norms"), dict) or not doc["norms"]:
        _fail(path, None, "norms", "missing: a mapping of norm ids")
    topic = path.stem
    norms = {}
    for norm_id, norm in doc["norms"].items():
        if not isinstance(norm_id, str) or not norm_id.startswith(topic + "."):
            _fail(path, str(norm_id), None, f"the id must start with '{topic}.' (the file name)")
        if not NORM_ID.match(norm_id):
            _fail(path, norm_id, None, "an id is the topic and one or more parts joined by dots, each of letters, digits and _")
        if not isinstance(norm, dict):
            _fail(path, norm_id, None, "must be a mapping with description, unit and values")
        _check_unknown(path, norm_id, "", norm, NORM_KEYS)
        for required in ("description", "unit"):
            if not isinstance(norm.get(required), str) or not norm[required].strip():
                _fail(path, norm_id, required, "missing")
        if norm["unit"].strip() not in UNITS:
            _fail(path, norm_id, "unit", f"unknown unit {norm['unit']!r} (known: {', '.join(UNITS)}; add one to calculators/vocabulary.py)")
        values = norm.get("values")
        if not isinstance(values, list) or not values:
            _fail(path, norm_id, "values", "missing: at least one dated value")
        compiled = [_value(path, norm_id, i, entry, laws) for i, entry in enumerate(values)]
        dates = [entry["from"] for entry in compiled]
        if dates != sorted(dates) or len(set(dates)) != len(dates):
            _fail(path, norm_id, "values", "the values must be in order of their 'from' date, each date once")
        if compiled[0]["value"] is None:
            _fail(path, norm_id, "values[0].value", "the first value cannot be null: null means 'no longer applies' after an earlier value")
        norms[norm_id] = {
            "topic": topic,
            "description": norm["description"].strip(),
            "unit": norm["unit"].strip(),
            "values": compiled,
        }
    return {"title": doc["title"].strip(), "norms": norms}


def compile_rules(data_dir: Path | None = None) -> dict[str, Any]:
    """Validate every data file and return the compiled rules (the JSON the calculators read).

    ``data_dir`` defaults to :func:`configured_data_dir` (``$LWT_DATA_DIR`` or ``data/``).
    """
    data_dir = Path(data_dir) if data_dir is not None else configured_data_dir()
    laws = load_laws(data_dir)
    topics: dict[str, str] = {}
    norms: dict[str, Any] = {}
    for path in sorted(data_dir.glob("*.yaml")):
        if path.name == LAWS_FILE:
            continue
        topic = load_topic(path, laws)
        topics[path.stem] = topic["title"]
        for norm_id, norm in topic["norms"].items():
            if norm_id in norms:
                _fail(path, norm_id, None, "this id is already used in another file")
            norms[norm_id] = norm
    body = {"laws": laws, "topics": topics, "norms": norms, "certainties": CERTAINTIES}
    digest = hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:10]
    checked = max(value["last_checked"] for norm in norms.values() for value in norm["values"])
    return {"version": f"{checked}-{digest}", **body}



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help=f"data folder (default: ${DATA_DIR_ENV} or data/)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    try:
        rules = compile_rules(args.data)
    except DataError as error:
        print(f"data error: {error}", file=sys.stderr)
        return 1
    text = json.dumps(rules, ensure_ascii=False, indent=1, sort_keys=True)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
