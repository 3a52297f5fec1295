"""The count grammar: every number expression in a text, its bounds, and what kind of number it is.

`find_counts` reads a whole article in one left-to-right pass: a cheap trigger regex finds where a
number can start, one compiled grammar (`_ATOM`) reads it there ("83", "1,200", "1.2 million",
"Thirty-two", "a hundred", "dozens"), and a few anchored regexes read the qualifier and the words
around it. Bounds follow DESIGN.md "Count": an exact count has low = value = high; a bound or a vague
count has value None and says what it knows in low / high (None = unbounded):

    at least N, no fewer than N, a minimum of N, N or more, N-plus, N+   at_least   low N
    more than N, over N, upwards of N, in excess of N                    more_than  low N+1
    nearly N, almost N, close to N, just under N                         nearly     low ⌊0.9N⌋, high N−1
    about N, around, approximately, roughly, some, (an) estimated, N or so   about  low ⌊0.9N⌋, high ⌈1.1N⌉
    up to N, as many as N, at most N, no more than N                     up_to      high N
    fewer than N, less than N                                            up_to      high N−1
    between N and M, N-M, N to M (not "from N to M": that is a revision)  between   low N, high M
    a few 2, a handful 2, multiple 2, several 3, many 3, numerous 3, tens of 20, dozens 24,
    scores of 40, hundreds 200, thousands 2000, several hundred 300, tens of thousands 20000  vague  low
    a couple of 2, a dozen 12, two dozen 24, half a dozen 6, no one 0    exact

"many" is read as vague with low 3 (ACLED's low reading of several/many): "many were killed" is a
figure an analyst wants to see. "as many as" and "how many" are not counts. A qualifier before a range
other than an approximator ("at least 10-15") is not read; the range is.

Numbers that are clearly not counts of people get a `NumberKind` other than COUNT (an age, a year, a
date, a time, money, a percentage, a duration, an ordinal, a measure, an identifier), decided from a
few tokens around the number. When unsure the kind is COUNT: the extractor decides later whether a
count is a casualty figure. For non-count kinds the span also covers the word the kind was read from
("64-year-old", "seven days", "Route 66", "aged 64"), and value / low / high still hold the number
read where there is one (a year's value is the year); dates, clock times, phone numbers and codes such
as "AK-47" have none.

Spans index the input exactly (`as_written == text[start:end]`): nothing is normalised before
matching, so curly quotes, en dashes, non-breaking hyphens and non-breaking spaces are matched as
written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from tollbook.model import Qualifier


class NumberKind(StrEnum):
    COUNT = "count"
    AGE = "age"
    YEAR = "year"
    DATE = "date"
    TIME = "time"
    MONEY = "money"
    PERCENT = "percent"
    DURATION = "duration"
    ORDINAL = "ordinal"
    MEASURE = "measure"
    IDENTIFIER = "identifier"


@dataclass(frozen=True, kw_only=True)
class CountMatch:
    start: int  # the whole expression, qualifier included ("More than 112")
    end: int
    as_written: str  # == text[start:end]
    number_start: int  # the bare number ("112"; "10-15" for a range)
    number_end: int
    value: int | None
    low: int | None
    high: int | None
    qualifier: Qualifier
    kind: NumberKind


# --------------------------------------------------------------------------- number words

_UNIT_WORDS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
_UNITS = {w: i for i, w in enumerate(f"{_UNIT_WORDS} sixteen seventeen eighteen nineteen".split())}
_TENS = {t: 10 * i for i, t in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_TENS["fourty"] = 40
_SCALES = {"thousand": 1000, "million": 10**6, "billion": 10**9}
_NUMBER_WORDS = [*_UNITS, *_TENS, "hundred", *_SCALES, "dozen"]
_ORDINAL_WORDS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
_ORDINALS = {w: i for i, w in enumerate(_ORDINAL_WORDS.split(), 1)}
_ORDINALS |= {w + "th": n for w, n in _UNITS.items() if n > 12} | {"hundredth": 100, "thousandth": 1000}
_ORDINALS |= {t[:-1] + "ieth": n for t, n in _TENS.items() if t != "fourty"}


def words_to_int(words: str) -> int | None:
    """Read a number written in words: "thirty-two" → 32, "one hundred and twelve" → 112,
    "a hundred" → 100, "two dozen" → 24. None when the words are not one well-formed number."""
    tokens = re.findall(r"[a-z]+", words.lower())
    return _parse_number_tokens(tokens) if tokens else None


def _parse_number_tokens(tokens: list[str]) -> int | None:
    """A small state machine over number words; `prev` is the class of the previous word."""
    if tokens in (["half", "a", "dozen"], ["a", "half", "dozen"], ["half", "dozen"]):
        return 6
    # scales must fall ("a million thousand" is no number)
    total, current, prev, last_scale = 0, 0, None, 10**10
    if tokens[0] == "a":
        current, prev, tokens = 1, "a", tokens[1:]
    for tok in tokens:
        starts_group = prev in (None, "hundred", "scale", "and")  # a place where a new part may begin
        if tok == "and" and prev in ("hundred", "scale"):
            prev = "and"
        elif tok in _UNITS and (starts_group or (prev == "tens" and 0 < _UNITS[tok] < 10)):
            current, prev = current + _UNITS[tok], "unit"
        elif tok in _TENS and starts_group:
            current, prev = current + _TENS[tok], "tens"
        elif tok == "hundred" and prev in ("unit", "tens", "a") and current < 100:
            current, prev = current * 100, "hundred"
        elif tok in _SCALES and prev in ("unit", "tens", "hundred", "a") and _SCALES[tok] < last_scale:
            total, current, prev, last_scale = total + current * _SCALES[tok], 0, "scale", _SCALES[tok]
        elif tok == "dozen" and prev in (None, "unit", "tens", "a"):
            current, prev = max(current, 1) * 12, "dozen"
        else:
            return None
    return None if prev in ("and", "a") else total + current


# --------------------------------------------------------------------------- regex helpers

_HY = "[-\u2010\u2011\u2013]"  # hyphen, unicode hyphen, non-breaking hyphen, en dash
_S = rf"(?:\s|{_HY})"  # one space or hyphen between a number and its unit
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR4 = r"(?:1[89]|20)\d\d"
_AMPM = r"(?:[ap]\.\s?m\b\.?|[ap]m\b)"


def _cap(word: str) -> str:
    """A word whose first letter must be upper case (the patterns are case-insensitive), so
    "May 3" is a date but "may 3" is not, in ordinary and in ALL-CAPS text alike."""
    return f"(?-i:{word[0]}){re.escape(word[1:])}"


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _caps(spec: str) -> str:
    return _alternation([_cap(w) for w in spec.split()])


def _trie(words: list[str]) -> str:
    """An alternation of plain words factored by common prefixes ("f(?:ive|our(?:teen|th)?)"),
    so the trigger tests each letter once instead of once per word."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(branches) == 1 else body + "?"

    return emit(root)


# --------------------------------------------------------------------------- the grammar

_MONTH_NAMES = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
_MONTH = rf"(?:{_caps(_MONTH_NAMES)})\b\.?"
_NUMWORD = _alternation(_NUMBER_WORDS)
_VAGUE_WORDS = "several many multiple numerous tens dozens hundreds scores thousands millions"
_WEAPON_PREFIXES = {"ak", "akm", "ar", "m", "sks", "rpg", "mac", "mp", "pk", "pkm", "svd", "sa", "g"}

_ATOM = re.compile(
    "|".join(
        [
            rf"(?P<dashdate>\b{_YEAR4}{_HY}[01]?\d{_HY}[0-3]?\d\b|\b[0-3]?\d{_HY}[0-3]?\d{_HY}{_YEAR4}\b)",
            r"(?P<slashdate>\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b)",
            r"(?P<phone>(?:\(\d{3}\)\s?|\b(?:1[-.])?\d{3}[-.\s])\d{3}[-.][A-Z\d]{4}\b|\b\d{3}-(?!\d\d00\b)\d{4}\b)",
            rf"(?P<clock>\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s?{_AMPM})?"
            rf"|\b(?:[01]?\d|2[0-3])\.[0-5]\d\s?{_AMPM})",
            r"(?P<ratio>\b\d+/\d+\b)",
            rf"(?P<dmy>\b{_DAY}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}"
            rf"(?:,?\s+{_YEAR4}\b|\s+\d\d\b(?=\s*(?:[-,.;:()[\]\u2013\u2014]|$)))?)",
            rf"(?P<mdy>\b{_MONTH}\s*(?:{_DAY}(?:st|nd|rd|th)?\b(?:\s*{_HY}\s*{_DAY}\b)?"
            rf"(?:,?\s+{_YEAR4}\b)?|{_YEAR4}\b))",
            r"(?P<decade>['\u2018\u2019]\d0s\b|\b(?:1[89]|20)?\d0['\u2019]s\b)",
            rf"(?P<code>(?-i:\b(?!(?i:mid|pre|post|non|anti|ex|pro|top|under|over|late|early){_HY})"
            rf"[A-Z][A-Za-z]{{0,4}})(?:{_HY}\d+|\d+)[A-Za-z]*\b)",
            rf"(?P<ordinal>\b(?:(?:{_alternation(list(_TENS))}){_S}?)?(?:{_alternation(list(_ORDINALS))})\b)",
            rf"(?P<noone>\bno(?:\s+|{_HY})one\b)",
            r"(?P<vague>\b(?:(?:several|a\s+few|many|multiple|numerous)\s+(?:dozen|hundred|thousand|million)s?"
            r"|(?:tens|dozens|hundreds|scores)\s+of\s+(?:thousands|millions)|(?:tens|scores)\s+of"
            r"|dozens|hundreds|thousands|millions|several|a\s+few|a\s+handful|multiple|numerous"
            r"|(?<!\bas\s)(?<!\bhow\s)(?<!\bso\s)(?<!\btoo\s)many(?!\s+as\b)|a\s+couple\s+of)\b)",
            rf"(?P<words>\b(?:(?:a|half\s+a|a\s+half){_S}+(?=(?:hundred|thousand|million|billion|dozen)\b))?"
            rf"(?:{_NUMWORD})\b(?:(?:\s+and\s+|\s+|{_HY})(?:{_NUMWORD})\b)*)",
            r"(?P<num>(?:(?P<sym>(?:US|C|A|NZ|HK)?\$|[£€¥₹₦])\s?)?(?<![\w.])"
            r"(?P<digits>\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
            r"(?:(?P<scale>\s*(?:million|billion|trillion|thousand|hundred|dozen)|bn|mn|m|k)\b)?"
            r"(?P<glued>[A-Za-z]+\b)?)",
        ]
    ),
    re.IGNORECASE,
)

# Where an atom can start: the grammar runs only at these positions. The leading class lets the
# regex engine skip spaces and punctuation at once.
_TRIGGER = re.compile(
    r"(?=[\w$£€¥₹₦(.'\u2018\u2019])(?:\d|[$£€¥₹₦(]|\.(?=\d)|['\u2018\u2019](?=\d)|\b(?:"
    + _trie(sorted({*_NUMBER_WORDS, *_ORDINALS, *_VAGUE_WORDS.split(), "a", "half", "no",
                    *_MONTH_NAMES.lower().split()}))
    + rf"\b|(?-i:[A-Z](?=[A-Za-z]{{0,4}}{_HY}?\d))|(?:US|C|A|NZ|HK)\$))",
    re.IGNORECASE,
)

_SCALE_VALUES = {
    "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "dozen": 12, "bn": 10**9, "mn": 10**6, "m": 10**6, "k": 1000,
}
_FIXED_KINDS = {
    "dashdate": NumberKind.DATE, "slashdate": NumberKind.DATE, "dmy": NumberKind.DATE,
    "mdy": NumberKind.DATE, "clock": NumberKind.TIME, "phone": NumberKind.IDENTIFIER,
}


@dataclass(slots=True)
class _Draft:
    """A number expression while it is being read; frozen into a CountMatch at the end."""

    start: int
    end: int
    nstart: int
    nend: int
    number: float | None  # the number as read (int-valued unless a bare decimal)
    qualifier: Qualifier = Qualifier.EXACT
    low: int | None = None
    high: int | None = None
    kind: NumberKind | None = None
    digits: str = ""  # the digits as written; "" for words or a scaled number ("1.2 million")
    money: bool = False
    scale: int = 1  # the factor of a scale word read with the number

    def is_int(self) -> bool:
        return self.number is not None and float(self.number).is_integer()

    def freeze(self, text: str) -> CountMatch:
        value = None
        if self.qualifier == Qualifier.EXACT and self.is_int():
            value = self.low = self.high = int(self.number)
        return CountMatch(
            start=self.start, end=self.end, as_written=text[self.start : self.end],
            number_start=self.nstart, number_end=self.nend, value=value, low=self.low,
            high=self.high, qualifier=self.qualifier, kind=self.kind or NumberKind.COUNT,
        )


def find_counts(text: str) -> list[CountMatch]:
    """Every number expression in `text`, in order, non-overlapping."""
    found: list[CountMatch] = []
    view = _unglued(text)
    pos = floor = 0
    while (trigger := _TRIGGER.search(view, pos)) is not None:
        m = _ATOM.match(view, trigger.start())
        if m is None:
            pos = max(trigger.end(), trigger.start() + 1)
            continue
        draft, pos = _read_atom(view, m, floor)
        if draft is not None and _is_reciprocal(view, draft):
            continue  # "killing one another" counts nobody
        if draft is not None:
            if (found and _continues_ages(view, found[-1], draft)) or _listed_respectively(view, draft):
                draft.kind = NumberKind.AGE
            found.append(draft.freeze(text))
            floor = draft.end  # a later qualifier or context word may not reach back into it
    return found


# A capitalised number word glued to the word before it where a title ran into the body
# ("… double shootingOne man was shot"): the letter before it is read as a word break.
_GLUED_NUMBER = re.compile(
    r"(?<=[a-z]{2})[a-z](?=(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Several|Dozens)\b)"
)


def _unglued(text: str) -> str:
    """`text` with a space before each glued number word; the same length, so offsets hold.
    Only the scan reads this view: spans are cut from the original text."""
    return _GLUED_NUMBER.sub(" ", text)


_RECIPROCAL = re.compile(r"\s+another\b", re.IGNORECASE)


def _is_reciprocal(text: str, draft: _Draft) -> bool:
    return text[draft.start : draft.end].lower() == "one" and bool(_RECIPROCAL.match(text, draft.end))

_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)\Z")


def _continues_ages(text: str, previous: CountMatch, draft: _Draft) -> bool:
    """ "ages 15 and 17", "Smith, 34, and his wife, 30": the next bare number in a list of ages."""
    return (
        previous.kind == NumberKind.AGE and draft.kind == NumberKind.COUNT
        and draft.qualifier == Qualifier.EXACT and bool(draft.digits) and 0 < draft.number <= 120
        and _LIST_JOIN.match(text, previous.end, draft.start) is not None
        and _PEOPLE_AFTER.match(text, draft.end) is None
    )


# "— 16, 20 and 17, respectively": the rest of a list of bare numbers that ends in "respectively"
_RESPECTIVELY = re.compile(
    r"(?:\s*(?:,\s*(?:and\s+)?|and\s+)\d{1,3}\b)*\s*,?\s*respectively\b", re.IGNORECASE
)


def _listed_respectively(text: str, draft: _Draft) -> bool:
    """Bare numbers listed "respectively" after names are their ages, not counts of people."""
    return (draft.kind in (None, NumberKind.COUNT) and draft.qualifier == Qualifier.EXACT
            and bool(draft.digits) and _RESPECTIVELY.match(text, draft.end) is not None)


def parse_count(phrase: str) -> CountMatch | None:
    """The whole phrase read as one number expression ("More than 112", "dozens"), or None."""
    found = find_counts(phrase)
    if len(found) != 1:
        return None
    leading = len(phrase) - len(phrase.lstrip())
    return found[0] if (found[0].start, found[0].end) == (leading, len(phrase.rstrip())) else None


def _read_atom(text: str, m: re.Match, floor: int) -> tuple[_Draft | None, int]:
    """Read the atom the scanner met; return the draft (None to skip) and where to scan on."""
    group, (start, end) = m.lastgroup, m.span()
    digit = re.search(r"\d+", m.group())
    nstart, nend = (start + digit.start(), start + digit.end()) if digit else (start, end)
    if group in _FIXED_KINDS:
        return _Draft(start, end, nstart, nend, None, kind=_FIXED_KINDS[group]), end
    if group == "ratio":
        first, second = (int(part) for part in m.group().split("/"))
        is_date = 1 <= first <= 12 and 1 <= second <= 31  # "9/11"; "24/7" is a measure
        kind = NumberKind.DATE if is_date else NumberKind.MEASURE
        return _Draft(start, end, start, end, None, kind=kind), end
    if group == "code":
        prefix = re.split(f"{_HY}|\\d", m.group(), maxsplit=1)[0].lower()
        kind = NumberKind.MEASURE if prefix in _WEAPON_PREFIXES else NumberKind.IDENTIFIER
        return _Draft(start, end, nstart, nend, None, kind=kind), end
    if group == "decade":  # "’90s", "1990’s"; "in his late 20’s" is an age
        in_age = nend - nstart == 2 and _AGE_DECADE.search(text, max(0, start - 24), start)
        kind = NumberKind.AGE if in_age else NumberKind.YEAR
        return _Draft(start, end, nstart, nend, None, kind=kind), end
    if group == "ordinal":
        value = sum(_TENS.get(w, 0) + _ORDINALS.get(w, 0) for w in re.findall(r"[a-z]+", m.group().lower()))
        return _Draft(start, end, start, end, value, kind=NumberKind.ORDINAL), end
    if group == "noone":
        return _with_context(text, _Draft(start, end, start, end, 0), floor), end
    if group == "vague":
        return _with_context(text, _read_vague(m), floor), end
    return _read_cardinal(text, m, floor)


_VAGUE_BASE = {
    "several": 3, "few": 2, "handful": 2, "many": 3, "multiple": 2, "numerous": 3, "tens": 20,
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2 * 10**6,
}


def _read_vague(m: re.Match) -> _Draft:
    words = [w for w in m.group().lower().split() if w not in ("a", "of")]
    start, end = m.span()
    if words == ["couple"]:
        return _Draft(start, end, start, end, 2)
    low = _VAGUE_BASE[words[0]]
    for word in words[1:]:
        if word.endswith("s") and words[0] in ("many", "multiple", "numerous"):
            low = _VAGUE_BASE[word]  # "many thousands" reads as "thousands"
        else:
            low *= _SCALE_VALUES[word.rstrip("s")]  # "several hundred", "tens of thousands"
    return _Draft(start, end, start, end, None, Qualifier.VAGUE, low=low)


# --------------------------------------------------------------------------- cardinals

def _read_number(text: str, m: re.Match) -> tuple[float | None, int, int, _Draft | None]:
    """A digits or words atom: its value, where the number really ends, the scale word's factor,
    and a finished draft when letters glued to the digits decide the kind ("9mm", "3rd")."""
    if m.lastgroup == "words":
        tokens = list(re.finditer(r"[a-z]+", m.group(), re.IGNORECASE))
        for k in range(len(tokens), 0, -1):  # the longest run of words that is one number
            value = _parse_number_tokens([t.group().lower() for t in tokens[:k]])
            if value is not None:
                return value, m.start() + tokens[k - 1].end(), 1, None
        return None, m.end(), 1, None
    digits = m.group("digits").replace(",", "")
    value: float = float(digits) if "." in digits else int(digits)
    scale_word = (m.group("scale") or "").strip().lower()
    if scale_word in ("m", "k") and not (m.group("sym") or "." in digits):
        # "100m" is metres; "$5m" and "1.2m" are millions
        return value, m.end("digits"), 1, _glued_unit(text, m, m.end("digits"), m.group("scale"))
    end, scale = m.end("digits"), 1
    if scale_word:
        end, scale = m.end("scale"), _SCALE_VALUES[scale_word]
        value = round(value * scale, 6)
        value = int(value) if float(value).is_integer() else value
    glued = _glued_unit(text, m, end, m.group("glued")) if m.group("glued") else None
    return value, end, scale, glued


_GLUED_KINDS = {
    NumberKind.ORDINAL: {"st", "nd", "rd", "th"},
    NumberKind.TIME: {"am", "pm"},
    NumberKind.DURATION: {"h", "hr", "hrs", "min", "mins", "sec", "secs", "yr", "yrs", "wk", "wks"},
    NumberKind.MEASURE: set("mm cm km kms kg kgs g lb lbs ft in mi mph kph kmh m k t kt oz ml l x".split()),
}
_AGE_DECADE = re.compile(rf"\b(?:his|her|their|in|early|mid|late)(?:\s|{_HY})*\Z", re.IGNORECASE)


def _glued_unit(text: str, m: re.Match, nend: int, suffix: str) -> _Draft | None:
    """A number with letters glued on ("9mm", "10pm", "3rd", "1990s", "4B"); None when the
    letters are a whole word glued by scraping ("83people"), which is then read as if spaced."""
    lower = suffix.lower()
    kind = next((k for k, units in _GLUED_KINDS.items() if lower in units), None)
    if kind is None and lower == "s":  # "in his 40s" is an age, "the 1990s" a decade
        in_age = len(m.group("digits")) == 2 and _AGE_DECADE.search(text, max(0, m.start() - 24), m.start())
        kind = NumberKind.AGE if in_age else NumberKind.YEAR
    if kind is None and len(lower) >= 3:
        return None
    digits = m.group("digits").replace(",", "")
    start = m.start("sym") if m.group("sym") else m.start("digits")
    value = int(digits) if digits.isdigit() else None
    kind = kind or NumberKind.IDENTIFIER
    return _Draft(start, nend + len(suffix), m.start("digits"), nend, value, kind=kind)


def _read_cardinal(text: str, m: re.Match, floor: int) -> tuple[_Draft | None, int]:
    number, nend, scale, glued = _read_number(text, m)
    if glued is not None:
        return glued, glued.end
    if number is None:
        return None, nend
    is_digits = m.lastgroup == "num"
    nstart = m.start("digits") if is_digits else m.start()
    symbol = is_digits and m.group("sym")
    draft = _Draft(
        m.start("sym") if symbol else nstart, nend, nstart, nend, number,
        digits=m.group("digits") if is_digits and scale == 1 else "", money=bool(symbol), scale=scale,
    )
    key, qstart = _qualifier_before(text, draft.start, floor)
    if _read_range(text, draft, key):
        if key == "between" or (key and _QUALIFIERS[key] == Qualifier.ABOUT):
            draft.start = qstart  # "about 10-15" reads as the range, its hedge in the span
    elif key and key not in ("between", "from"):
        draft.start, draft.qualifier = qstart, _QUALIFIERS[key]
        _set_bounds(draft, strict=key in ("fewer than", "less than"))
    else:
        _read_postfix(text, draft)
    return _with_context(text, draft, floor), draft.end


# --------------------------------------------------------------------------- qualifiers and ranges

_QUALIFIER_SPEC = {
    Qualifier.AT_LEAST: "at least|no fewer than|no less than|not less than|not fewer than|a minimum of",
    Qualifier.MORE_THAN: "more than|over|well over|just over|upwards of|in excess of",
    Qualifier.NEARLY: "nearly|almost|close to|just under|just shy of",
    Qualifier.ABOUT: "about|around|approximately|approx.|roughly|some|an estimated|estimated|circa",
    Qualifier.UP_TO: "up to|as many as|at most|a maximum of|no more than|not more than|fewer than|less than",
    Qualifier.BETWEEN: "between|from",  # both need a range after them
}
_QUALIFIERS = {key: q for q, spec in _QUALIFIER_SPEC.items() for key in spec.split("|")}


def _qualifier_pattern(key: str) -> str:
    pattern = re.escape(key).replace(r"\ ", r"\s+")
    after = {  # "handed over 5 rifles" and "the toll rose up to 83" are not bounds
        "over": "handed turned took taken ran run hand turn passed",
        "up to": "went gone goes rose risen climbed jumped toll tally",
    }.get(key, "")
    return "".join(rf"(?<!\b{w}\s)" for w in after.split()) + pattern


_QUALIFIER_BEFORE = re.compile(
    r"\b(?P<q>" + _alternation([_qualifier_pattern(k) for k in _QUALIFIERS]) + r")\s*\Z", re.IGNORECASE
)
_RANGE_JOIN = re.compile(rf"\s*{_HY}\s*|\s+to\s+|\s+and\s+|\s+or\s+", re.IGNORECASE)
_POSTFIX = re.compile(rf"\s+or\s+more\b|\s+or\s+so\b|{_HY}?plus\b|\+(?!\d)|{_HY}odd\b", re.IGNORECASE)


def _qualifier_before(text: str, start: int, floor: int) -> tuple[str | None, int]:
    """The qualifier written just before `start` (normalised, a key of _QUALIFIERS) and its start."""
    q = _QUALIFIER_BEFORE.search(text, max(floor, start - 24), start)
    if q is None:
        return None, start
    return " ".join(q.group("q").lower().split()), q.start()


def _read_range(text: str, draft: _Draft, key: str | None) -> bool:
    """Extend `draft` over "N-M", "N to M", "N or M" or "between N and M"; True if it did."""
    join = _RANGE_JOIN.match(text, draft.nend)
    if join is None or not draft.is_int():
        return False
    word = join.group().strip().lower()
    if (word == "and" and key != "between") or (word == "to" and key == "from"):
        return False  # "from 23 to 83" is a revision, not a range
    second = _ATOM.match(text, join.end())
    if second is None or second.lastgroup not in ("num", "words"):
        return False
    if (second.lastgroup == "num" and second.group("sym")) or (second.lastgroup == "words" and len(word) < 2):
        return False  # hyphens join digits only: "ten-year" is no range
    high, hend, scale, glued = _read_number(text, second)
    if glued is not None or high is None or not float(high).is_integer():
        return False
    low, high = int(draft.number), int(high)
    if scale > 1 and draft.scale == 1 and low * scale < high:
        low *= scale  # "1-2 million"
    if len(draft.digits) == 4 and second.lastgroup == "num" and len(second.group("digits")) == 2:
        high += low // 100 * 100  # "1989-90"
    if low >= high or (word == "or" and high - low > max(2, low // 4)):
        return False  # "seven or eight" is a guess between neighbours; "2 or 20" two figures
    draft.end = draft.nend = hend
    draft.qualifier, draft.low, draft.high, draft.number = Qualifier.BETWEEN, low, high, None
    return True


def _read_postfix(text: str, draft: _Draft) -> None:
    """ "50 or more", "50-plus", "50+" (at least) and "50 or so", "100-odd" (about)."""
    post = _POSTFIX.match(text, draft.end)
    if post is None or not draft.is_int():
        return
    draft.qualifier = Qualifier.ABOUT if post.group().lower().endswith(("so", "odd")) else Qualifier.AT_LEAST
    draft.end = post.end()
    _set_bounds(draft)


def _set_bounds(draft: _Draft, strict: bool = False) -> None:
    if not draft.is_int():
        return
    n, q = int(draft.number), draft.qualifier
    if q == Qualifier.AT_LEAST:
        draft.low = n
    elif q == Qualifier.MORE_THAN:
        draft.low = n + 1
    elif q == Qualifier.NEARLY:
        draft.low, draft.high = 9 * n // 10, n - 1
    elif q == Qualifier.ABOUT:
        draft.low, draft.high = 9 * n // 10, (11 * n + 9) // 10
    elif q == Qualifier.UP_TO:
        draft.high = n - 1 if strict else n


# --------------------------------------------------------------------------- kinds from context

def _units(spec: str) -> str:
    return "|".join(spec.split())


_DURATIONS = _units(
    "years? yrs? months? weeks? days? hours? hrs? minutes? mins? seconds? secs? decades? "
    "centur(?:y|ies) nights? fortnights?"
)
_CURRENCIES = _units(
    "dollars? bucks pesos? euros? rupees? yuan yen francs? shillings? naira rand dinars? riyals? "
    "dirhams? bol[ií]vares bol[ií]vars? cents? sterling usd eur gbp colones c[oó]rdobas intis? "
    "soles quetzales reais rubles? roubles? lempiras? hryvnias? liras? lire australes kwacha cedis? birr "
    "afghanis?"
)
_MEASURES = _units(
    "mm cm km kms kg kgs lbs? pounds? ounces? oz tons? tonnes? miles? mi kilomet(?:er|re)s? "
    "met(?:er|re)s? millimet(?:er|re)s? centimet(?:er|re)s? feet foot ft inch(?:es)? yards? yds? "
    "acres? hectares? lit(?:er|re)s? gallons? barrels? mph kph km/h degrees? calib(?:er|re)s? cal "
    "gauge magnitude kilos? grams? rounds? bullets? shots storeys? stor(?:y|ies) floors? square sq "
    "kilotons? megatons? knots? volts? watts? megawatts?"
)
_FRACTIONS = _units("half halves thirds? quarters? fourths fifths sixths sevenths eighths ninths tenths")
_STREETS = _caps(
    "Street St Avenue Ave Road Rd Boulevard Blvd Drive Dr Lane Ln Way Court Ct Place Pl Parkway Pkwy "
    "Highway Hwy Terrace Ter Circle Cir Square Trail"
)
_AFTER = re.compile(
    "|".join(
        [
            rf"(?P<age>{_S}?(?:years?|yrs?|months?|mos?|weeks?|days?){_S}?(?:olds?|of\s+age)\b)",
            rf"(?P<time>\s?{_AMPM}|\s?o['\u2019]clock\b)",
            rf"(?P<percent>{_S}?(?:%|percent\b|per\s?cent\b|pct\b|percentage\s+points?\b))",
            rf"(?P<money>\s+(?:of\s+)?(?:{_CURRENCIES})\b)",
            rf"(?P<duration>(?:\s+(?:of\s+)?|{_HY})(?:{_DURATIONS})\b)",
            rf"(?P<measure>(?:\s+(?:of\s+)?|{_HY})(?:{_MEASURES})\b|\s?°|{_HY}(?:{_FRACTIONS})\b)",
            rf"(?P<suspended>{_HY}\s*(?:and|or|to|,)\s+(?:an?\s+)?\d{{1,3}}{_S}?(?:years?|yrs?){_S}?olds?\b)",
            r"(?P<station>(?-i:\s+(?:(?:Action|Eyewitness|Local)\s+)?(?:News|NEWS|Investigates|On\s+Your\s+Side))\b)",
            r"(?P<block>\s+block\b)",
            rf"(?P<street>(?-i:\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w'\u2019.-]*\s+){{1,2}})(?:{_STREETS})\b)",
        ]
    ),
    re.IGNORECASE,
)
_ID_NOUNS = (
    "Route Highway Hwy Interstate Flight Road Street Avenue Unit Room Apartment Apt Suite Gate Platform "
    "Channel Building Block Sector District Precinct Zone Exit Case Article Section Chapter Resolution "
    "Page Pier Terminal Station Ward Division Battalion Brigade Regiment Squadron Platoon Bus Train Line "
    "Camp Cell Floor Level Bed Grade Phase Stage Round Game Episode Season Volume Vol Part Figure Fig "
    "Table Item Model Version Code Category Tier Track Runway Kilometer Km Mile Box Lot Plot Area Region "
    "Lane Local Post Image Photo Picture Slide Video"
)
_WEAPON_NAMES = "Glock Beretta Sig Ruger Colt Remington Winchester Mossberg Taurus Kalashnikov Uzi Mauser"
_BEFORE = re.compile(
    r"(?:(?P<aged>\b(?:aged|ages?)(?:\s+of)?)|(?P<idnum>\b(?:no|nos|num)\.|(?-i:\bN[oO]s?\b)|\bnumber|\#)"
    rf"|(?P<idnoun>\b(?:{_caps(_ID_NOUNS)}))|(?P<weapon>\b(?:{_caps(_WEAPON_NAMES)}))"
    r"|(?P<network>(?-i:\b(?:FOX|Fox|CBS|NBC|ABC|[A-Z]{3,4}-TV))))\s*\Z",  # "FOX 13": a station
    re.IGNORECASE,
)
_CONTEXT_KINDS = {
    "age": NumberKind.AGE, "aged": NumberKind.AGE, "time": NumberKind.TIME, "percent": NumberKind.PERCENT,
    "money": NumberKind.MONEY, "duration": NumberKind.DURATION, "measure": NumberKind.MEASURE,
    "weapon": NumberKind.MEASURE, "block": NumberKind.IDENTIFIER, "street": NumberKind.IDENTIFIER,
    "idnum": NumberKind.IDENTIFIER, "idnoun": NumberKind.IDENTIFIER, "station": NumberKind.IDENTIFIER,
    "network": NumberKind.IDENTIFIER,
    "suspended": NumberKind.AGE,  # "a 26- and 31-year-old": the first age's unit is left to the second
}

# "John Smith, 34, was shot", "Smith (34)", "his wife, 30,": an age in apposition to a person.
_APPOSITION_BEFORE = re.compile(
    r"(?P<word>[^\W\d_][\w'\u2019.-]*)\s*(?P<punct>[,(])\s*(?:(?:then|now|both|all|each)\s+)?\Z",
    re.IGNORECASE,
)  # "Carlos, then 18, was shot": the age a person had then
_APPOSITION_AFTER = re.compile(rf"\s*(?:[,;:)\]]|\.(?!\d)|{_HY}|\u2014|and\b|\Z)", re.IGNORECASE)
# "Carl Doe, 24 was shot": the closing comma forgotten, but a number above one takes no singular verb.
_SINGULAR_VERB_AFTER = re.compile(r"\s+(?:was|is|has)\b", re.IGNORECASE)
_KIN_WORDS = set(
    "wife husband son daughter mother father brother sister boy girl man woman victim suspect friend "
    "girlfriend boyfriend cousin uncle aunt nephew niece grandmother grandfather grandson granddaughter "
    "stepfather stepson teen teenager gunman shooter driver neighbor neighbour".split()
    + "boys girls men women teens teenagers sons daughters brothers sisters cousins friends".split()
)
_NOT_NAMES = set(
    "monday tuesday wednesday thursday friday saturday sunday however meanwhile overall altogether thus "
    "so also today yesterday tonight now then still instead in on at by of and but".split()
    + _MONTH_NAMES.lower().split()[:12]  # full names only: "Dean Mar, 18," is a person
)
_HHMM_AFTER = re.compile(r"\s?(?:hours|hrs|h|gmt|utc|local\s+time)\b", re.IGNORECASE)
_AT_BEFORE = re.compile(r"\b(?:at|until|till)\s+\Z", re.IGNORECASE)
_LIST_MARK = re.compile(r"[.)]\s")
_SLASH_AFTER = re.compile(r"\s*/\s*\d")
_GALLERY_OF = re.compile(r"\b(?:Image|Photo|Picture|Slide|Page)\s+\d+\s+of\s*\Z")
_SLASH_BEFORE = re.compile(r"\d\s*/\s*\Z")
_PEOPLE_AFTER = re.compile(  # "2000 people": a four-digit count, not a year
    r"\s+(?:of\b|(?:people|persons|civilians|soldiers|troops|men|women|children|kids|students|residents|"
    r"villagers|refugees|migrants|fighters|militants|rebels|insurgents|police|policemen|officers|"
    r"protesters|demonstrators|workers|families|victims|casualties|deaths|dead|bodies|others|prisoners|"
    r"inmates|detainees|hostages|personnel|members|were|have|had|are|killed|died|wounded|injured|homes|"
    r"houses)\b)",
    re.IGNORECASE,
)


def _with_context(text: str, d: _Draft, floor: int) -> _Draft:
    """Decide what kind of number the draft is from the few tokens around it."""
    if d.kind is None:
        d.kind = (
            (NumberKind.MONEY if d.money else None)
            or _kind_before(text, d, floor)
            or _clock_hours(text, d)
            or _kind_after(text, d)
            or _apposition_age(text, d, floor)
            or _plain_kind(text, d)
        )
    return d


def _kind_before(text: str, d: _Draft, floor: int) -> NumberKind | None:
    b = _BEFORE.search(text, max(floor, d.start - 16), d.start)
    if b is None:
        return None
    d.start = b.start()
    return _CONTEXT_KINDS[b.lastgroup]


def _kind_after(text: str, d: _Draft) -> NumberKind | None:
    a = _AFTER.match(text, d.end)
    if a is None:
        return None
    d.end = a.end()
    return _CONTEXT_KINDS[a.lastgroup]


def _clock_hours(text: str, d: _Draft) -> NumberKind | None:
    """ "0300 hours", "1430 GMT", "at 2300": a 24-hour clock time."""
    if len(d.digits) != 4 or not d.is_int() or d.qualifier != Qualifier.EXACT:
        return None
    hours, minutes = divmod(int(d.number), 100)
    if hours > 23 or minutes > 59:
        return None
    if a := _HHMM_AFTER.match(text, d.end):
        d.end = a.end()
        return NumberKind.TIME
    if _AT_BEFORE.search(text, max(0, d.start - 8), d.start) and not _PEOPLE_AFTER.match(text, d.end):
        return NumberKind.TIME
    return None


def _apposition_age(text: str, d: _Draft, floor: int) -> NumberKind | None:
    if not d.digits or d.qualifier != Qualifier.EXACT or not 0 < d.number <= 120:
        return None
    b = _APPOSITION_BEFORE.search(text, max(floor, d.start - 40), d.start)
    if b is None:
        return None
    word = b.group("word").rstrip(".")
    if word.lower() in _NOT_NAMES or not (word[0].isupper() or word.lower() in _KIN_WORDS):
        return None
    if b.group("punct") == "(":
        return NumberKind.AGE if text[d.end :].lstrip().startswith(")") else None
    if _APPOSITION_AFTER.match(text, d.end):
        return NumberKind.AGE
    if text[d.end : d.end + 2].lstrip().startswith("(") and _full_name_before(text, b.start()):
        return NumberKind.AGE  # "Dana Lee Ruiz, 50 (shot in the arm)"
    return NumberKind.AGE if d.number > 1 and _SINGULAR_VERB_AFTER.match(text, d.end) else None


def _full_name_before(text: str, word_start: int) -> bool:
    """The capitalised word before an apposition follows another capitalised word that is a name's."""
    before = re.search(r"([A-Z][\w'\u2019.-]*)\s+\Z", text[max(0, word_start - 30) : word_start])
    return before is not None and before.group(1).lower() not in _NOT_NAMES


def _plain_kind(text: str, d: _Draft) -> NumberKind:
    if d.digits.startswith("0") and len(d.digits) > 1 and "." not in d.digits:
        return NumberKind.IDENTIFIER  # "007", "0800"
    if len(d.digits) >= 5 and d.digits.isdigit() and not _PEOPLE_AFTER.match(text, d.end):
        return NumberKind.IDENTIFIER  # counts that large are written "21,212"; "21212" is a zip code
    if text[d.start - 1 : d.start] == "[" and text[d.end : d.end + 1] == "]":
        return NumberKind.IDENTIFIER  # a reference mark, "[10]"
    slashed = _SLASH_AFTER.match(text, d.end) or _SLASH_BEFORE.search(text, max(0, d.start - 4), d.start)
    if d.digits and (slashed or _GALLERY_OF.search(text, max(0, d.start - 24), d.start)):
        return NumberKind.IDENTIFIER  # a gallery or page index, "1 / 44", "Image 6 of 12"
    if _in_proper_name(text, d):
        return NumberKind.IDENTIFIER  # "taken to Regional One where he died"
    line_start = text.rfind("\n", 0, d.start) + 1
    if d.digits and not text[line_start : d.start].strip() and _LIST_MARK.match(text, d.end):
        return NumberKind.IDENTIFIER  # a list item number, "1. "
    if _is_year(d) and not _PEOPLE_AFTER.match(text, d.end):
        return NumberKind.YEAR
    if d.number is not None and not d.is_int():
        return NumberKind.MEASURE  # "2.5" on its own is no count of people
    return NumberKind.COUNT


# A capitalised number word ending a name in running text: a lower-case word, a capitalised one,
# then "One" and a lower-case word that is no people noun ("taken to Regional One where …").
# A title-case headline ("Gunman Kills One in …") has no lower-case word before the name.
_NAME_BEFORE = re.compile(r"(?<![\w.!?:;])[a-z]+ [A-Z][a-z]+ \Z")
_LOWER_AFTER = re.compile(r" [a-z]")
_PERSON_AFTER = re.compile(  # "… Chicago One person was killed": a count after all
    r"\s+(?:person|man|woman|boy|girl|child|teen|teenager|victim|officer|suspect|other|more|was|is|has|of)\b"
)


def _in_proper_name(text: str, d: _Draft) -> bool:
    word = text[d.start : d.end]
    return (
        not d.digits and word.istitle() and " " not in word
        and bool(_NAME_BEFORE.search(text, max(0, d.start - 40), d.start))
        and bool(_LOWER_AFTER.match(text, d.end)) and not _PEOPLE_AFTER.match(text, d.end)
        and not _PERSON_AFTER.match(text, d.end)
    )


def _is_year(d: _Draft) -> bool:
    """Four digits without a comma in 1900–2099 ("in 2016", "the 2016 attack", "1989-90")."""
    if len(d.digits) != 4 or not d.digits.isdigit():
        return False
    if d.qualifier == Qualifier.BETWEEN:
        return 1900 <= d.low and d.high <= 2099
    return d.qualifier == Qualifier.EXACT and 1900 <= d.number <= 2099
