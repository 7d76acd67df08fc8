"""The outcome contract as a JSON Schema (calculators/outcome.schema.json), checked on every case's outcome."""

from __future__ import annotations

from datetime import date

import pytest

from calculators import run
from calculators.outcome import FINDING_STATUSES, OUTCOME_STATUSES
from calculators.vocabulary import CERTAINTIES
from tests.casefiles import load_cases
from tests.schema_subset import errors, load_schema, unsupported

SCHEMA = load_schema()
CASES = load_cases()


def test_the_schema_uses_only_keywords_the_validator_checks():
    """A keyword the small validator does not implement would be ignored silently; refuse it."""
    assert unsupported(SCHEMA) == []


def test_the_schema_lists_the_statuses_and_certainties_of_the_code():
    """The enums in the schema are the statuses of outcome.py and the labels of vocabulary.py."""
    finding = SCHEMA["properties"]["findings"]["items"]["properties"]
    assert SCHEMA["properties"]["status"]["enum"] == list(OUTCOME_STATUSES)
    assert finding["status"]["enum"] == list(FINDING_STATUSES)
    assert finding["certainty"]["enum"] == list(CERTAINTIES)


def test_the_validator_finds_a_broken_outcome():
    """An outcome with a missing key, an unknown status and a source without url fails the schema."""
    broken = {"calculator": "stage_uren", "reference_date": "2026-12-03", "status": "klaar", "summary": "x",
              "findings": [{"rule": "stage.uren.minimum", "status": "pass", "message": "m", "certainty": "bevestigd",
                            "sources": [{"title": "t", "article": ""}]}], "values": {}}
    found = errors(broken, SCHEMA)
    assert any("missing 'errors'" in problem for problem in found)
    assert any("'klaar'" in problem for problem in found)
    assert any("missing 'url'" in problem for problem in found)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_every_case_outcome_conforms_to_the_schema(case, rules):
    """The outcome of each case in tests/cases/*.yaml is valid against outcome.schema.json."""
    outcome = run(case["calculator"], case["inputs"], rules, date.fromisoformat(case["date"]))
    assert errors(outcome, SCHEMA) == []
    statuses = {finding["status"] for finding in outcome["findings"]}
    expected = ("invalid" if outcome["errors"] else "fail" if "fail" in statuses
                else "warning" if "warning" in statuses else "pass")
    assert outcome["status"] == expected
