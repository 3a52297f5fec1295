"""The HTML pages: ledger, event, report (with review forms), to-review queue, add a report, search.

Everything is rendered on the server by autoescaping Jinja templates; forms post back here and
redirect (303) to the page that shows the result.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from tollbook.model import Category, Outcome
from tollbook.review import ReviewField
from tollbook.web.api import Params, Svc, event_detail
from tollbook.web.chart import event_chart
from tollbook.web.data import facets, highlight_span, ledger_page, marked_claims, pieces
from tollbook.web.service import MAX_UPLOAD

router = APIRouter(include_in_schema=False)
CODER_COOKIE = "tollbook_coder"


def _page(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    context.setdefault("coder", request.cookies.get(CODER_COOKIE))
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status_code)


def _with_coder(response: Response, coder: str | None) -> Response:
    if coder:
        # A session cookie: the name is asked once per browser session.
        response.set_cookie(CODER_COOKIE, coder.strip()[:100], httponly=True, samesite="strict")
    return response


@router.get("/", response_class=HTMLResponse)
def ledger(request: Request, service: Svc, query: Params) -> HTMLResponse:
    snapshot = service.snapshot()
    rows, total = ledger_page(snapshot, query)
    pages = max(1, -(-total // query.per_page))
    base = {k: v for k, v in request.query_params.items() if k != "page"}
    return _page(request, "ledger.html", events=rows, total=total, query=query, pages=pages,
                 facets=facets(snapshot), link=lambda **changes: "?" + urlencode({**base, **changes}))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str, service: Svc) -> HTMLResponse:
    found = service.event(event_id)
    detail = event_detail(service.snapshot(), found)
    return _page(request, "event.html", event=detail, chart=event_chart(found))


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report(request: Request, report_id: str, service: Svc) -> HTMLResponse:
    extraction = service.report(report_id)
    snapshot = service.snapshot()
    reviewed = snapshot.ledger.reports.get(report_id, extraction)
    now = {c.id: c for c in reviewed.claims}
    return _page(
        request, "report.html", report=extraction, pieces=pieces(extraction),
        marked={c.id for c in marked_claims(extraction)},
        spans={c.id: highlight_span(c) for c in extraction.claims},
        current=now, reviews=service.reviews(report_id), events=snapshot.events_of_report.get(report_id, []),
        reviewed_ids={cid for doc, cid in snapshot.reviewed if doc == report_id},
        outcomes=[o.value for o in Outcome], categories=[c.value for c in Category],
        fields=[f.value for f in ReviewField], event_ids=[e.id for e in extraction.events])


@router.post("/reports/{report_id}/claims/{claim_id}/review")
def review(
    report_id: str, claim_id: str, request: Request, service: Svc,
    action: Annotated[str, Form(max_length=16)],
    field: Annotated[str | None, Form(max_length=16)] = None,
    new_value: Annotated[str | None, Form(max_length=100)] = None,
    comment: Annotated[str | None, Form(max_length=2000)] = None,
    coder: Annotated[str | None, Form(max_length=100)] = None,
) -> Response:
    name = (coder or "").strip() or request.cookies.get(CODER_COOKIE) or ""
    service.review(report_id, claim_id, coder=name, action=action,
                   field=field if action == "correct" else None,
                   new_value=new_value if action == "correct" else None, comment=comment)
    target = RedirectResponse(f"/reports/{report_id}#claim-{claim_id}", status_code=303)
    return _with_coder(target, name)


@router.post("/coder")
def set_coder(name: Annotated[str, Form(min_length=1, max_length=100)],
              next: Annotated[str, Form(max_length=300)] = "/") -> Response:  # noqa: A002
    target = next if next.startswith("/") and not next.startswith("//") else "/"
    return _with_coder(RedirectResponse(target, status_code=303), name)


@router.get("/queue", response_class=HTMLResponse)
def queue(request: Request, service: Svc, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> HTMLResponse:
    return _page(request, "queue.html", items=service.queue(limit))


@router.get("/add", response_class=HTMLResponse)
def add_form(request: Request) -> HTMLResponse:
    return _page(request, "add.html", limit=MAX_UPLOAD)


@router.post("/add")
async def add(
    request: Request, service: Svc,
    text: Annotated[str | None, Form(max_length=MAX_UPLOAD)] = None,
    title: Annotated[str | None, Form(max_length=500)] = None,
    published: Annotated[str | None, Form(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = None,
    url: Annotated[str | None, Form(max_length=2000)] = None,
    file: UploadFile | None = None,
) -> Response:
    from starlette.concurrency import run_in_threadpool

    data = await file.read(MAX_UPLOAD + 1) if file is not None and file.filename else b""
    if len(data) > MAX_UPLOAD:
        return Response("the file is larger than the upload limit", status_code=413)
    if data:
        extraction = await run_in_threadpool(service.add_bytes, data, name=file.filename if file else None)
    elif url and url.strip():
        extraction = await run_in_threadpool(service.add_url, url.strip())
    elif text and text.strip():
        extraction = await run_in_threadpool(service.add_text, text, title=title, published=published)
    else:
        return _page(request, "add.html", status_code=422, limit=MAX_UPLOAD,
                     message="Paste a report's text or choose an HTML file.")
    return RedirectResponse(f"/reports/{extraction.document.id}", status_code=303)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, service: Svc, q: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    return _page(request, "search.html", q=q, found=service.search(q))
