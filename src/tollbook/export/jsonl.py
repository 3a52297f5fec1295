"""JSONL export: one ledger event per line, with its figures, their claims and the evidence text."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from tollbook.reconcile.ledger import Ledger, LedgerEvent


def _claims(ledger: Ledger, event: LedgerEvent) -> list[dict[str, Any]]:
    """Every claim behind the event's figures, with the words it was read from."""
    refs = {ref for figure in event.figures + event.totals for item in figure.history for ref in item.claims}
    claims = []
    for ref in sorted(refs, key=lambda r: (r.report, r.claim)):
        claim = ledger.claim(ref)
        if claim is None:
            continue
        document = ledger.reports[ref.report].document
        claims.append({
            "report": ref.report, "claim": claim.id, "url": document.url, "outlet": document.outlet,
            "published": document.published.date, "outcome": claim.outcome.value,
            "as_written": claim.count.as_written if claim.count else None,
            "source": claim.source.name or claim.source.organisation if claim.source else None,
            "evidence": document.text[claim.evidence.start:claim.evidence.end]})
    return claims


def record(ledger: Ledger, event: LedgerEvent) -> dict[str, Any]:
    data = dataclasses.asdict(event)
    data["claims"] = _claims(ledger, event)
    return data


def to_jsonl(ledger: Ledger) -> str:
    return "".join(json.dumps(record(ledger, e), ensure_ascii=False) + "\n" for e in ledger.events)
