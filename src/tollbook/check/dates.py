"""Findings about dates: impossible dates and dates far from the report's own time."""

from __future__ import annotations

import re
import statistics
from typing import TYPE_CHECKING

from tollbook.check.base import CheckContext, finding, rule
from tollbook.model import Finding, Severity, Span

if TYPE_CHECKING:  # the date rules only read attributes of a DateMention; no import at run time
    from tollbook.annotate.dates import DateMention


# ---------------------------------------------------------------- dates

YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
ANACHRONISM_YEARS = 2


@rule("invalid_date")
def invalid_date(context: CheckContext) -> list[Finding]:
    """A date as written that no calendar has; it was left out of the report's dating."""
    return [
        finding(
            "invalid_date",
            Severity.WARNING,
            f"{context.quote(_date_span(mention))} is not a valid date"
            f"{_why_invalid(mention.as_written)}; it was ignored when dating the report.",
            [_date_span(mention)],
        )
        for mention in context.dates
        if mention.kind == "invalid"
    ]


def _why_invalid(as_written: str) -> str:
    """Name the impossible field of a numeric date such as 16/20/2016."""
    parts = [int(p) for p in re.findall(r"\d+", as_written)]
    if len(parts) != 3:
        return ""
    day_month = [p for p in parts if p < 100]
    if len(day_month) == 2 and min(day_month) > 12:
        return f" (neither {day_month[0]} nor {day_month[1]} can be a month)"
    if len(day_month) == 2 and max(day_month) > 31:
        return f" (no month has a day {max(day_month)})"
    return ""


@rule("anachronism")
def anachronism(context: CheckContext) -> list[Finding]:
    """A full date whose stated year lies years away from the report's own time.

    A bare year ("the bar opened in 1998") is background, common in any report, and not flagged;
    a day or month far from the rest ("16/20/2016" in a 2026 report) usually is a mistake."""
    dated = [(m, year) for m in context.dates if m.has_year and not _year_only(m)
             and (year := mention_year(m)) is not None]
    published = context.extraction.document.published.date
    findings = []
    for mention, year in dated:
        if published:
            reference, against = int(published[:4]), "the report's publication"
        elif len(dated) > 1:
            # the later middle year: a report is written after most of what it dates
            reference, against = int(statistics.median_high(y for _, y in dated)), "most dates in the report"
        else:
            continue
        gap = abs(year - reference)
        if gap > ANACHRONISM_YEARS:
            when = "before" if year < reference else "after"
            message = (
                f"{context.quote(_date_span(mention))} names {year}, {gap} years {when} "
                f"{against} ({reference}); check whether it is a typo or an older event."
            )
            # info, not warning: reports recall old events and print dates of birth; the date is
            # worth a look, but measured on news it is rarely a mistake
            findings.append(finding("anachronism", Severity.INFO, message, [_date_span(mention)]))
    return findings


def _year_only(mention: DateMention) -> bool:
    resolved = getattr(mention, "resolved", None)
    return getattr(resolved, "precision", None) == "year"


def mention_year(mention: DateMention) -> int | None:
    resolved = getattr(mention, "resolved", None)
    iso = getattr(resolved, "start", None) or getattr(resolved, "end", None)
    if iso:
        return int(iso[:4])
    found = YEAR.search(mention.as_written)  # invalid dates resolve to nothing but still state a year
    return int(found.group()) if found else None


def _date_span(mention: DateMention) -> Span:
    return Span(start=mention.start, end=mention.end)
