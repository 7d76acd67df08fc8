"""Klas: the stage plans of a whole class from one CSV file, each pupil checked by the calculators.

The file is what Excel saves or a school administration system exports: semicolon or comma
separated (tab also works), UTF-8 (with or without BOM) or Windows-1252, Dutch decimal commas
("7,5"), dates as ``15-10-2010`` or ``2010-10-15``. One row per pupil; the columns are those of
:data:`COLUMNS` (Dutch headers, any order, case and spaces ignored).

Each pupil's row becomes the input of the ``werkweken`` calculator (werktijden over the stage
period: the week pattern is the stage days with their times, and school hours on the other
weekdays) and is run through the public contract (``registry.run``). The leerweg, profiel and
the leerbedrijf's SBB code are checked as cells against the lists in data/. A bad cell gives a
Dutch error that names the row and the column; the other rows are still checked.

Speed: identical inputs are checked once (a class often shares one rooster), and werkweken
itself checks identical weeks once.
"""

from __future__ import annotations

import csv
# The two codecs a class file is read with (see decode), imported here and not looked up on first
# use: the browser's worker restores a memory snapshot that holds only modules imported before it
# was taken, and has no standard library to find a codec in afterwards.
import encodings.cp1252  # noqa: F401
import encodings.utf_8_sig  # noqa: F401
import io
import json
import re
from datetime import date
from typing import Any

from . import dutch
from .outcome import VERDICT_LABELS, Outcome
from .plan import combine
from .registry import run
from .rules import Rules

NAME = "klas"
MAX_BYTES = 2_000_000
MAX_ROWS = 2000

#: The columns: name in the file, Dutch description for the template and the page, required.
COLUMNS = (
    ("leerling", "naam of leerlingnummer", True),
    ("geboortedatum", "dd-mm-jjjj of jjjj-mm-dd", True),
    ("leerweg", "bb, kb of gl", False),
    ("profiel", "code van het profiel, bijvoorbeeld ZW", False),
    ("sbb_code", "erkenningscode van het leerbedrijf, vijf cijfers", False),
    ("eerste_stagedag", "dd-mm-jjjj", True),
    ("laatste_stagedag", "dd-mm-jjjj", True),
    ("stagedagen", "bijvoorbeeld: di do", True),
    ("begintijd", "begin van de stage, uu:mm", True),
    ("eindtijd", "einde van de stage, uu:mm", True),
    ("pauze_minuten", "pauze tijdens de stage in minuten", False),
    ("schooluren_per_dag", "uren op school op de andere dagen van maandag tot en met vrijdag, bijvoorbeeld 6,5", False),
    ("zondag_afgesproken", "ja als werk op zondag uit de aard van het werk volgt en is afgesproken", False),
)
COLUMN_NAMES = tuple(name for name, _, _ in COLUMNS)

#: Example rows of the template.
EXAMPLE = (
    ("Leerling 1", "15-10-2010", "bb", "ZW", "19030", "07-09-2026", "31-01-2027", "di do", "08:30", "15:30", "30", "6", ""),
    ("Leerling 2", "02-03-2010", "kb", "ZW", "19030", "07-09-2026", "31-01-2027", "ma wo", "09:00", "16:00", "30", "6,5", ""),
)

_DAYS = {"ma": "maandag", "di": "dinsdag", "wo": "woensdag", "do": "donderdag", "vr": "vrijdag", "za": "zaterdag", "zo": "zondag"}
_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag")
_DATE_NL = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_NUMBER = re.compile(r"^\d+([.,]\d+)?$")

#: Order for sorting the table by verdict: most serious first.
SEVERITY = {"fail": 0, "invalid": 1, "warning": 2, "pass": 3}
PART_TITLE = "Werktijden over de stageperiode"
#: Which column an error of the werkweken calculator belongs to.
_FIELD_COLUMNS = {
    "geboortedatum": "geboortedatum", "begindatum": "eerste_stagedag", "einddatum": "laatste_stagedag",
    "stage_begin": "begintijd", "stage_einde": "eindtijd", "pauze_minuten": "pauze_minuten",
    "uren_school": "schooluren_per_dag", "dag": "stagedagen",
}


def template_csv() -> str:
    """The template with Dutch headers and two example rows, semicolon separated (as Dutch Excel saves)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    writer.writerows(EXAMPLE)
    return out.getvalue()


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped) or, when that fails, Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(header: str) -> str:
    counts = {sep: header.count(sep) for sep in (";", ",", "\t")}
    return max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ";"


def _key(header: str) -> str:
    return re.sub(r"[\s\-]+", "_", header.strip().lower())


def _date(text: str) -> date | None:
    match = _DATE_NL.match(text)
    try:
        if match:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        match = _DATE_ISO.match(text)
        if match:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return None


def _time(text: str) -> str | None:
    match = _TIME.match(text)
    if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
        return f"{int(match.group(1)):02d}:{match.group(2)}"
    return None


def _days(text: str) -> list[str] | None:
    words = [word for word in re.split(r"[\s,/+&]+|\ben\b", text.lower()) if word]
    days = []
    for word in words:
        day = _DAYS.get(word[:2]) if word[:2] in _DAYS and (len(word) == 2 or _DAYS[word[:2]] == word) else None
        if day is None:
            return None
        if day not in days:
            days.append(day)
    return days or None


def _row_input(cells: dict[str, str], rules: Rules, on: date) -> tuple[dict[str, Any] | None, list[dict[str, str]]]:
    """One pupil's row as werkweken input, or the errors per column."""
    errors: list[dict[str, str]] = []

    def bad(column: str, message: str) -> None:
        errors.append({"kolom": column, "bericht": message})

    for column, _, required in COLUMNS:
        if required and not cells.get(column):
            bad(column, f"De kolom ‘{column}’ is leeg. Vul hier {dict((c, d) for c, d, _ in COLUMNS)[column]} in.")
    dates = {}
    for column in ("geboortedatum", "eerste_stagedag", "laatste_stagedag"):
        text = cells.get(column, "")
        if text:
            dates[column] = _date(text)
            if dates[column] is None:
                bad(column, f"‘{text[:30]}’ is geen datum. Schrijf de datum als dd-mm-jjjj, bijvoorbeeld 15-10-2010.")
    times = {}
    for column in ("begintijd", "eindtijd"):
        text = cells.get(column, "")
        if text:
            times[column] = _time(text)
            if times[column] is None:
                bad(column, f"‘{text[:30]}’ is geen tijd. Schrijf de tijd als uu:mm, bijvoorbeeld 08:30.")
    days = None
    if cells.get("stagedagen"):
        days = _days(cells["stagedagen"])
        if days is None:
            bad("stagedagen", f"‘{cells['stagedagen'][:30]}’ zijn geen dagen. Schrijf de stagedagen als ma di wo do vr za zo, met spaties ertussen.")
    numbers = {}
    for column, maximum in (("pauze_minuten", 300), ("schooluren_per_dag", 12)):
        text = cells.get(column, "").replace(" ", "")
        if text:
            if not _NUMBER.match(text) or float(text.replace(",", ".")) > maximum:
                bad(column, f"‘{text[:30]}’ is geen getal van 0 tot en met {maximum}. Gebruik een komma voor decimalen, bijvoorbeeld 6,5.")
            else:
                numbers[column] = text.replace(",", ".")
    if "pauze_minuten" in numbers and "." in numbers["pauze_minuten"]:
        bad("pauze_minuten", "Vul de pauze in hele minuten in, bijvoorbeeld 30.")
    for column, norm_id in (("leerweg", "examen.leerwegen"), ("profiel", "leerbedrijven.profielen"), ("sbb_code", "leerbedrijven.sbb_codes_vmbo")):
        text = cells.get(column, "")
        if not text:
            continue
        known = {str(code).lower(): str(code) for code in rules.value(norm_id, on)}
        if text.lower() not in known:
            bad(column, f"‘{text[:30]}’ is geen bekende waarde. Kies uit: {', '.join(sorted(known.values()))}.")
    answer = cells.get("zondag_afgesproken", "").strip().lower()
    if answer not in ("", "ja", "nee", "j", "n", "x", "1", "0"):
        bad("zondag_afgesproken", f"‘{answer[:30]}’: vul ja of nee in, of laat de cel leeg.")
    if errors:
        return None, errors

    rows = []
    for day in _WEEKDAYS + ("zaterdag", "zondag"):
        row: dict[str, Any] = {"dag": day}
        if day in days:
            row.update({"stage_begin": times["begintijd"], "stage_einde": times["eindtijd"]})
            if "pauze_minuten" in numbers:
                row["pauze_minuten"] = int(numbers["pauze_minuten"])
        elif day in _WEEKDAYS and numbers.get("schooluren_per_dag"):
            row["uren_school"] = numbers["schooluren_per_dag"]
        if len(row) > 1:
            rows.append(row)
    return {
        "geboortedatum": dates["geboortedatum"].isoformat(),
        "begindatum": dates["eerste_stagedag"].isoformat(),
        "einddatum": dates["laatste_stagedag"].isoformat(),
        "patroon": rows,
        "zondag_afgesproken": answer in ("ja", "j", "x", "1"),
    }, []


def _column_of(field: str) -> str:
    last = field.split(".")[-1]
    return _FIELD_COLUMNS.get(last, _FIELD_COLUMNS.get(field, "stagedagen" if field.startswith("patroon") else field or "leerling"))


def report(inputs: dict[str, Any], rules: Rules, on: date) -> dict[str, Any]:
    """One pupil's full report from the row's input (as in ``values.leerlingen[i].invoer``)."""
    outcome = Outcome(calculator=NAME, reference_date=on)
    if not isinstance(inputs, dict):
        outcome.error("invoer", "Deze leerling kan niet worden geopend: de invoer ontbreekt.")
        return outcome.to_dict()
    verdicts = combine(outcome, [("werkweken", PART_TITLE, inputs, {})], rules, on, field_of=lambda _n, field, _r: _column_of(field))
    outcome.values["onderdelen"] = verdicts
    outcome.summary = f"{VERDICT_LABELS[outcome.status]}. {verdicts[0]['samenvatting']}" if not outcome.errors else ""
    return outcome.to_dict()


def check_class(data: bytes, rules: Rules, on: date) -> dict[str, Any]:
    """Read and check a class file; see the module docstring. Never raises on bad input."""
    outcome = Outcome(calculator=NAME, reference_date=on)
    if not isinstance(data, (bytes, bytearray)) or not data.strip():
        outcome.error("bestand", "Het bestand is leeg. Kies een CSV-bestand met een kopregel en één regel per leerling.")
        return outcome.to_dict()
    if len(data) > MAX_BYTES:
        outcome.error("bestand", f"Het bestand is groter dan {MAX_BYTES // 1_000_000} MB. Splits de klas in kleinere bestanden.")
        return outcome.to_dict()
    if data[:4] == b"PK\x03\x04" or b"\x00" in data[:1000]:
        outcome.error("bestand", "Dit is geen CSV-bestand (het lijkt op een Excel-bestand). Kies in Excel ‘Opslaan als’ en dan ‘CSV (gescheiden door lijstscheidingsteken)’.")
        return outcome.to_dict()
    text = decode(bytes(data))
    lines = text.splitlines()
    delimiter = _delimiter(lines[0])
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        table = [row for row in reader]
    except csv.Error:
        outcome.error("bestand", "Het bestand kan niet als CSV worden gelezen (een aanhalingsteken staat niet goed). Sla het opnieuw op als CSV.")
        return outcome.to_dict()
    header = [_key(cell) for cell in table[0]]
    missing = [name for name, _, required in COLUMNS if required and name not in header]
    if missing:
        outcome.error("bestand", f"In de kopregel ontbreken de kolommen {dutch.enumeration(['‘' + m + '’' for m in missing])}. "
                                 f"Gebruik het sjabloon; de kolommen mogen in elke volgorde staan.")
        return outcome.to_dict()
    rows = [(number, row) for number, row in enumerate(table[1:], start=2) if any(cell.strip() for cell in row)]
    if not rows:
        outcome.error("bestand", "Het bestand heeft geen leerlingen: alleen een kopregel.")
        return outcome.to_dict()
    if len(rows) > MAX_ROWS:
        outcome.error("bestand", f"Het bestand heeft meer dan {MAX_ROWS} leerlingen. Splits het in kleinere bestanden.")
        return outcome.to_dict()

    cache: dict[str, dict[str, Any]] = {}
    pupils = []
    counts = {status: 0 for status in ("pass", "warning", "fail", "invalid")}
    for number, row in rows:
        cells = {header[i]: cell.strip() for i, cell in enumerate(row) if i < len(header)}
        name = cells.get("leerling", "")[:80]
        entry: dict[str, Any] = {"rij": number, "leerling": name}
        inputs, errors = _row_input(cells, rules, on)
        if inputs is not None:
            key = json.dumps(inputs, sort_keys=True)
            result = cache.get(key)
            if result is None:
                result = run("werkweken", inputs, rules, on)
                cache[key] = result
            errors = [{"kolom": _column_of(error["field"]), "bericht": error["message"]} for error in result["errors"]]
            entry.update({"status": result["status"], "samenvatting": result["summary"], "invoer": inputs,
                          "onderdelen": [{"onderdeel": "werkweken", "titel": PART_TITLE, "status": result["status"]}]})
        if errors:
            entry.update({"status": "invalid", "samenvatting": "", "invoer": None, "onderdelen": []})
            for error in errors:
                error["bericht"] = f"Regel {number}, kolom ‘{error['kolom']}’: {error['bericht']}"
        entry["oordeel"] = VERDICT_LABELS[entry["status"]]
        entry["ernst"] = SEVERITY[entry["status"]]
        entry["fouten"] = errors
        counts[entry["status"]] += 1
        pupils.append(entry)

    outcome.values.update({
        "leerlingen": pupils,
        "aantal": len(pupils),
        "aantallen": counts,
        "scheidingsteken": {";": "puntkomma", ",": "komma", "\t": "tab"}[delimiter],
        "verschillende_plannen": len(cache),
    })
    def voldoen(n: int) -> str:
        return "voldoet" if n == 1 else "voldoen"

    parts = [f"{counts['pass']} {voldoen(counts['pass'])}", f"{counts['warning']} met aandachtspunten",
             f"{counts['fail']} {voldoen(counts['fail'])} niet"]
    if counts["invalid"]:
        parts.append(f"{counts['invalid']} met fouten in het bestand (zie de foutmeldingen per regel)")
    pupils_word = "leerling" if len(pupils) == 1 else "leerlingen"
    outcome.summary = f"{len(pupils)} {pupils_word} nagekeken: {dutch.enumeration(parts)}."
    data_status = "fail" if counts["fail"] else "warning" if counts["warning"] or counts["invalid"] else "pass"
    doc = outcome.to_dict()
    # No findings of its own: the verdict of a class is the worst verdict of its pupils.
    doc["status"] = data_status
    doc["values"]["resultaat_csv"] = results_csv(doc)
    return doc


def results_csv(doc: dict[str, Any]) -> str:
    """The class results as CSV for Excel: semicolons, a BOM, one row per pupil."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["regel", "leerling", "oordeel", "samenvatting", "fouten"])
    for pupil in doc.get("values", {}).get("leerlingen", []):
        writer.writerow([pupil["rij"], pupil["leerling"], pupil["oordeel"], pupil["samenvatting"],
                         " | ".join(error["bericht"] for error in pupil["fouten"])])
    return out.getvalue()
