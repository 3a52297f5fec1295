"""Findings: what in one report does not add up, or deserves an analyst's look.

Each rule is a small function from a `CheckContext` to a list of `Finding`s, registered under
its finding kind in `RULES`; `run_checks` runs them all in registry order. Rules only read the
extraction (and the report's date mentions); they never change it and never decide which figure
is true — they point at the spans that disagree.

Severity: `error` = cannot be true as extracted (stated parts larger than their total);
`warning` = the report contradicts itself or is broken (named sources giving conflicting figures,
titles, dates); `info` = worth knowing (revisions, residue, unattributed figures, figures that
differ where one is the outlet's own); `ok` = a check that was made and held. The rules err
towards silence: on real reports most apparent contradictions are a total set against a part,
another incident or another period, and a false warning costs an analyst more than an info line.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property
from itertools import combinations
from typing import TYPE_CHECKING

from tollbook import figure_roles
from tollbook.model import (
    Category,
    Claim,
    Count,
    Extraction,
    Finding,
    Group,
    Outcome,
    Person,
    SegmentKind,
    Severity,
    SourceKind,
    Span,
    Status,
    Title,
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


def describe_group(group: Group) -> str:
    words = [group.gender, group.age_group, group.noun or "people"]
    label = " ".join(str(word) for word in words if word)
    return f"{label} ({group.nationality})" if group.nationality else label


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


# ---------------------------------------------------------------- figures


@rule("parts_vs_total")
def parts_vs_total(context: CheckContext) -> list[Finding]:
    """Direct parts of a total must not exceed it; a remainder is worth saying."""
    findings = []
    # Figures about other times or places ("13 children died statewide in 2012") are not parts.
    claims = [c for c in context.extraction.claims if not figure_roles.about_other_scope(context.text, c)]
    for total in claims:
        if total.count is None or total.status != Status.CURRENT:
            continue
        parts = _distinct_parts(total, claims)
        if parts:
            findings.extend(_compare_parts(total, parts))
    return findings


def _distinct_parts(total: Claim, claims: Iterable[Claim]) -> list[Claim]:
    """The direct parts of a total, a part repeated as a separate equal claim counted once."""
    parts: list[Claim] = []
    for claim in claims:
        if claim.part_of != total.id or not is_standing(claim) or claim.from_headline:
            continue
        if total.outcome != Outcome.CASUALTIES and claim.outcome != total.outcome:
            continue
        # An equal part in a compatible group, or an overlapping one in the very same group ("three
        # officers" then "at least three officers" in a live report), is the same part told twice.
        repeat = any(
            bounds(claim.count) == bounds(seen.count) and _compatible_part(claim.group, seen.group)
            or overlap(claim.count, seen.count) and claim.group == seen.group
            for seen in parts
        )
        if not repeat:
            parts.append(claim)
    return parts


def _compatible_part(a: Group, b: Group) -> bool:
    # Looser than same_group: "32 soldiers" and "32 Cuban soldiers" in one breakdown are one part.
    return all(
        _agree_when_given(x, y)
        for x, y in [
            (a.nationality, b.nationality),
            (a.gender, b.gender),
            (a.age_group, b.age_group),
            (_known_category(a), _known_category(b)),
            (_noun_key(a.noun), _noun_key(b.noun)),
        ]
    )


def _compare_parts(total: Claim, parts: list[Claim]) -> list[Finding]:
    parts_low = sum(bounds(part.count)[0] for part in parts)
    parts_high = sum(bounds(part.count)[1] for part in parts)
    total_low, total_high = bounds(total.count)
    addition = " + ".join(f"{describe(p.count)} {describe_group(p.group)}" for p in parts)
    of_total = f"{describe(total.count)} {describe_group(total.group)} {total.outcome}"
    spans = [count_span(p) for p in parts] + [count_span(total)]
    ids = [total.id] + [p.id for p in parts]

    def result(severity: Severity, message: str) -> list[Finding]:
        return [finding("parts_vs_total", severity, message, spans, ids)]

    stated = _stated_parts(parts)
    stated_low = sum(bounds(part.count)[0] for part in stated)
    if stated_low > total_high:
        addition = " + ".join(f"{describe(p.count)} {describe_group(p.group)}" for p in stated)
        return result(
            Severity.ERROR,
            f"The breakdown {addition} adds up to at least {_number(stated_low)}, more than the total of "
            f"{of_total}; one of these figures or the part-of links is wrong.",
        )
    if parts_high < total_low and len(parts) > 1:  # "nine of the 47 were women" is no breakdown
        remainder = total_low - parts_high
        exact = parts_low == parts_high and total_low == total_high
        return result(
            Severity.INFO,
            f"{addition} = {_number(parts_high)} of {of_total}; "
            f"{'' if exact else 'at least '}{_number(remainder)} not accounted for by the breakdown.",
        )
    if parts_low == parts_high == total_low == total_high and len(parts) > 1:
        return result(Severity.OK, f"{addition} = {of_total}: the breakdown accounts for the whole total.")
    return []


def _stated_parts(parts: list[Claim]) -> list[Claim]:
    """The parts that can prove a breakdown wrong: stated figures, one per group. A victim counted
    one by one ("she", "the suspect") may be one of a stated part's people, and two figures for the
    very same group ("five officers", later "four officers") are two versions of one part."""
    largest: dict[Group, Claim] = {}
    for part in parts:
        if is_individual(part):
            continue
        seen = largest.get(part.group)
        if seen is None or bounds(part.count)[0] > bounds(seen.count)[0]:
            largest[part.group] = part
    return list(largest.values())


def _number(value: float) -> str:
    return "an unbounded number" if math.isinf(value) else str(int(value))


@rule("headline_body")
def headline_body(context: CheckContext) -> list[Finding]:
    """A headline figure should be met by a body figure for the same outcome and group."""
    findings = []
    text = context.text
    # Body figures about another time, place or several incidents (a citywide tally) are no
    # measure of the headline's figure. Shares stay: "three of his cousins" may be the headline's.
    body = [c for c in context.extraction.claims if not c.from_headline and c.count is not None
            and not figure_roles.about_other_scope(text, c)]
    for headline in context.extraction.claims:
        # a headline part ("One of two women shot …") is checked through its whole
        if headline.from_headline and headline.count is not None and not headline.negated \
                and headline.part_of is None:
            findings.append(_headline_against_body(headline, body))
    return findings


def _headline_against_body(headline: Claim, body: list[Claim]) -> Finding:
    candidates = [
        claim
        for claim in body
        if claim.outcome == headline.outcome
        and claim.status in (Status.CURRENT, Status.SUPERSEDED)
        and same_group(headline.group, claim.group, loose_total=True)
    ]
    current = [c for c in candidates if c.status == Status.CURRENT]
    agreeing = [c for c in current if overlap(headline.count, c.count)]
    stale = [c for c in candidates if c.status == Status.SUPERSEDED and overlap(headline.count, c.count)]
    said = f"The headline's {describe(headline.count)} {describe_group(headline.group)} {headline.outcome}"
    summed = _summed_parts(headline, body)
    if agreeing:
        shown, severity = agreeing, Severity.OK
        message = f"{said} agrees with {_figures(agreeing)} in the body."
    elif summed:
        shown, severity = summed, Severity.OK
        message = f"{said} agrees with the body's {' + '.join(describe(c.count) for c in summed)}."
    elif stale and current:
        shown, severity = stale + current, Severity.WARNING
        message = f"{said} repeats the superseded figure {_figures(stale)}; the body's current figure is " \
            f"{_figures(current)}."
    elif stale:  # the body revised nothing comparable: the headline matches what the body first said
        shown, severity = stale, Severity.INFO
        message = f"{said} matches the body's earlier figure {_figures(stale)}; the body gives no later one."
    elif current and all(is_individual(c) for c in current):
        # victims counted one by one may simply be the ones the body names
        shown, severity = current, Severity.INFO
        message = f"{said} is more than the victims the body describes one by one ({_figures(current)})."
    elif current:
        shown, severity = current, Severity.WARNING
        message = f"{said} is not met by the body, which gives {_figures(current)}."
    else:
        shown, severity = [], Severity.INFO
        message = f"{said} has no figure for the same group and outcome in the body to check it against."
    spans = [count_span(headline)] + [count_span(c) for c in shown]
    return finding("headline_body", severity, message, spans, [headline.id] + [c.id for c in shown])


def _summed_parts(headline: Claim, body: list[Claim]) -> list[Claim]:
    """Body figures that together make a headline total ("Two dead": a man, and the gunman)."""
    if not headline.group.is_total or headline.count.value is None:
        return []
    parts = [c for c in body if c.outcome == headline.outcome and c.status == Status.CURRENT
             and c.part_of is None and c.count.value is not None]
    if len(parts) < 2 or sum(c.count.value for c in parts) != headline.count.value:
        return []
    return parts


def _figures(claims: list[Claim]) -> str:
    described = list(dict.fromkeys(describe(c.count) for c in claims))
    return " and ".join(described)


@rule("revision")
def revision(context: CheckContext) -> list[Finding]:
    """Each revision link: who changed which figure from what to what."""
    findings = []
    for new in context.extraction.claims:
        old = context.claims_by_id.get(new.supersedes or "")
        if old is None:
            continue
        direction = ""
        if old.count and new.count:
            old_mid, new_mid = (sum(bounds(c.count)) / 2 for c in (old, new))
            direction = " up" if new_mid > old_mid else " down" if new_mid < old_mid else ""
        old_figure = describe(old.count) if old.count else "an undetermined figure"
        new_figure = describe(new.count) if new.count else "an undetermined figure"
        message = (
            f"{source_name(new)} revised the number of {describe_group(new.group)} {new.outcome}"
            f"{direction} from {old_figure} to {new_figure}; the earlier figure is kept as superseded."
        )
        spans = [count_span(old), count_span(new)]
        findings.append(
            finding("revision", Severity.INFO, message[0].upper() + message[1:], spans, [old.id, new.id])
        )
    return findings


@rule("conflicting_figures")
def conflicting_figures(context: CheckContext) -> list[Finding]:
    """Current body figures for the same event, outcome and group whose ranges do not meet.

    Claims with no event are taken to be about the report's one event. Equal figures, and bounds
    that overlap ("at least 5" and 7), corroborate; a part never conflicts with its total."""
    text = context.text
    rivals = [c for c in context.extraction.claims
              if is_standing(c) and not c.from_headline and not is_individual(c)
              and not figure_roles.about_other_scope(text, c) and not figure_roles.is_partitive(text, c)
              and not figure_roles.is_not_current(text, c) and not figure_roles.is_share(text, c)]
    pairs = [
        (a, b)
        for a, b in combinations(rivals, 2)
        if a.event == b.event
        and a.outcome == b.outcome
        and same_group(a.group, b.group)
        and not nested(a, b, context.claims_by_id)
        and not overlap(a.count, b.count)
    ]
    # Victims counted one by one are no rivals, but they can complete a breakdown (4 = 3 + another).
    shares = rivals + [c for c in context.extraction.claims if is_standing(c) and is_individual(c)]
    pairs = [(a, b) for a, b in pairs if not _breakdown_of(a, b, shares, text)]
    return [_conflict_finding(component) for component in _components(pairs)]


def _breakdown_of(a: Claim, b: Claim, rivals: list[Claim], text: str) -> bool:
    """The smaller figure is a share of the larger: a breakdown by condition ("three in stable
    condition" of five shot), or one of several figures that add up to it (five = three + two)."""
    small, large = sorted((a, b), key=lambda c: bounds(c.count)[1])
    if figure_roles.is_condition_breakdown(text, small):
        return True
    if small.count.value is None or large.count.value is None:
        return False
    others = [
        c.count.value
        for c in rivals
        if c.id not in (a.id, b.id) and c.event == a.event and c.outcome == a.outcome
        and same_group(c.group, a.group) and c.count.value is not None and c.count.value < large.count.value
    ]
    return _adds_up(large.count.value - small.count.value, others)


def _adds_up(target: int, values: list[int]) -> bool:
    """Some of the values sum to the target exactly (a small subset-sum: reports give few figures)."""
    reachable = {0}
    for value in values[:12]:
        reachable |= {r + value for r in reachable if r + value <= target}
    return target in reachable


def is_individual(claim: Claim) -> bool:
    """A victim counted one by one ("a 25-year-old man", "Smith and Martin"): a person in the
    event, not a figure someone stated, so it never contradicts a stated total."""
    if claim.count is None:
        return False
    from tollbook.annotate.counts import parse_count

    return parse_count(claim.count.as_written) is None


def _components(pairs: list[tuple[Claim, Claim]]) -> list[list[Claim]]:
    """Claims linked by conflicts, grouped so one disagreement gives one finding."""
    groups: list[dict[str, Claim]] = []
    for a, b in pairs:
        touching = [g for g in groups if a.id in g or b.id in g]
        merged = {a.id: a, b.id: b}
        for g in touching:
            merged.update(g)
            groups.remove(g)
        groups.append(merged)
    return [sorted(g.values(), key=lambda c: c.count.start) for g in groups]


def _conflict_finding(claims: list[Claim]) -> Finding:
    first = claims[0]
    stated = "; ".join(f"{source_name(c)} gives {describe(c.count)}" for c in claims)
    message = (
        f"Conflicting figures for {describe_group(first.group)} {first.outcome} in the same event: "
        f"{stated}, and no revision links them."
    )
    # Two named sources that disagree are a disagreement to act on. When a figure is the outlet's
    # own, unsourced, the two are as often a total and a part the text does not mark (six shot,
    # "four wounded" in one house) as a real contradiction: worth showing, not worth a warning.
    severity = Severity.WARNING if all(_attributed(c) for c in claims) else Severity.INFO
    if severity == Severity.INFO:
        message += " At least one of them is the outlet's own, with no source named."
    spans = [count_span(c) for c in claims]
    return finding("conflicting_figures", severity, message, spans, [c.id for c in claims])


def _attributed(claim: Claim) -> bool:
    source = claim.source
    return source is not None and (source.kind != SourceKind.UNATTRIBUTED
                                   or bool(source.name or source.organisation or source.title))


@rule("missing_outcome")
def missing_outcome(context: CheckContext) -> list[Finding]:
    """A figure whose clause has no casualty word: its outcome was read from context."""
    return [
        finding(
            "missing_outcome",
            Severity.INFO,
            f"No casualty word goes with {describe(claim.count) if claim.count else 'the figure'} "
            f"{describe_group(claim.group)} in {context.quote(claim.evidence)}; "
            f"'{claim.outcome}' was inferred from context — check the sentence.",
            [count_span(claim)],
            [claim.id],
        )
        for claim in context.extraction.claims
        if claim.outcome_inferred
    ]


@rule("unattributed_figure")
def unattributed_figure(context: CheckContext) -> list[Finding]:
    """A body figure with no named source is the outlet's own claim."""
    return [
        finding(
            "unattributed_figure",
            Severity.INFO,
            f"The figure {describe(claim.count)} {describe_group(claim.group)} {claim.outcome} "
            "names no source; it stands as the outlet's own claim.",
            [count_span(claim)],
            [claim.id],
        )
        for claim in context.extraction.claims
        if claim.source is None
        and not claim.from_headline
        and claim.count is not None
        and not _attributed_total(claim, context.claims_by_id)
    ]


def _attributed_total(claim: Claim, by_id: dict[str, Claim]) -> bool:
    # "Among the dead were 12 soldiers" goes on with the breakdown of a total someone stated.
    return any(by_id[total].source is not None for total in ancestors(claim, by_id))


# ---------------------------------------------------------------- people

CountryLookup = Callable[[str], str | None]
WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+)*\.?")  # keeps "U.S." in one piece
NOT_OFFICE = {"the", "of", "a", "an", "s"}  # "s": the possessive of "Chile’s President"


@rule("conflicting_title")
def conflicting_title(context: CheckContext) -> list[Finding]:
    """One person given the same office in different countries, or different nationalities."""
    lookup = country_lookup()
    if lookup is None:
        return []
    findings = []
    for person in context.extraction.people:
        findings.extend(_title_conflicts(person, lookup))
        findings.extend(_nationality_conflicts(person, lookup))
    return findings


def _title_conflicts(person: Person, lookup: CountryLookup) -> list[Finding]:
    by_office: dict[frozenset[str], dict[str, list[Title]]] = {}
    for title in person.titles:
        countries, office = read_title(title.text, lookup)
        if office and len(countries) == 1:
            by_office.setdefault(office, {}).setdefault(next(iter(countries)), []).append(title)
    findings = []
    for by_country in by_office.values():
        if len(by_country) > 1:
            titles = [t for group in by_country.values() for t in group]
            written = " and ".join(f"'{group[0].text}'" for group in by_country.values())
            findings.append(_person_finding(person, titles, f"{person.name} is called {written}"))
    return findings


def _nationality_conflicts(person: Person, lookup: CountryLookup) -> list[Finding]:
    readings = [(n, read_title(n.text, lookup)[0]) for n in person.nationalities]
    readings = [(n, codes) for n, codes in readings if codes]
    clashing: dict[int, Title] = {}
    for (first, codes_a), (second, codes_b) in combinations(readings, 2):
        if not codes_a & codes_b:
            clashing.update({id(first): first, id(second): second})
    if not clashing:
        return []
    titles = sorted(clashing.values(), key=lambda t: t.span.start)
    written = " and ".join(dict.fromkeys(f"'{t.text}'" for t in titles))
    return [_person_finding(person, titles, f"{person.name} is described as {written}")]


def _person_finding(person: Person, titles: list[Title], said: str) -> Finding:
    message = f"{said}, which cannot both be right; check which one the report means."
    spans = [t.span for t in sorted(titles, key=lambda t: t.span.start)]
    return finding("conflicting_title", Severity.WARNING, message, spans)


def read_title(text: str, lookup: CountryLookup) -> tuple[set[str], frozenset[str]]:
    """Split a title as written into the countries it names and its office words."""
    words = WORD.findall(text)
    countries: set[str] = set()
    office: list[str] = []
    n = 0
    while n < len(words):
        for width in (3, 2, 1):  # longest first: "United States" before "United"
            code = country_of(" ".join(words[n : n + width]), lookup) if n + width <= len(words) else None
            if code:
                countries.add(code)
                n += width
                break
        else:
            if words[n].lower() not in NOT_OFFICE:
                office.append(words[n].lower())
            n += 1
    return countries, frozenset(office)


def country_of(words: str, lookup: CountryLookup) -> str | None:
    """The country a phrase names, as a name or a nationality word ("Venezuelan", "U.S.")."""
    if not words[:1].isupper():  # country names and demonyms are capitalised; "us" is a pronoun
        return None
    return lookup(words)


def country_lookup() -> CountryLookup | None:
    """The gazetteer's country-name lookup, or None where the places module is unavailable."""
    try:
        from tollbook.annotate.places import gazetteer
    except ImportError:
        return None
    return gazetteer().country_code


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


# ---------------------------------------------------------------- scrape damage


@rule("scrape_residue")
def scrape_residue(context: CheckContext) -> list[Finding]:
    """Page furniture left in the text, and words glued where a link was stripped."""
    document = context.extraction.document
    findings = []
    residue = [s for s in document.segments if s.kind == SegmentKind.RESIDUE]
    if residue:
        spans = [Span(start=s.start, end=s.end) for s in residue]
        labels = sorted({s.label for s in residue if s.label})
        kinds = f" ({', '.join(labels)})" if labels else ""
        message = (
            f"{len(residue)} piece(s) of page residue{kinds} left in the text, "
            f"e.g. {_examples(context, spans)}; they are not read for figures."
        )
        findings.append(finding("scrape_residue", Severity.INFO, message, spans))
    if document.glued_at:
        spans = [glued_word(document.text, offset) for offset in sorted(set(document.glued_at))]
        message = (
            f"Words are glued together at {len(spans)} place(s) where links were stripped, "
            f"e.g. {_examples(context, spans)}; figures next to them may be misread."
        )
        findings.append(finding("scrape_residue", Severity.INFO, message, spans))
    return findings


def _examples(context: CheckContext, spans: list[Span], most: int = 3) -> str:
    return ", ".join(context.quote(span, limit=40) for span in spans[:most])


def glued_word(text: str, offset: int) -> Span:
    """The whitespace-delimited token around a glue point, e.g. 'OtienoKenya's'."""
    start = offset
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = offset
    while end < len(text) and not text[end].isspace():
        end += 1
    return Span(start=start, end=end)


STOPWORDS = frozenset(
    "a an the of in on at to for from with by and or as during that which who is was were be are "
    "its his her their this these those while into onto".split()
)
MIN_CAPTION_WORDS = 4  # shorter captions (a bare credit) carry too little to compare
SAME_PHOTO_RUN = 5  # content words in a row; captions of two photos of one scene share fewer
SAME_PHOTO_OVERLAP = 0.55  # Dice coefficient of content words
NEAR_IDENTICAL_OVERLAP = 0.8


@rule("duplicate_caption")
def duplicate_caption(context: CheckContext) -> list[Finding]:
    """Two captions of one photo: near-identical wording, usually a different credit."""
    document = context.extraction.document
    captions = [s for s in document.segments if s.kind == SegmentKind.CAPTION]
    words = {id(s): caption_words(document.text[s.start : s.end]) for s in captions}
    findings = []
    for a, b in combinations(captions, 2):
        if same_photo(words[id(a)], words[id(b)]):
            spans = [Span(start=a.start, end=a.end), Span(start=b.start, end=b.end)]
            message = (
                f"Two captions describe the same photo ({context.quote(spans[0], limit=50)}); "
                "it was probably doubled by the scrape — count it once."
            )
            findings.append(finding("duplicate_caption", Severity.INFO, message, spans))
    return findings


def caption_words(text: str) -> list[str]:
    """Lower-case words, with quote styles, possessives and 'U.S.' spellings made alike."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"\bu\.s\.?(?=\W|$)", "us", text)
    text = re.sub(r"'s\b", "", text)
    return re.findall(r"[a-z0-9]+", text)


def same_photo(a: list[str], b: list[str]) -> bool:
    content_a = [w for w in a if w not in STOPWORDS]
    content_b = [w for w in b if w not in STOPWORDS]
    set_a, set_b = set(content_a), set(content_b)
    if min(len(set_a), len(set_b)) < MIN_CAPTION_WORDS:
        return False
    dice = 2 * len(set_a & set_b) / (len(set_a) + len(set_b))
    matcher = SequenceMatcher(None, content_a, content_b, autojunk=False)
    run = matcher.find_longest_match(0, len(content_a), 0, len(content_b)).size
    return dice >= NEAR_IDENTICAL_OVERLAP or (dice >= SAME_PHOTO_OVERLAP and run >= SAME_PHOTO_RUN)
