"""Command line: ``python -m calculators list``, ``run NAME``, ``plan`` and ``klas`` (each with ``--date YYYY-MM-DD``).

``run`` reads one JSON object on stdin and prints the outcome as JSON. The exit code is 0
for pass, fail and warning, and 2 for invalid input or an unknown calculator; in both
cases the output is JSON that says why.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from .bundled import load_rules
from .outcome import Outcome
from .registry import UnknownCalculator, available, describe, run


def _print(doc) -> None:
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _invalid(name: str, on: date, field: str, message: str) -> int:
    outcome = Outcome(calculator=name, reference_date=on)
    outcome.error(field, message)
    _print(outcome.to_dict())
    return 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m calculators", description="Rekenhulpen leer-werktrajecten vmbo")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="beschrijving van alle rekenhulpen en hun invoer (JSON)")
    run_cmd = commands.add_parser("run", help="een rekenhulp uitvoeren; invoer als JSON op stdin")
    run_cmd.add_argument("name")
    run_cmd.add_argument("--date", help="peildatum JJJJ-MM-DD (standaard: vandaag)")
    plan_cmd = commands.add_parser("plan", help="het plan van één leerling nakijken; een bewaard plan (JSON) op stdin")
    plan_cmd.add_argument("--date", help="peildatum JJJJ-MM-DD (standaard: vandaag)")
    klas_cmd = commands.add_parser("klas", help="een klas nakijken; een CSV-bestand op stdin")
    klas_cmd.add_argument("--date", help="peildatum JJJJ-MM-DD (standaard: vandaag)")
    args = parser.parse_args(argv)

    rules = load_rules()
    if args.command == "list":
        today = date.today()
        _print([describe(name, rules, today) for name in available()])
        return 0

    name = getattr(args, "name", args.command)
    try:
        on = date.fromisoformat(args.date) if args.date else date.today()
    except ValueError:
        return _invalid(name, date.today(), "peildatum", "Geef de peildatum als JJJJ-MM-DD, bijvoorbeeld --date 2026-09-01.")
    if args.command == "plan":
        from .plan import run_file

        outcome = run_file(sys.stdin.buffer.read().decode("utf-8", errors="replace"), rules, on)
        _print(outcome)
        return 2 if outcome["status"] == "invalid" else 0
    if args.command == "klas":
        from .klas import check_class

        outcome = check_class(sys.stdin.buffer.read(), rules, on)
        _print(outcome)
        return 2 if outcome["status"] == "invalid" else 0
    if args.name not in available():
        names = ", ".join(available())
        return _invalid(args.name, on, "", f"Onbekende rekenhulp ‘{args.name}’. Kies uit: {names}.")
    try:
        inputs = json.loads(sys.stdin.read() or "{}")
    except json.JSONDecodeError as error:
        return _invalid(args.name, on, "", f"De invoer is geen geldige JSON (regel {error.lineno}, kolom {error.colno}).")
    try:
        outcome = run(args.name, inputs, rules, on)
    except UnknownCalculator:
        return _invalid(args.name, on, "", f"Onbekende rekenhulp ‘{args.name}’.")
    _print(outcome)
    return 2 if outcome["status"] == "invalid" else 0


if __name__ == "__main__":
    raise SystemExit(main())
