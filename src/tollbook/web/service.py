"""What the web app does, apart from HTTP: read reports and events, add reports, record reviews.

Pages and API routes both call a `Service`, so the two never disagree about what a report is or
what a review changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from tollbook import pipeline, read
from tollbook.errors import TollbookError
from tollbook.model import Claim, Extraction
from tollbook.review import Review, add_review, load_reviews
from tollbook.settings import Settings, from_env
from tollbook.store import Store, StoreError
from tollbook.web.data import LedgerCache, Snapshot
from tollbook.web.fetch import fetch_url

MAX_UPLOAD = 2_000_000  # bytes of a pasted or uploaded report; a news report is kilobytes


class NotFound(TollbookError):
    """No such report, event or claim."""


class Forbidden(TollbookError):
    """The server is read-only, or the feature is switched off."""


@dataclass
class QueueItem:
    report: Extraction
    claim: Claim


class Service:
    def __init__(self, store: Store, *, read_only: bool = False, allow_fetch: bool = False,
                 settings: Settings | None = None) -> None:
        self.store = store
        self.read_only = read_only
        self.allow_fetch = allow_fetch
        self.settings = settings or from_env()
        self.cache = LedgerCache(store)
        self.fetch_loopback = False  # tests fetch from a 127.0.0.1 server; never on in `serve`

    # ------------------------------------------------------------ reading

    def snapshot(self) -> Snapshot:
        return self.cache.get()

    def report(self, report_id: str) -> Extraction:
        """The report as extracted (reviews not applied)."""
        if len(report_id) != 64 or not self.store.has(report_id):
            raise NotFound(f"no report {report_id!r}")
        try:
            return next(self.store.load([report_id]))
        except StoreError:
            raise NotFound(f"no report {report_id!r}") from None

    def reviewed_report(self, report_id: str) -> Extraction:
        """The report as the ledger reads it (reviews applied; rejected claims left out)."""
        self.report(report_id)
        snapshot = self.snapshot()
        return snapshot.ledger.reports[report_id]

    def reviews(self, report_id: str | None = None) -> list[Review]:
        return load_reviews(self.store.engine, None if report_id is None else [report_id])

    def event(self, event_id: str):
        event = self.snapshot().events.get(event_id)
        if event is None:
            raise NotFound(f"no event {event_id!r}")
        return event

    def queue(self, limit: int = 100) -> list[QueueItem]:
        """Claims nobody has reviewed yet, lowest confidence first."""
        snapshot = self.snapshot()
        items = [QueueItem(report=extraction, claim=claim)
                 for extraction in snapshot.ledger.reports.values() for claim in extraction.claims
                 if (extraction.document.id, claim.id) not in snapshot.reviewed]
        items.sort(key=lambda item: (item.claim.confidence, item.report.document.id, item.claim.id))
        return items[:limit]

    def search(self, text: str, limit: int = 50) -> dict[str, list]:
        """Reports whose headline, outlet or text contains the words; events at a matching place."""
        needle = text.strip().lower()
        snapshot = self.snapshot()
        if not needle:
            return {"reports": [], "events": []}
        reports = [e for e in snapshot.ledger.reports.values()
                   if needle in (e.document.headline or "").lower() or needle in e.document.text.lower()
                   or needle in (e.document.outlet or "").lower()]
        events = [e for e in snapshot.ledger.events
                  if needle in " ".join(filter(None, (e.place.name, e.place.admin1, e.place.country,
                                                       e.event_type))).lower()]
        return {"reports": reports[:limit], "events": events[:limit]}

    # ------------------------------------------------------------ writing

    def require_writable(self) -> None:
        if self.read_only:
            raise Forbidden("this server is read-only")

    def add_text(self, text: str, *, title: str | None = None, published: str | None = None) -> Extraction:
        self.require_writable()
        extraction = pipeline.extract_text(text, title=title or None, published=published or None,
                                           settings=self.settings)
        self.store.save(extraction)  # the same text twice is stored once; either way, show it
        self.cache.invalidate()
        return extraction

    def add_bytes(self, data: bytes, *, name: str | None = None, url: str | None = None) -> Extraction:
        self.require_writable()
        settings = self.settings.with_(url=url) if url else self.settings
        document = read.read_bytes(data, settings=settings, name=name)
        extraction = pipeline.extract_report(document, settings)
        self.store.save(extraction)
        self.cache.invalidate()
        return extraction

    def add_url(self, url: str) -> Extraction:
        self.require_writable()
        if not self.allow_fetch:
            raise Forbidden("fetching URLs is switched off on this server")
        final, body = fetch_url(url, max_bytes=MAX_UPLOAD, allow_loopback=self.fetch_loopback)
        return self.add_bytes(body, name=final, url=final)

    def review(self, report_id: str, claim_id: str, *, coder: str, action: str, field: str | None = None,
               new_value: str | None = None, comment: str | None = None) -> Review:
        self.require_writable()
        extraction = self.report(report_id)
        if not any(c.id == claim_id for c in extraction.claims):
            raise NotFound(f"the report has no claim {claim_id!r}")
        made = add_review(self.store.engine, extraction, claim_id, coder=coder, action=action, field=field,
                          new_value=new_value, comment=comment)
        self.cache.invalidate()
        return made
