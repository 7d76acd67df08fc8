"""Dutch notation for what the reader sees: numbers with a decimal comma, dates, lists, times."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

#: The days of the week, Monday first; a school week runs from Monday to Friday.
DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
SCHOOL_DAYS = DAYS[:5]

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)


def number(value: Decimal | int | float, decimals: int = 2) -> str:
    """``1280`` -> ``"1.280"``, ``Decimal("7.5")`` -> ``"7,5"``; at most ``decimals`` decimals, no trailing zeros."""
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    fraction = fraction.rstrip("0")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups)
    return f"{sign}{text},{fraction}" if fraction else f"{sign}{text}"


def long_date(value: date) -> str:
    """``date(2026, 11, 28)`` -> ``"28 november 2026"``."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def numeric_date(value: date) -> str:
    """``date(2026, 9, 1)`` -> ``"01-09-2026"`` (dd-mm-jjjj, as typed in a form)."""
    return f"{value.day:02d}-{value.month:02d}-{value.year}"


def clock(minutes: int) -> str:
    """Minutes since midnight -> ``"07:30"`` (as typed in a form)."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def time_of_day(minutes: int, with_uur: bool = True) -> str:
    """Minutes since midnight -> ``"07.30 uur"`` (or ``"07.30"``), a time of day as a Dutch reader writes it."""
    text = f"{minutes // 60:02d}.{minutes % 60:02d}"
    return f"{text} uur" if with_uur else text


def duration(minutes: int) -> str:
    """Minutes -> ``"7 uur"`` or ``"4 uur en 30 minuten"``."""
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return f"{hours} uur"
    if hours == 0:
        return f"{rest} minuten"
    return f"{hours} uur en {rest} minuten"


def enumeration(items: list[str], conjunction: str = "en") -> str:
    """``["a", "b", "c"]`` -> ``"a, b en c"``."""
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def lower_first(text: str) -> str:
    """``"Kassawerk"`` -> ``"kassawerk"``: a label from data/ used inside a sentence."""
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    """``"kassawerk"`` -> ``"Kassawerk"``: a label from data/ at the start of a sentence."""
    return text[:1].upper() + text[1:]
