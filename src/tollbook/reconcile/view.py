"""What `tollbook ledger` and `tollbook export` show: the stored reports reconciled, filtered.

    load_ledger(db, country=None, since=None) -> Ledger
    table(ledger) -> rich Table;  summary(ledger) -> list of JSON-ready dicts
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Iterable
from typing import Any

from rich.table import Table

from tollbook.errors import TollbookError
from tollbook.model import Extraction, Outcome
from tollbook.reconcile import reconcile
from tollbook.reconcile.ledger import Figure, Ledger, LedgerEvent


def load_extractions(db: str | None) -> list[Extraction]:
    """Every report stored in the database at `db` (see `tollbook.store.open_store`)."""
    from tollbook.store import open_store

    store = open_store(db)
    try:
        return list(store.load())
    finally:
        store.close()


def _since(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise TollbookError(f"--since must be a date (YYYY-MM-DD), not {value!r}") from None


def select(ledger: Ledger, *, country: str | None = None, since: str | None = None) -> Ledger:
    """The ledger's events in a country (ISO alpha-2) that ended on or after a day."""
    day = _since(since)
    code = country.upper() if country else None

    def keep(event: LedgerEvent) -> bool:
        end = event.date.end or event.date.start
        return ((code is None or event.place.country == code)
                and (day is None or (end is not None and end[:10] >= day)))

    return dataclasses.replace(ledger, events=[e for e in ledger.events if keep(e)])


def load_ledger(db: str | None, *, country: str | None = None, since: str | None = None,
                loader: Callable[[str | None], Iterable[Extraction]] | None = None) -> Ledger:
    """The reconciled ledger of the reports `loader` (default: the database at `db`) returns."""
    return select(reconcile((loader or load_extractions)(db)), country=country, since=since)


def _range(figure: Figure | None) -> str:
    if figure is None or figure.best is None:
        return "—"
    if figure.low == figure.best == figure.high:
        return str(figure.best)
    return f"{figure.low}–{figure.best}–{figure.high}"


def table(ledger: Ledger) -> Table:
    """Events with killed and injured as low–best–high."""
    view = Table(title=f"tollbook ledger: {len(ledger.events)} events", show_header=True)
    for name, justify in (("date", "left"), ("place", "left"), ("type", "left"), ("killed", "right"),
                          ("injured", "right"), ("reports", "right"), ("sources", "right")):
        view.add_column(name, justify=justify)  # type: ignore[arg-type]
    for event in ledger.events:
        place = ", ".join(p for p in (event.place.name, event.place.admin1, event.place.country) if p)
        sources = max((f.sources for f in event.totals), default=0)
        view.add_row(event.date.start or "?", place or "?", event.event_type or "?",
                     _range(event.total(Outcome.KILLED)), _range(event.total(Outcome.INJURED)),
                     str(len({m.report for m in event.members})), str(sources))
    return view


def summary(ledger: Ledger) -> list[dict[str, Any]]:
    """Per event: id, date, place, type and killed / injured low, best, high."""
    rows = []
    for event in ledger.events:
        row: dict[str, Any] = {"id": event.id, "date": dataclasses.asdict(event.date),
                               "place": dataclasses.asdict(event.place), "event_type": event.event_type,
                               "reports": sorted({m.report for m in event.members})}
        for outcome in (Outcome.KILLED, Outcome.INJURED):
            total = event.total(outcome)
            row[outcome.value] = ({"low": total.low, "best": total.best, "high": total.high,
                                   "sources": total.sources} if total else None)
        rows.append(row)
    return rows
