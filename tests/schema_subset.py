"""A small JSON Schema validator for the subset that calculators/outcome.schema.json uses.

Keywords: type, enum, required, properties, additionalProperties, items, minItems, minLength,
pattern. Anything else in a schema is refused, so the schema cannot silently use a keyword that
this validator would ignore. Used by the unit tests and (through ``errors``) by any test that
wants to check an outcome, for example one that the browser worker returned.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "calculators" / "outcome.schema.json"
ANNOTATIONS = {"$schema", "$id", "title", "description"}
KEYWORDS = {"type", "enum", "required", "properties", "additionalProperties", "items", "minItems", "minLength", "pattern"}
TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def load_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def unsupported(schema: Any, where: str = "#") -> list[str]:
    """Keywords in ``schema`` that this validator does not implement."""
    if not isinstance(schema, dict):
        return []
    found = [f"{where}/{key}" for key in schema if key not in KEYWORDS | ANNOTATIONS]
    for key, sub in schema.get("properties", {}).items():
        found += unsupported(sub, f"{where}/properties/{key}")
    for key in ("items", "additionalProperties"):
        found += unsupported(schema.get(key), f"{where}/{key}")
    return found


def errors(instance: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
    """Every way ``instance`` breaks ``schema`` (empty when it conforms)."""
    problems: list[str] = []
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(TYPES[kind](instance) for kind in kinds):
            return [f"{where}: expected {' or '.join(kinds)}, got {type(instance).__name__}"]
    if "enum" in schema and instance not in schema["enum"]:
        problems.append(f"{where}: {instance!r} is not one of {schema['enum']}")
    if isinstance(instance, str):
        if len(instance) < schema.get("minLength", 0):
            problems.append(f"{where}: shorter than {schema['minLength']}")
        if "pattern" in schema and not re.search(schema["pattern"], instance):
            problems.append(f"{where}: {instance!r} does not match {schema['pattern']}")
    if isinstance(instance, list):
        if len(instance) < schema.get("minItems", 0):
            problems.append(f"{where}: fewer than {schema['minItems']} items")
        if isinstance(schema.get("items"), dict):
            for index, item in enumerate(instance):
                problems += errors(item, schema["items"], f"{where}[{index}]")
    if isinstance(instance, dict):
        for key in schema.get("required", []):
            if key not in instance:
                problems.append(f"{where}: missing {key!r}")
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in instance.items():
            if key in properties:
                problems += errors(item, properties[key], f"{where}.{key}")
            elif extra is False:
                problems.append(f"{where}: unexpected key {key!r}")
            elif isinstance(extra, dict):
                problems += errors(item, extra, f"{where}.{key}")
    return problems
