"""`tollbook eval ledger FOLDER`: the ledger across reports against the Gun Violence Archive registry.

The gva folder files several scraped reports under each registry incident. The pipeline reads
each distinct report (text, title, url, document date — never the incident id); the reports are
then reconciled into one ledger, and the ledger is scored:

- `bcubed_f1`: B-cubed F1 of the report clusters against the incidents. A report's cluster is
  the ledger event of its main event (the one most of its casualty claims hang on); a report with
  no event is alone. Two reports belong together in the gold when they share an incident (a
  report filed under two incidents belongs to both). `singleton_bcubed_f1` is the
  every-report-alone baseline.
- `incident_killed_exact`, `incident_injured_exact`: per incident, the ledger event most of its
  reports fall in, its event-level `best` killed / injured (nothing stated counts 0) against the
  registry (GVA counts everyone shot, suspects included; injured means injured and not killed).
- `range_coverage`: how often the registry figure lies within that event's low..high, over
  incidents × {killed, injured}.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tollbook.evaluate import metrics
from tollbook.evaluate.common import error_log, extract_all, identity, limited
from tollbook.evaluate.gva import read
from tollbook.evaluate.tally import main_event
from tollbook.model import Extraction, Outcome
from tollbook.reconcile import reconcile
from tollbook.reconcile.ledger import Ledger, LedgerEvent
from tollbook.settings import Settings


def clusters_of(items: Sequence[dict[str, Any]], extractions: Sequence[Extraction],
                ledger: Ledger) -> list[str]:
    """The predicted cluster (a ledger event id, or the item alone) of each item."""
    event_of = {(m.report, m.event): event.id for event in ledger.events for m in event.members}
    labels = []
    for item, extraction in zip(items, extractions, strict=True):
        event = main_event(extraction.claims)
        if event is None and extraction.events:
            event = extraction.events[0].id
        labels.append(event_of.get((extraction.document.id, event), f"alone:{item['id']}"))
    return labels


def bcubed_f1(labels: Sequence[str], gold: Sequence[set[str]]) -> float:
    """B-cubed F1 where an item may belong to several gold classes (linked when they share one)."""
    precision = recall = 0.0
    for i, label in enumerate(labels):
        predicted = [j for j, other in enumerate(labels) if other == label]
        related = [j for j, classes in enumerate(gold) if classes & gold[i]]
        both = sum(1 for j in predicted if gold[j] & gold[i])
        precision += both / len(predicted)
        recall += both / len(related)
    precision, recall = precision / len(labels), recall / len(labels)
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _figures(event: LedgerEvent | None, outcome: Outcome) -> tuple[int, int, int]:
    """(low, best, high) of an event-level total; nothing stated reads as 0."""
    total = event.total(outcome) if event is not None else None
    if total is None or total.best is None:
        return 0, 0, 0
    low = total.low if total.low is not None else total.best
    high = total.high if total.high is not None else total.best
    return low, total.best, high


def score_incidents(items: Sequence[dict[str, Any]], labels: Sequence[str], ledger: Ledger,
                    scores: metrics.Scores) -> list[dict[str, Any]]:
    """Per incident: the ledger event most of its reports fall in, scored against the registry."""
    events = {event.id: event for event in ledger.events}
    incidents: dict[str, dict[str, Any]] = {}
    votes: dict[str, Counter] = {}
    for item, label in zip(items, labels, strict=True):
        for incident in item["incidents"]:
            incidents[incident["incident_id"]] = incident
            if label in events:
                votes.setdefault(incident["incident_id"], Counter())[label] += 1
    rows = []
    for incident_id, incident in incidents.items():
        chosen = votes.get(incident_id)
        event = events[chosen.most_common(1)[0][0]] if chosen else None
        row = {"incident": incident_id, "event": event.id if event else None}
        for outcome, key in ((Outcome.KILLED, "num_killed"), (Outcome.INJURED, "num_injured")):
            low, best, high = _figures(event, outcome)
            gold = int(incident[key])
            scores.add(f"incident_{outcome.value}_exact", best == gold)
            scores.add("range_coverage", low <= gold <= high)
            row[outcome.value] = {"low": low, "best": best, "high": high, "gold": gold}
        rows.append(row)
    return rows


def score(items: Sequence[dict[str, Any]], extractions: Sequence[Extraction],
          errors: Path | None = None) -> dict[str, Any]:
    """The module's metrics for already extracted items (one Extraction per item, in order)."""
    ledger = reconcile(extractions)
    labels = clusters_of(items, extractions, ledger)
    gold = [{i["incident_id"] for i in item["incidents"]} for item in items]
    scores = metrics.Scores()
    if items:
        scores.add("bcubed_f1", bcubed_f1(labels, gold))
        scores.add("singleton_bcubed_f1", bcubed_f1([f"alone:{n}" for n in range(len(items))], gold))
    with error_log(errors) as log:
        for row in score_incidents(items, labels, ledger, scores):
            log.write(**row)
    scores.n = len(items)
    summary = scores.summary()
    summary.update(events=len(ledger.events), copies=len(ledger.copies))
    return summary


def evaluate(path: Path, *, limit: int | None = None, errors: Path | None = None,
             progress=identity, settings: Settings | None = None) -> dict[str, Any]:
    items = limited(read(Path(path)), limit)
    extractions = []
    refused = 0
    for _, extraction, refusal in extract_all(progress(items), settings=settings):
        extractions.append(extraction)
        refused += refusal is not None
    summary = score(items, extractions, errors)
    summary["refused"] = refused
    return summary
