"""The command line: ``python -m calculators list`` and ``run NAME`` with JSON on stdin."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "calculators", *args], input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_list_describes_every_calculator():
    """``list`` prints a JSON array with each calculator's name, Dutch title and inputs."""
    done = cli("list")
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert [item["name"] for item in listed] == ["onderwijstijd", "stage_uren", "werktijden", "werkweken", "examenpakket", "toezicht", "stageovereenkomst", "plan"]
    for item in listed:
        assert item["title"] and item["inputs"]
        assert all({"name", "label", "type"} <= set(field) for field in item["inputs"])


def test_run_fail_exits_zero_with_outcome():
    """A plan that fails the rules is still a successful run: exit 0, status fail."""
    plan = {"leeftijd": 15, "perioden": [{"leerjaar": "3", "weken": 10, "dagen_per_week": 2, "uren_per_dag": 7, "sbb_code": "19029"}]}
    done = cli("run", "stage_uren", "--date", "2026-11-28", stdin=json.dumps(plan))
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout)
    assert outcome["status"] == "fail" and outcome["reference_date"] == "2026-11-28"


@pytest.mark.parametrize(
    "args, stdin, field",
    [
        (("run", "stage_uren", "--date", "2026-11-28"), '{"leeftijd": "oud"}', "leeftijd"),
        (("run", "stage_uren", "--date", "2026-11-28"), "{niet json", ""),
        (("run", "stage_uren", "--date", "28-11-2026"), "{}", "peildatum"),
        (("run", "rekenmachine", "--date", "2026-11-28"), "{}", ""),
    ],
    ids=["bad field", "bad json", "bad date", "unknown calculator"],
)
def test_invalid_exits_two_with_json(args, stdin, field):
    """Invalid input or an unknown calculator: exit 2, and JSON that says why in Dutch."""
    done = cli(*args, stdin=stdin)
    assert done.returncode == 2
    outcome = json.loads(done.stdout)
    assert outcome["status"] == "invalid"
    assert any(error["field"] == field and error["message"] for error in outcome["errors"])


def test_plan_command_reads_a_saved_plan():
    """``plan`` prints the plan's outcome; a foreign file is invalid input with exit code 2."""
    from calculators.plan import to_file

    done = cli("plan", "--date", "2026-12-03", stdin=json.dumps(to_file({"geboortedatum": "2010-10-15"})))
    outcome = json.loads(done.stdout)
    assert outcome["calculator"] == "plan" and outcome["status"] == "invalid" and done.returncode == 2
    assert outcome["errors"]  # the parts' required fields are missing
    done = cli("plan", stdin='{"naam": "x"}')
    assert done.returncode == 2 and json.loads(done.stdout)["errors"][0]["field"] == "bestand"


def test_klas_command_reads_a_csv():
    """``klas`` prints one row per pupil with its verdict."""
    from calculators.klas import template_csv

    done = cli("klas", "--date", "2026-12-03", stdin=template_csv())
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout)
    assert outcome["calculator"] == "klas" and outcome["values"]["aantal"] == 2
