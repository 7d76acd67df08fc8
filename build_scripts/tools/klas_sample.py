"""A generated class file for the browser test and the benchmark: many pupils, as Excel saves them.

Semicolon separated, Windows-1252 (names with accents), Dutch dates and a decimal comma, the
way Dutch Excel writes "CSV (gescheiden door lijstscheidingsteken)". Deterministic for a given
size, so a run can be compared with the last.
"""

from __future__ import annotations

HEADER = ("leerling;geboortedatum;leerweg;profiel;sbb_code;eerste_stagedag;laatste_stagedag;stagedagen;"
          "begintijd;eindtijd;pauze_minuten;schooluren_per_dag;zondag_afgesproken")
_NAMES = ("Anaïs", "Björn", "Chloë", "Daan", "Eline", "Fenna", "Gijs", "Hüseyin", "Iris", "Joël")
_DAYS = ("di do", "ma wo", "di do", "do vr")
_ENDS = ("15:30", "16:00", "15:30", "16:30")


def sample_class_csv(count: int) -> bytes:
    """``count`` pupils; about one in four has days of 7,5 hours, too long for a pupil of 15."""
    lines = [HEADER]
    for i in range(count):
        day, month, year = 1 + (i * 7) % 28, 1 + (i * 5) % 12, 2009 + i % 3
        lines.append(f"{_NAMES[i % len(_NAMES)]} {i + 1};{day:02d}-{month:02d}-{year};bb;ZW;19030;07-09-2026;31-01-2027;"
                     f"{_DAYS[i % len(_DAYS)]};08:30;{_ENDS[(i // 3) % len(_ENDS)]};30;6,5;")
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")
