"""What the exports share: the figures of an event, places and dates in export form, CSV text."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from typing import Any

from tollbook.model import DateRange, Outcome
from tollbook.reconcile.ledger import Figure, FigureState, Ledger, LedgerEvent


def csv_text(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    """Rows as CSV with a header, None written as an empty cell."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return out.getvalue()


def days(date: DateRange) -> list[str]:
    """Each ISO day an event spans (one day when the range is open or not day-precise)."""
    start = date.start or date.end
    if not start:
        return []
    first = datetime.date.fromisoformat(start[:10])
    last = datetime.date.fromisoformat((date.end or start)[:10])
    if date.precision not in (None, "day") or last < first:
        return [first.isoformat()]
    return [(first + datetime.timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]


def split_evenly(total: int, parts: int) -> list[int]:
    """A total over several days, evenly per day; the remainder goes to the first days."""
    base, extra = divmod(total, parts)
    return [base + (1 if n < extra else 0) for n in range(parts)]


def triple(figure: Figure | None) -> tuple[int | None, int | None, int | None]:
    return (figure.low, figure.best, figure.high) if figure else (None, None, None)


def history_text(event: LedgerEvent) -> str:
    """Every figure each source stated, oldest first: "killed 2 (police, 2024-01-02, superseded)"."""
    parts = []
    for figure in event.totals:
        for item in figure.history:
            source = item.source.split(":", 1)[-1]
            parts.append(f"{figure.outcome.value} {item.value} ({source}, {item.stated or '?'}, "
                         f"{item.state.value})")
    return "; ".join(parts)


def current_figures(figure: Figure | None) -> list:
    return [f for f in figure.history if f.state == FigureState.CURRENT] if figure else []


def reports_of(ledger: Ledger, event: LedgerEvent) -> list:
    """The member reports' documents, in member order, each once."""
    seen, documents = set(), []
    for member in event.members:
        if member.report not in seen and member.report in ledger.reports:
            seen.add(member.report)
            documents.append(ledger.reports[member.report].document)
    return documents


def outlets(ledger: Ledger, event: LedgerEvent) -> list[str]:
    """The outlets of the member reports (an archived page counts as its original site)."""
    from tollbook.reconcile.figures import outlet

    found = {outlet(ledger.reports[m.report]) for m in event.members if m.report in ledger.reports}
    return sorted(name for name in found if name)


def named_sources(event: LedgerEvent, outcome: Outcome = Outcome.KILLED) -> list[str]:
    figure = event.total(outcome)
    history = figure.history if figure else []
    return sorted({f.source.split(":", 1)[1] for f in history if f.source.startswith("named:")})


def evidence_text(ledger: Ledger, figure: Figure | None, limit: int = 3) -> list[str]:
    """The sentences the best figure was read from."""
    texts = []
    for ref in (figure.best_claims if figure else [])[:limit]:
        claim = ledger.claim(ref)
        if claim is not None:
            text = ledger.reports[ref.report].document.text
            texts.append(" ".join(text[claim.evidence.start:claim.evidence.end].split()))
    return texts
