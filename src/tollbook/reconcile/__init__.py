"""Across reports: copies, events, figures ⇒ the ledger.

    reconcile(extractions) -> Ledger

runs the three steps in order: 1. `copies` links near-duplicate reports to their earliest
one; 2. `events` joins the report-events that tell one real event; 3. `figures` gives each
joined event its low / best / high per outcome and group. A report whose document id was
already seen (the same text twice) is read once.
"""

from __future__ import annotations

from collections.abc import Iterable

from tollbook.model import Extraction
from tollbook.reconcile.copies import find_copies, originals
from tollbook.reconcile.events import (
    cluster,
    ledger_id,
    order_of,
    report_events,
    shared_date,
    shared_place,
    shared_type,
)
from tollbook.reconcile.figures import event_figures
from tollbook.reconcile.ledger import Ledger, LedgerEvent

__all__ = ["reconcile"]


def _distinct(extractions: Iterable[Extraction]) -> list[Extraction]:
    seen: set[str] = set()
    kept = []
    for extraction in extractions:
        if extraction.document.id and extraction.document.id not in seen:
            seen.add(extraction.document.id)
            kept.append(extraction)
    return kept


def reconcile(extractions: Iterable[Extraction]) -> Ledger:
    """The ledger of a corpus of extracted reports (input order breaks date ties)."""
    reports = _distinct(extractions)
    by_id = {e.document.id: e for e in reports}
    # 1. copies
    copies = find_copies(reports)
    copy_of = originals(copies)
    # 2. events across reports
    order = order_of(reports)
    events = []
    for group in cluster(report_events(reports)):
        members = [item.member for item in group]
        # 3. figures
        figures, totals = event_figures(members, by_id, copy_of, order)
        event_type, sub_type = shared_type(group)
        actors = list({a.name: a for item in group for a in item.event.actors}.values())
        events.append(LedgerEvent(
            id=ledger_id(group), members=members, event_type=event_type, sub_event_type=sub_type,
            date=shared_date(group), place=shared_place(group), actors=actors,
            figures=figures, totals=totals))
    events.sort(key=lambda e: (e.date.start or e.date.end or "", e.id))
    return Ledger(events=events, copies=copies, reports=by_id)
