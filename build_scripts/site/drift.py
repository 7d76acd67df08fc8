"""The drift check: a page may not type the value of a numeric norm by hand.

A page that says "640 uur" in its own words keeps saying 640 when data/ changes; a page that
says ``{{ norm: stage.uren.minimum }} uur`` follows. So the build fails when the prose of a
page has a number that equals a value of a numeric norm (any of its dated values) *and* stands
with that norm's unit word: "640 uur", "1.280 klokuren", "189 dagen", "4,5 uur", "10 kg",
"35 uur per week", "640 tot 1.280 klokuren" (both numbers), "93%".

What counts as prose: the text of paragraphs, headings, list items, table cells, link texts and
raw HTML blocks, as markdown-it-py parses the page. Not checked: fenced and indented code,
inline code, macros (``{{ ... }}``), link and autolink addresses, HTML attributes, and the
contents of ``<code>``, ``<pre>``, ``<script>`` and ``<style>``. Admonition and details blocks
(``!!! note``, ``??? note``) are un-indented first, so their text is prose, not code.

What is ignored, to keep ordinary text free:

- numbers without the norm's unit word after them: years ("in 2021"), codes ("19020"), counts
  of other things ("de 10 profielen", "leerjaar 3 en 4");
- numbers that are part of a larger token: article numbers ("art. 3.35 lid 6", "art. 3:2",
  "10b1"), times ("7.00 uur", "19:00"), ranges of years ("2020-2021"), and any number right
  after "art.", "artikel", "lid", "nr.", "code", "Stb.", "Kamerstuk", "hoofdstuk" and the like;
- a time of day: "om 7 uur";
- ages and durations in years ("leerlingen van 16 en 17 jaar", "een 15-jarige"), unless the
  number follows a limit word: "vanaf 14 jaar", "onder de 16 jaar", "om de 4 jaar" are norms;
- grades ("een 6 voor Nederlands"), unless they are written as a limit: "ten minste een 6",
  "een 6 of hoger", "niet lager dan een 4";
- a unit of the form "procent X" (for example "procent verwant") counts only when X follows
  within a few words ("50% verwant"), so "telt voor 50%" elsewhere is not a norm.

Numbers written as words count too ("zeshonderdveertig uur", "vanaf veertien jaar", "ten minste
vier keuzevakken"), except "een", which is mostly the article; "één" counts. Numbers inside a list
value of a norm ("leerjaren": [3, 4]) are values like any other.

The message names the page, the line, the number and the norm id to use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterable

from markdown_it import MarkdownIt

from calculators import Rules

from ..paths import DOCS_DIR

#: Stands in the prose for what is not prose (a macro, inline code, an autolink): no number
#: can be read across it.
HOLE = "\ue000"

MACRO_SPAN = re.compile(r"\{\{.*?\}\}")
FENCE = re.compile(r"^[ \t]*(```|~~~)")
ADMONITION = re.compile(
    r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$'
)

#: A number as a Dutch text writes it: 640, 1280, 1.280, 4,5, 4½. Not part of a larger token.
NUMBER = re.compile(
    r"(?<![\w.,:/§\u00bd])"
    r"(?P<number>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?P<half>\u00bd)?"
    r"(?![\w\u00bd]|[.,:/]\d)"
)
#: What may stand between the numbers of a range or list that share one unit: "640 tot 1.280 uur".
CONNECTOR = re.compile(r"^[ \t\u00a0]*(?:[-\u2013\u2014]|tot(?:[ \t]+en[ \t]+met)?|t/m|en|of|\u00e0)[ \t\u00a0]*$")
#: Words right before a number that make it a reference, not an amount.
REFERENCE_BEFORE = re.compile(
    r"(?:\bart\.?|\bartikel(?:en)?|\blid|\bleden|\bnr\.?|\bnummer|\bcodes?|\bvakcodes?|\belementcodes?|"
    r"\bkamerstuk(?:ken)?|\bstb\.?|\bstcrt\.?|\bhoofdstuk|\bparagraaf|§|\bbijlage|\bpagina|\bblz\.?|\bversie|\bbwbr)"
    r"[ \t\u00a0]*$",
    re.IGNORECASE,
)
#: "om 7 uur" is a time of day.
TIME_OF_DAY_BEFORE = re.compile(r"\bom[ \t\u00a0]+$", re.IGNORECASE)
#: Words that make "N jaar" a limit (a norm) rather than an age or a duration.
LIMIT_BEFORE = re.compile(
    r"(?:\bvanaf|\bminimaal|\bminimum|\bten[ \t]+minste|\btenminste|\bminstens|\bmaximaal|\bmaximum|"
    r"\bten[ \t]+hoogste|\bhoogstens|\bonder(?:[ \t]+de)?|\bboven(?:[ \t]+de)?|\bjonger[ \t]+dan|"
    r"\bouder[ \t]+dan|\btot(?:[ \t]+en[ \t]+met)?|\bt/m|\bom[ \t]+de|\belke|\biedere|\bleeftijd[ \t]+van)"
    r"[ \t\u00a0]+$",
    re.IGNORECASE,
)
#: Grades: "ten minste een 6", "niet lager dan een 4" ...
GRADE_BEFORE = re.compile(
    r"(?:\bten[ \t]+minste|\bminimaal|\bminstens|\blager[ \t]+dan|\bhoger[ \t]+dan|\bonder|\bboven|"
    r"\bminder[ \t]+dan|\bcijfer|\beindcijfer|\bcombinatiecijfer)[ \t]+(?:een[ \t]+)?$",
    re.IGNORECASE,
)
#: ... or "een 6 of hoger".
GRADE_AFTER = re.compile(r"^[ \t]+of[ \t]+(?:hoger|meer)\b", re.IGNORECASE)

_HOURS = r"(?:klok|stage|les|school|onderwijs|werk|praktijk|arbeids)?-?(?:uren|uur)"
#: The words that may follow a number of each unit (a regular expression per unit).
UNIT_WORDS = {
    "klokuren": _HOURS,
    "uren": _HOURS,
    "dagen": r"(?:stage|school|les|onderwijs|werk|praktijk)?-?(?:dagen|dag)",
    "minuten": r"(?:minuten|minuut|min\.)",
    "kg": r"(?:kg|kilo(?:gram)?)",
    "jaar": r"(?:jaar|-?jarigen?)",
    "leerjaren": r"(?:leerjaren|leerjaar)",
    "procent": r"(?:%|procent)",
    "leerlingen": r"(?:(?:lwt|vmbo|bb)-)?(?:leerlingen|leerling)",
    "scholen": r"(?:(?:vmbo|vo)-)?(?:scholen|school)",
    "keuzevakken": r"(?:beroepsgerichte[ \t]+)?(?:keuzevakken|keuzevak)",
    "profielmodules": r"(?:profielmodules|profielmodule)",
    "zondagen": r"(?:vrije[ \t]+)?(?:zondagen|zondag)",
    "decimalen": r"(?:decimalen|decimaal)",
}
#: Units whose numbers only count after a limit word.
LIMIT_UNITS = {"jaar"}
#: Units whose numbers are grades.
GRADE_UNITS = {"cijfer"}
#: How many words may stand between "procent" and the qualifier of a unit like "procent verwant".
QUALIFIER_WINDOW = 4

_md = MarkdownIt("commonmark").enable("table")

# --- numbers written as words ---------------------------------------------------------------

_UNITS_WORDS = {
    "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
}
_TEENS = {
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
    "zeventien": 17, "achttien": 18, "negentien": 19,
}
_TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80,
    "negentig": 90,
}
#: In a compound the 1 is "een" ("eenentwintig", "eenhonderd"), and "ën" joins after a vowel.
_COMPOUND_UNITS = {**_UNITS_WORDS, "een": 1}
WORD = re.compile(r"(?<![\w-])[a-zà-ÿ]+(?![\w-])", re.IGNORECASE)


def _below_hundred(word: str) -> int | None:
    if word in _UNITS_WORDS:
        return _UNITS_WORDS[word]
    if word in _TEENS:
        return _TEENS[word]
    if word in _TENS:
        return _TENS[word]
    for tens_word, tens in _TENS.items():
        if word.endswith(tens_word):
            head = word[: -len(tens_word)]
            for joint in ("en", "ën"):
                if head.endswith(joint) and head[: -len(joint)] in _COMPOUND_UNITS:
                    return _COMPOUND_UNITS[head[: -len(joint)]] + tens
    return None


def _below_thousand(word: str) -> int | None:
    if not word:
        return None
    if "honderd" in word:
        head, _, tail = word.partition("honderd")
        if head == "":
            hundreds = 1
        elif head in _COMPOUND_UNITS:
            hundreds = _COMPOUND_UNITS[head]
        else:
            hundreds = _below_hundred(head)  # "twaalfhonderd", "negentienhonderd"
            if hundreds is None or hundreds < 10:
                return None
        rest = _below_hundred(tail.removeprefix("en")) if tail else 0
        return None if rest is None else hundreds * 100 + rest
    return _below_hundred(word)


def word_number(word: str) -> int | None:
    """The value of a Dutch number written as one word ("zeshonderdveertig" -> 640), else None.

    "een" alone is not a number here (it is mostly the article); "één" is.
    """
    word = word.lower()
    if word == "een":
        return None
    if "duizend" in word:
        head, _, tail = word.partition("duizend")
        thousands = 1 if head == "" else _below_thousand(head) if head != "een" else 1
        rest = _below_thousand(tail.removeprefix("en")) if tail else 0
        if thousands is None or rest is None:
            return None
        return thousands * 1000 + rest
    return _below_thousand(word)


@dataclass(frozen=True)
class _Written:
    """A number in the prose, in figures or in words, in the shape the checks need."""

    start_at: int
    end_at: int
    written: str
    value: Decimal | None

    def start(self) -> int:
        return self.start_at

    def end(self) -> int:
        return self.end_at

    def group(self, index: int = 0) -> str:
        return self.written


def numbers_in(text: str) -> list[_Written]:
    """Every number in ``text``, written in figures or as one Dutch word, in order of position."""
    found = [
        _Written(m.start(), m.end(), m.group(0), parse_number(m.group("number"), m.group("half")))
        for m in NUMBER.finditer(text)
    ]
    for m in WORD.finditer(text):
        value = word_number(m.group(0))
        if value is not None:
            found.append(_Written(m.start(), m.end(), m.group(0), Decimal(value).normalize()))
    return sorted(found, key=lambda number: number.start_at)


@dataclass(frozen=True)
class Candidate:
    """One dated numeric value of a norm that a page might type by hand."""

    norm_id: str
    unit: str
    valid_from: str
    valid_until: str | None
    current: bool


@dataclass(frozen=True)
class _UnitRule:
    after: re.Pattern | None  # the unit word after the number
    qualifier: str  # a word that must follow the unit word within a few words ("verwant")
    limit: bool  # needs a limit word before the number ("vanaf 14 jaar")
    grade: bool  # a grade: needs "ten minste een" before or "of hoger" after
    hours: bool = False  # "om 7 uur" is a time of day, not a number of hours


def unit_rule(unit: str) -> _UnitRule | None:
    """How a number of this unit stands in a sentence; ``None`` if it cannot be recognised."""
    if unit in GRADE_UNITS:
        return _UnitRule(None, "", False, True)
    words = unit.split()
    if not words:
        return None
    base, qualifier = words[0], " ".join(words[1:])
    pattern = UNIT_WORDS.get(base)
    if pattern is None:
        if not re.fullmatch(r"[a-zà-ÿ-]+", base):
            return None  # "ja/nee", "tijd (uu:mm)": not a number with a word
        pattern = re.escape(base)
    after = re.compile(r"^[ \t\u00a0]*-?" + pattern + r"(?!\w)", re.IGNORECASE)
    return _UnitRule(after, qualifier, base in LIMIT_UNITS, False, hours=base in ("klokuren", "uren"))


def numeric_index(rules: Rules, on=None) -> dict[Decimal, list[Candidate]]:
    """Every number that is a value of a numeric norm (every dated value), with its norms.

    ``current`` marks the value in force on ``on`` (every value when ``on`` is None), as
    :meth:`calculators.rules.Norm.index_on` chooses it.
    """
    index: dict[Decimal, list[Candidate]] = {}
    for norm in rules:
        history = norm.history()
        in_force = None if on is None else norm.index_on(on)
        for position, entry in enumerate(history):
            value = entry.value
            items = value if isinstance(value, list) else [value]
            numbers = [item for item in items if isinstance(item, (int, float)) and not isinstance(item, bool)]
            if not numbers:
                continue
            until = history[position + 1].valid_from.isoformat() if position + 1 < len(history) else None
            current = on is None or position == in_force
            for number in dict.fromkeys(numbers):
                key = Decimal(str(number)).normalize()
                index.setdefault(key, []).append(Candidate(norm.id, norm.unit, entry.valid_from.isoformat(), until, current))
    return index


def parse_number(text: str, half: str | None = None) -> Decimal | None:
    try:
        number = Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None
    if half:
        number += Decimal("0.5")
    return number.normalize()


# --- the page as prose ----------------------------------------------------------------------


def _blank_front_matter(lines: list[str]) -> None:
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() in ("---", "..."):
                for i in range(end + 1):
                    lines[i] = ""
                return


def _unindent_blocks(lines: list[str]) -> None:
    """Turn admonition and details blocks into plain Markdown, keeping every line in place."""
    in_fence = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else ADMONITION.match(line)
        if match:
            indent = len(match.group("indent").expandtabs(4))
            lines[i] = " " * indent + (match.group("title") or "")
            j = i + 1
            while j < len(lines):
                body = lines[j].expandtabs(4)
                if not body.strip():
                    j += 1
                    continue
                if len(body) - len(body.lstrip(" ")) >= indent + 4:
                    lines[j] = body[:indent] + body[indent + 4:]
                    j += 1
                else:
                    break
        i += 1


def prepare(markdown: str) -> str:
    """The page with macros, front matter and block markers taken out; line numbers unchanged."""
    lines = markdown.split("\n")
    _blank_front_matter(lines)
    _unindent_blocks(lines)
    return "\n".join(MACRO_SPAN.sub(HOLE, line) for line in lines)


_INLINE_TAGS = {"a", "abbr", "b", "em", "i", "mark", "small", "span", "strong", "sub", "sup", "u", "br"}
_SKIP_TAGS = {"code", "pre", "script", "style", "kbd", "samp", "template"}


class _HtmlText(HTMLParser):
    """The text of a raw HTML block, with line numbers; not the attributes or code."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[int, str]] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self.skipping += 1
        self.pieces.append((self.getpos()[0], " " if tag in _INLINE_TAGS else HOLE))

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS and self.skipping:
            self.skipping -= 1
        self.pieces.append((self.getpos()[0], " " if tag in _INLINE_TAGS else HOLE))

    def handle_data(self, data):
        if not self.skipping:
            self.pieces.append((self.getpos()[0], data.replace("*", "")))


def prose(markdown: str) -> Iterable[tuple[int, str]]:
    """``(first line, text)`` for each stretch of prose; a newline in the text is the next line."""
    for token in _md.parse(prepare(markdown)):
        if token.type == "inline" and token.map:
            parts: list[str] = []
            in_autolink = False
            for child in token.children or []:
                if child.type == "link_open" and child.markup == "autolink":
                    in_autolink = True
                    parts.append(HOLE)
                elif child.type == "link_close" and in_autolink:
                    in_autolink = False
                elif in_autolink:
                    continue
                elif child.type == "text":
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append("\n")
                elif child.type == "code_inline":
                    parts.append(HOLE)
                elif child.type == "image":
                    parts.append(child.content)
                elif child.type == "html_inline":
                    parts.append(" ")
            yield token.map[0] + 1, "".join(parts)
        elif token.type == "html_block" and token.map:
            parser = _HtmlText()
            parser.feed(token.content)
            parser.close()
            text, line_now = "", 1
            for line, piece in parser.pieces:
                if line > line_now:
                    text += "\n" * (line - line_now)
                    line_now = line
                text += piece
                line_now += piece.count("\n")
            yield token.map[0] + 1, text


# --- finding hand-typed norms ---------------------------------------------------------------


def _chains(text: str) -> list[list[_Written]]:
    """Numbers in the text, grouped when they share one unit word ("640 tot 1.280 uur")."""
    chains: list[list[_Written]] = []
    for match in numbers_in(text):
        if chains and CONNECTOR.match(text[chains[-1][-1].end():match.start()]):
            chains[-1].append(match)
        else:
            chains.append([match])
    return chains


def _stands_with_unit(text: str, chain: list[re.Match], match: re.Match, rule: _UnitRule) -> bool:
    before_chain = text[:chain[0].start()]
    after_chain = text[chain[-1].end():]
    if rule.grade:
        before = text[:match.start()]
        return bool(GRADE_BEFORE.search(before) or GRADE_AFTER.match(text[match.end():]))
    unit = rule.after.match(after_chain)
    if not unit:
        return False
    if rule.qualifier:
        following = after_chain[unit.end():].split()[: QUALIFIER_WINDOW + 1]
        if not any(word.lower().strip(".,;:()").startswith(rule.qualifier.lower()) for word in following):
            return False
    if rule.limit and not LIMIT_BEFORE.search(before_chain):
        return False
    return True


def _suggestion(candidate: Candidate) -> str:
    if candidate.current:
        return f"{{{{ norm: {candidate.norm_id} }}}}"
    return f"{{{{ norm: {candidate.norm_id} @ {candidate.valid_from} }}}}"


def find(markdown: str, rules: Rules, on=None) -> list[tuple[int, str, list[Candidate]]]:
    """``(line, number as written, norms)`` for every hand-typed norm value in ``markdown``."""
    index = numeric_index(rules, on)
    rules: dict[str, _UnitRule | None] = {}
    found = []
    for first_line, text in prose(markdown):
        for chain in _chains(text):
            for match in chain:
                number = match.value
                candidates = index.get(number) if number is not None else None
                if not candidates:
                    continue
                before = text[:match.start()]
                if REFERENCE_BEFORE.search(text[:chain[0].start()]) or REFERENCE_BEFORE.search(before):
                    continue
                hits = []
                for candidate in candidates:
                    if candidate.unit not in rules:
                        rules[candidate.unit] = unit_rule(candidate.unit)
                    rule = rules[candidate.unit]
                    if rule is None or not _stands_with_unit(text, chain, match, rule):
                        continue
                    if rule.hours and TIME_OF_DAY_BEFORE.search(text[:chain[0].start()]):
                        continue
                    hits.append(candidate)
                if hits:
                    line = first_line + text[:match.start()].count("\n")
                    found.append((line, match.group(0), hits))
    return found


def _line_offset(markdown: str, page: str) -> int:
    """Lines that MkDocs took off the top of the page (front matter) before the hook saw it."""
    if not page:
        return 0
    path = DOCS_DIR / page
    try:
        source = path.read_text(encoding="utf-8-sig")
    except OSError:
        return 0
    if source != markdown and markdown and source.endswith(markdown):
        return source[: len(source) - len(markdown)].count("\n")
    return 0


def check(markdown: str, context) -> list[str]:
    """Problems in ``markdown`` (the page source before macros are expanded)."""
    page = getattr(context, "page", "") or "<page>"
    offset = _line_offset(markdown, getattr(context, "page", ""))
    problems = []
    for line, written, hits in find(markdown, context.rules, getattr(context, "on", None)):
        by_norm: dict[str, Candidate] = {}
        for hit in hits:  # one suggestion per norm: the current value if it is one of them
            if hit.norm_id not in by_norm or hit.current:
                by_norm[hit.norm_id] = hit
        ids = " or ".join(by_norm)
        use = " or ".join(_suggestion(hit) for hit in by_norm.values())
        problems.append(f"{page}:{line + offset}: the number {written} is the value of norm {ids}; write {use} instead of typing it")
    return problems
