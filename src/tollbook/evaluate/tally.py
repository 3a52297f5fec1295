"""One article's casualty numbers from one Extraction: killed, and injured but not killed.

Registries and annotations give one number per incident; an extraction gives many claims.
The rules, applied in this order, are deliberately simple:

1. Main event: the event that most casualty claims hang on (ties: the first in the text).
   Only its claims count; a round-up's other shootings do not. A figure summed over several
   shootings ("22 shot across the city") is never the main event while another event has claims.
2. Keep current claims (not superseded, denied, negated or undetermined) with a count, whose
   role is accepted (victims and unknown for a victim list, everyone for a registry).
3. A figure is `value`, else `low` (a bound: "more than 112" counts 113, "nearly 50" 45).
4. Headline claims duplicate body claims: a headline figure is dropped when the body gives
   one for the same outcome.
5. A total and its parts: a claim that is `part_of` another kept claim is dropped, and a
   stated total (`is_total`) covers unlinked groups beside it: the larger of the total and
   the sum of the groups counts.
6. The same group stated twice (two sources, or a revision not marked as one) is one figure:
   the largest is kept. Repeats in one source are already `mentions` of one claim.
7. Different groups add up: "two officers and a bystander were wounded" → 3.
8. People counted one by one ("a 25-year-old man", "the 41-year-old") retell a stated figure
   ("two men were wounded"): for each outcome the larger of the two tellings counts.
9. "casualties" (shot, not said whether fatally) covers the killed: "two people were shot,
   one fatally" → casualties 2, killed 1 → injured-not-killed 1. The injured are the larger of
   those told injured and those shot but not killed: "Five were shot … one is in critical
   condition" counts 5 wounded, not 1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from tollbook.annotate.counts import parse_count
from tollbook.model import ROUND_UP_KIND, Claim, Extraction, Outcome, Role, Status

VICTIM_ROLES = frozenset({Role.VICTIM, Role.UNKNOWN})
ALL_ROLES = frozenset(Role)
_COUNTED = (Outcome.KILLED, Outcome.INJURED, Outcome.CASUALTIES)


@dataclass(frozen=True, kw_only=True)
class Tally:
    killed: int
    injured: int  # injured and not killed
    event: str | None  # id of the main event the numbers belong to


def figure(claim: Claim) -> int | None:
    """The number a claim stands for: its value, else its lower bound."""
    if claim.count is None:
        return None
    return claim.count.value if claim.count.value is not None else claim.count.low


def main_event(claims: Iterable[Claim], round_ups: Collection[str] = ()) -> str | None:
    """The event most casualty claims belong to; the earliest one on a tie. Events in
    `round_ups` only count when no other event has a casualty claim."""
    counted = [claim for claim in claims if claim.outcome in _COUNTED]
    votes = Counter(c.event for c in counted if c.event not in round_ups) or Counter(c.event for c in counted)
    if not votes:
        return None
    best = max(votes.values())
    return next(event for event, n in votes.items() if n == best)


def _usable(claim: Claim, roles: Collection[Role]) -> bool:
    return (
        claim.outcome in _COUNTED
        and claim.status == Status.CURRENT
        and not claim.negated
        and claim.group.role in roles
        and figure(claim) is not None
    )


def _drop_headline_repeats(claims: list[Claim]) -> list[Claim]:
    body_outcomes = {claim.outcome for claim in claims if not claim.from_headline}
    return [c for c in claims if not (c.from_headline and c.outcome in body_outcomes)]


def _drop_parts(claims: list[Claim]) -> list[Claim]:
    """A part of a kept claim of the same outcome is inside its figure; "one of whom died" under
    "five were shot" is the number killed, and stays."""
    kept = {claim.id: claim for claim in claims}
    return [
        claim
        for claim in claims
        if claim.part_of not in kept or kept[claim.part_of].outcome != claim.outcome
    ]


def _group_key(claim: Claim) -> tuple:
    group = claim.group
    noun = (group.noun or "").lower()
    return (claim.outcome, noun, group.category, group.role, group.nationality, group.gender,
            group.age_group, group.is_total)


def _sum_by_group(claims: list[Claim], outcome: Outcome) -> int | None:
    """Sum over distinct groups of the largest figure stated for each; None when no claim."""
    largest: dict[tuple, int] = {}
    for claim in claims:
        if claim.outcome == outcome:
            key = _group_key(claim)
            largest[key] = max(largest.get(key, 0), figure(claim) or 0)
    if not largest:
        return None
    totals = [n for key, n in largest.items() if key[-1]]
    parts = sum(n for key, n in largest.items() if not key[-1])
    # A stated total ("5 people were killed") already covers the groups listed beside it,
    # even when the pipeline did not link them with part_of.
    return max(max(totals), parts) if totals else parts


def tally(extraction: Extraction, *, roles: Collection[Role] = VICTIM_ROLES,
          event: str | None = None) -> Tally:
    """Killed and injured-not-killed for one event: the given one, else the article's main event
    (see the module rules)."""
    round_ups = {e.id for e in extraction.events if e.kind == ROUND_UP_KIND}
    event = event if event is not None else main_event(extraction.claims, round_ups)
    claims = [c for c in extraction.claims if c.event == event and _usable(c, roles)]
    claims = _drop_parts(_drop_headline_repeats(claims))
    killed = _count(claims, Outcome.KILLED) or 0
    injured = _count(claims, Outcome.INJURED) or 0
    # Everyone shot and not killed was injured, whether or not each is told injured: a report
    # often names the condition of only some of those it says were shot.
    shot = _count(claims, Outcome.CASUALTIES) or 0
    injured = max(injured, shot - killed)
    return Tally(killed=killed, injured=injured, event=event)


def _count(claims: list[Claim], outcome: Outcome) -> int | None:
    """Stated figures and people counted one by one are two tellings of the same victims ("Two men
    were wounded. The 41-year-old … the 45-year-old …"): the larger counts."""
    stated = _sum_by_group([c for c in claims if not is_individual(c)], outcome)
    one_by_one = _sum_by_group([c for c in claims if is_individual(c)], outcome)
    if stated is None or one_by_one is None:
        return one_by_one if stated is None else stated
    return max(stated, one_by_one)


def is_individual(claim: Claim) -> bool:
    """A person counted one by one ("a 25-year-old man", "Smith and Jones"), not a number."""
    return claim.count is not None and parse_count(claim.count.as_written) is None
