"""The ledger's records: events across reports, their figures, and the copies found.

A `LedgerEvent` is one real event as several reports tell it: it keeps every member
report-event (`Member`: report id and the event id inside that report), and per outcome and
group a `Figure` — low, best and high, each naming the claims behind it, with the history of
every figure each independent source stated. Records are frozen like those of `tollbook.model`;
`Ledger` also keeps the Extractions it was built from, so exports can quote evidence text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from tollbook.model import Actor, Claim, DateRange, Extraction, Outcome, Place

record = dataclass(frozen=True, kw_only=True)

TOTAL = "total"  # the group label of an event-level figure: everyone, all groups rolled up


class FigureState(StrEnum):
    CURRENT = "current"  # the source's latest figure
    SUPERSEDED = "superseded"  # the same source later said something else
    STALE = "stale"  # another source later stated a higher figure: kept, but no longer sets low


@record
class CopyLink:
    copy: str  # report (document) id of the copy
    original: str  # report id of the earliest report of its group of near-duplicates
    similarity: float  # highest estimated Jaccard similarity with a member of its group


@record
class Member:
    report: str  # document id
    event: str  # event id inside that report


@record
class ClaimRef:
    report: str
    claim: str


@record
class SourceFigure:
    """One figure one independent source stated (in one report) for an outcome and group."""

    source: str  # independence key: "named:<speaker or organisation>" or "outlet:<outlet or report>"
    value: int
    low: int | None
    high: int | None
    as_written: str
    stated: str | None  # ISO date the figure was stated (or the report published)
    claims: list[ClaimRef]
    state: FigureState = FigureState.CURRENT
    official: bool = False  # named official or organisation that is not a party to the event


@record
class Figure:
    outcome: Outcome
    group: str  # a rolled-up category ("military", "civilian", ...) or TOTAL
    low: int | None
    best: int | None
    high: int | None
    best_rule: str  # which rule chose best: "most sources" or "none"
    sources: int  # independent sources with a current figure
    low_claims: list[ClaimRef] = field(default_factory=list)
    best_claims: list[ClaimRef] = field(default_factory=list)
    high_claims: list[ClaimRef] = field(default_factory=list)
    history: list[SourceFigure] = field(default_factory=list)


@record
class LedgerEvent:
    id: str
    members: list[Member]
    event_type: str | None
    sub_event_type: str | None
    date: DateRange
    place: Place
    actors: list[Actor] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)  # per outcome × group
    totals: list[Figure] = field(default_factory=list)  # per outcome, all groups (scored)

    def total(self, outcome: Outcome) -> Figure | None:
        return next((f for f in self.totals if f.outcome == outcome), None)


@record
class Ledger:
    events: list[LedgerEvent]
    copies: list[CopyLink]
    reports: dict[str, Extraction]  # report id → its Extraction

    def claim(self, ref: ClaimRef) -> Claim | None:
        extraction = self.reports.get(ref.report)
        if extraction is None:
            return None
        return next((c for c in extraction.claims if c.id == ref.claim), None)
