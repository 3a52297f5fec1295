"""Date expressions in report text: find them, resolve them, infer a publication date.

A hand-written grammar of compiled regular expressions (one rule per form) runs over whole
articles, mixed case or ALL CAPS wire text; each match is a `DateMention` whose span indexes
the text exactly. ABSOLUTE mentions name the date, with or without its year ("Jan. 16, 2026",
"16 January 2026", "2026-01-16", "1/16/2026", "10 JAN 90", "January 2026", "in 2016",
"January 3"); RELATIVE ones need an anchor, the publication date ("on Friday", "yesterday",
"earlier this month", "two days ago"); INVALID ones look like dates but are none ("16/20/2016",
"31/02/2020", "2026-13-01") and are kept as written, never guessed.

Decisions (each tested in tests/test_dates.py):

- Spans cover the date words, not a bare preposition ("on Friday" → "Friday"); a preposition
  stays where it is what makes a number or a month a date ("in 2016", "in March").
- Month and weekday names must be capitalised ("March", "MARCH"): "troops march 10 miles" and
  "on fridays" are no dates.
- "Friday", "on Friday", "Friday night": the most recent Friday on or before the anchor (the
  anchor itself when it is a Friday), but the day after the anchor when the anchor is a Thursday:
  a publication date is often a day early, and six days back a writer says "last Friday".
  "last Friday": the most recent one strictly before (a week back on a Friday: the writer would
  have said "today"). "this Friday": the Friday of the anchor's Monday–Sunday week; "next
  Friday": the first one after. "Friday's protest" and "Good Friday" read the same way;
  "Bloody Sunday" and "the Sunday Times" are no dates.
- A date without a year takes the year that puts it between ~10 months before and ~2 months
  after the anchor ("Dec. 30" read on 2 January is last year's, "Jan. 3" read on 30 December
  next year's). Two-digit years take the century nearest the anchor, else 70–99 → 19xx and
  00–69 → 20xx; they are read only in wire dates ("10 JAN 90") and slashed numbers ("1/16/26").
- Numeric dates are month/day/year first, day/month/year when that is impossible (day first
  with dots: 16.01.2026); both impossible → INVALID. Numbers without a year are never dates:
  "24/7", "3-2", "the 47 soldiers", and "9/11", a named event whose year is not the anchor's.
- "the day before" / "the next day" count from the last day-precise date within a few hundred
  characters before them in `find_dates` (else the anchor), from the anchor in `resolve`;
  "the day before the attack" is not matched (its reference is a noun).
- `DateRange.inferred` is False only when the text states the whole date.
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import email.utils
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from tollbook.model import DatePrecision, DateRange, Published

__all__ = [
    "DateKind", "DateMention", "announced", "find_dates", "infer_publication", "parse_date_string", "resolve",
]

Day = datetime.date


class DateKind(StrEnum):
    ABSOLUTE = "absolute"
    RELATIVE = "relative"
    INVALID = "invalid"


@dataclass(frozen=True, kw_only=True)
class DateMention:
    start: int
    end: int
    as_written: str  # == text[start:end]
    kind: DateKind
    resolved: DateRange | None
    has_year: bool  # the expression itself states the year


# ---------------------------------------------------------------------------------------------
# Vocabulary

_MONTHS = (
    ("january", ("jan",)), ("february", ("feb",)), ("march", ("mar",)), ("april", ("apr",)),
    ("may", ()), ("june", ("jun",)), ("july", ("jul",)), ("august", ("aug",)),
    ("september", ("sept", "sep")), ("october", ("oct",)), ("november", ("nov",)),
    ("december", ("dec",)),
)
_MONTH_NUMBER = {
    name: number for number, (full, abbrevs) in enumerate(_MONTHS, 1) for name in (full, *abbrevs)
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}


def _any_case(words: list[str]) -> str:
    # Spelled out rather than (?i:...): a pattern starting with literals lets the engine skip ahead.
    return "|".join(f"{w}|{w.title()}|{w.upper()}" for w in words)


def _cased(words: list[str], suffix: str = "") -> str:
    """Title-case and upper-case spellings only: a lower-case "march" or "friday" is no date."""
    return "|".join(f"{w.title()}{suffix}|{w.upper()}{suffix}" for w in words)


_FULL_MONTHS = [full for full, _ in _MONTHS]
_ABBREVS = [a for _, abbrevs in _MONTHS for a in abbrevs]
_OPTIONAL_DOT = r"\.?"
_MONTH = rf"(?:{_cased(_FULL_MONTHS)}|{_cased(_ABBREVS, _OPTIONAL_DOT)})(?![A-Za-z])"
_MON3 = rf"(?:{'|'.join(a.upper() for a in _ABBREVS if len(a) == 3)})(?![A-Za-z])"  # wire: JAN
_WEEKDAY = rf"(?:{_cased(list(_WEEKDAYS))})(?![A-Za-z])"
# Space inside one expression: blanks and at most one line break (wire text wraps lines).
_SP = r"(?:[ \t\u00a0]+\n?|\n)[ \t\u00a0]*"
_COMMA_SP = rf"(?:,?{_SP}|,)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|ST|ND|RD|TH)?(?![\dA-Za-z])"
_YEAR4 = r"(?:19|20)\d{2}(?!\d)"
_NUM = rf"(?:{'|'.join(_NUMBER_WORDS)}|\d{{1,3}})"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
# Newspaper titles that start with a weekday ("the Sunday Times") name no date.
_NOT_AFTER_WEEKDAY = r"(?i:times|telegraph|mirror|express|herald|post|tribune|observer|mail)\b"
# A day and month that name a movement, a street or a neighbourhood ("the 19 April Movement",
# "the 14 July neighbourhood", "25 May Avenue", a group calling itself "9 May"): no date.
_NAMES_A_THING = re.compile(
    r"""(?i)["'\u201d]?[ \t\n]+(?:movement|front|command|commandos?|neighbou?rhood|avenues?|streets?"""
    r"""|boulevard|square|plaza|bridge|colony|settlement|housing|dam|park|school|hospital|stadium"""
    r"""|highway|battalion|brigade|people's)\b"""
)
_QUOTES = "\"'\u201c\u201d"


# ---------------------------------------------------------------------------------------------
# Readings: what one match means, and how to resolve it against an anchor


@dataclass(frozen=True)
class _Range:
    start: Day
    end: Day
    precision: DatePrecision
    inferred: bool


Resolver = Callable[[Day | None, Day | None], _Range | None]  # (anchor, reference) → range


@dataclass(frozen=True)
class _Reading:
    kind: DateKind
    has_year: bool
    resolve: Resolver


def _day(d: Day, inferred: bool) -> _Range:
    return _Range(d, d, DatePrecision.DAY, inferred)


def _month(year: int, month: int, inferred: bool) -> _Range:
    last = calendar.monthrange(year, month)[1]
    return _Range(Day(year, month, 1), Day(year, month, last), DatePrecision.MONTH, inferred)


def _year(year: int, inferred: bool) -> _Range:
    return _Range(Day(year, 1, 1), Day(year, 12, 31), DatePrecision.YEAR, inferred)


def _week(d: Day) -> _Range:
    monday = d - datetime.timedelta(days=d.weekday())
    return _Range(monday, monday + datetime.timedelta(days=6), DatePrecision.WEEK, True)


def _shift_months(d: Day, months: int) -> Day:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return Day(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def _stated(rng: _Range) -> _Reading:
    """A date the text states in full: it resolves the same with or without an anchor."""
    return _Reading(DateKind.ABSOLUTE, True, lambda anchor, ref: rng)


def _invalid(has_year: bool) -> _Reading:
    return _Reading(DateKind.INVALID, has_year, lambda anchor, ref: None)


def _relative(rule: Callable[[Day], _Range]) -> _Reading:
    return _Reading(DateKind.RELATIVE, False, lambda anchor, ref: rule(anchor) if anchor else None)


def _valid_day(year: int, month: int, day: int) -> Day | None:
    try:
        return Day(year, month, day)
    except ValueError:
        return None


def _year_near(month: int, day: int, anchor: Day) -> int:
    """The year that puts month/day between ~10 months before and ~2 months after the anchor."""
    probe = Day(anchor.year, month, min(day, 28))
    if (probe - anchor).days > 62:
        return anchor.year - 1
    if (anchor - probe).days > 303:
        return anchor.year + 1
    return anchor.year


def _expand_two_digit_year(yy: int, anchor: Day | None) -> int:
    if anchor is None:
        return 1900 + yy if yy >= 70 else 2000 + yy
    return min((1900 + yy, 2000 + yy), key=lambda year: abs(year - anchor.year))


def _yearless(month: int, day: int | None) -> _Reading:
    """A day or month named without its year: it takes the year nearest the anchor."""

    def resolve(anchor: Day | None, ref: Day | None) -> _Range | None:
        if anchor is None:
            return None
        year = _year_near(month, day or 1, anchor)
        if day is None:
            return _month(year, month, True)
        found = _valid_day(year, month, day)
        return _day(found, True) if found else None

    return _Reading(DateKind.ABSOLUTE, False, resolve)


def _calendar_day(year: int | None, month: int, day: int) -> _Reading:
    if year is None:
        # 29 February exists in some years; 30 February in none.
        return _yearless(month, day) if _valid_day(2000, month, day) else _invalid(False)
    found = _valid_day(year, month, day)
    return _stated(_day(found, False)) if found else _invalid(True)


def _two_digit_year_day(yy: int, month: int, day: int) -> _Reading:
    if _valid_day(2000, month, day) is None:
        return _invalid(True)

    def resolve(anchor: Day | None, ref: Day | None) -> _Range | None:
        found = _valid_day(_expand_two_digit_year(yy, anchor), month, day)
        return _day(found, False) if found else None

    return _Reading(DateKind.ABSOLUTE, True, resolve)


# ---------------------------------------------------------------------------------------------
# Rules: one regular expression per form, and what a match of it means


def _month_of(token: str) -> int:
    return _MONTH_NUMBER[token.rstrip(".").lower()]


def _day_of(token: str) -> int:
    return int(re.match(r"\d+", token).group())  # type: ignore[union-attr]


def _read_named_day(m: re.Match[str]) -> _Reading:
    year = int(m["year"]) if m["year"] else None
    return _calendar_day(year, _month_of(m["month"]), _day_of(m["day"]))


def _read_wire_day(m: re.Match[str]) -> _Reading:
    return _two_digit_year_day(int(m["year2"]), _month_of(m["month"]), _day_of(m["day"]))


def _read_iso(m: re.Match[str]) -> _Reading:
    return _calendar_day(int(m["year"]), int(m["month"]), int(m["day"]))


def _read_numeric(m: re.Match[str]) -> _Reading | None:
    a, b, year_text, sep = int(m["a"]), int(m["b"]), m["year"], m["sep"]
    if len(year_text) == 2 and sep != "/":
        return None  # "12-10-12", "3.5.20": too easily a score, a version or a code
    orders = [(b, a), (a, b)] if sep == "." else [(a, b), (b, a)]  # (month, day)
    for month, day in orders:
        if _valid_day(2000, month, day) is None:
            continue
        if len(year_text) == 2:
            return _two_digit_year_day(int(year_text), month, day)
        return _calendar_day(int(year_text), month, day)
    return _invalid(True)


def _read_month_year(m: re.Match[str]) -> _Reading:
    return _stated(_month(int(m["year"]), _month_of(m["month"]), False))


def _read_cued_month(m: re.Match[str]) -> _Reading:
    month, mod = _month_of(m["month"]), (m["mod"] or "").lower()
    if mod not in ("last", "this", "next"):
        return _yearless(month, None)

    def rule(anchor: Day) -> _Range:
        if mod == "this":
            year = anchor.year
        elif mod == "last":
            year = anchor.year if month < anchor.month else anchor.year - 1
        else:
            year = anchor.year if month > anchor.month else anchor.year + 1
        return _month(year, month, True)

    return _relative(rule)


def _read_cued_year(m: re.Match[str]) -> _Reading:
    return _stated(_year(int(m["year"]), False))


# A report's publication date is often a day early (stamped in another time zone, or the day the
# story was first filed): a bare weekday naming the anchor's next day is that day, not six days
# back, for which writers say "last Friday".
_DAY_AFTER_ANCHOR = 6


def _read_weekday(m: re.Match[str]) -> _Reading:
    target = _WEEKDAYS.index(m["weekday"].lower())
    mod = (m.groupdict().get("mod") or "").lower()

    def rule(anchor: Day) -> _Range:
        back = (anchor.weekday() - target) % 7  # days back to the most recent such day
        if not mod and back == _DAY_AFTER_ANCHOR:
            back = -1
        elif mod == "last":
            back = back or 7
        elif mod == "this":
            back = anchor.weekday() - target
        elif mod == "next":
            back = -((target - anchor.weekday()) % 7 or 7)
        return _day(anchor - datetime.timedelta(days=back), True)

    return _relative(rule)


def _read_day_word(m: re.Match[str]) -> _Reading:
    words = m[0].lower()
    back = 2 if "before yesterday" in words else 1 if ("yesterday" in words or "last" in words) else 0
    back = -1 if words == "tomorrow" else back
    return _relative(lambda anchor: _day(anchor - datetime.timedelta(days=back), True))


def _period_range(mod: str, unit: str, anchor: Day) -> _Range:
    """"this/last/next/earlier this/the past" + week, month or year."""
    if unit == "week":
        shift = {"last": -7, "next": 7}.get(mod, 0)
        rng = _week(anchor + datetime.timedelta(days=shift))
        past_start = anchor - datetime.timedelta(days=7)
    elif unit == "month":
        moved = _shift_months(anchor, {"last": -1, "next": 1}.get(mod, 0))
        rng = _month(moved.year, moved.month, True)
        past_start = _shift_months(anchor, -1)
    else:
        rng = _year(anchor.year + {"last": -1, "next": 1}.get(mod, 0), True)
        past_start = _shift_months(anchor, -12)
    if mod.startswith("earlier"):
        return _Range(rng.start, anchor, rng.precision, True)
    if mod.startswith("later"):
        return _Range(anchor, rng.end, rng.precision, True)
    if mod.startswith("the"):  # "the past week", "the last month": the span up to the anchor
        return _Range(past_start, anchor, rng.precision, True)
    return rng


def _read_period(m: re.Match[str]) -> _Reading:
    mod = " ".join(m["mod"].lower().split())
    unit = m["unit"].lower()
    return _relative(lambda anchor: _period_range(mod, unit, anchor))


def _read_weekend(m: re.Match[str]) -> _Reading:
    mod = (m["mod"] or "").lower()

    def rule(anchor: Day) -> _Range:
        if mod == "this":
            saturday = anchor + datetime.timedelta(days=5 - anchor.weekday())
        else:  # the weekend just past; "last weekend" read on a weekend is the one before
            back = (anchor.weekday() - 5) % 7
            if mod == "last" and anchor.weekday() >= 5:
                back += 7
            saturday = anchor - datetime.timedelta(days=back)
        return _Range(saturday, saturday + datetime.timedelta(days=1), DatePrecision.DAY, True)

    return _relative(rule)


def _read_ago(m: re.Match[str]) -> _Reading:
    n, unit = _NUMBER_WORDS.get(m["n"]) or int(m["n"]), m["unit"]

    def rule(anchor: Day) -> _Range:
        if unit == "day":
            return _day(anchor - datetime.timedelta(days=n), True)
        if unit == "week":
            return _week(anchor - datetime.timedelta(days=7 * n))
        if unit == "month":
            moved = _shift_months(anchor, -n)
            return _month(moved.year, moved.month, True)
        return _year(anchor.year - n, True)

    return _relative(rule)


_UNIT_PRECISION = {
    "hour": DatePrecision.DAY, "day": DatePrecision.DAY, "week": DatePrecision.WEEK,
    "month": DatePrecision.MONTH, "year": DatePrecision.YEAR,
}


def _read_past_n(m: re.Match[str]) -> _Reading:
    n, unit = _NUMBER_WORDS.get(m["n"]) or int(m["n"]), m["unit"].rstrip("s")

    def rule(anchor: Day) -> _Range:
        if unit in ("hour", "day", "week"):
            days = {"hour": max(1, -(-n // 24)), "day": n, "week": 7 * n}[unit]
            start = anchor - datetime.timedelta(days=days)
        else:
            start = _shift_months(anchor, -n * (12 if unit == "year" else 1))
        return _Range(start, anchor, _UNIT_PRECISION[unit], True)

    return _relative(rule)


def _read_chain(m: re.Match[str]) -> _Reading:
    step = -1 if ("before" in m["which"].lower() or "previous" in m["which"].lower()) else 1

    def resolve(anchor: Day | None, ref: Day | None) -> _Range | None:
        base = ref or anchor
        return _day(base + datetime.timedelta(days=step), True) if base else None

    return _Reading(DateKind.RELATIVE, False, resolve)


@dataclass(frozen=True)
class _Rule:
    """One form of date. Patterns start with literal characters, never with \\b or a
    lookbehind, so the regex engine can skip ahead to candidate letters (several times faster);
    `_matches` checks the word boundary before a match instead."""

    name: str
    pattern: re.Pattern[str]
    read: Callable[[re.Match[str]], _Reading | None]
    folded: bool = False  # runs on the ASCII-lower-cased text: any case is fine
    not_after: re.Pattern[str] | None = None  # words before the match that make it no date


def _rule(name: str, pattern: str, read: Callable[[re.Match[str]], _Reading | None], *,
          folded: bool = False, not_after: str | None = None) -> _Rule:
    return _Rule(name, re.compile(pattern), read, folded, re.compile(not_after) if not_after else None)


_FULL_DATE_TAIL = rf"(?:{_COMMA_SP}(?P<year>{_YEAR4}))?"
_MONTH_DAY = rf"(?P<month>{_MONTH}){_SP}(?P<day>{_DAY}){_FULL_DATE_TAIL}"
_DAY_MONTH = rf"(?P<day>{_DAY})(?:{_SP}(?i:of))?{_SP}(?P<month>{_MONTH}){_FULL_DATE_TAIL}"
_WEEKDAY_COMMA = rf"{_WEEKDAY},?{_SP}"
_RULES = (
    _rule("month day year", _MONTH_DAY, _read_named_day),
    _rule("weekday month day year", _WEEKDAY_COMMA + _MONTH_DAY, _read_named_day),
    _rule("day month year", rf"(?=\d){_DAY_MONTH}", _read_named_day),
    _rule("weekday day month year", _WEEKDAY_COMMA + _DAY_MONTH, _read_named_day),
    _rule("wire day", rf"(?=\d)(?P<day>{_DAY}){_SP}(?P<month>{_MON3}){_SP}(?P<year2>\d{{2}})(?![\d/.-])",
          _read_wire_day),
    _rule("iso", rf"(?P<year>{_YEAR4})(?P<sep>[-/.])(?P<month>\d{{1,2}})(?P=sep)(?P<day>\d{{1,2}})(?!\d)",
          _read_iso),
    _rule("numeric", r"(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)"
          r"(?P<year>(?:19|20)\d{2}|\d{2})(?![\d/])", _read_numeric),
    _rule("month year", rf"(?P<month>{_MONTH})(?:,?{_SP}(?i:of){_SP}|{_COMMA_SP})(?P<year>{_YEAR4})",
          _read_month_year),
    _rule("cued month", rf"(?:(?:{_any_case(['in', 'since', 'until', 'during', 'through', 'from'])}){_SP}"
          rf"|(?P<mod>{_any_case(['last', 'this', 'next', 'early', 'late'])}){_SP}|(?:{_any_case(['mid'])})-)"
          rf"(?P<month>{_MONTH})(?!{_COMMA_SP}\d)", _read_cued_month),
    _rule("cued year", rf"(?:(?:in|since|until|during|through|early|late){_SP}|mid-"
          rf"|(?:end|start|beginning|middle|summer|spring|autumn|fall|winter){_SP}of{_SP})"
          rf"(?P<year>{_YEAR4})(?![-/.]\d|[a-z])", _read_cued_year, folded=True),
    # "early Friday", "late Friday" read as "Friday": the span keeps the weekday only.
    _rule("weekday", rf"(?P<weekday>{_WEEKDAY})(?!{_SP}{_NOT_AFTER_WEEKDAY})(?:{_SP}(?i:{_PART_OF_DAY}))?",
          _read_weekday, not_after=r"(?:Bloody|BLOODY)[ \t\u00a0]$"),
    _rule("last/this/next weekday", rf"(?P<mod>{_any_case(['last', 'this', 'next'])}){_SP}"
          rf"(?P<weekday>{_WEEKDAY})(?:{_SP}(?i:{_PART_OF_DAY}))?", _read_weekday),
    _rule("day word", rf"(?:the{_SP}day{_SP}before{_SP}yesterday|yesterday(?:{_SP}{_PART_OF_DAY})?"
          rf"|last{_SP}night|today|tonight|tomorrow|this{_SP}(?:morning|afternoon|evening))\b",
          _read_day_word, folded=True, not_after=r"USA[ \t\u00a0]$"),
    _rule("period", rf"(?P<mod>earlier{_SP}this|later{_SP}this|this|last|next|the{_SP}past"
          rf"|the{_SP}last){_SP}(?P<unit>week|month|year)\b", _read_period, folded=True),
    _rule("weekend", rf"(?:(?P<mod>this|last)|over{_SP}the|at{_SP}the|during{_SP}the"
          rf"|the{_SP}past){_SP}weekend\b", _read_weekend, folded=True),
    _rule("ago", rf"(?P<n>{_NUM}){_SP}(?P<unit>day|week|month|year)s?{_SP}ago\b", _read_ago, folded=True),
    _rule("past n", rf"(?:the{_SP}past|the{_SP}last|past|last){_SP}(?P<n>{_NUM}){_SP}"
          r"(?P<unit>hours|days|weeks|months|years)\b", _read_past_n, folded=True),
    _rule("chain", rf"the{_SP}(?P<which>day{_SP}before|previous{_SP}day|day{_SP}after|next{_SP}day"
          rf"|following{_SP}day)\b(?!{_SP}(?:the|a|an|his|her|their|its|yesterday|tomorrow)\b)",
          _read_chain, folded=True),
)
# ASCII-only lower-casing keeps every offset (str.lower() can lengthen some characters).
_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


# ---------------------------------------------------------------------------------------------
# Public API

_CHAIN_REACH = 400  # characters within which "the day before" counts from the previous date


def find_dates(text: str, anchor: Day | None = None) -> list[DateMention]:
    """Every date expression in `text`, in text order; resolved where the anchor allows."""
    mentions: list[DateMention] = []
    reference: tuple[int, Day] | None = None  # end offset and day of the last day-precise date
    for start, end, rule, reading in _matches(text):
        ref = reference[1] if reference and start - reference[0] <= _CHAIN_REACH else None
        rng = reading.resolve(anchor, ref if rule.name == "chain" else None)
        mention = DateMention(
            start=start, end=end, as_written=text[start:end], kind=reading.kind,
            resolved=_to_date_range(rng, text[start:end]), has_year=reading.has_year,
        )
        mentions.append(mention)
        if rng and rng.precision is DatePrecision.DAY and rng.start == rng.end:
            reference = (end, rng.start)
    return mentions


def resolve(mention: DateMention, anchor: Day) -> DateRange | None:
    """Resolve a mention against `anchor` ("the day before" counts from the anchor here)."""
    for rule in _RULES:
        written = _fold(mention.as_written) if rule.folded else mention.as_written
        match = rule.pattern.fullmatch(written)
        reading = rule.read(match) if match else None
        if reading is not None:
            return _to_date_range(reading.resolve(anchor, None), mention.as_written)
    return None


def infer_publication(text: str, mentions: list[DateMention] | None = None) -> Published:
    """The latest plausible explicit date that states its year, as an inferred publication date.

    Ignored: invalid dates, year-less and relative ones (they need the anchor being sought),
    dates announced as future ("scheduled for", "will") and a lone date years after a tight
    cluster of all the others (a stray link or footer). The finest precision present wins: a
    day-precise date beats "in 2027". A month or year found alone gives its first day with that
    precision; it is only a lower bound (reports recall the past).
    """
    if mentions is None:
        mentions = find_dates(text)
    ranges = [
        m.resolved for m in mentions
        if m.kind is DateKind.ABSOLUTE and m.has_year and m.resolved and not announced(text, m)
    ]
    ranges = _drop_outliers(ranges)
    for precision in (DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR):
        starts = [r.start for r in ranges if r.precision is precision and r.start]
        if starts:
            return Published(date=max(starts), precision=precision, inferred=True,
                             how="latest explicit date in the text")
    return Published(date=None)


def parse_date_string(value: str) -> Day | None:
    """A day from a metadata string (ISO, RFC 2822, "April 9, 2017", "10 JAN 90"), or None.

    Strict formats first, then tollbook's grammar; dateparser only when the grammar sees no
    date at all, so an impossible date ("2017-13-45") is never guessed into a real one.
    """
    value = value.strip()
    if not value or len(value) > 200:
        return None
    found = _parse_strict(value)
    if found:
        return found
    mentions = find_dates(value)
    for mention in mentions:
        rng = mention.resolved
        if mention.kind is DateKind.ABSOLUTE and rng and rng.precision is DatePrecision.DAY:
            return Day.fromisoformat(rng.start)  # type: ignore[arg-type]
    if mentions:
        return None
    return _parse_with_dateparser(value)


# ---------------------------------------------------------------------------------------------
# Helpers


def _matches(text: str) -> list[tuple[int, int, _Rule, _Reading]]:
    """All rule matches, overlaps settled for the longest ("Friday, Jan. 16, 2026" over "Friday")."""
    folded = _fold(text)
    found = []
    for rule in _RULES:
        for match in rule.pattern.finditer(folded if rule.folded else text):
            start = match.start()
            excluded = rule.not_after and rule.not_after.search(text, max(0, start - 10), start)
            if excluded or _continues_word(text, start):
                continue
            if rule.name in _NAMED_DAY_RULES and _names_a_thing(text, start, match.end()):
                continue
            reading = rule.read(match)
            if reading is not None:
                found.append((match.start(), match.end(), rule, reading))
    found.sort(key=lambda item: (item[0] - item[1], item[0]))
    kept: list[tuple[int, int, _Rule, _Reading]] = []  # sorted by start, never overlapping
    for item in found:
        at = bisect.bisect_left(kept, item[0], key=lambda k: k[0])
        clear_before = at == 0 or kept[at - 1][1] <= item[0]
        clear_after = at == len(kept) or kept[at][0] >= item[1]
        if clear_before and clear_after:
            kept.insert(at, item)
    return kept


_NAMED_DAY_RULES = frozenset(("month day year", "day month year"))


def _names_a_thing(text: str, start: int, end: int) -> bool:
    """Whether a day and month are a name: followed by what they name, or quoted alone."""
    quoted = start > 0 and text[start - 1] in _QUOTES and text[end:end + 1] in _QUOTES and end < len(text)
    return quoted or bool(_NAMES_A_THING.match(text, end))


def _fold(text: str) -> str:
    """Lower-cased text with every offset kept (str.lower() lengthens a few characters, e.g. "İ")."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_FOLD)


def _continues_word(text: str, start: int) -> bool:
    """Whether a match starts inside a word or a number ("Janet", "x2026", "1.5/2020", "3/4/5")."""
    if start == 0:
        return False
    before = text[start - 1]
    return before.isalnum() or (text[start].isdigit() and before in ".,/-")


def _to_date_range(rng: _Range | None, as_written: str) -> DateRange | None:
    if rng is None:
        return None
    return DateRange(start=rng.start.isoformat(), end=rng.end.isoformat(), precision=rng.precision,
                     as_written=as_written, inferred=rng.inferred)


_FUTURE_CUE = re.compile(
    r"(?i)\b(?:will|scheduled|set\s+for|expected|postponed|adjourned|deadline|upcoming)\b[^.;\n]{0,30}$"
)


def announced(text: str, mention: DateMention) -> bool:
    """Whether the words just before the date announce it as future ("the trial is set for ...")."""
    return bool(_FUTURE_CUE.search(text[max(0, mention.start - 40):mention.start]))


def _drop_outliers(ranges: list[DateRange]) -> list[DateRange]:
    """Drop a latest date that stands years after a tight cluster of all the others.

    Reports recall history ("in 1991", "since 2013"), so a date long before the latest is
    normal; a lone date years after every other one is a stray link or footer.
    """
    by_start = sorted(ranges, key=lambda r: r.start or "")
    if len(by_start) < 3:
        return by_start
    days = [Day.fromisoformat(r.start) for r in by_start if r.start]
    rest_spread = (days[-2] - days[0]).days
    if rest_spread <= 366 and (days[-1] - days[-2]).days > 730:
        return by_start[:-1]
    return by_start


def _parse_strict(value: str) -> Day | None:
    """ISO 8601 ("2017-04-09T10:00:00Z") or RFC 2822 ("Mon, 10 Apr 2017 14:00:00 GMT")."""
    try:
        return datetime.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _parse_with_dateparser(value: str) -> Day | None:
    import dateparser  # slow to import and noisy on free text: only for short leftovers

    parsed = dateparser.parse(value, languages=["en"],
                              settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date() if parsed else None
