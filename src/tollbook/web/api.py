"""The JSON API under /api/: events, an event, a report, claims, reviews and search.

Unknown ids answer 404, parameters that do not validate 422 (FastAPI's own checks), and a read-only
server 403 on every write. The OpenAPI page is /api/docs.
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from tollbook.model import Claim, Extraction, to_dict
from tollbook.reconcile.ledger import LedgerEvent
from tollbook.review import Action, Review, ReviewField
from tollbook.web.data import SORT_KEYS, LedgerQuery, Snapshot, event_row, excerpt, ledger_page
from tollbook.web.service import Service

router = APIRouter(prefix="/api", tags=["api"])
# Routes return JSONResponse: the data is plain JSON already; FastAPI's encoder would walk it again.

SortKey = Literal["date", "place", "type", "killed", "injured", "reports"]
assert set(SortKey.__args__) == set(SORT_KEYS)  # type: ignore[attr-defined]


def service_of(request: Request) -> Service:
    return request.app.state.service


def ledger_params(
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166 alpha-2")] = None,
    since: Annotated[datetime.date | None, Query(description="events ending on or after")] = None,
    until: Annotated[datetime.date | None, Query(description="events starting on or before")] = None,
    type: Annotated[str | None, Query(max_length=100, description="ACLED event type")] = None,  # noqa: A002
    sort: SortKey = "date",
    order: Literal["asc", "desc"] = "asc",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=500)] = 50,
) -> LedgerQuery:
    return LedgerQuery(country=country or None, since=since.isoformat() if since else None,
                       until=until.isoformat() if until else None, event_type=type or None, sort=sort,
                       descending=order == "desc", page=page, per_page=per_page)


Params = Annotated[LedgerQuery, Depends(ledger_params)]
Svc = Annotated[Service, Depends(service_of)]


# ------------------------------------------------------------ JSON shapes


def claim_dict(report: Extraction, claim: Claim, reviewed: bool) -> dict[str, Any]:
    data = to_dict(claim)
    data.update(report=report.document.id, evidence_text=excerpt(report, claim, limit=10_000),
                reviewed=reviewed)
    return data


def review_dict(review: Review) -> dict[str, Any]:
    return dataclasses.asdict(review)


def figure_claims(snapshot: Snapshot, figure) -> list[dict[str, Any]]:
    """Every figure a source stated for this outcome, with the claims behind it."""
    rows = []
    for item in figure.history:
        for ref in item.claims:
            extraction = snapshot.ledger.reports.get(ref.report)
            claim = snapshot.ledger.claim(ref)
            rows.append({"source": item.source.split(":", 1)[-1], "value": item.value,
                         "as_written": item.as_written, "stated": item.stated, "state": item.state.value,
                         "report": ref.report, "claim": ref.claim, "excerpt": excerpt(extraction, claim),
                         "headline": extraction.document.headline if extraction else None})
    return rows


def event_detail(snapshot: Snapshot, event: LedgerEvent) -> dict[str, Any]:
    figures = []
    for figure in [*event.totals, *event.figures]:
        figures.append({"outcome": figure.outcome.value, "group": figure.group, "low": figure.low,
                        "best": figure.best, "high": figure.high, "best_rule": figure.best_rule,
                        "sources": figure.sources, "claims": figure_claims(snapshot, figure)})
    reports = sorted({m.report for m in event.members})
    findings = [dict(to_dict(f), report=r) for r in reports for f in snapshot.ledger.reports[r].findings]
    documents = {r: snapshot.ledger.reports[r].document for r in reports}
    members = [{"report": m.report, "event": m.event, "headline": documents[m.report].headline,
                "published": documents[m.report].published.date} for m in event.members]
    return {**event_row(event), "actors": [to_dict(a) for a in event.actors], "figures": figures,
            "members": members, "findings": findings}


# ------------------------------------------------------------ routes


@router.get("/events", summary="Ledger events, filtered, sorted and paged")
def events(service: Svc, query: Params) -> JSONResponse:
    rows, total = ledger_page(service.snapshot(), query)
    return JSONResponse({"total": total, "page": query.page, "per_page": query.per_page,
                         "events": [event_row(e) for e in rows]})


@router.get("/events/{event_id}", summary="One event: figures, the claims behind them, reports, findings")
def event(event_id: str, service: Svc) -> JSONResponse:
    found = service.event(event_id)
    return JSONResponse(event_detail(service.snapshot(), found))


@router.get("/reports/{report_id}", summary="One report as extracted, its reviews and its events")
def report(report_id: str, service: Svc) -> JSONResponse:
    extraction = service.report(report_id)
    snapshot = service.snapshot()
    reviewed = snapshot.ledger.reports.get(report_id)
    return JSONResponse({"extraction": to_dict(extraction), "reviewed": reviewed and to_dict(reviewed),
                         "events": snapshot.events_of_report.get(report_id, []),
                         "reviews": [review_dict(r) for r in service.reviews(report_id)]})


@router.get("/claims", summary="Claims (as reviewed) of one report, or the to-review queue")
def claims(
    service: Svc,
    report: Annotated[str | None, Query(pattern=r"^[0-9a-f]{64}$")] = None,
    unreviewed: bool = False,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> JSONResponse:
    snapshot = service.snapshot()
    if report is not None:
        extraction = service.reviewed_report(report)
        pairs = [(extraction, c) for c in extraction.claims]
        if unreviewed:
            pairs = [(e, c) for e, c in pairs if (e.document.id, c.id) not in snapshot.reviewed]
    else:  # the queue: unreviewed claims, lowest confidence first
        pairs = [(item.report, item.claim) for item in service.queue(limit)]
    rows = [claim_dict(e, c, (e.document.id, c.id) in snapshot.reviewed) for e, c in pairs[:limit]]
    return JSONResponse({"claims": rows})


class ReviewIn(BaseModel):
    report: str = Field(pattern=r"^[0-9a-f]{64}$")
    claim: str = Field(min_length=1, max_length=64)
    coder: str = Field(min_length=1, max_length=100)
    action: Action
    field: ReviewField | None = None
    new_value: str | None = Field(default=None, max_length=100)
    comment: str | None = Field(default=None, max_length=2000)


@router.get("/reviews", summary="Reviews, oldest first (all, or one report's)")
def reviews(service: Svc,
            report: Annotated[str | None, Query(pattern=r"^[0-9a-f]{64}$")] = None) -> JSONResponse:
    return JSONResponse({"reviews": [review_dict(r) for r in service.reviews(report)]})


@router.post("/reviews", status_code=201, summary="Accept, reject or correct a claim")
def add_review(body: ReviewIn, service: Svc) -> JSONResponse:
    review = service.review(body.report, body.claim, coder=body.coder, action=body.action.value,
                            field=body.field.value if body.field else None, new_value=body.new_value,
                            comment=body.comment)
    return JSONResponse(review_dict(review), status_code=201)


@router.get("/search", summary="Reports and events matching words")
def search(service: Svc, q: Annotated[str, Query(min_length=1, max_length=200)]) -> JSONResponse:
    found = service.search(q)
    reports = [{"id": e.document.id, "headline": e.document.headline, "published": e.document.published.date}
               for e in found["reports"]]
    return JSONResponse({"reports": reports, "events": [event_row(e) for e in found["events"]]})
