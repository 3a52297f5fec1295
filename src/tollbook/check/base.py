"""The findings registry, the context every rule reads, and the helpers the rules share."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from tollbook.extract.event_places import PlaceScanner
from tollbook.model import (
    Category,
    Claim,
    Count,
    Extraction,
    Finding,
    Group,
    PlacePrecision,
    Severity,
    Span,
    Status,
)

if TYPE_CHECKING:  # the date rules only read attributes of a DateMention; no import at run time
    from tollbook.annotate.dates import DateMention


@dataclass(frozen=True, kw_only=True)
class CheckContext:
    extraction: Extraction
    dates: Sequence[DateMention] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.extraction.document.text

    @cached_property
    def claims_by_id(self) -> dict[str, Claim]:
        return {claim.id: claim for claim in self.extraction.claims}

    @cached_property
    def places(self) -> PlaceScanner:
        """The report's place names, read as the event stage reads them (only when a rule asks)."""
        from tollbook.annotate.places import gazetteer

        # The events' country stands in for a dateline: upper-case wire text names a town only
        # inside a country the report is set in.
        countries = Counter(e.place.country for e in self.extraction.events if e.place.country)
        prior = countries.most_common(1)[0][0] if countries else None
        return PlaceScanner(self.text, gazetteer(), prior)

    def scenes(self, span: Span) -> set[str]:
        """The towns named inside a span, else its provinces ("in Tejutla, Chalatenango
        Department" and "in Dulce Nombre, Chalatenango Department" are two places)."""
        named = [m.place for m in self.places.within(span.start, span.end) if m.place.name]
        towns = {p.name for p in named if p.precision in (PlacePrecision.POINT, PlacePrecision.ADMIN2)}
        return towns or {p.name for p in named if p.precision == PlacePrecision.ADMIN1}

    def days(self, span: Span) -> set[str]:
        """The single days the dates inside a span resolve to (ISO)."""
        return {d.resolved.start[:10] for d in self.dates
                if span.start <= d.start < span.end and d.resolved is not None and d.resolved.start
                and d.resolved.start == d.resolved.end}

    def quote(self, span: Span, limit: int = 60) -> str:
        """The text at a span, on one line and cut to `limit` characters, in quotes."""
        words = " ".join(self.text[span.start : span.end].split())
        return f"'{words[: limit - 1]}…'" if len(words) > limit else f"'{words}'"


Rule = Callable[[CheckContext], list[Finding]]
RULES: dict[str, Rule] = {}


def rule(kind: str) -> Callable[[Rule], Rule]:
    """Register a rule under the finding kind it produces."""

    def register(func: Rule) -> Rule:
        RULES[kind] = func
        return func

    return register


def finding(
    kind: str, severity: Severity, message: str, spans: list[Span], claims: Iterable[str] = ()
) -> Finding:
    return Finding(kind=kind, severity=severity, message=message, spans=spans, claims=list(claims))


def run_checks(extraction: Extraction, *, dates: Sequence[DateMention] = ()) -> list[Finding]:
    """All findings about one extraction, rule by rule in registry order."""
    context = CheckContext(extraction=extraction, dates=list(dates))
    return [found for check in RULES.values() for found in check(context)]


# ---------------------------------------------------------------- counts, groups, claims


def bounds(count: Count) -> tuple[float, float]:
    """The count as a closed interval; an open end becomes 0 or infinity."""
    if count.value is not None:
        return count.value, count.value
    low = count.low if count.low is not None else 0
    high = count.high if count.high is not None else math.inf
    return low, high


def overlap(a: Count, b: Count) -> bool:
    (a_low, a_high), (b_low, b_high) = bounds(a), bounds(b)
    return a_low <= b_high and b_low <= a_high


def describe(count: Count) -> str:
    """A count for a message: the number when exact, else its wording and its range."""
    if count.value is not None:
        return str(count.value)
    low, high = count.low, count.high
    if low is not None and high is not None:
        return f"'{count.as_written}' ({low}–{high})"
    if low is not None:
        return f"'{count.as_written}' (≥ {low})"
    if high is not None:
        return f"'{count.as_written}' (≤ {high})"
    return f"'{count.as_written}'"


# Nouns that already say sex and age ("men": not "male adult men"), or age alone ("children").
_SEXED_NOUNS = frozenset("man men woman women boy boys girl girls".split())
_AGED_NOUNS = _SEXED_NOUNS | frozenset(
    "child children kid kids teen teens teenager teenagers adult adults".split()
)


def describe_group(group: Group, count: Count | None = None) -> str:
    one = count is not None and count.value == 1
    noun = group.noun or ("person" if one else "people")
    words = [None if noun.lower() in _SEXED_NOUNS else group.gender,
             None if noun.lower() in _AGED_NOUNS else group.age_group, noun]
    label = " ".join(str(word) for word in words if word)
    return f"{label} ({group.nationality})" if group.nationality else label


# Group nouns that already say the outcome ("12 casualties", "the dead"): no outcome word after them.
_OUTCOME_NOUNS = frozenset(
    "casualties casualty dead deaths death fatalities fatality wounded injured".split()
)


def group_outcome(group: Group, outcome: object, count: Count | None = None) -> str:
    """ "people killed", "1 person injured"; "casualties", not "casualties casualties"."""
    label = describe_group(group, count)
    return label if (group.noun or "").lower() in _OUTCOME_NOUNS else f"{label} {outcome}"


def count_span(claim: Claim) -> Span:
    return Span(start=claim.count.start, end=claim.count.end) if claim.count else claim.evidence


def source_name(claim: Claim) -> str:
    source = claim.source
    if source is None:
        return "the outlet"
    return source.name or source.organisation or source.title or "an unnamed source"


def is_standing(claim: Claim) -> bool:
    """A current figure the report puts forward (not revised away, denied or negated)."""
    return claim.status == Status.CURRENT and not claim.negated and claim.count is not None


def _noun_key(noun: str | None) -> str | None:
    # Plural and capitals do not make another group: "Soldiers" in a headline = "soldier".
    return noun.lower().strip().removesuffix("s") if noun else None


def _known_category(group: Group) -> Category | None:
    return None if group.category == Category.UNKNOWN else group.category


def _agree_when_given(a: object, b: object) -> bool:
    return a is None or b is None or a == b


def same_group(a: Group, b: Group, *, loose_total: bool = False) -> bool:
    """The two figures are about the same people (strictly: comparable as rival counts).

    `loose_total` for headlines, which rarely say that "83 killed" is the whole toll."""
    return (
        (loose_total or a.is_total == b.is_total)
        and a.gender == b.gender  # gender and age mark subgroups ("nine female soldiers")
        and a.age_group == b.age_group
        and _agree_when_given(a.nationality, b.nationality)
        and _agree_when_given(_known_category(a), _known_category(b))
        and _agree_when_given(_noun_key(a.noun), _noun_key(b.noun))
    )


def ancestors(claim: Claim, by_id: dict[str, Claim]) -> set[str]:
    """Ids of the claims this one is (transitively) a part of."""
    found: set[str] = set()
    current = claim
    while current.part_of and current.part_of not in found and current.part_of in by_id:
        found.add(current.part_of)
        current = by_id[current.part_of]
    return found


def nested(a: Claim, b: Claim, by_id: dict[str, Claim]) -> bool:
    return a.id in ancestors(b, by_id) or b.id in ancestors(a, by_id)
