"""What the pages and the API show, computed from the store: the reviewed ledger (cached until the
store or its reviews change), its events filtered, sorted and paged, and a report cut into pieces
for highlighting.
"""

from __future__ import annotations

import dataclasses
import gc
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from tollbook.model import Claim, Extraction, Outcome, Place, SegmentKind
from tollbook.reconcile import reconcile
from tollbook.reconcile.ledger import Figure, Ledger, LedgerEvent
from tollbook.review import apply_reviews, latest_review_id, load_reviews, reviewed_claims
from tollbook.store import Store
from tollbook.store import schema as tables

PLACE_FIELDS = [f.name for f in dataclasses.fields(Place)]
SORT_KEYS = ("date", "place", "type", "killed", "injured", "reports")


@dataclass
class Snapshot:
    """The reviewed ledger at one state of the store."""

    ledger: Ledger
    events: dict[str, LedgerEvent]
    events_of_report: dict[str, list[str]]
    reviewed: set[tuple[str, str]]
    version: tuple[int, int]
    # Filtered and sorted event lists, by query: a ledger page is then a slice (bounded, see MEMO).
    memo: dict[tuple, list[LedgerEvent]] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)


class LedgerCache:
    """Reconciling every report is the expensive step: do it once per state of the store.

    The state is (last document seq, last review id); both only grow. This server's own writes call
    `invalidate`; a change by `tollbook ingest` beside it is noticed within RECHECK seconds.
    """

    RECHECK = 2.0

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._checked = 0.0

    def invalidate(self) -> None:
        self._checked = 0.0

    def version(self) -> tuple[int, int]:
        with self.store.engine.connect() as conn:
            seq = conn.execute(sa.select(sa.func.max(tables.documents.c.seq))).scalar() or 0
        return int(seq), latest_review_id(self.store.engine)

    def get(self) -> Snapshot:
        snapshot = self._snapshot
        if snapshot is not None and time.monotonic() - self._checked < self.RECHECK:
            return snapshot
        with self._lock:
            version = self.version()
            if self._snapshot is None or self._snapshot.version != version:
                gc.unfreeze()  # let the previous snapshot be collected
                self._snapshot = self._build(version)
                # The snapshot is millions of long-lived objects: out of the collector's sight, they
                # do not make every full collection walk them (that slowed requests 3× on 10k events).
                gc.freeze()
            self._checked = time.monotonic()
            return self._snapshot

    def _build(self, version: tuple[int, int]) -> Snapshot:
        reviews = load_reviews(self.store.engine)
        ledger = reconcile(apply_reviews(self.store.load(), reviews))
        of_report: dict[str, list[str]] = {}
        for event in ledger.events:
            for report in {m.report for m in event.members}:
                of_report.setdefault(report, []).append(event.id)
        return Snapshot(ledger=ledger, events={e.id: e for e in ledger.events}, events_of_report=of_report,
                        reviewed=reviewed_claims(reviews), version=version)


# ------------------------------------------------------------ the ledger table


@dataclass(frozen=True)
class LedgerQuery:
    country: str | None = None
    since: str | None = None
    until: str | None = None
    event_type: str | None = None
    sort: str = "date"
    descending: bool = False
    page: int = 1
    per_page: int = 50


def figure_dict(figure: Figure | None) -> dict[str, Any] | None:
    if figure is None:
        return None
    return {"low": figure.low, "best": figure.best, "high": figure.high, "sources": figure.sources}


def event_row(event: LedgerEvent) -> dict[str, Any]:
    """An event as one ledger row (JSON-ready)."""
    return {
        "id": event.id, "date": event.date.start, "date_end": event.date.end,
        "place": {f: getattr(event.place, f) for f in PLACE_FIELDS}, "place_label": place_label(event),
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "killed": figure_dict(event.total(Outcome.KILLED)),
        "injured": figure_dict(event.total(Outcome.INJURED)),
        "reports": sorted({m.report for m in event.members}),
    }


def place_label(event: LedgerEvent) -> str:
    place = event.place
    return ", ".join(p for p in dict.fromkeys((place.name, place.admin1, place.country)) if p) or "?"


def _sort_key(name: str) -> Callable[[LedgerEvent], Any]:
    def best(outcome: Outcome) -> Callable[[LedgerEvent], Any]:
        def key(event: LedgerEvent) -> Any:
            total = event.total(outcome)
            return -1 if total is None or total.best is None else total.best
        return key

    return {
        "date": lambda e: e.date.start or e.date.end or "",
        "place": place_label,
        "type": lambda e: e.event_type or "",
        "killed": best(Outcome.KILLED),
        "injured": best(Outcome.INJURED),
        "reports": lambda e: len({m.report for m in e.members}),
    }[name]


def _kept(event: LedgerEvent, query: LedgerQuery) -> bool:
    start = (event.date.start or event.date.end or "")[:10]
    end = (event.date.end or event.date.start or "")[:10]
    return ((not query.country or (event.place.country or "").upper() == query.country.upper())
            and (not query.since or (end != "" and end >= query.since))
            and (not query.until or (start != "" and start <= query.until))
            and (not query.event_type or event.event_type == query.event_type))


MEMO = 256  # distinct (filters, sort) lists kept per snapshot


def ledger_page(snapshot: Snapshot, query: LedgerQuery) -> tuple[list[LedgerEvent], int]:
    """One page of the filtered, sorted events, and how many events match in all."""
    key = (query.country and query.country.upper(), query.since, query.until, query.event_type, query.sort,
           query.descending)
    matching = snapshot.memo.get(key)
    if matching is None:
        matching = [e for e in snapshot.ledger.events if _kept(e, query)]
        # Ties keep the ledger's own order (date, then id): sorting is stable.
        matching.sort(key=_sort_key(query.sort), reverse=query.descending)
        if len(snapshot.memo) >= MEMO:
            snapshot.memo.clear()
        snapshot.memo[key] = matching
    first = (query.page - 1) * query.per_page
    return matching[first:first + query.per_page], len(matching)


def facets(snapshot: Snapshot) -> dict[str, list[str]]:
    """The countries and event types the filters offer."""
    if "facets" not in snapshot.extras:
        events = snapshot.ledger.events
        countries = sorted({e.place.country for e in events if e.place.country})
        snapshot.extras["facets"] = {"countries": countries,
                                     "types": sorted({e.event_type for e in events if e.event_type})}
    return snapshot.extras["facets"]


# ------------------------------------------------------------ a report cut for highlighting


@dataclass
class Piece:
    text: str
    segment: str  # headline, body, caption, residue or "" (outside any segment)
    claim: Claim | None = None
    anchors: list[str] = field(default_factory=list)  # ids of finding anchors starting here


def highlight_span(claim: Claim) -> tuple[int, int]:
    """What a claim highlights: its count as written, or its evidence when it has no count."""
    if claim.count is not None and claim.count.end > claim.count.start:
        return claim.count.start, claim.count.end
    return claim.evidence.start, claim.evidence.end


def marked_claims(extraction: Extraction) -> list[Claim]:
    """The claims highlighted in the text: one per span, overlapping ones left to the claims table."""
    chosen: list[Claim] = []
    taken_until = -1
    for claim in sorted(extraction.claims, key=lambda c: (highlight_span(c)[0], -highlight_span(c)[1])):
        start, end = highlight_span(claim)
        if start >= taken_until and end > start:
            chosen.append(claim)
            taken_until = end
    return chosen


def pieces(extraction: Extraction) -> list[Piece]:
    """The text cut at every segment, highlight and finding-anchor boundary."""
    text = extraction.document.text
    marks = {highlight_span(c): c for c in marked_claims(extraction)}
    anchors: dict[int, list[str]] = {}
    for i, finding in enumerate(extraction.findings):
        for j, span in enumerate(finding.spans):
            anchors.setdefault(span.start, []).append(f"f{i}-{j}")
    cuts = {0, len(text), *anchors}
    for segment in extraction.document.segments:
        cuts.update((segment.start, segment.end))
    for start, end in marks:
        cuts.update((start, end))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    result = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        result.append(Piece(text=text[start:end], segment=_segment_at(extraction, start),
                            claim=_mark_at(marks, start), anchors=anchors.get(start, [])))
    return result


def _segment_at(extraction: Extraction, offset: int) -> str:
    for segment in extraction.document.segments:
        if segment.start <= offset < segment.end:
            return segment.kind.value
    return ""


def _mark_at(marks: dict[tuple[int, int], Claim], offset: int) -> Claim | None:
    return next((claim for (start, end), claim in marks.items() if start <= offset < end), None)


def excerpt(extraction: Extraction | None, claim: Claim | None, limit: int = 300) -> str:
    if extraction is None or claim is None:
        return ""
    text = extraction.document.text[claim.evidence.start:claim.evidence.end]
    return text if len(text) <= limit else text[:limit] + "…"


SEGMENT_KINDS = [kind.value for kind in SegmentKind]
