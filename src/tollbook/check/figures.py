"""Findings about figures: breakdowns, headlines, revisions, conflicts, outcomes, sources."""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import combinations

from tollbook import figure_roles
from tollbook.check.base import (
    CheckContext,
    _agree_when_given,
    _known_category,
    _noun_key,
    ancestors,
    bounds,
    count_span,
    describe,
    describe_group,
    finding,
    group_outcome,
    is_standing,
    nested,
    overlap,
    rule,
    same_group,
    source_name,
)
from tollbook.model import Claim, Finding, Group, Outcome, Severity, SourceKind, Status

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
        parts = _distinct_parts(total, claims, context.text)
        if parts:
            findings.extend(_compare_parts(total, parts))
    return findings


def _distinct_parts(total: Claim, claims: Iterable[Claim], text: str) -> list[Claim]:
    """The direct parts of a total, a part repeated as a separate equal claim counted once."""
    parts: list[Claim] = []
    for claim in claims:
        if claim.part_of != total.id or not is_standing(claim) or claim.from_headline:
            continue
        if _beside_others(text, total, claim):
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


def _beside_others(text: str, total: Claim, claim: Claim) -> bool:
    """A figure told just before "N other people" in the same sentence is counted beside them."""
    return (figure_roles.counts_others(text, total) and claim.count is not None and total.count is not None
            and total.evidence.start <= claim.count.start < total.count.start)


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
    of_total = f"{describe(total.count)} {group_outcome(total.group, total.outcome, total.count)}"
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
    what = group_outcome(headline.group, headline.outcome, headline.count)
    said = f"The headline's {describe(headline.count)} {what}"
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
    elif current and all(_below(c, headline) for c in current):
        # "one is in critical condition; three others are expected to recover": a body figure
        # below the headline's is as often a part the body singles out as a disagreement
        shown, severity = current, Severity.INFO
        message = f"{said} is more than any figure in the body ({_figures(current)}), " \
            "which may give its parts."
    elif current:
        shown, severity = current, Severity.WARNING
        message = f"{said} is not met by the body, which gives {_figures(current)}."
    else:
        shown, severity = [], Severity.INFO
        message = f"{said} has no figure for the same group and outcome in the body to check it against."
    spans = [count_span(headline)] + [count_span(c) for c in shown]
    return finding("headline_body", severity, message, spans, [headline.id] + [c.id for c in shown])


def _below(claim: Claim, headline: Claim) -> bool:
    high, low = claim.count.high, headline.count.low
    return high is not None and low is not None and high < low


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
            f"{source_name(new)} revised the number of {group_outcome(new.group, new.outcome)}"
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
              and not figure_roles.about_other_scope(text, c) and not figure_roles.is_share(text, c)
              and not figure_roles.is_not_current(text, c)]
    pairs = [
        (a, b)
        for a, b in combinations(rivals, 2)
        if a.event == b.event
        and a.outcome == b.outcome
        and same_group(a.group, b.group)
        and not nested(a, b, context.claims_by_id)
        and not overlap(a.count, b.count)
        and not _told_apart(context, a, b)
    ]
    # Victims counted one by one are no rivals, but they can complete a breakdown (4 = 3 + another).
    shares = rivals + [c for c in context.extraction.claims if is_standing(c) and is_individual(c)]
    pairs = [(a, b) for a, b in pairs if not _breakdown_of(a, b, shares, text)]
    return [_conflict_finding(component) for component in _components(pairs)]


def _told_apart(context: CheckContext, a: Claim, b: Claim) -> bool:
    """The two figures' sentences set them on different days or in different towns ("inflicted
    nine casualties in Tejutla on 28 March" / "three in Soyapango on 27 March"), or on different
    sides ("20 casualties on the National Guard" / "the army suffered 9"): a round-up of several
    clashes or sides the event stage kept together, not two versions of one figure."""
    for read in (context.days, context.scenes):
        first, second = read(a.evidence), read(b.evidence)
        if first and second and not first & second:
            return True
    sides = figure_roles.side_of(context.text, a), figure_roles.side_of(context.text, b)
    return None not in sides and sides[0] != sides[1]


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
        f"Conflicting figures for {group_outcome(first.group, first.outcome)} in the same event: "
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
            f"The figure {describe(claim.count)} {group_outcome(claim.group, claim.outcome, claim.count)} "
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
